import type { Calendar, DueSpec, PlanModel, Task } from '../model/types.js';
import type { Symbols } from '../model/symbols.js';
import type { WorkEdge, WorkGraph } from '../model/work-graph.js';
import { createWorkingCalendar, type WorkingCalendar } from './calendar.js';
import { EdgeKind, ForwardPass, ScheduleEdges } from './forward-pass.js';
import { computeOverallocations, type Overallocation } from './load.js';
import { publicHolidaysOfYears } from './country-holidays.js';
import { peopleDaysOff, type HolidayYears, type PersonDaysOff } from './person-days-off.js';
import {
  progressApplies,
  progressBounds,
  resolveStatusDate,
  type ProgressBounds,
  type ScheduleOptions,
  type StatusDate,
  type TaskProgress,
} from './progress.js';

/**
 * The plan's schedule, exact to the day (see "Scheduling" in the format
 * contract). All positions are working-day indexes of `calendar`; a task of
 * D working days occupies [s, e) with e = s + D.
 */
export interface Schedule {
  readonly calendar: WorkingCalendar;
  /** Per task index; undefined for tasks on a dependency cycle. */
  readonly tasks: readonly (TaskSchedule | undefined)[];
  /** Per phase index; undefined for a phase on a cycle or without scheduled tasks. */
  readonly phases: readonly (PhaseSchedule | undefined)[];
  /** E, the largest end index (0 without scheduled tasks); also `workingDays`. */
  readonly projectEnd: number;
  /** `plan.start` as written. */
  readonly start: string;
  /** The latest finish date of any scheduled task; undefined without scheduled tasks. */
  readonly finish?: string;
  /** Critical task ids ordered by start, then id (tasks without an id are left out). */
  readonly criticalPath: readonly string[];
  /** The critical tasks' indexes, in the same order (including tasks without an id). */
  readonly criticalTaskIndexes: readonly number[];
  readonly overallocations: readonly Overallocation[];
  /**
   * Every non-working date of the project calendar, in date order: the
   * written `holidays` (with their names) and the public holidays of
   * `calendar.country`/`region` in `holidayYears`. Exports read these.
   */
  readonly holidays: readonly ScheduleHoliday[];
  /** The years whose country holidays count (see "Country holidays" in docs/format.md). */
  readonly holidayYears: HolidayYears;
  /** Per person index: their own days off; undefined for people on the project calendar. */
  readonly daysOff: readonly (PersonDaysOff | undefined)[];
  /** The status date of this run, when there is one (schedule/progress.ts). */
  readonly status?: StatusDate;
  /**
   * The plan's schedule without progress, actual dates and status date, when
   * those changed anything: what `behind-schedule` and the hover compare with.
   */
  readonly planned?: Schedule;
}

/** A non-working date of the plan: written in `holidays`, or a public holiday of its country. */
export interface ScheduleHoliday {
  readonly date: string;
  readonly name?: string;
  readonly source: 'plan' | 'country';
}

/**
 * Country holidays are taken for at most this many years after the start
 * year (a schedule that runs longer gets no country holidays past it).
 */
export const MAX_HOLIDAY_YEARS = 100;

