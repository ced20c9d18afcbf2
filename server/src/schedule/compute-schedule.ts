import type { DueSpec, PlanModel, Task } from '../model/types.js';
import type { Symbols } from '../model/symbols.js';
import type { WorkEdge, WorkGraph } from '../model/work-graph.js';
import { createWorkingCalendar, type WorkingCalendar } from './calendar.js';
import { earliestTaskStart, phaseSpan, type NodeDates } from './forward-pass.js';
import { computeOverallocations, type Overallocation } from './load.js';

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
}

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
  if (task.milestone) return { days: 0, milestone: true, missing: false };
  if (!task.duration) return { days: 0, milestone: false, missing: true };
  const days = Math.max(0, calendar.workingDays(task.duration.value));
  return { days, milestone: days === 0, missing: false };
}

/**
 * Schedules the plan. Returns undefined when the plan has no usable
 * `plan.start` (the `schema` rule reports it): without a start there are no
 * dates to give, and inventing one would print wrong dates.
 */
export function computeSchedule(model: PlanModel, graph: WorkGraph): Schedule | undefined {
  const start = model.plan.start?.value;
  if (start === undefined) return undefined;
  const calendar = createWorkingCalendar(model.plan.calendar, start);
  return computeScheduleWithCalendar(model, graph, calendar);
}

