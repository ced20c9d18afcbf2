import type { DayOffReason } from './person-days-off.js';
import type { PlanModel } from '../model/types.js';
import { taskDuration, type Schedule, type TaskSchedule } from './compute-schedule.js';
import { compareWithBaseline, type BaselineComparison } from './baseline-slip.js';
import type { ProgressState, StatusDateSource } from './progress.js';

/** One task of `crmplan schedule --format json`. Dates and float are null for a task on a cycle. */
export interface ScheduleJsonTask {
  readonly id: string;
  /** The id of the task's phase; null when the phase has no id. */
  readonly phase: string | null;
  readonly start: string | null;
  readonly finish: string | null;
  /** Working days (known even for a task on a cycle). */
  readonly duration: number;
  readonly totalFloat: number | null;
  readonly critical: boolean;
  readonly milestone: boolean;
  /** Only when the plan's progress data applies (a status date or actual dates): what was recorded. */
  readonly progress?: ScheduleJsonTaskProgress;
  /** Only when the plan's progress data applies: the task in the schedule without progress. */
  readonly planned?: ScheduleJsonTaskPlanned;
  /** Only for a task with an entry in the plan's `baseline:` block. */
  readonly baseline?: ScheduleJsonTaskBaseline;
}

/** A task's progress state as the schedule read it (docs/format.md#scheduling-with-progress). */
export interface ScheduleJsonTaskProgress {
  readonly state: ProgressState;
  /** `progress` as written (0..100); null when not written. */
  readonly percent: number | null;
  /** `actual_start` / `actual_finish` as written; null when not written. */
  readonly actualStart: string | null;
  readonly actualFinish: string | null;
  /** A started task's working days left from the status date, ceil((1 - progress) x D); null otherwise. */
  readonly remaining: number | null;
}

/** The task as planned: scheduled without progress, actual dates and status date. */
export interface ScheduleJsonTaskPlanned {
  readonly start: string;
  readonly finish: string;
  /** D as planned, in working days (`duration` above is the current span). */
  readonly duration: number;
  /** Working days the current finish is after the planned one (negative: earlier). */
  readonly slipDays: number;
}

/** The task's baseline entry and the current dates against it (docs/format.md#baseline). */
export interface ScheduleJsonTaskBaseline {
  /** The baselined dates; null when the entry lacks one (a `schema` error). */
  readonly start: string | null;
  readonly finish: string | null;
  /** Working days the current start / finish is after the baselined one (negative: earlier); null without that date. */
  readonly startSlipDays: number | null;
  readonly finishSlipDays: number | null;
}

export interface ScheduleJsonOverallocation {
  readonly person: string;
  readonly from: string;
  readonly to: string;
  /** Load / capacity, rounded to at most 4 decimals; null when the capacity is 0. */
  readonly peak: number | null;
  readonly tasks: readonly string[];
  /** Only on the person's own days off (leave, their holiday, a weekday they do not work), where the capacity is 0. */
  readonly dayOff?: DayOffReason;
}

/** The object `crmplan schedule FILE --format json` prints (see the format contract). */
export interface ScheduleJson {
  readonly version: 1;
  readonly plan: string | null;
  readonly start: string;
  /** null when no task is scheduled. */
  readonly finish: string | null;
  readonly workingDays: number;
  readonly criticalPath: readonly string[];
  readonly tasks: readonly ScheduleJsonTask[];
  readonly overallocations: readonly ScheduleJsonOverallocation[];
  /** Only with a status date: the day and where it came from (`option`: --as-of or the setting). */
  readonly statusDate?: { readonly date: string; readonly source: StatusDateSource };
  /** Only when the plan's progress data applies: the plan's finish as planned, and the current finish against it. */
  readonly planned?: ScheduleJsonPlanned;
  /** Only when the plan has a `baseline:` block. */
  readonly baseline?: ScheduleJsonBaseline;
}

export interface ScheduleJsonPlanned {
  /** null when no task is scheduled. */
  readonly finish: string | null;
  readonly workingDays: number;
  /** Working days the current finish is after the planned one (negative: earlier); null without both finishes. */
  readonly slipDays: number | null;
}

export interface ScheduleJsonBaseline {
  /** `baseline.date` and `baseline.finish` as written; null when not written. */
  readonly date: string | null;
  readonly finish: string | null;
  /** Working days the current finish is after `baseline.finish` (negative: earlier); null without both. */
  readonly slipDays: number | null;
  /** `slip_threshold` in working days (0 when not written). */
  readonly slipThreshold: number;
  /** Ids of baseline entries naming no task of the plan (removed or renamed tasks), in document order. */
  readonly unknownTasks: readonly string[];
}