export interface TaskSchedule {
  readonly taskIndex: number;
  /** Start index. */
  readonly s: number;
  /** End index (exclusive): s + duration. */
  readonly e: number;
  /** date(s). */
  readonly start: string;
  /** date(e - 1), or date(s) when the duration is 0. */
  readonly finish: string;
  /** The working day the task finishes on: e - 1, or s when the duration is 0. */
  readonly finishIndex: number;
  /** D in working days. */
  readonly duration: number;
  readonly lateStart: number;
  readonly lateEnd: number;
  /** lateStart - s, never negative. */
  readonly totalFloat: number;
  /**
   * Working days the task can slip without moving the early start of
   * anything that waits for it (or the project end when nothing does).
   */
  readonly freeFloat: number;
  readonly critical: boolean;
  /** `milestone: true` or a written duration of 0. */
  readonly milestone: boolean;
  /**
   * Neither a milestone nor a usable duration: scheduled with D = 0 so the
   * rest of the plan still schedules (the `schema` rule reports it).
   */
  readonly durationMissing: boolean;
  /** The dependency edge whose bound set s, when a dependency (not 0 or `start`) did. */
  readonly drivingEdge?: WorkEdge;
  /** The index `start:` asks for (first working day on or after it; may be negative). */
  readonly startBound?: number;
  /** Dependencies push the task past its own `start` (for `start-conflict`). */
  readonly startConflict: boolean;
  /** How many working days past max(0, startBound) the task starts; 0 without a conflict. */
  readonly startDelay: number;
  /** The last working day on or before `deadline:` (may be negative). */
  readonly deadlineIndex?: number;
  /** The finish date is after `deadline:` (for `deadline-missed`). */
  readonly deadlineMissed: boolean;
  /** How many working days late the finish is; 0 when on time or without a deadline. */
  readonly deadlineOverrun: number;
  /** Its progress state, when the plan's progress data applies (Schedule.planned is then set). */
  readonly progress?: TaskProgress;
}

export interface PhaseSchedule {
  readonly phaseIndex: number;
  /** The smallest s of its scheduled tasks. */
  readonly s: number;
  /** The largest e of its scheduled tasks. */
  readonly e: number;
  readonly start: string;
  /** date(e - 1), or date(s) when every task is a milestone on one day. */
  readonly finish: string;
  readonly finishIndex: number;
  /** Some task of the phase is critical. */
  readonly critical: boolean;
}

/** A task's duration in working days as the schedule uses it. */
export interface TaskDuration {
  readonly days: number;
  readonly milestone: boolean;
  readonly missing: boolean;
}

/**
 * D for a task: 0 for `milestone: true` (even when a duration is also
 * written) and for `0d`/`0w`; 0 and `missing` when there is no usable duration.
 */
export function taskDuration(task: Task, calendar: WorkingCalendar): TaskDuration {
  const missing = durationMissing(task);
  const days = durationDays(task, calendar);
  return { days, milestone: !missing && days === 0, missing };
}

/** Neither a milestone nor a duration: scheduled with D = 0 (see TaskSchedule.durationMissing). */
function durationMissing(task: Task): boolean {
  return !task.milestone && !task.duration;
}

/** D in working days (see taskDuration), without an object per task. */
function durationDays(task: Task, calendar: WorkingCalendar): number {
  if (task.milestone || !task.duration) return 0;
  return Math.max(0, calendar.workingDays(task.duration.value));
}

/**
 * Schedules the plan. Returns undefined when the plan has no usable
 * `plan.start` (the `schema` rule reports it): without a start there are no
 * dates to give, and inventing one would print wrong dates.
 */
export function computeSchedule(model: PlanModel, graph: WorkGraph, options?: ScheduleOptions): Schedule | undefined {
  const start = model.plan.start?.value;
  if (start === undefined) return undefined;
  const calendar = model.plan.calendar;
  const firstYear = Number(start.slice(0, 4));
  // The years are those from the start's to the one after the finish's, so
  // the finish depends on them and they on the finish: start from the
  // years of the last schedule of this calendar and widen (or narrow) until
  // they agree. Holidays after the finish move no date up to the finish, so
  // this ends on the same years whatever the first guess was.
  const key = holidayYearsKey(calendar, start);
  let last = Math.max(firstYear + 1, lastHolidayYears.get(key) ?? firstYear + 1);
  for (;;) {
    const years = { first: firstYear, last };
    const holidays = scheduleHolidays(calendar, years);
    const resolved: Calendar = calendar.country ? { ...calendar, holidays: holidays.map(asCalendarHoliday) } : calendar;
    const schedule = computeScheduleWithCalendar(model, graph, workingCalendarOf(resolved, start), { holidays, years }, options);
    const finishYear = Number((schedule.finish ?? start).slice(0, 4));
    const needed = Math.min(firstYear + MAX_HOLIDAY_YEARS, Math.max(firstYear + 1, finishYear + 1));
    if (needed === last || (!calendar.country && !model.people.some(hasOwnCountry))) {
      if (lastHolidayYears.size >= KEPT_CALENDARS) lastHolidayYears.delete(lastHolidayYears.keys().next().value!);
      lastHolidayYears.set(key, last);
      return schedule;
    }
    last = needed;
  }
}

