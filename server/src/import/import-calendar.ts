import type { Calendar } from '../model/types.js';
import { createWorkingCalendar, type WorkingCalendar } from '../schedule/calendar.js';
import type { ImportedCalendar } from './imported-plan.js';

/** The working calendar the imported plan will have, anchored at `start`, for counting working days. */
export function workingCalendarOfImport(calendar: ImportedCalendar, start: string): WorkingCalendar {
  const model: Calendar = {
    workdays: calendar.workdays,
    hoursPerDay: calendar.hoursPerDay,
    holidays: calendar.holidays.map((holiday) => ({ date: holiday.date, name: holiday.name, span: { start: 0, end: 0 } })),
  };
  return createWorkingCalendar(model, start);
}

/** Working days from `start` to `finish`, both included (0 when finish is before start). */
export function workingDaysSpanned(calendar: WorkingCalendar, start: string, finish: string): number {
  return Math.max(0, calendar.indexOnOrBefore(finish) - calendar.indexOnOrAfter(start) + 1);
}

