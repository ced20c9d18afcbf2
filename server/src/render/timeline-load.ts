import type { WorkingCalendar } from '../schedule/calendar.js';
import type { DayOffRange, DayOffReason } from '../schedule/person-days-off.js';
import type { TimelineDayLoads, TimelineDayOff } from './timeline-types.js';

/**
 * One person's load day by day, for the preview's load rows (TimelinePerson
 * `days`): runs of consecutive calendar days, each a working day of the
 * project, on which the person's hours, tasks, days off and overallocation
 * are all the same. The figures are the ones the `overallocation` rule
 * compares (the bookings' hours per day come from `assignmentDailyLoad`, the
 * overallocated days are the schedule's overallocations), so the rows and
 * the findings never disagree.
 *
 * A sweep over the bookings' starts and ends (not a walk over people x
 * days): the cost follows the bookings and the runs, and a run only breaks
 * where something changes or the project does not work (a weekend, a
 * holiday), so a week of steady work is one run.
 */

/** One person's share of one task over the task's working days [s, e). */
export interface PersonBooking {
  readonly taskIndex: number;
  readonly s: number;
  readonly e: number;
  readonly hoursPerDay: number;
}

/** Working days [fromIndex, toIndex] (inclusive). */
export interface WorkingDayRange {
  readonly fromIndex: number;
  readonly toIndex: number;
}

/** At most this many tasks are listed per run (`taskCount` says how many there are). */
export const MAX_LISTED_RUN_TASKS = 12;

export interface PersonDayLoadInput {
  readonly bookings: readonly PersonBooking[];
  /** The person's days off in the window (sorted, disjoint: PersonDaysOff.within). */
  readonly daysOff: readonly DayOffRange[];
  /** The person's overallocations (sorted, disjoint). */
  readonly overallocations: readonly WorkingDayRange[];
  /** Working days [first, end) the timeline covers. */
  readonly first: number;
  readonly end: number;
  readonly calendar: WorkingCalendar;
  /** The day number (days since 1970-01-01) of `Timeline.start`: runs start this many days after it. */
  readonly startDay: number;
}

export function personDayLoads(input: PersonDayLoadInput): TimelineDayLoads {
  const { calendar, first, end, daysOff, overallocations } = input;
  // The bookings clipped to [first, end), as flat arrays (no object per booking: this runs on
  // every keystroke for every person), and their positions in order of start.
  const count = input.bookings.length;
  const s = new Float64Array(count);
  const e = new Float64Array(count);
  const byStart: number[] = [];
  const boundaries = new Set<number>([first, end]);
  for (let booking = 0; booking < count; booking++) {
    const { s: start, e: finish } = input.bookings[booking]!;
    s[booking] = Math.max(start, first);
    e[booking] = Math.min(finish, end);
    if (e[booking]! <= s[booking]!) continue;
    byStart.push(booking);
    boundaries.add(s[booking]!).add(e[booking]!);
  }
  byStart.sort((a, b) => s[a]! - s[b]! || a - b);
  for (const range of daysOff) boundaries.add(Math.max(first, Math.min(end, range.fromIndex))).add(Math.max(first, Math.min(end, range.toIndex + 1)));
  for (const range of overallocations) boundaries.add(Math.max(first, Math.min(end, range.fromIndex))).add(Math.max(first, Math.min(end, range.toIndex + 1)));
  const points = Float64Array.from(boundaries).sort();

  const runs = emptyRuns();
  /** The bookings under way, in task order then booking order (so hours are summed as the overallocation sweep sums them). */
  const active: number[] = [];
  const taskOf = (booking: number): number => input.bookings[booking]!.taskIndex;
  let nextBooking = 0;
  let offAt = 0;
  let overAt = 0;
  for (let point = 0; point + 1 < points.length; point++) {
    const from = points[point]!;
    const to = points[point + 1]!;
    let kept = 0;
    for (const booking of active) if (e[booking]! > from) active[kept++] = booking;
    active.length = kept;
    while (nextBooking < byStart.length && s[byStart[nextBooking]!]! <= from) {
      const booking = byStart[nextBooking++]!;
      let at = active.length;
      while (at > 0 && (taskOf(active[at - 1]!) > taskOf(booking) || (taskOf(active[at - 1]!) === taskOf(booking) && active[at - 1]! > booking))) at--;
      active.splice(at, 0, booking);
    }
    while (offAt < daysOff.length && daysOff[offAt]!.toIndex < from) offAt++;
    while (overAt < overallocations.length && overallocations[overAt]!.toIndex < from) overAt++;
    const off = daysOff[offAt];
    const reason = off && off.fromIndex <= from ? off.reason : undefined;
    const overallocation = overallocations[overAt];
    const over = overallocation !== undefined && overallocation.fromIndex <= from;
    if (active.length === 0 && reason === undefined && !over) continue;
    let hours = 0;
    const tasks: number[] = [];
    for (const booking of active) {
      hours += input.bookings[booking]!.hoursPerDay;
      const task = taskOf(booking);
      if (tasks[tasks.length - 1] !== task) tasks.push(task);
    }
    const value: RunValue = { hours: roundHours(hours), over, tasks, off: reason ? dayOffOf(reason) : null };
    // One run per stretch of consecutive calendar days.
    for (let pieceFrom = from; pieceFrom < to; ) {
      const pieceEnd = contiguousEnd(calendar, pieceFrom, to);
      pushRun(runs, calendar.dayNumberOf(pieceFrom) - input.startDay, pieceEnd - pieceFrom, value);
      pieceFrom = pieceEnd;
    }
  }
  return runs;
}