/** The last year of the country holidays of the last few calendars scheduled (a first guess only). */
const lastHolidayYears = new Map<string, number>();

function holidayYearsKey(calendar: Calendar, start: string): string {
  return `${start} ${calendar.country?.value ?? ''} ${calendar.region?.value ?? ''}`;
}

function hasOwnCountry(person: PlanModel['people'][number]): boolean {
  return person.country !== undefined || person.region !== undefined;
}

/** The written holidays (first of a date wins) and the country's, in date order. */
function scheduleHolidays(calendar: Calendar, years: HolidayYears): ScheduleHoliday[] {
  const byDate = new Map<string, ScheduleHoliday>();
  for (const holiday of calendar.holidays) {
    if (!byDate.has(holiday.date)) byDate.set(holiday.date, { date: holiday.date, ...(holiday.name !== undefined ? { name: holiday.name } : {}), source: 'plan' });
  }
  if (calendar.country) {
    for (const holiday of publicHolidaysOfYears(calendar.country.value, calendar.region?.value, years.first, years.last)) {
      if (!byDate.has(holiday.date)) byDate.set(holiday.date, { date: holiday.date, name: holiday.name, source: 'country' });
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function asCalendarHoliday(holiday: ScheduleHoliday): Calendar['holidays'][number] {
  return { date: holiday.date, name: holiday.name, span: { start: 0, end: 0 } };
}

/** How many calendars `workingCalendarOf` keeps. */
const KEPT_CALENDARS = 4;
const keptCalendars = new Map<string, WorkingCalendar>();

/**
 * The working calendar of a plan's `calendar` and start. Calendars with the
 * same workdays, hours, holidays and start are the same calendar, so the
 * last few are kept: the language server schedules the same plan on every
 * keystroke, and a kept calendar has its dates already formatted.
 */
function workingCalendarOf(calendar: Calendar, start: string): WorkingCalendar {
  const key = [start, calendar.hoursPerDay, calendar.workdays.join(','), ...calendar.holidays.map((holiday) => holiday.date)].join(' ');
  let working = keptCalendars.get(key);
  if (working) {
    // Most recently used last, so the first key is the one to drop.
    keptCalendars.delete(key);
  } else {
    working = createWorkingCalendar(calendar, start);
    if (keptCalendars.size >= KEPT_CALENDARS) keptCalendars.delete(keptCalendars.keys().next().value!);
  }
  keptCalendars.set(key, working);
  return working;
}

/**
 * computeSchedule with a calendar the caller already has.
 *
 * Performance: the language server schedules on every keystroke that
 * changes a duration, so each task and edge object of the model is read
 * once, into typed arrays indexed by node (or edge); the passes and the
 * results are computed from those, and dates are formatted by the
 * calendar, once per working day.
 */
export function computeScheduleWithCalendar(
  model: PlanModel,
  graph: WorkGraph,
  calendar: WorkingCalendar,
  holidayInfo?: { readonly holidays: readonly ScheduleHoliday[]; readonly years: HolidayYears },
  options?: ScheduleOptions,
): Schedule {
  const taskCount = model.tasks.length;
  const phaseCount = model.phases.length;
  const nodeCount = taskCount + phaseCount;
  const order = graph.order;
  const edges = new ScheduleEdges(graph, calendar);
  const { start: edgeStart, target: edgeTarget, kind: edgeKind, lag: edgeLag, onCycle } = edges;

  const durations = new Float64Array(taskCount);
  const durationsMissing = new Uint8Array(taskCount);
  // NaN = no `start:` / `deadline:`.
  const startBounds = new Float64Array(taskCount).fill(Number.NaN);
  const deadlineIndexes = new Float64Array(taskCount).fill(Number.NaN);
  for (let task = 0; task < taskCount; task++) {
    const written = model.tasks[task]!;
    durations[task] = durationDays(written, calendar);
    if (durationMissing(written)) durationsMissing[task] = 1;
    if (written.start) startBounds[task] = calendar.indexOnOrAfter(written.start.value);
    if (written.deadline) deadlineIndexes[task] = calendar.indexOnOrBefore(written.deadline.value);
  }
  // Progress data changes the schedule only with a status date or actual
  // dates; then the schedule without them is kept as `planned` too.
  const status = options?.ignoreProgress ? undefined : resolveStatusDate(model, calendar, options);
  const bounds: ProgressBounds | undefined =
    !options?.ignoreProgress && progressApplies(model, status) ? progressBounds(model, calendar, durations, status) : undefined;
  const planned = bounds ? computeScheduleWithCalendar(model, graph, calendar, holidayInfo, { ignoreProgress: true }) : undefined;

  // Forward pass: prerequisites come first in `order`, so every scheduled
  // predecessor already has its dates. Edges to cyclic nodes are ignored.
  // NaN = not scheduled.
  const early = new Float64Array(nodeCount).fill(Number.NaN);
  const earlyEnd = new Float64Array(nodeCount).fill(Number.NaN);
  const forward = new ForwardPass(edges, taskCount, durations, startBounds, early, earlyEnd, bounds);
  for (let position = 0; position < order.length; position++) forward.scheduleNode(order[position]!);

  let projectEnd = 0;
  for (let task = 0; task < taskCount; task++) {
    const e = earlyEnd[task]!;
    if (!Number.isNaN(e) && e > projectEnd) projectEnd = e;
  }

  // Backward pass, in reverse topological order: everything that waits for
  // a node is done before the node itself.
  // lateStartBound[task]: the latest start its successors allow.
  // Phases collect what their successors allow and hand it to their tasks:
  // FS on a phase waits for its end, so it bounds the end of every task;
  // SS waits for its start, which only the phase's first tasks (s = phase.s)
  // determine, so it bounds just those. Bounding every task by an SS link
  // would give later tasks of the phase negative float.
  const lateStart = new Float64Array(taskCount).fill(Number.NaN);
  const lateStartBound = new Float64Array(taskCount);
  const freeFloat = new Float64Array(taskCount);
  for (let task = 0; task < taskCount; task++) {
    lateStartBound[task] = projectEnd - durations[task]!;
    freeFloat[task] = projectEnd - (Number.isNaN(earlyEnd[task]!) ? 0 : earlyEnd[task]!);
  }
  const phaseLateEnd = new Float64Array(phaseCount).fill(Number.POSITIVE_INFINITY);
  const phaseLateStart = new Float64Array(phaseCount).fill(Number.POSITIVE_INFINITY);
  // The same two bounds from successors' early starts, for free float.
  const phaseEarlyEndRoom = new Float64Array(phaseCount).fill(Number.POSITIVE_INFINITY);
  const phaseEarlyStartRoom = new Float64Array(phaseCount).fill(Number.POSITIVE_INFINITY);

  for (let position = order.length - 1; position >= 0; position--) {
    const node = order[position]!;
    const firstEdge = edgeStart[node]!;
    const endEdge = edgeStart[node + 1]!;
    if (node < taskCount) {
      const ls = lateStartBound[node]!;
      lateStart[node] = ls;
      const s = early[node]!;
      for (let edge = firstEdge; edge < endEdge; edge++) {
        const kind = edgeKind[edge]!;
        const to = edgeTarget[edge]!;
        if (kind === EdgeKind.contains || kind === EdgeKind.none || onCycle[to] === 1 || Number.isNaN(early[to]!)) continue;
        const lag = edgeLag[edge]!;
        const ss = kind === EdgeKind.startToStart;
        if (to < taskCount) {
          const d = durations[to]!;
          const bound = ss ? ls - lag : ls - lag - d;
          if (bound < lateStartBound[to]!) lateStartBound[to] = bound;
          const room = ss ? s - lag - early[to]! : s - lag - earlyEnd[to]!;
          if (room < freeFloat[to]!) freeFloat[to] = room;
        } else {
          const phase = to - taskCount;
          if (ss) {
            phaseLateStart[phase] = Math.min(phaseLateStart[phase]!, ls - lag);
            phaseEarlyStartRoom[phase] = Math.min(phaseEarlyStartRoom[phase]!, s - lag);
          } else {
            phaseLateEnd[phase] = Math.min(phaseLateEnd[phase]!, ls - lag);
            phaseEarlyEndRoom[phase] = Math.min(phaseEarlyEndRoom[phase]!, s - lag);
          }
        }
      }
    } else if (!Number.isNaN(early[node]!)) {
      const phase = node - taskCount;
      const phaseStart = early[node]!;
      for (let edge = firstEdge; edge < endEdge; edge++) {
        const task = edgeTarget[edge]!;
        if (edgeKind[edge] !== EdgeKind.contains || onCycle[task] === 1) continue;
        const d = durations[task]!;
        lateStartBound[task] = Math.min(lateStartBound[task]!, phaseLateEnd[phase]! - d);
        freeFloat[task] = Math.min(freeFloat[task]!, phaseEarlyEndRoom[phase]! - earlyEnd[task]!);
        if (early[task] === phaseStart) {
          lateStartBound[task] = Math.min(lateStartBound[task]!, phaseLateStart[phase]!);
          freeFloat[task] = Math.min(freeFloat[task]!, phaseEarlyStartRoom[phase]! - phaseStart);
        }
      }
    }
  }

  const tasks: (TaskSchedule | undefined)[] = new Array<TaskSchedule | undefined>(taskCount);
  const criticalTaskIndexes: number[] = [];
  let latestFinish = Number.NEGATIVE_INFINITY;
  for (let taskIndex = 0; taskIndex < taskCount; taskIndex++) {
    const s = early[taskIndex]!;
    if (Number.isNaN(s)) {
      tasks[taskIndex] = undefined;
      continue;
    }
    const days = durations[taskIndex]!;
    const missing = durationsMissing[taskIndex] === 1;
    const e = earlyEnd[taskIndex]!;
    const finishIndex = days > 0 ? e - 1 : s;
    if (finishIndex > latestFinish) latestFinish = finishIndex;
    const ls = lateStart[taskIndex]!;
    // Actual dates may sit before what their predecessors allow (actual-dates reports it): no negative float.
    const totalFloat = bounds ? Math.max(0, ls - s) : ls - s;
    const critical = totalFloat === 0;
    if (critical) criticalTaskIndexes.push(taskIndex);
    const startBound = Number.isNaN(startBounds[taskIndex]!) ? undefined : startBounds[taskIndex];
    // The status date and actual dates are not dependencies: start-conflict reads only what these push.
    const fixed = bounds !== undefined && !Number.isNaN(bounds.fixedStart[taskIndex]!);
    const dependencyStart = bounds && !fixed ? bounds.startBeforeFloor[taskIndex]! : s;
    const startDelay = startBound === undefined || fixed ? 0 : Math.max(0, dependencyStart - Math.max(0, startBound));
    const deadlineIndex = Number.isNaN(deadlineIndexes[taskIndex]!) ? undefined : deadlineIndexes[taskIndex];
    const deadlineOverrun = deadlineIndex === undefined ? 0 : Math.max(0, finishIndex - deadlineIndex);
    tasks[taskIndex] = {
      taskIndex,
      s: small(s),
      e: small(e),
      start: calendar.dateOf(s),
      finish: calendar.dateOf(finishIndex),
      finishIndex: small(finishIndex),
      duration: small(days),
      lateStart: small(ls),
      lateEnd: small(ls + days),
      totalFloat: small(totalFloat),
      freeFloat: small(freeFloat[taskIndex]!),
      critical,
      milestone: !missing && (bounds ? bounds.progress[taskIndex]!.plannedDuration : days) === 0,
      durationMissing: missing,
      drivingEdge: forward.drivingEdges[taskIndex],
      startBound: startBound === undefined ? undefined : small(startBound),
      startConflict: startDelay > 0,
      startDelay: small(startDelay),
      deadlineIndex: deadlineIndex === undefined ? undefined : small(deadlineIndex),
      deadlineMissed: deadlineOverrun > 0,
      deadlineOverrun: small(deadlineOverrun),
      ...(bounds ? { progress: bounds.progress[taskIndex]! } : {}),
    };
  }

  const phases: (PhaseSchedule | undefined)[] = new Array<PhaseSchedule | undefined>(phaseCount);
  for (let phaseIndex = 0; phaseIndex < phaseCount; phaseIndex++) {
    const node = taskCount + phaseIndex;
    const s = early[node]!;
    if (Number.isNaN(s) || onCycle[node] === 1) {
      phases[phaseIndex] = undefined;
      continue;
    }
    const e = earlyEnd[node]!;
    const finishIndex = e > s ? e - 1 : s;
    phases[phaseIndex] = {
      phaseIndex,
      s: small(s),
      e: small(e),
      start: calendar.dateOf(s),
      finish: calendar.dateOf(finishIndex),
      finishIndex: small(finishIndex),
      critical: model.phases[phaseIndex]!.taskIndexes.some((taskIndex) => tasks[taskIndex]?.critical === true),
    };
  }

  const years = holidayInfo?.years ?? { first: Number(calendar.start.slice(0, 4)), last: Number(calendar.start.slice(0, 4)) + 1 };
  const holidays = holidayInfo?.holidays ?? scheduleHolidays(model.plan.calendar, years);
  const daysOff = peopleDaysOff(model, calendar, years);

  criticalTaskIndexes.sort((a, b) => early[a]! - early[b]! || compareIds(idOf(model, a), idOf(model, b)) || a - b);
  const criticalPath: string[] = [];
  for (const taskIndex of criticalTaskIndexes) {
    const id = idOf(model, taskIndex);
    if (id !== undefined) criticalPath.push(id);
  }

  return {
    calendar,
    tasks,
    phases,
    projectEnd,
    start: calendar.start,
    finish: latestFinish === Number.NEGATIVE_INFINITY ? undefined : calendar.dateOf(latestFinish),
    criticalPath,
    criticalTaskIndexes,
    overallocations: computeOverallocations(model, calendar, tasks, daysOff),
    holidays,
    holidayYears: years,
    daysOff,
    ...(status ? { status } : {}),
    ...(planned ? { planned } : {}),
  };
}

/**
 * The same number, as a small integer when it is one. A value read from a
 * Float64Array is a float to V8 even when it is whole, and an object field
 * that ever held a float boxes every value it holds: eight allocations per
 * task of a 10,000-task schedule, on every keystroke. Whole values (all of
 * them, short of absurd durations) stay unboxed this way; -0 stays -0.
 */
function small(value: number): number {
  const integer = value | 0;
  return Object.is(integer, value) ? integer : value;
}

function idOf(model: PlanModel, taskIndex: number): string | undefined {
  return model.tasks[taskIndex]?.id?.value;
}

/** Code-unit order (not locale order) so output is the same everywhere; id-less tasks last. */
function compareIds(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

export interface ResolvedDue {
  /** The working-day index of the due day. */
  readonly index: number;
  readonly date: string;
}

/**
 * Resolves `due: <n> after <id>`: the working day n working days after the
 * finish day of the task or phase `<id>` (`0d after x` is x's finish day).
 * Undefined when the id names nothing scheduled (unknown, on a cycle, or a
 * phase without scheduled tasks).
 */
export function resolveDueAfter(
  schedule: Schedule,
  symbols: Symbols,
  due: Extract<DueSpec, { kind: 'after' }>,
): ResolvedDue | undefined {
  const declaration = symbols.lookup('work', due.target.id);
  if (!declaration) return undefined;
  const finishIndex =
    declaration.kind === 'task'
      ? schedule.tasks[declaration.index]?.finishIndex
      : schedule.phases[declaration.index]?.finishIndex;
  if (finishIndex === undefined) return undefined;
  const index = finishIndex + Math.max(0, schedule.calendar.workingDays(due.offset));
  return { index, date: schedule.calendar.dateOf(index) };
}

/** The due date of an objective: the written date, or the resolved `... after <id>`. */
export function resolveDueDate(schedule: Schedule, symbols: Symbols, due: DueSpec): string | undefined {
  return due.kind === 'date' ? due.date : resolveDueAfter(schedule, symbols, due)?.date;
}
