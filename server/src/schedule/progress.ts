import type { PlanModel, Task } from '../model/types.js';
import type { WorkingCalendar } from './calendar.js';

/**
 * Progress and actual dates in the schedule (docs/format.md#progress-and-actual-dates).
 *
 * A task is *finished* (`status: done` or an `actual_finish`), *started*
 * (an `actual_start`, not finished) or *not started*. With a status date T
 * (its working-day index: the first working day on or after the date):
 *
 * - a finished task keeps its actual dates: [actual_start, actual_finish];
 *   with only `actual_finish` it ends there after its planned duration;
 *   with only `actual_start` (or `done` and no dates) it took its planned
 *   duration (done with no dates at all: finished as planned, where the
 *   dependencies put it);
 * - a started task keeps its actual start s; its remaining work
 *   R = ceil((1 - progress) x D) is scheduled from T, or from where its
 *   planned duration would have put it if that is later: e = max(s + D, T + R);
 * - a task not started starts no earlier than T.
 */

/** Options of one scheduling run: where the status date comes from outside the plan. */
export interface ScheduleOptions {
  /** `--as-of` or the `crmplan.statusDate` setting: wins over `plan.status_date`. */
  readonly statusDate?: string;
  /** The editor's today: the status date of a plan that records progress but has no `status_date`. */
  readonly today?: string;
  /** Schedule as if the plan had no progress data and no status date (Schedule.planned). */
  readonly ignoreProgress?: boolean;
}

export type StatusDateSource = 'option' | 'plan' | 'today';

export interface StatusDate {
  readonly date: string;
  readonly source: StatusDateSource;
  /** T: the first working day on or after the date (may be negative: before the plan's start). */
  readonly index: number;
}

export type ProgressState = 'finished' | 'started' | 'not-started';

/** What the schedule made of one task's progress data. */
export interface TaskProgress {
  readonly state: ProgressState;
  /** `progress` as written (0..100); absent when not written. */
  readonly percent?: number;
  /** D as planned, in working days (the task's span may differ). */
  readonly plannedDuration: number;
  /** A started task's working days left from the status date: ceil((1 - progress) x D); undefined otherwise. */
  readonly remaining?: number;
}

/** The per-task bounds the forward pass applies (ForwardPass), NaN where none. */
export interface ProgressBounds {
  /** A task whose dates are fixed by its actual dates: its start index... */
  readonly fixedStart: Float64Array;
  /** ...and its end index (exclusive). */
  readonly fixedEnd: Float64Array;
  /** The earliest start of a task not started: T. */
  readonly floor: Float64Array;
  /** Filled by the forward pass: the start the bounds other than `floor` give, before the floor applies. */
  readonly startBeforeFloor: Float64Array;
  readonly progress: readonly TaskProgress[];
  readonly status?: StatusDate;
}

/** True when some task writes progress data (`progress`, actual dates, or `status: in-progress`/`done`). */
export function recordsProgress(model: PlanModel): boolean {
  return model.tasks.some(
    (task) =>
      task.progress !== undefined ||
      task.actualStart !== undefined ||
      task.actualFinish !== undefined ||
      task.status?.value === 'done' ||
      task.status?.value === 'in-progress',
  );
}

/**
 * The status date of a run: `--as-of` / the setting, else `plan.status_date`,
 * else the editor's today for a plan that records progress. Undefined without
 * any: then the schedule is the plan's schedule without progress.
 */
export function resolveStatusDate(
  model: PlanModel,
  calendar: WorkingCalendar,
  options: ScheduleOptions | undefined,
): StatusDate | undefined {
  const chosen: { date: string; source: StatusDateSource } | undefined = options?.statusDate
    ? { date: options.statusDate, source: 'option' }
    : model.plan.statusDate
      ? { date: model.plan.statusDate.value, source: 'plan' }
      : options?.today && recordsProgress(model)
        ? { date: options.today, source: 'today' }
        : undefined;
  return chosen && { ...chosen, index: calendar.indexOnOrAfter(chosen.date) };
}

/** Whether the plan's progress data changes anything: a status date, or actual dates. */
export function progressApplies(model: PlanModel, status: StatusDate | undefined): boolean {
  return status !== undefined || model.tasks.some((task) => task.actualStart !== undefined || task.actualFinish !== undefined);
}

export function isFinished(task: Task): boolean {
  return task.status?.value === 'done' || task.actualFinish !== undefined;
}

/**
 * The bounds of every task; `durations` holds D per task and is changed in
 * place to the span of each task whose dates are fixed, so the backward
 * pass and the reported duration follow the actual dates.
 */
export function progressBounds(
  model: PlanModel,
  calendar: WorkingCalendar,
  durations: Float64Array,
  status: StatusDate | undefined,
): ProgressBounds {
  const taskCount = model.tasks.length;
  const fixedStart = new Float64Array(taskCount).fill(Number.NaN);
  const fixedEnd = new Float64Array(taskCount).fill(Number.NaN);
  const floor = new Float64Array(taskCount).fill(Number.NaN);
  const startBeforeFloor = new Float64Array(taskCount).fill(Number.NaN);
  const progress: TaskProgress[] = [];
  const statusIndex = status?.index;
  for (let taskIndex = 0; taskIndex < taskCount; taskIndex++) {
    const task = model.tasks[taskIndex]!;
    const planned = durations[taskIndex]!;
    const percent = task.progress?.value;
    const actualStart = task.actualStart ? calendar.indexOnOrAfter(task.actualStart.value) : undefined;
    const actualFinish = task.actualFinish ? calendar.indexOnOrBefore(task.actualFinish.value) : undefined;
    let state: ProgressState = 'not-started';
    let remaining: number | undefined;
    let range: [number, number] | undefined;
    if (isFinished(task)) {
      state = 'finished';
      if (planned === 0) {
        const day = actualFinish ?? actualStart;
        if (day !== undefined) range = [day, day];
      } else if (actualStart !== undefined && actualFinish !== undefined) {
        // A finish before the start (reported by actual-dates) keeps the start, one day long.
        range = [actualStart, Math.max(actualStart, actualFinish) + 1];
      } else if (actualFinish !== undefined) {
        range = [actualFinish + 1 - planned, actualFinish + 1];
      } else if (actualStart !== undefined) {
        range = [actualStart, actualStart + planned];
      }
    } else if (actualStart !== undefined) {
      state = 'started';
      remaining = Math.max(0, Math.ceil(((100 - (percent ?? 0)) * planned) / 100 - 1e-9));
      const end = statusIndex === undefined ? actualStart + planned : Math.max(actualStart + planned, statusIndex + remaining);
      range = [actualStart, planned === 0 ? actualStart : end];
    } else if (statusIndex !== undefined) {
      floor[taskIndex] = statusIndex;
    }
    if (range) {
      fixedStart[taskIndex] = range[0];
      fixedEnd[taskIndex] = range[1];
      durations[taskIndex] = range[1] - range[0];
    }
    progress.push({
      state,
      ...(percent !== undefined ? { percent } : {}),
      plannedDuration: planned,
      ...(remaining !== undefined ? { remaining } : {}),
    });
  }
  return { fixedStart, fixedEnd, floor, startBeforeFloor, progress, ...(status ? { status } : {}) };
}