/** computeSchedule with a calendar the caller already has. */
export function computeScheduleWithCalendar(model: PlanModel, graph: WorkGraph, calendar: WorkingCalendar): Schedule {
  const taskCount = model.tasks.length;
  const phaseCount = model.phases.length;
  const nodeCount = taskCount + phaseCount;
  const { cyclic, edges, order } = graph;

  const durations = model.tasks.map((task) => taskDuration(task, calendar));
  const lagOf = (edge: WorkEdge): number => (edge.dependency ? calendar.workingDays(edge.dependency.lag) : 0);

  // Early dates per node (tasks and phases); NaN = not scheduled.
  const early = new Float64Array(nodeCount).fill(Number.NaN);
  const earlyEnd = new Float64Array(nodeCount).fill(Number.NaN);
  const startBounds: (number | undefined)[] = new Array<number | undefined>(taskCount);
  const drivingEdges: (WorkEdge | undefined)[] = new Array<WorkEdge | undefined>(taskCount);

  // Forward pass: prerequisites come first in `order`, so every scheduled
  // predecessor already has its dates. Edges to cyclic nodes are ignored.
  const earlyDates = (node: number): NodeDates | undefined =>
    Number.isNaN(early[node]!) ? undefined : { s: early[node]!, e: earlyEnd[node]! };
  for (const node of order) {
    if (node < taskCount) {
      const task = model.tasks[node]!;
      const startBound = task.start ? calendar.indexOnOrAfter(task.start.value) : undefined;
      startBounds[node] = startBound;
      const { s, driver } = earliestTaskStart(edges[node] ?? [], cyclic, earlyDates, startBound, lagOf);
      early[node] = s;
      earlyEnd[node] = s + durations[node]!.days;
      drivingEdges[node] = driver;
    } else {
      const span = phaseSpan(edges[node] ?? [], cyclic, earlyDates);
      if (span) {
        early[node] = span.s;
        earlyEnd[node] = span.e;
      }
    }
  }

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
    lateStartBound[task] = projectEnd - durations[task]!.days;
    freeFloat[task] = projectEnd - (Number.isNaN(earlyEnd[task]!) ? 0 : earlyEnd[task]!);
  }
  const phaseLateEnd = new Float64Array(phaseCount).fill(Number.POSITIVE_INFINITY);
  const phaseLateStart = new Float64Array(phaseCount).fill(Number.POSITIVE_INFINITY);
  // The same two bounds from successors' early starts, for free float.
  const phaseEarlyEndRoom = new Float64Array(phaseCount).fill(Number.POSITIVE_INFINITY);
  const phaseEarlyStartRoom = new Float64Array(phaseCount).fill(Number.POSITIVE_INFINITY);

  for (let position = order.length - 1; position >= 0; position--) {
    const node = order[position]!;
    if (node < taskCount) {
      const ls = lateStartBound[node]!;
      lateStart[node] = ls;
      const s = early[node]!;
      for (const edge of edges[node] ?? []) {
        const dependency = edge.dependency;
        const to = edge.to;
        if (!dependency || cyclic.has(to) || Number.isNaN(early[to]!)) continue;
        const lag = lagOf(edge);
        const ss = dependency.type === 'SS';
        if (to < taskCount) {
          const d = durations[to]!.days;
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
      for (const edge of edges[node] ?? []) {
        const task = edge.to;
        if (edge.via !== 'contains' || cyclic.has(task)) continue;
        const d = durations[task]!.days;
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
  let latestFinish = Number.NEGATIVE_INFINITY;
  for (let taskIndex = 0; taskIndex < taskCount; taskIndex++) {
    const s = early[taskIndex]!;
    if (Number.isNaN(s)) {
      tasks[taskIndex] = undefined;
      continue;
    }
    const task = model.tasks[taskIndex]!;
    const duration = durations[taskIndex]!;
    const e = earlyEnd[taskIndex]!;
    const finishIndex = duration.days > 0 ? e - 1 : s;
    latestFinish = Math.max(latestFinish, finishIndex);
    const ls = lateStart[taskIndex]!;
    const totalFloat = ls - s;
    const startBound = startBounds[taskIndex];
    const startDelay = startBound === undefined ? 0 : Math.max(0, s - Math.max(0, startBound));
    const deadlineIndex = task.deadline ? calendar.indexOnOrBefore(task.deadline.value) : undefined;
    const deadlineOverrun = deadlineIndex === undefined ? 0 : Math.max(0, finishIndex - deadlineIndex);
    tasks[taskIndex] = {
      taskIndex,
      s,
      e,
      start: calendar.dateOf(s),
      finish: calendar.dateOf(finishIndex),
      finishIndex,
      duration: duration.days,
      lateStart: ls,
      lateEnd: ls + duration.days,
      totalFloat,
      freeFloat: freeFloat[taskIndex]!,
      critical: totalFloat === 0,
      milestone: duration.milestone,
      durationMissing: duration.missing,
      drivingEdge: drivingEdges[taskIndex],
      startBound,
      startConflict: startDelay > 0,
      startDelay,
      deadlineIndex,
      deadlineMissed: deadlineOverrun > 0,
      deadlineOverrun,
    };
  }

  const phases: (PhaseSchedule | undefined)[] = model.phases.map((phase, phaseIndex) => {
    const node = taskCount + phaseIndex;
    const s = early[node]!;
    if (Number.isNaN(s) || cyclic.has(node)) return undefined;
    const e = earlyEnd[node]!;
    const finishIndex = e > s ? e - 1 : s;
    return {
      phaseIndex,
      s,
      e,
      start: calendar.dateOf(s),
      finish: calendar.dateOf(finishIndex),
      finishIndex,
      critical: phase.taskIndexes.some((taskIndex) => tasks[taskIndex]?.critical === true),
    };
  });

  const criticalTasks = tasks
    .filter((task): task is TaskSchedule => task?.critical === true)
    .sort((a, b) => a.s - b.s || compareIds(idOf(model, a.taskIndex), idOf(model, b.taskIndex)) || a.taskIndex - b.taskIndex);

  return {
    calendar,
    tasks,
    phases,
    projectEnd,
    start: calendar.start,
    finish: latestFinish === Number.NEGATIVE_INFINITY ? undefined : calendar.dateOf(latestFinish),
    criticalPath: criticalTasks.flatMap((task) => {
      const id = idOf(model, task.taskIndex);
      return id === undefined ? [] : [id];
    }),
    criticalTaskIndexes: criticalTasks.map((task) => task.taskIndex),
    overallocations: computeOverallocations(model, calendar, tasks),
  };
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
