import type { Assignment, Person, PlanModel, Quantity } from '../model/types.js';
import type { WorkingCalendar } from './calendar.js';
import { sameReason, type DayOffRange, type DayOffReason, type PersonDaysOff } from './person-days-off.js';

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
  /** The person's capacity in hours per day (0 on a day off). */
  readonly capacityHours: number;
  /**
   * Set when the days are the person's own days off (leave, their country's
   * public holiday, a weekday they do not work): their capacity is 0 then.
   */
  readonly dayOff?: DayOffReason;
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
  daysOff: readonly (PersonDaysOff | undefined)[] = [],
): Overallocation[] {
  return new LoadTable(model, calendar, daysOff).overallocations(ranges);
}

/**
 * A plan's assignments read once from the model, to find the
 * overallocations for any dates of its tasks: the scheduler's, or a
 * what-if's (which then sweeps flat arrays without reading the model
 * again). Every assignment to a declared person with a positive load is a
 * booking; they are grouped by person: person p's are positions
 * personStart[p] up to personStart[p + 1], in task order (then assignment
 * order). No object per booking: the scheduler builds one on every
 * keystroke.
 */
export class LoadTable {
  private readonly personStart: Int32Array;
  private readonly taskIndex: Int32Array;
  private readonly load: Float64Array;
  /** The bookings' days [s, e) for the ranges being swept. */
  private readonly s: Float64Array;
  private readonly e: Float64Array;
  private readonly sweep: LoadSweep;

  constructor(
    private readonly model: PlanModel,
    private readonly calendar: WorkingCalendar,
    /** Per person index: their own days off (schedule/person-days-off.ts). */
    private readonly daysOff: readonly (PersonDaysOff | undefined)[] = [],
  ) {
    // The first declaration of an id wins, as in collectSymbols.
    const personByIds = new Map<string, number>();
    model.people.forEach((person, index) => {
      if (person.id && !personByIds.has(person.id.value)) personByIds.set(person.id.value, index);
    });

    // First in task order, counting per person; then placed by a counting
    // sort, which keeps that order within each person.
    let assignments = 0;
    for (const task of model.tasks) assignments += task.assign.length;
    const unsortedPerson = new Int32Array(assignments);
    const unsortedTask = new Int32Array(assignments);
    const unsortedLoad = new Float64Array(assignments);
    const personStart = new Int32Array(model.people.length + 1);
    let count = 0;
    for (let taskIndex = 0; taskIndex < model.tasks.length; taskIndex++) {
      for (const assignment of model.tasks[taskIndex]!.assign) {
        const personIndex = personByIds.get(assignment.person.id);
        if (personIndex === undefined) continue;
        const load = assignmentDailyLoad(assignment, calendar);
        if (!(load > 0)) continue;
        unsortedPerson[count] = personIndex;
        unsortedTask[count] = taskIndex;
        unsortedLoad[count] = load;
        personStart[personIndex + 1]!++;
        count++;
      }
    }
    for (let person = 0; person < model.people.length; person++) personStart[person + 1]! += personStart[person]!;

    const next = personStart.slice(0, model.people.length);
    this.personStart = personStart;
    this.taskIndex = new Int32Array(count);
    this.load = new Float64Array(count);
    for (let booking = 0; booking < count; booking++) {
      const position = next[unsortedPerson[booking]!]!++;
      this.taskIndex[position] = unsortedTask[booking]!;
      this.load[position] = unsortedLoad[booking]!;
    }
    this.s = new Float64Array(count);
    this.e = new Float64Array(count);
    this.sweep = new LoadSweep(this.s, this.e, this.load, this.taskIndex);
  }

  /** The overallocations when the tasks occupy `ranges` (see computeOverallocations). */
  overallocations(ranges: readonly (OccupiedRange | undefined)[]): Overallocation[] {
    const { model, calendar, personStart, taskIndex, s, e } = this;
    const overallocations: Overallocation[] = [];
    let taskIds: (string | undefined)[] | undefined;
    for (let personIndex = 0; personIndex < model.people.length; personIndex++) {
      // The person's bookings of tasks that take days, in booking order.
      const from = personStart[personIndex]!;
      let to = from;
      let first = Number.POSITIVE_INFINITY;
      let last = Number.NEGATIVE_INFINITY;
      for (let position = from; position < personStart[personIndex + 1]!; position++) {
        const range = ranges[taskIndex[position]!];
        if (!range || range.e <= range.s) continue;
        s[position] = range.s;
        e[position] = range.e;
        if (range.s < first) first = range.s;
        if (range.e > last) last = range.e;
        this.sweep.include(to++, position);
      }
      if (to === from) continue;
      const person = model.people[personIndex]!;
      const capacity = dailyCapacity(person, calendar);
      const off = this.daysOff[personIndex]?.within(first, last, calendar) ?? NO_DAYS_OFF;
      for (const range of this.sweep.overallocatedRanges(from, to, capacity, off)) {
        taskIds ??= model.tasks.map((task) => task.id?.value);
        const tasks: string[] = [];
        for (const index of range.taskIndexes) {
          const id = taskIds[index];
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
          capacityHours: range.dayOff ? 0 : capacity,
          ...(range.dayOff ? { dayOff: range.dayOff } : {}),
          taskIndexes: range.taskIndexes,
          tasks,
        });
      }
    }
    return overallocations;
  }
}

