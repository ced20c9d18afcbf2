import type { Finding, Rule } from '../types.js';
import { drivingChain, quotedNode } from '../schedule-rule-support.js';
import { workingDays } from '../../util/phrases.js';

/**
 * On the `deadline:` value of each task whose computed finish is after it.
 * The message names the chain of dependencies that sets the task's start
 * (cheap: the scheduler records each task's driving edge), because that
 * chain is where time can be won back.
 */
export const deadlineMissedRule: Rule<'deadline-missed'> = {
  name: 'deadline-missed',
  defaultSeverity: 'warning',
  summary: "the computed finish is after the task's `deadline`",
  *check({ model, graph, schedule }): Iterable<Finding> {
    if (!schedule) return;
    for (const [taskIndex, task] of model.tasks.entries()) {
      const scheduled = schedule.tasks[taskIndex];
      if (!task.deadline || !scheduled?.deadlineMissed) continue;
      const chain = drivingChain(model, graph, schedule, taskIndex);
      const name = quotedNode(graph, taskIndex);
      let cause: string;
      if (chain.nodes.length > 0) {
        const links = [...chain.nodes, taskIndex].map((node) => graph.nodeName(node)).join(' -> ');
        cause = `driving chain: ${chain.truncated ? '... -> ' : ''}${links}`;
      } else if (scheduled.startBound !== undefined && scheduled.startBound > 0) {
        cause = `it starts on its own start date ${scheduled.start}`;
      } else {
        cause = `it starts at the plan's start ${scheduled.start}`;
      }
      yield {
        rule: 'deadline-missed',
        message:
          `Task ${name} finishes on ${scheduled.finish}, ${workingDays(scheduled.deadlineOverrun)} after its deadline ` +
          `${task.deadline.value} (${cause}).`,
        span: task.deadline.span,
        data: {
          rule: 'deadline-missed',
          taskId: task.id?.value,
          taskIndex,
          finish: scheduled.finish,
          deadline: task.deadline.value,
          overrunDays: scheduled.deadlineOverrun,
          drivingChain: chain.nodes.map((node) => graph.nodeName(node)),
        },
      };
    }
  },
};
