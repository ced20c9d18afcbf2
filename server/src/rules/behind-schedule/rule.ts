import type { Finding, Rule } from '../types.js';
import { quotedNode } from '../schedule-rule-support.js';
import { statusDateText } from '../progress-rule-support.js';

/**
 * A task that the plan (its schedule without progress data) has starting or
 * finishing before the status date, but that has not: no `actual_start`, or
 * not done. "By the status date" means on a working day before it: a task
 * planned to start on the status date itself is not late yet. The message
 * gives the planned dates and where the task is now forecast.
 */
export const behindScheduleRule: Rule<'behind-schedule'> = {
  name: 'behind-schedule',
  defaultSeverity: 'warning',
  summary: 'a task that should have started or finished by the status date has not',
  *check({ model, graph, schedule }): Iterable<Finding> {
    const status = schedule?.status;
    const planned = schedule?.planned;
    if (!schedule || !status || !planned) return;
    for (const [taskIndex, task] of model.tasks.entries()) {
      const scheduled = schedule.tasks[taskIndex];
      const plan = planned.tasks[taskIndex];
      const state = scheduled?.progress?.state;
      if (!scheduled || !plan || !state || state === 'finished') continue;
      const name = quotedNode(graph, taskIndex);
      const span = task.actualStart?.span ?? task.id?.span ?? task.name?.span ?? task.span;
      if (plan.finishIndex < status.index) {
        const plannedText = plan.milestone ? `planned on ${plan.start}` : `planned ${plan.start} -> ${plan.finish}`;
        const what = plan.milestone ? 'should have been reached' : 'should have finished';
        const now = state === 'started' ? 'it has started but is not done' : 'it has not started (no actual_start)';
        yield {
          rule: 'behind-schedule',
          message: `Task ${name} ${what} by ${plan.finish} (${plannedText}), but as of ${statusDateText(status)} ${now}; it is now forecast ${plan.milestone ? 'on' : 'to finish on'} ${scheduled.finish}.`,
          span,
        };
      } else if (plan.s < status.index && state === 'not-started') {
        yield {
          rule: 'behind-schedule',
          message: `Task ${name} should have started on ${plan.start} (planned ${plan.start} -> ${plan.finish}), but has no actual_start as of ${statusDateText(status)}; it now starts on ${scheduled.start} and finishes on ${scheduled.finish}.`,
          span,
        };
      }
    }
  },
};