interface OverallocatedRange {
  readonly fromIndex: number;
  toIndex: number;
  readonly taskIndexes: readonly number[];
  peak: number;
  load: number;
  readonly dayOff?: DayOffReason;
}

const NO_DAYS_OFF: readonly DayOffRange[] = [];

/**
 * The sweep over one person's bookings at a time, with its scratch arrays
 * kept across people (no allocation per event: a 10,000-task plan has tens
 * of thousands).
 */
class LoadSweep {
  /**
   * Booking positions in order of start, and of end (ties in booking
   * order): slots [from, to) hold one person's included bookings.
   */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly sortScratch: Int32Array;
  /**
   * The active tasks in task order with their hours per day (a task may
   * assign the same person twice): the first `activeCount` entries. Few
   * tasks overlap, so sorted arrays beat a map that would have to be sorted
   * for every overallocated segment.
   */
  private readonly activeTasks: Int32Array;
  private readonly activeHours: Float64Array;
  private activeCount = 0;

  constructor(
    private readonly startOf: Float64Array,
    private readonly endOf: Float64Array,
    private readonly loadOf: Float64Array,
    private readonly taskOf: Int32Array,
  ) {
    const count = taskOf.length;
    this.starts = new Int32Array(count);
    this.ends = new Int32Array(count);
    this.sortScratch = new Int32Array(count);
    this.activeTasks = new Int32Array(count);
    this.activeHours = new Float64Array(count);
  }

  /** Puts booking `position` in slot `slot` (slots fill in booking order). */
  include(slot: number, position: number): void {
    this.starts[slot] = position;
    this.ends[slot] = position;
  }

  /**
   * The overallocations of the bookings in slots [from, to) (one person's),
   * with capacity 0 on the person's days off `off` (sorted, disjoint).
   */
  overallocatedRanges(from: number, to: number, capacity: number, off: readonly DayOffRange[]): OverallocatedRange[] {
    const { startOf, endOf, loadOf, taskOf, activeTasks, activeHours, starts, ends } = this;
    sortPositions(starts, from, to, startOf, this.sortScratch);
    sortPositions(ends, from, to, endOf, this.sortScratch);

    const result: OverallocatedRange[] = [];
    this.activeCount = 0;
    let runningLoad = 0;
    let open: OverallocatedRange | undefined;
    let nextStart = from;
    let nextEnd = from;
    let nextOff = 0;
    /** Days [pieceFrom, pieceTo) of the current segment, at `pieceCapacity` hours a day. */
    const piece = (pieceFrom: number, pieceTo: number, dayOff: DayOffReason | undefined): void => {
      const pieceCapacity = dayOff ? 0 : capacity;
      if (runningLoad <= pieceCapacity + LOAD_EPSILON) {
        open = undefined;
        return;
      }
      // Sum again in task order: the running sum detects, this one is exact
      // up to one canonical rounding, so equal ranges report equal peaks.
      let load = 0;
      for (let index = 0; index < this.activeCount; index++) load += activeHours[index]!;
      if (load <= pieceCapacity + LOAD_EPSILON) {
        open = undefined;
        return;
      }
      const taskIndexes = Array.from(activeTasks.subarray(0, this.activeCount));
      const ratio = pieceCapacity > 0 ? load / pieceCapacity : Number.POSITIVE_INFINITY;
      // Every event point changes the set of tasks (a booking never starts
      // and ends on the same day), so adjacent segments rarely match; the
      // check states the contract's rule rather than relying on that.
      if (
        open &&
        open.toIndex === pieceFrom - 1 &&
        sameIndexes(open.taskIndexes, taskIndexes) &&
        (open.dayOff === dayOff || (!!open.dayOff && !!dayOff && sameReason(open.dayOff, dayOff)))
      ) {
        open.toIndex = pieceTo - 1;
        if (ratio > open.peak) {
          open.peak = ratio;
          open.load = load;
        }
        return;
      }
      open = { fromIndex: pieceFrom, toIndex: pieceTo - 1, taskIndexes, peak: ratio, load, ...(dayOff ? { dayOff } : {}) };
      result.push(open);
    };

    while (nextEnd < to) {
      // The next point where the set of tasks changes.
      const endAt = endOf[ends[nextEnd]!]!;
      const at = nextStart < to ? Math.min(startOf[starts[nextStart]!]!, endAt) : endAt;
      for (; nextEnd < to && endOf[ends[nextEnd]!] === at; nextEnd++) {
        const booking = ends[nextEnd]!;
        const load = loadOf[booking]!;
        runningLoad -= load;
        const task = taskOf[booking]!;
        const position = this.positionOf(task);
        // Gone already when the task's other booking of the person left less
        // than LOAD_EPSILON behind (a load of a billionth of an hour).
        if (position >= this.activeCount || activeTasks[position] !== task) continue;
        const hours = activeHours[position]! - load;
        if (hours < LOAD_EPSILON) this.removeActive(position);
        else activeHours[position] = hours;
      }
      for (; nextStart < to && startOf[starts[nextStart]!] === at; nextStart++) {
        const booking = starts[nextStart]!;
        const load = loadOf[booking]!;
        const task = taskOf[booking]!;
        runningLoad += load;
        const position = this.positionOf(task);
        if (position < this.activeCount && activeTasks[position] === task) activeHours[position]! += load;
        else this.insertActive(position, task, load);
      }
      if (nextEnd >= to) break;
      const nextEndAt = endOf[ends[nextEnd]!]!;
      const next = nextStart < to ? Math.min(startOf[starts[nextStart]!]!, nextEndAt) : nextEndAt;
      // The segment [at, next) has a constant set of tasks and load; the
      // person's days off in it are pieces of their own (capacity 0).
      while (nextOff < off.length && off[nextOff]!.toIndex < at) nextOff++;
      let cursor = at;
      for (let index = nextOff; index < off.length && off[index]!.fromIndex < next; index++) {
        const range = off[index]!;
        if (cursor < range.fromIndex) piece(cursor, range.fromIndex, undefined);
        const pieceFrom = Math.max(cursor, range.fromIndex);
        const pieceTo = Math.min(next, range.toIndex + 1);
        piece(pieceFrom, pieceTo, range.reason);
        cursor = pieceTo;
      }
      if (cursor < next) piece(cursor, next, undefined);
    }
    return result;
  }