/**
 * The contract's JSON form of a schedule. Tasks are listed in document
 * order; tasks without an id are left out (nothing could refer to them).
 */
export function scheduleToJson(model: PlanModel, schedule: Schedule): ScheduleJson {
  const baseline = compareWithBaseline(model, schedule);
  const baselineByTask = new Map<number, BaselineComparison>(baseline?.tasks.map((comparison) => [comparison.taskIndex, comparison]));
  const tasks: ScheduleJsonTask[] = [];
  model.tasks.forEach((task, taskIndex) => {
    if (!task.id) return;
    const scheduled = schedule.tasks[taskIndex];
    const duration = taskDuration(task, schedule.calendar);
    const planned = schedule.planned?.tasks[taskIndex];
    const comparison = baselineByTask.get(taskIndex);
    tasks.push({
      id: task.id.value,
      phase: model.phases[task.phaseIndex]?.id?.value ?? null,
      start: scheduled?.start ?? null,
      finish: scheduled?.finish ?? null,
      duration: scheduled?.duration ?? duration.days,
      totalFloat: scheduled?.totalFloat ?? null,
      critical: scheduled?.critical ?? false,
      milestone: scheduled?.milestone ?? duration.milestone,
      ...(scheduled?.progress ? { progress: taskProgressJson(model, scheduled) } : {}),
      ...(scheduled && planned ? { planned: taskPlannedJson(scheduled, planned) } : {}),
      ...(comparison ? { baseline: taskBaselineJson(comparison) } : {}),
    });
  });
  const status = schedule.status;
  const plannedSchedule = schedule.planned;
  return {
    version: 1,
    plan: model.plan.name?.value ?? null,
    start: schedule.start,
    finish: schedule.finish ?? null,
    workingDays: schedule.projectEnd,
    criticalPath: schedule.criticalPath,
    tasks,
    overallocations: schedule.overallocations.map((overallocation) => ({
      person: overallocation.personId,
      from: overallocation.from,
      to: overallocation.to,
      peak: Number.isFinite(overallocation.peak) ? roundTo4(overallocation.peak) : null,
      tasks: overallocation.tasks,
      ...(overallocation.dayOff ? { dayOff: overallocation.dayOff } : {}),
    })),
    ...(status ? { statusDate: { date: status.date, source: status.source } } : {}),
    ...(plannedSchedule
      ? {
          planned: {
            finish: plannedSchedule.finish ?? null,
            workingDays: plannedSchedule.projectEnd,
            slipDays: finishSlip(schedule, plannedSchedule),
          },
        }
      : {}),
    ...(baseline && model.baseline
      ? {
          baseline: {
            date: model.baseline.date?.value ?? null,
            finish: model.baseline.finish?.value ?? null,
            slipDays: baseline.finishSlip ?? null,
            slipThreshold: baseline.threshold,
            unknownTasks: baseline.unknownEntries.map((entry) => entry.id.value),
          },
        }
      : {}),
  };
}

function taskProgressJson(model: PlanModel, scheduled: TaskSchedule): ScheduleJsonTaskProgress {
  const task = model.tasks[scheduled.taskIndex];
  const progress = scheduled.progress;
  return {
    state: progress?.state ?? 'not-started',
    percent: progress?.percent ?? null,
    actualStart: task?.actualStart?.value ?? null,
    actualFinish: task?.actualFinish?.value ?? null,
    remaining: progress?.remaining ?? null,
  };
}

/** Both schedules share one calendar, so working-day indexes subtract. */
function taskPlannedJson(scheduled: TaskSchedule, planned: TaskSchedule): ScheduleJsonTaskPlanned {
  return {
    start: planned.start,
    finish: planned.finish,
    duration: planned.duration,
    slipDays: scheduled.finishIndex - planned.finishIndex,
  };
}

function taskBaselineJson(comparison: BaselineComparison): ScheduleJsonTaskBaseline {
  return {
    start: comparison.entry.start?.value ?? null,
    finish: comparison.entry.finish?.value ?? null,
    startSlipDays: comparison.startSlip ?? null,
    finishSlipDays: comparison.finishSlip ?? null,
  };
}

/** The plan's finish against the planned schedule's, in working days of the shared calendar. */
function finishSlip(schedule: Schedule, planned: Schedule): number | null {
  if (schedule.finish === undefined || planned.finish === undefined) return null;
  return schedule.calendar.indexOnOrBefore(schedule.finish) - planned.calendar.indexOnOrBefore(planned.finish);
}

function roundTo4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
