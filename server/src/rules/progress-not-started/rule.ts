import type { Finding, Rule } from '../types.js';
import { quotedNode } from '../schedule-rule-support.js';
import { isFinished } from '../../schedule/progress.js';

/**
 * `progress` that the rest of the task contradicts: more than 0% on a task
 * that has no `actual_start` (the schedule then reads it as not started and
 * ignores the progress), or 100% on a task that is not finished (no
 * `actual_finish`, not `status: done`; the schedule then leaves it no
 * remaining work but does not count it as done).
 */
export const progressNotStartedRule: Rule<'progress-not-started'> = {
  name: 'progress-not-started',
  defaultSeverity: 'warning',
  summary: 'progress on a task that has not started, or 100% on a task that is not done',
  *check({ model, graph }): Iterable<Finding> {
    for (const [taskIndex, task] of model.tasks.entries()) {
      const progress = task.progress;
      if (!progress || isFinished(task)) continue;
      const name = quotedNode(graph, taskIndex);
      if (progress.value > 0 && !task.actualStart) {
        yield {
          rule: 'progress-not-started',
          message: `Task ${name} is ${progress.value}% done but has not started: write the day work began (actual_start: YYYY-MM-DD), or progress: 0%. Until then its progress is not counted.`,
          span: progress.span,
        };
      } else if (progress.value === 100) {
        yield {
          rule: 'progress-not-started',
          message: `Task ${name} is 100% done but not finished: write the day it finished (actual_finish: YYYY-MM-DD) or status: done.`,
          span: progress.span,
        };
      }
    }
  },
};
