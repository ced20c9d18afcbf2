import type { Person, PlanModel, Weekday } from '../model/types.js';
import { WEEKDAYS } from '../model/types.js';
import { weekdayOfDayNumber, type WorkingCalendar } from './calendar.js';
import { publicHolidaysOfYears } from './country-holidays.js';

/**
 * A person's own calendar on the project's working days: the days they do
 * not work although the project does. Their capacity is 0 on those days
 * (docs/format.md "People's own calendars"); task durations stay on the
 * project calendar.
 */
export type DayOffReason =
  | { readonly kind: 'leave'; readonly from: string; readonly to: string; readonly note?: string }
  | { readonly kind: 'holiday'; readonly date: string; readonly name: string }
  | { readonly kind: 'weekday'; readonly weekday: Weekday };

/** Working days [fromIndex, toIndex] (inclusive) off for one reason. */
export interface DayOffRange {
  readonly fromIndex: number;
  readonly toIndex: number;
  readonly reason: DayOffReason;
}

/** The years whose public holidays count (schedule/compute-schedule.ts decides them). */
export interface HolidayYears {
  readonly first: number;
  readonly last: number;
}

/**
 * One person's days off. Leave and holidays are kept as ranges; days off by
 * weekday repeat every week, so they are listed only for the days asked about.
 */
export class PersonDaysOff {
  /** Leave then holidays, each sorted by first day (they may overlap each other). */
  private readonly fixed: readonly DayOffRange[];
  private readonly offWeekdays: readonly boolean[];
  readonly hasWeekdaysOff: boolean;

  constructor(person: Person, model: PlanModel, calendar: WorkingCalendar, years: HolidayYears) {
    const ranges: DayOffRange[] = [];
    for (const leave of person.leave) {
      const fromIndex = calendar.indexOnOrAfter(leave.from.value);
      const toIndex = calendar.indexOnOrBefore(leave.to.value);
      if (fromIndex > toIndex) continue;
      ranges.push({ fromIndex, toIndex, reason: { kind: 'leave', from: leave.from.value, to: leave.to.value, note: leave.note } });
    }
    const country = person.country?.value ?? model.plan.calendar.country?.value;
    // The person's region only goes with their own country; the plan's region with the plan's country.
    const region = person.country ? person.region?.value : (person.region?.value ?? model.plan.calendar.region?.value);
    if (country !== undefined && (person.country || person.region)) {
      for (const holiday of publicHolidaysOfYears(country, region, years.first, years.last)) {
        if (!calendar.isWorkingDate(holiday.date)) continue;
        const index = calendar.indexOnOrAfter(holiday.date);
        ranges.push({ fromIndex: index, toIndex: index, reason: { kind: 'holiday', date: holiday.date, name: holiday.name } });
      }
    }
    this.fixed = ranges.sort((a, b) => a.fromIndex - b.fromIndex);
    const own = person.workdays?.value;
    this.offWeekdays = WEEKDAYS.map((weekday) => own !== undefined && !own.includes(weekday));
    this.hasWeekdaysOff = this.offWeekdays.some(Boolean);
  }

  get isEmpty(): boolean {
    return this.fixed.length === 0 && !this.hasWeekdaysOff;
  }

  /**
   * The disjoint ranges of days off within working days [from, to), in
   * order. Where reasons overlap, leave wins over a holiday, and both over a
   * weekday off (what a person would say they are doing that day).
   */
  within(from: number, to: number, calendar: WorkingCalendar): DayOffRange[] {
    const reasonByDay = new Map<number, DayOffReason>();
    for (const range of this.fixed) {
      if (range.fromIndex >= to) break;
      const first = Math.max(from, range.fromIndex);
      const last = Math.min(to - 1, range.toIndex);
      for (let day = first; day <= last; day++) if (!reasonByDay.has(day)) reasonByDay.set(day, range.reason);
    }
    if (this.hasWeekdaysOff) {
      for (let day = from; day < to; day++) {
        if (reasonByDay.has(day)) continue;
        const weekday = weekdayOfDayNumber(calendar.dayNumberOf(day));
        if (this.offWeekdays[weekday]) reasonByDay.set(day, { kind: 'weekday', weekday: WEEKDAYS[weekday]! });
      }
    }
    const days = [...reasonByDay.keys()].sort((a, b) => a - b);
    const result: { fromIndex: number; toIndex: number; reason: DayOffReason }[] = [];
    for (const day of days) {
      const reason = reasonByDay.get(day)!;
      const open = result[result.length - 1];
      if (open && open.toIndex === day - 1 && sameReason(open.reason, reason)) open.toIndex = day;
      else result.push({ fromIndex: day, toIndex: day, reason });
    }
    return result;
  }

  /** Whether any of working days [from, to) is a day off. */
  meets(from: number, to: number, calendar: WorkingCalendar): boolean {
    return this.within(from, to, calendar).length > 0;
  }
}

export function sameReason(a: DayOffReason, b: DayOffReason): boolean {
  if (a === b) return true;
  if (a.kind === 'weekday' && b.kind === 'weekday') return a.weekday === b.weekday;
  return false;
}

/** Every person's days off, by person index; undefined for people who work every working day. */
export function peopleDaysOff(
  model: PlanModel,
  calendar: WorkingCalendar,
  years: HolidayYears,
): readonly (PersonDaysOff | undefined)[] {
  return model.people.map((person) => {
    if (person.leave.length === 0 && !person.workdays && !person.country && !person.region) return undefined;
    const daysOff = new PersonDaysOff(person, model, calendar, years);
    return daysOff.isEmpty ? undefined : daysOff;
  });
}
