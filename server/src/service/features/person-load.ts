import type { Assignment, Person, PlanModel } from '../../model/types.js';
import { dateOfDayNumber, weekdayOfDayNumber, type WorkingCalendar } from '../../schedule/calendar.js';
import type { Schedule, TaskSchedule } from '../../schedule/compute-schedule.js';
import { assignmentDailyLoad, dailyCapacity, LOAD_EPSILON } from '../../schedule/load.js';
import type { DayOffRange } from '../../schedule/person-days-off.js';

/**
 * One person's work as the schedule places it, for the person hover and
 * the load hover (load-hover.ts). The loads are the ones
 * `computeOverallocations` uses (load.ts), so the peak here and an
 * `overallocation` finding always agree.
 */

export interface PersonBooking {
  readonly taskIndex: number;
  readonly assignment: Assignment;
  /** Hours per working day the task occupies. */
  readonly hours: number;
  /** Undefined for a task on a dependency cycle or without a schedule. */
  readonly scheduled: TaskSchedule | undefined;
}

/** Working days [fromIndex, toIndex] (inclusive) at the peak load. */
export interface LoadRun {
  readonly fromIndex: number;
  readonly toIndex: number;
}

export interface PeakLoad {
  /** The largest daily load in hours. */
  readonly hours: number;
  /** Every run of consecutive working days at that load, in order. */
  readonly runs: readonly LoadRun[];
  /** The tasks making the load on the first of those days, in document order. */
  readonly taskIndexes: readonly number[];
}

/** Every assignment naming `personId`, in document order. */
export function personBookings(
  model: PlanModel,
  schedule: Schedule | undefined,
  calendar: WorkingCalendar,
  personId: string,
): PersonBooking[] {
  const bookings: PersonBooking[] = [];
  model.tasks.forEach((task, taskIndex) => {
    for (const assignment of task.assign) {
      if (assignment.person.id !== personId) continue;
      bookings.push({ taskIndex, assignment, hours: assignmentDailyLoad(assignment, calendar), scheduled: schedule?.tasks[taskIndex] });
    }
  });
  return bookings;
}

/**
 * Where the peak is looked for: working days [from, to), leaving out the
 * person's days off there (sorted, disjoint: `PersonDaysOff.within`), whose
 * capacity is 0 so that any load on them is a day-off booking, not a peak.
 */
export interface LoadWindow {
  readonly from: number;
  readonly to: number;
  readonly daysOff: readonly DayOffRange[];
}

/**
 * The highest daily load over the scheduled bookings (within `window` when
 * given) and where it occurs; undefined when no such working day carries
 * any load. Loads are summed in document order per segment between
 * start/end points, so equal days give equal sums.
 */
export function peakLoad(bookings: readonly PersonBooking[], window?: LoadWindow): PeakLoad | undefined {
  const from = window?.from ?? Number.NEGATIVE_INFINITY;
  const to = window?.to ?? Number.POSITIVE_INFINITY;
  const ranges = bookings.flatMap((booking) => {
    const scheduled = booking.scheduled;
    if (!scheduled || booking.hours <= 0) return [];
    const s = Math.max(scheduled.s, from);
    const e = Math.min(scheduled.e, to);
    return e > s ? [{ s, e, hours: booking.hours, taskIndex: booking.taskIndex }] : [];
  });
  if (ranges.length === 0) return undefined;
  const daysOff = window?.daysOff ?? [];
  const boundaries = ranges.flatMap((range) => [range.s, range.e]);
  for (const off of daysOff) boundaries.push(off.fromIndex, off.toIndex + 1);
  const points = [...new Set(boundaries)].sort((a, b) => a - b);
  const segments: { from: number; to: number; hours: number; taskIndexes: number[] }[] = [];
  let offAt = 0;
  for (let index = 0; index + 1 < points.length; index++) {
    const segmentFrom = points[index]!;
    const segmentTo = points[index + 1]!;
    while (offAt < daysOff.length && daysOff[offAt]!.toIndex < segmentFrom) offAt++;
    // Day-off boundaries are points, so a segment is wholly off or wholly on.
    if (offAt < daysOff.length && daysOff[offAt]!.fromIndex <= segmentFrom) continue;
    let hours = 0;
    const taskIndexes: number[] = [];
    for (const range of ranges) {
      if (range.s <= segmentFrom && segmentFrom < range.e) {
        hours += range.hours;
        if (!taskIndexes.includes(range.taskIndex)) taskIndexes.push(range.taskIndex);
      }
    }
    if (hours > 0) segments.push({ from: segmentFrom, to: segmentTo, hours, taskIndexes });
  }
  if (segments.length === 0) return undefined;
  const peak = Math.max(...segments.map((segment) => segment.hours));
  const runs: { fromIndex: number; toIndex: number }[] = [];
  let taskIndexes: readonly number[] = [];
  for (const segment of segments) {
    if (Math.abs(segment.hours - peak) > LOAD_EPSILON) continue;
    if (runs.length === 0) taskIndexes = segment.taskIndexes;
    const last = runs[runs.length - 1];
    if (last && last.toIndex === segment.from - 1) last.toIndex = segment.to - 1;
    else runs.push({ fromIndex: segment.from, toIndex: segment.to - 1 });
  }
  return { hours: peak, runs, taskIndexes };
}

