import type { Assignment, Person, PlanModel, Quantity } from '../model/types.js';
import type { WorkingCalendar } from './calendar.js';

/**
 * Daily load per person and the overallocations it causes.
 *
 * Loads and capacities are compared in hours per working day:
 * - `50%` is 0.5 x hours_per_day;
 * - `8h/w` is 8 / workdays per week;
 * - a person without `capacity` has hours_per_day per day;
 * - an assignment without `load` counts as `100%` (a person named on a task
 *   works on it full time unless the plan says otherwise).
 *
 * A person is overallocated on a day when the sum of the loads of the tasks
 * occupying that day exceeds their capacity by more than LOAD_EPSILON hours.
 * Consecutive overallocated working days with the same set of tasks form one
 * overallocation.
 */

/** Hours per day below which a sum of loads is taken as equal to the capacity (float noise). */
export const LOAD_EPSILON = 1e-9;

/** What the load sweep needs from a scheduled task: its occupied working days [s, e). */
export interface OccupiedRange {
  readonly s: number;
  readonly e: number;
}

export interface Overallocation {
  readonly personIndex: number;
  readonly personId: string;
  /** First overallocated working day (index). */
  readonly fromIndex: number;
  /** Last overallocated working day (index, inclusive). */
  readonly toIndex: number;
  readonly from: string;
  /** The date of the last overallocated day. */
  readonly to: string;
  /**
   * The largest load / capacity ratio in the range, unrounded (round for
   * display only). Infinity when the person's capacity is 0.
   */
  readonly peak: number;
  /** The load in hours per day at the peak. */
  readonly peakLoadHours: number;
  /** The person's capacity in hours per day. */
  readonly capacityHours: number;
  /** The tasks the person works on in the range, in document order. */
  readonly taskIndexes: readonly number[];
  /** Their ids (tasks without an id are left out). */
  readonly tasks: readonly string[];
}

/** A quantity in hours per working day. */
export function hoursPerDay(quantity: Quantity, calendar: WorkingCalendar): number {
  return quantity.kind === 'percent'
    ? (quantity.value / 100) * calendar.hoursPerDay
    : quantity.value / calendar.workdaysPerWeek;
}

/** A person's capacity in hours per working day. */
export function dailyCapacity(person: Person, calendar: WorkingCalendar): number {
  return person.capacity ? hoursPerDay(person.capacity.value, calendar) : calendar.hoursPerDay;
}

/** An assignment's load in hours per working day the task occupies. */
export function assignmentDailyLoad(assignment: Assignment, calendar: WorkingCalendar): number {
  return assignment.load ? hoursPerDay(assignment.load.value, calendar) : calendar.hoursPerDay;
}

/** One person's share of one task: `load` hours per day over [s, e). */
interface Booking {
  readonly taskIndex: number;
  readonly s: number;
  readonly e: number;
  readonly load: number;
}

/**
 * Finds every overallocation, ordered by person (document order) then by
 * first day. `ranges` is indexed by task; undefined entries (tasks on a
 * cycle) and empty ranges (milestones) carry no load.
 *
 * Per person this sweeps start/end events rather than walking days, so the
 * cost is O(assignments log assignments) whatever the durations are.
 */
export function computeOverallocations(
  model: PlanModel,
  calendar: WorkingCalendar,
  ranges: readonly (OccupiedRange | undefined)[],
): Overallocation[] {
  // The first declaration of an id wins, as in collectSymbols.
  const personByIds = new Map<string, number>();
  model.people.forEach((person, index) => {
    if (person.id && !personByIds.has(person.id.value)) personByIds.set(person.id.value, index);
  });

  const bookingsByPerson = new Map<number, Booking[]>();
  model.tasks.forEach((task, taskIndex) => {
    const range = ranges[taskIndex];
    if (!range || range.e <= range.s) return;
    for (const assignment of task.assign) {
      const personIndex = personByIds.get(assignment.person.id);
      if (personIndex === undefined) continue;
      const load = assignmentDailyLoad(assignment, calendar);
      if (!(load > 0)) continue;
      let bookings = bookingsByPerson.get(personIndex);
      if (!bookings) {
        bookings = [];
        bookingsByPerson.set(personIndex, bookings);
      }
      bookings.push({ taskIndex, s: range.s, e: range.e, load });
    }
  });

  const taskIds = model.tasks.map((task) => task.id?.value);
  const overallocations: Overallocation[] = [];
  const personIndexes = [...bookingsByPerson.keys()].sort((a, b) => a - b);
  for (const personIndex of personIndexes) {
    const person = model.people[personIndex]!;
    const capacity = dailyCapacity(person, calendar);
    for (const range of overallocatedRanges(bookingsByPerson.get(personIndex)!, capacity)) {
      const tasks: string[] = [];
      for (const taskIndex of range.taskIndexes) {
        const id = taskIds[taskIndex];
        if (id !== undefined) tasks.push(id);
      }
      overallocations.push({
        personIndex,
        personId: person.id?.value ?? '',
        fromIndex: range.fromIndex,
        toIndex: range.toIndex,
        from: calendar.dateOf(range.fromIndex),
        to: calendar.dateOf(range.toIndex),
        peak: range.peak,
        peakLoadHours: range.load,
        capacityHours: capacity,
        taskIndexes: range.taskIndexes,
        tasks,
      });
    }
  }
  return overallocations;
}

