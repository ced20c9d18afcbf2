import type { DayOffReason } from './person-days-off.js';
import type { PlanModel } from '../model/types.js';
import { taskDuration, type Schedule } from './compute-schedule.js';

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
}

/**
 * The contract's JSON form of a schedule. Tasks are listed in document
 * order; tasks without an id are left out (nothing could refer to them).
 */
export function scheduleToJson(model: PlanModel, schedule: Schedule): ScheduleJson {
  const tasks: ScheduleJsonTask[] = [];
  model.tasks.forEach((task, taskIndex) => {
    if (!task.id) return;
    const scheduled = schedule.tasks[taskIndex];
    const duration = taskDuration(task, schedule.calendar);
    tasks.push({
      id: task.id.value,
      phase: model.phases[task.phaseIndex]?.id?.value ?? null,
      start: scheduled?.start ?? null,
      finish: scheduled?.finish ?? null,
      duration: scheduled?.duration ?? duration.days,
      totalFloat: scheduled?.totalFloat ?? null,
      critical: scheduled?.critical ?? false,
      milestone: scheduled?.milestone ?? duration.milestone,
    });
  });
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
  };
}

function roundTo4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