/** One task's share of a person's week. */
export interface TaskHours {
  readonly taskIndex: number;
  readonly hours: number;
}

/** One calendar week (Monday to Sunday) of a person's load. */
export interface WeekLoad {
  /** The week's Monday (ISO date). */
  readonly monday: string;
  /** The working days [first, end) of the week that are counted. */
  readonly first: number;
  readonly end: number;
  /** Hours assigned over those days, days off included (work booked then still has to be done). */
  readonly hours: number;
  /** The tasks making `hours`, in document order. */
  readonly tasks: readonly TaskHours[];
  /** The person's capacity over those days: their daily capacity times the days they are not off. */
  readonly capacityHours: number;
  /** The person's days off among those days. */
  readonly daysOff: readonly DayOffRange[];
  /** Whether one of those days is in one of the schedule's overallocations of the person (the rule's days). */
  readonly overallocated: boolean;
}

/**
 * At most this many weeks are computed (ten years, as the timeline's load
 * rows): a typo like `duration: 90000d` must not make a hover walk a
 * thousand years.
 */
export const MAX_WEEKS = 520;

/**
 * The person's load in each calendar week that meets working days
 * [from, to), in order, the first MAX_WEEKS of them. The figures are the
 * timeline's load row's (render/timeline-model.ts): hours are days times
 * each booking's hours per day, the capacity leaves the person's days off
 * out, and a week's days are clamped to the plan's working days (as on the
 * chart) but never so far as to cut the days asked about.
 */
export function weekLoads(
  schedule: Schedule,
  person: Person,
  personIndex: number,
  bookings: readonly PersonBooking[],
  from: number,
  to: number,
): WeekLoad[] {
  const calendar = schedule.calendar;
  if (to <= from) return [];
  const low = Math.min(0, from);
  const high = Math.max(schedule.projectEnd, to);
  const clamp = (index: number): number => Math.min(high, Math.max(low, index));
  const capacity = dailyCapacity(person, calendar);
  const firstDay = calendar.dayNumberOf(from);
  const firstMonday = firstDay - weekdayOfDayNumber(firstDay);
  const lastDay = calendar.dayNumberOf(to - 1);
  const overallocations = schedule.overallocations.filter((overallocation) => overallocation.personIndex === personIndex);
  const weeks: WeekLoad[] = [];
  for (let monday = firstMonday; monday <= lastDay && weeks.length < MAX_WEEKS; monday += 7) {
    const first = clamp(calendar.indexOnOrAfter(dateOfDayNumber(monday)));
    const end = clamp(calendar.indexOnOrAfter(dateOfDayNumber(monday + 7)));
    const tasks: TaskHours[] = [];
    let hours = 0;
    for (const booking of bookings) {
      const scheduled = booking.scheduled;
      if (!scheduled || booking.hours <= 0) continue;
      const days = Math.min(scheduled.e, end) - Math.max(scheduled.s, first);
      if (days <= 0) continue;
      const share = days * booking.hours;
      hours += share;
      const task = tasks.find((entry) => entry.taskIndex === booking.taskIndex);
      if (task) tasks[tasks.indexOf(task)] = { taskIndex: task.taskIndex, hours: task.hours + share };
      else tasks.push({ taskIndex: booking.taskIndex, hours: share });
    }
    const daysOff = schedule.daysOff[personIndex]?.within(first, end, calendar) ?? [];
    const offDays = daysOff.reduce((sum, range) => sum + range.toIndex - range.fromIndex + 1, 0);
    weeks.push({
      monday: dateOfDayNumber(monday),
      first,
      end,
      hours,
      tasks,
      capacityHours: capacity * (end - first - offDays),
      daysOff,
      overallocated: overallocations.some((overallocation) => overallocation.fromIndex < end && overallocation.toIndex >= first),
    });
  }
  return weeks;
}
