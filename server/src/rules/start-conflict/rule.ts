import type { Finding, Rule } from '../types.js';
import { describeLink, drivingDependency, quotedNode } from '../schedule-rule-support.js';
import { workingDays } from '../../util/phrases.js';

/**
 * On the `start:` value of each task that its dependencies push past that
 * date. The scheduler records which dependency set the start (the driving
 * edge); the message names it, and how it links, so the author sees which
 * of the two is wrong: the date or the dependency.
 */
export const startConflictRule: Rule<'start-conflict'> = {
  name: 'start-conflict',
  defaultSeverity: 'warning',
  summary: 'dependencies push a task past its own `start` date',
  *check({ model, graph, schedule }): Iterable<Finding> {
    if (!schedule) return;
    for (const [taskIndex, task] of model.tasks.entries()) {
      const scheduled = schedule.tasks[taskIndex];
      const edge = scheduled?.drivingEdge;
      if (!task.start || !scheduled?.startConflict || !edge?.dependency) continue;
      const driver = drivingDependency(graph, edge);
      if (!driver) continue;
      const target = `${driver.kind === 'phase' ? 'phase ' : ''}'${driver.id}'`;
      const who =
        driver.via === 'phase' ? `its phase ${quotedNode(graph, graph.phaseNode(task.phaseIndex))} waits for` : 'it waits for';
      yield {
        rule: 'start-conflict',
        message:
          `Task ${quotedNode(graph, taskIndex)} cannot start on its start date ${task.start.value}: ${who} ${target} ` +
          `(${describeLink(edge.dependency)}), so it starts on ${scheduled.start}, ${workingDays(scheduled.startDelay)} later.`,
        span: task.start.span,
        data: {
          rule: 'start-conflict',
          taskId: task.id?.value,
          taskIndex,
          computedStart: scheduled.start,
          requestedStart: task.start.value,
          delayDays: scheduled.startDelay,
          driver,
        },
      };
    }
  },
};