  /** Where `taskIndex` is, or would go, among the active tasks. */
  private positionOf(taskIndex: number): number {
    let low = 0;
    let high = this.activeCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.activeTasks[middle]! < taskIndex) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private insertActive(position: number, taskIndex: number, hours: number): void {
    const { activeTasks, activeHours } = this;
    for (let index = this.activeCount; index > position; index--) {
      activeTasks[index] = activeTasks[index - 1]!;
      activeHours[index] = activeHours[index - 1]!;
    }
    activeTasks[position] = taskIndex;
    activeHours[position] = hours;
    this.activeCount++;
  }

  private removeActive(position: number): void {
    const { activeTasks, activeHours } = this;
    this.activeCount--;
    for (let index = position; index < this.activeCount; index++) {
      activeTasks[index] = activeTasks[index + 1]!;
      activeHours[index] = activeHours[index + 1]!;
    }
  }
}

/** Runs this short are sorted by insertion before they are merged. */
const INSERTION_RUN = 16;

/**
 * Sorts `positions[from .. to)` (booking positions) by `keys`, ties in
 * position order: a stable sort of the bookings. Insertion sort on short
 * runs, then bottom-up merges through `scratch` (at least as long), so
 * nothing is allocated per person.
 */
function sortPositions(positions: Int32Array, from: number, to: number, keys: Float64Array, scratch: Int32Array): void {
  for (let runStart = from; runStart < to; runStart += INSERTION_RUN) {
    const runEnd = Math.min(to, runStart + INSERTION_RUN);
    for (let index = runStart + 1; index < runEnd; index++) {
      const position = positions[index]!;
      const key = keys[position]!;
      let hole = index;
      while (hole > runStart && keys[positions[hole - 1]!]! > key) {
        positions[hole] = positions[hole - 1]!;
        hole--;
      }
      positions[hole] = position;
    }
  }
  for (let width = INSERTION_RUN; width < to - from; width *= 2) {
    for (let left = from; left < to - width; left += 2 * width) {
      const middle = left + width;
      const right = Math.min(to, middle + width);
      let i = left;
      let j = middle;
      let out = left;
      // `<=` takes the left run's booking first on equal keys: stable.
      while (i < middle && j < right) scratch[out++] = keys[positions[i]!]! <= keys[positions[j]!]! ? positions[i++]! : positions[j++]!;
      while (i < middle) scratch[out++] = positions[i++]!;
      while (j < right) scratch[out++] = positions[j++]!;
      for (let index = left; index < right; index++) positions[index] = scratch[index]!;
    }
  }
}

function sameIndexes(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
