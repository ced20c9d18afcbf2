import type { Assignment, PlanModel } from '../../model/types.js';
import type { WorkingCalendar } from '../../schedule/calendar.js';
import type { Schedule, TaskSchedule } from '../../schedule/compute-schedule.js';
import { assignmentDailyLoad, LOAD_EPSILON } from '../../schedule/load.js';

/**
 * One person's work as the schedule places it, for the person hover. The
 * loads are the ones `computeOverallocations` uses (load.ts), so the peak
 * here and an `overallocation` finding always agree.
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
 * The highest daily load over the scheduled bookings and where it occurs;
 * undefined when no scheduled working day carries any load. Loads are
 * summed in document order per segment between start/end points, so equal
 * days give equal sums.
 */
export function peakLoad(bookings: readonly PersonBooking[]): PeakLoad | undefined {
  const ranges = bookings.flatMap((booking) => {
    const scheduled = booking.scheduled;
    return scheduled && scheduled.e > scheduled.s && booking.hours > 0 ? [{ s: scheduled.s, e: scheduled.e, hours: booking.hours }] : [];
  });
  if (ranges.length === 0) return undefined;
  const points = [...new Set(ranges.flatMap((range) => [range.s, range.e]))].sort((a, b) => a - b);
  const segments: { from: number; to: number; hours: number }[] = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const from = points[index]!;
    const to = points[index + 1]!;
    let hours = 0;
    for (const range of ranges) if (range.s <= from && from < range.e) hours += range.hours;
    if (hours > 0) segments.push({ from, to, hours });
  }
  const peak = Math.max(...segments.map((segment) => segment.hours));
  const runs: { fromIndex: number; toIndex: number }[] = [];
  for (const segment of segments) {
    if (Math.abs(segment.hours - peak) > LOAD_EPSILON) continue;
    const last = runs[runs.length - 1];
    if (last && last.toIndex === segment.from - 1) last.toIndex = segment.to - 1;
    else runs.push({ fromIndex: segment.from, toIndex: segment.to - 1 });
  }
  return { hours: peak, runs };
}