/**
 * The end of the stretch of working days from `from` (before `to`) that are
 * consecutive calendar days. Day numbers grow at least as fast as indexes,
 * and exactly as fast within a stretch, so a binary search finds its end.
 */
function contiguousEnd(calendar: WorkingCalendar, from: number, to: number): number {
  const firstDay = calendar.dayNumberOf(from);
  let low = from + 1;
  let high = to;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (calendar.dayNumberOf(middle) - firstDay === middle - from) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface RunValue {
  readonly hours: number;
  readonly over: boolean;
  readonly tasks: readonly number[];
  readonly off: TimelineDayOff | null;
}

interface MutableRuns {
  start: number[];
  days: number[];
  hours: number[];
  over: number[];
  tasks: number[][];
  taskCount: number[];
  off: (TimelineDayOff | null)[];
}

function emptyRuns(): MutableRuns {
  return { start: [], days: [], hours: [], over: [], tasks: [], taskCount: [], off: [] };
}

/** Appends a run, or lengthens the last one when this one continues it with the same values. */
function pushRun(runs: MutableRuns, start: number, days: number, value: RunValue): void {
  const last = runs.start.length - 1;
  if (
    last >= 0 &&
    runs.start[last]! + runs.days[last]! === start &&
    runs.hours[last] === value.hours &&
    runs.over[last] === (value.over ? 1 : 0) &&
    runs.taskCount[last] === value.tasks.length &&
    runs.tasks[last]!.every((task, index) => task === value.tasks[index]) &&
    JSON.stringify(runs.off[last]) === JSON.stringify(value.off)
  ) {
    runs.days[last]! += days;
    return;
  }
  runs.start.push(start);
  runs.days.push(days);
  runs.hours.push(value.hours);
  runs.over.push(value.over ? 1 : 0);
  runs.tasks.push(value.tasks.slice(0, MAX_LISTED_RUN_TASKS));
  runs.taskCount.push(value.tasks.length);
  runs.off.push(value.off);
}

/** Hours to 1/10,000: the sums of fractions of a day (`8h/w` is 1.6 h) lose their float noise on the wire. */
function roundHours(hours: number): number {
  return Math.round(hours * 10_000) / 10_000;
}

function dayOffOf(reason: DayOffReason): TimelineDayOff {
  switch (reason.kind) {
    case 'leave':
      return reason.note !== undefined ? { kind: 'leave', from: reason.from, to: reason.to, note: reason.note } : { kind: 'leave', from: reason.from, to: reason.to };
    case 'holiday':
      return { kind: 'holiday', date: reason.date, name: reason.name };
    case 'weekday':
      return { kind: 'weekday', weekday: reason.weekday };
  }
}
