import type { BaselineEntry, PlanModel } from '../model/types.js';
import type { Schedule } from './compute-schedule.js';
import type { WorkingCalendar } from './calendar.js';

/**
 * The current schedule against the plan's `baseline:` block
 * (docs/format.md#baseline). A slip is counted in working days of the
 * project calendar: the difference of the two dates' working-day indexes,
 * positive when the current date is later (see workingDaysBetween).
 */
export interface BaselineComparison {
  readonly taskIndex: number;
  readonly entry: BaselineEntry;
  /** The current computed dates. */
  readonly start: string;
  readonly finish: string;
  /** Working days the current start / finish is later than the baselined one (negative: earlier); absent without that baselined date. */
  readonly startSlip?: number;
  readonly finishSlip?: number;
  readonly milestone: boolean;
}

export interface BaselineReport {
  /** One per scheduled task with a baseline entry, in task order. */
  readonly tasks: readonly BaselineComparison[];
  /** Entries whose id names no task of the plan (a removed or renamed task). */
  readonly unknownEntries: readonly BaselineEntry[];
  /** The plan's finish against `baseline.finish`. */
  readonly finishSlip?: number;
  /** Working days of slip `baseline-slip` lets pass (`slip_threshold`, default 0). */
  readonly threshold: number;
}

/**
 * Working days from one date to another on `calendar`: the number of its
 * working days after `from` up to and including `to` (negative when `to`
 * is earlier). A finish moved from a Friday to the next Wednesday moved +3;
 * a date that is not a working day counts as the working day before it.
 * `crmplan diff` counts its moves the same way.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  return calendar.indexOnOrBefore(to) - calendar.indexOnOrBefore(from);
}

/** Undefined when the plan has no baseline. Tasks that are not scheduled (a cycle) are left out. */
export function compareWithBaseline(model: PlanModel, schedule: Schedule | undefined): BaselineReport | undefined {
  const baseline = model.baseline;
  if (!baseline) return undefined;
  const taskIndexById = new Map<string, number>();
  for (const [index, task] of model.tasks.entries()) {
    if (task.id && !taskIndexById.has(task.id.value)) taskIndexById.set(task.id.value, index);
  }
  const tasks: BaselineComparison[] = [];
  const unknownEntries: BaselineEntry[] = [];
  const seen = new Set<string>();
  for (const entry of baseline.tasks) {
    const taskIndex = taskIndexById.get(entry.id.value);
    if (taskIndex === undefined) {
      unknownEntries.push(entry);
      continue;
    }
    // A repeated key is a yaml-syntax error; the first entry counts.
    if (seen.has(entry.id.value)) continue;
    seen.add(entry.id.value);
    const scheduled = schedule?.tasks[taskIndex];
    if (!schedule || !scheduled) continue;
    const calendar = schedule.calendar;
    tasks.push({
      taskIndex,
      entry,
      start: scheduled.start,
      finish: scheduled.finish,
      startSlip: entry.start && workingDaysBetween(calendar, entry.start.value, scheduled.start),
      finishSlip: entry.finish && workingDaysBetween(calendar, entry.finish.value, scheduled.finish),
      milestone: scheduled.milestone,
    });
  }
  tasks.sort((a, b) => a.taskIndex - b.taskIndex);
  const threshold = baseline.slipThreshold && schedule ? schedule.calendar.workingDays(baseline.slipThreshold.value) : 0;
  const finishSlip =
    schedule?.finish && baseline.finish ? workingDaysBetween(schedule.calendar, baseline.finish.value, schedule.finish) : undefined;
  return { tasks, unknownEntries, finishSlip, threshold };
}

/** `3 working days later than baseline (2027-02-01)`, `on baseline`, `1 working day earlier than baseline (...)`. */
export function describeSlip(slip: number, baselineDate: string): string {
  if (slip === 0) return `on baseline (${baselineDate})`;
  const days = Math.abs(slip);
  return `${days} working day${days === 1 ? '' : 's'} ${slip > 0 ? 'later' : 'earlier'} than baseline (${baselineDate})`;
}