interface OverallocatedRange {
  readonly fromIndex: number;
  toIndex: number;
  readonly taskIndexes: readonly number[];
  peak: number;
  load: number;
}

/** The sweep over one person's bookings. */
function overallocatedRanges(bookings: readonly Booking[], capacity: number): OverallocatedRange[] {
  const starts = [...bookings].sort((a, b) => a.s - b.s);
  const ends = [...bookings].sort((a, b) => a.e - b.e);
  const result: OverallocatedRange[] = [];
  // The active tasks in task order with their hours per day (a task may
  // assign the same person twice). Few tasks overlap, so sorted arrays beat
  // a map that would have to be sorted for every overallocated segment.
  const activeTasks: number[] = [];
  const activeHours: number[] = [];
  const positionOf = (taskIndex: number): number => {
    let low = 0;
    let high = activeTasks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (activeTasks[middle]! < taskIndex) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  let runningLoad = 0;
  let open: OverallocatedRange | undefined;
  let nextStart = 0;
  let nextEnd = 0;

  while (nextEnd < ends.length) {
    // The next point where the set of tasks changes.
    const at = nextStart < starts.length ? Math.min(starts[nextStart]!.s, ends[nextEnd]!.e) : ends[nextEnd]!.e;
    for (; nextEnd < ends.length && ends[nextEnd]!.e === at; nextEnd++) {
      const booking = ends[nextEnd]!;
      runningLoad -= booking.load;
      const position = positionOf(booking.taskIndex);
      const hours = activeHours[position]! - booking.load;
      if (hours < LOAD_EPSILON) {
        activeTasks.splice(position, 1);
        activeHours.splice(position, 1);
      } else {
        activeHours[position] = hours;
      }
    }
    for (; nextStart < starts.length && starts[nextStart]!.s === at; nextStart++) {
      const booking = starts[nextStart]!;
      runningLoad += booking.load;
      const position = positionOf(booking.taskIndex);
      if (activeTasks[position] === booking.taskIndex) {
        activeHours[position]! += booking.load;
      } else {
        activeTasks.splice(position, 0, booking.taskIndex);
        activeHours.splice(position, 0, booking.load);
      }
    }
    if (nextEnd >= ends.length) break;
    const next = nextStart < starts.length ? Math.min(starts[nextStart]!.s, ends[nextEnd]!.e) : ends[nextEnd]!.e;
    // The segment [at, next) has a constant set of tasks and load.
    if (runningLoad <= capacity + LOAD_EPSILON) {
      open = undefined;
      continue;
    }
    // Sum again in task order: the running sum detects, this one is exact
    // up to one canonical rounding, so equal ranges report equal peaks.
    let load = 0;
    for (const hours of activeHours) load += hours;
    if (load <= capacity + LOAD_EPSILON) {
      open = undefined;
      continue;
    }
    const taskIndexes = activeTasks.slice();
    const ratio = capacity > 0 ? load / capacity : Number.POSITIVE_INFINITY;
    // Every event point changes the set of tasks (a booking never starts
    // and ends on the same day), so adjacent segments rarely match; the
    // check states the contract's rule rather than relying on that.
    if (open && open.toIndex === at - 1 && sameIndexes(open.taskIndexes, taskIndexes)) {
      open.toIndex = next - 1;
      if (ratio > open.peak) {
        open.peak = ratio;
        open.load = load;
      }
      continue;
    }
    open = { fromIndex: at, toIndex: next - 1, taskIndexes, peak: ratio, load };
    result.push(open);
  }
  return result;
}

function sameIndexes(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
