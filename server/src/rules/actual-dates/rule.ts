import type { Dependency, Task } from '../../model/types.js';
import type { Schedule } from '../../schedule/compute-schedule.js';
import type { Finding, Rule, RuleContext } from '../types.js';
import { quotedNode } from '../schedule-rule-support.js';
import { statusDateText } from '../progress-rule-support.js';

/**
 * Actual dates that cannot be true: a finish before the start, a date after
 * the status date (an actual date is a day that has passed), a start before
 * what a dependency allows (before a finish-to-start predecessor finished,
 * or before a start-to-start predecessor started, lags counted); and a
 * `status_date` before the plan's start. Each finding sits on the date
 * that is wrong; the schedule keeps the actual dates as written.
 */
export const actualDatesRule: Rule<'actual-dates'> = {
  name: 'actual-dates',
  defaultSeverity: 'warning',
  summary: "actual dates that contradict the dependencies, each other or the status date; a status date before the plan's start",
  *check(context): Iterable<Finding> {
    const { model, graph, schedule } = context;
    const statusDate = model.plan.statusDate;
    const planStart = model.plan.start?.value;
    if (statusDate && planStart && statusDate.value < planStart) {
      yield {
        rule: 'actual-dates',
        message: `The status date ${statusDate.value} is before the plan's start ${planStart}: nothing can have happened yet. Write the day the progress is recorded as of.`,
        span: statusDate.span,
      };
    }
    const status = schedule?.status;
    for (const [taskIndex, task] of model.tasks.entries()) {
      const name = quotedNode(graph, taskIndex);
      const { actualStart, actualFinish } = task;
      if (actualStart && actualFinish && actualFinish.value < actualStart.value) {
        yield {
          rule: 'actual-dates',
          message: `Task ${name} finished on ${actualFinish.value}, before it started on ${actualStart.value}: actual_finish is before actual_start.`,
          span: actualFinish.span,
        };
      }
      if (status) {
        for (const [key, value] of [['actual_start', actualStart], ['actual_finish', actualFinish]] as const) {
          if (!value || value.value <= status.date) continue;
          yield {
            rule: 'actual-dates',
            message: `Task ${name} has ${key} ${value.value}, after ${statusDateText(status)}: an actual date is a day that has passed. Plan future work with start: instead.`,
            span: value.span,
          };
        }
      }
      if (schedule && actualStart) yield* dependencyConflicts(context, schedule, task, taskIndex);
    }
  },
};

/** The dependencies (the task's own and its phase's) that the task's actual start does not respect. */
function* dependencyConflicts(context: RuleContext, schedule: Schedule, task: Task, taskIndex: number): Iterable<Finding> {
  const { model, graph, symbols } = context;
  const scheduled = schedule.tasks[taskIndex];
  if (!scheduled || !task.actualStart) return;
  const dependencies: readonly Dependency[] = [...task.dependsOn, ...(model.phases[task.phaseIndex]?.dependsOn ?? [])];
  for (const dependency of dependencies) {
    const declaration = symbols.lookup('work', dependency.target.id);
    if (!declaration) continue;
    const target = declaration.kind === 'task' ? schedule.tasks[declaration.index] : schedule.phases[declaration.index];
    if (!target || (declaration.kind === 'task' && declaration.index === taskIndex)) continue;
    const lag = schedule.calendar.workingDays(dependency.lag);
    const ss = dependency.type === 'SS';
    const bound = (ss ? target.s : target.e) + lag;
    if (scheduled.s >= bound) continue;
    const what = declaration.kind === 'task' ? `'${dependency.target.id}'` : `phase '${dependency.target.id}'`;
    const when = ss ? `started (on ${target.start})` : `finished (${target.finish})`;
    const lagText = dependency.lag.amount !== 0 ? ` with a lag of ${dependency.lag.amount}${dependency.lag.unit}` : '';
    yield {
      rule: 'actual-dates',
      message: `Task ${quotedNode(graph, taskIndex)} started on ${task.actualStart.value}, before ${what} ${when}, which it depends on${lagText}${ss ? ' (start-to-start)' : ''}. Correct the actual date or the dependency.`,
      span: task.actualStart.span,
      related: [{ span: dependency.span, message: `the dependency on ${what}` }],
    };
  }
}
