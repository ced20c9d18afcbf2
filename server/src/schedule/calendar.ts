import type { Calendar, Duration, Weekday } from '../model/types.js';
import { WEEKDAYS } from '../model/types.js';

/**
 * The working-day calendar of a plan: the calendar's `workdays` minus its
 * `holidays`, numbered k = 0, 1, 2, ... from the first working day on or after
 * `plan.start`.
 *
 * Working days before that first day get negative numbers (-1 is the last
 * working day before it, -2 the one before, ...), so that a `start` or a
 * `deadline` written before the plan's start still maps to an index and every
 * comparison stays in one number line. `indexOnOrAfter(d)` is the first
 * working day on or after `d` in both directions, so `dateOf(indexOnOrAfter(d))`
 * is always >= d; callers clamp at 0 where the plan's start is a bound.
 *
 * Dates are ISO `YYYY-MM-DD` strings; internally they are day numbers (days
 * since 1970-01-01) computed with integer civil-calendar arithmetic, never
 * with local time.
 *
 * Performance: working days are tabulated lazily only as far as the last
 * holiday (plus one week) on each side; past that, the calendar repeats
 * every 7 days with `workdaysPerWeek` working days, so any index maps to a
 * date in O(1) and any date to an index in O(log n).
 */
export interface WorkingCalendar {
  /** `plan.start` as written. */
  readonly start: string;
  /** The date of working day 0 (the first working day on or after `start`). */
  readonly firstWorkingDay: string;
  /** Number of distinct workdays in a calendar week (>= 1). */
  readonly workdaysPerWeek: number;
  readonly hoursPerDay: number;
  /** The date of working day `index` (any integer, negative before the start). */
  dateOf(index: number): string;
  /** The day number (days since 1970-01-01) of working day `index`. */
  dayNumberOf(index: number): number;
  /** The index of the first working day on or after `date` (negative before the first working day). */
  indexOnOrAfter(date: string): number;
  /** The index of the last working day on or before `date`. */
  indexOnOrBefore(date: string): number;
  isWorkingDate(date: string): boolean;
  /** A duration or lag in working days: `2w` is 2 x workdays per week; clamped to +-MAX_WORKING_DAYS. */
  workingDays(duration: Duration): number;
}

/**
 * Durations and lags are clamped to this many working days (about 3,800
 * years). No real plan comes close; the clamp keeps every sum an exact
 * integer and every date finite when a file says `duration: 99999999999999999999d`.
 */
export const MAX_WORKING_DAYS = 1_000_000;

const DEFAULT_WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export function createWorkingCalendar(calendar: Calendar, start: string): WorkingCalendar {
  return new TabulatedCalendar(calendar, start);
}

/** Days since 1970-01-01 of an ISO `YYYY-MM-DD` date (proleptic Gregorian). */
export function dayNumberOfDate(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return daysFromCivil(year, month, day);
}

/** The ISO date of a day number; years past 9999 are written with more digits. */
export function dateOfDayNumber(dayNumber: number): string {
  const [year, month, day] = civilFromDays(dayNumber);
  const yearText = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Monday = 0 ... Sunday = 6. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer
// arithmetic, no Date object (Date.UTC maps years 0-99 to 1900-1999).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

class TabulatedCalendar implements WorkingCalendar {
  readonly start: string;
  readonly firstWorkingDay: string;
  readonly workdaysPerWeek: number;
  readonly hoursPerDay: number;

  private readonly isWorkday: readonly boolean[];
  private readonly holidays: ReadonlySet<number>;
  /** forward[k] = day number of working day k, for k = 0 .. forward.length - 1. */
  private readonly forward: number[];
  /** backward[j] = day number of working day -(j + 1). */
  private readonly backward: number[] = [];
  /** The forward table is complete (weekly periodic after it) once its last day reaches this. */
  private readonly forwardHorizon: number;
  /** The backward table is complete once its last (earliest) day reaches this. */
  private readonly backwardHorizon: number;
  private readonly dates = new Map<number, string>();

  constructor(calendar: Calendar, start: string) {
    const workdays = calendar.workdays.length > 0 ? calendar.workdays : DEFAULT_WORKDAYS;
    this.isWorkday = WEEKDAYS.map((weekday) => workdays.includes(weekday));
    this.workdaysPerWeek = this.isWorkday.filter(Boolean).length;
    this.hoursPerDay = calendar.hoursPerDay;
    this.start = start;

    const holidays = new Set<number>();
    for (const holiday of calendar.holidays) {
      const dayNumber = dayNumberOfDate(holiday.date);
      // Holidays on days off change nothing; leaving them out keeps the tables short.
      if (Number.isFinite(dayNumber) && this.isWorkday[weekdayOfDayNumber(dayNumber)]) holidays.add(dayNumber);
    }
    this.holidays = holidays;

    let first = dayNumberOfDate(start);
    // The model only keeps real ISO dates; anything else is a caller's bug.
    if (!Number.isFinite(first)) throw new Error(`createWorkingCalendar: not an ISO date: ${start}`);
    while (!this.isWorkingDay(first)) first++;
    this.forward = [first];
    this.firstWorkingDay = dateOfDayNumber(first);

    let latestHoliday = first - 1;
    let earliestHoliday = first;
    for (const holiday of holidays) {
      if (holiday >= first) latestHoliday = Math.max(latestHoliday, holiday);
      else earliestHoliday = Math.min(earliestHoliday, holiday);
    }
    // Once the table holds a full holiday-free week past the last holiday,
    // its last `workdaysPerWeek` entries repeat every 7 days.
    this.forwardHorizon = latestHoliday + 7;
    this.backwardHorizon = earliestHoliday - 7;
  }

  dateOf(index: number): string {
    let date = this.dates.get(index);
    if (date === undefined) {
      date = dateOfDayNumber(this.dayNumberOf(index));
      this.dates.set(index, date);
    }
    return date;
  }

  dayNumberOf(index: number): number {
    return index >= 0 ? this.forwardDay(index) : this.backwardDay(-index - 1);
  }

  indexOnOrAfter(date: string): number {
    return this.indexOnOrAfterDay(dayNumberOfDate(date));
  }

  indexOnOrBefore(date: string): number {
    return this.indexOnOrAfterDay(dayNumberOfDate(date) + 1) - 1;
  }

  isWorkingDate(date: string): boolean {
    return this.isWorkingDay(dayNumberOfDate(date));
  }

  workingDays(duration: Duration): number {
    const days = duration.unit === 'w' ? duration.amount * this.workdaysPerWeek : duration.amount;
    if (Number.isNaN(days)) return 0;
    return Math.max(-MAX_WORKING_DAYS, Math.min(MAX_WORKING_DAYS, days));
  }

  private isWorkingDay(dayNumber: number): boolean {
    return this.isWorkday[weekdayOfDayNumber(dayNumber)] === true && !this.holidays.has(dayNumber);
  }

  private forwardComplete(): boolean {
    return this.forward[this.forward.length - 1]! >= this.forwardHorizon;
  }

  private backwardComplete(): boolean {
    const last = this.backward.length > 0 ? this.backward[this.backward.length - 1]! : this.forward[0]!;
    return last <= this.backwardHorizon;
  }

  private extendForward(): void {
    let next = this.forward[this.forward.length - 1]! + 1;
    while (!this.isWorkingDay(next)) next++;
    this.forward.push(next);
  }

  private extendBackward(): void {
    let next = (this.backward.length > 0 ? this.backward[this.backward.length - 1]! : this.forward[0]!) - 1;
    while (!this.isWorkingDay(next)) next--;
    this.backward.push(next);
  }

  private forwardDay(index: number): number {
    while (index >= this.forward.length && !this.forwardComplete()) this.extendForward();
    if (index < this.forward.length) return this.forward[index]!;
    // Periodic tail: the same position in an earlier week of the last tabulated week.
    const last = this.forward.length - 1;
    const weeks = Math.ceil((index - last) / this.workdaysPerWeek);
    return this.forward[index - weeks * this.workdaysPerWeek]! + 7 * weeks;
  }

  private backwardDay(position: number): number {
    while (position >= this.backward.length && !this.backwardComplete()) this.extendBackward();
    if (position < this.backward.length) return this.backward[position]!;
    // A complete table holds at least one holiday-free week, so the base exists.
    const last = this.backward.length - 1;
    const weeks = Math.ceil((position - last) / this.workdaysPerWeek);
    return this.backward[position - weeks * this.workdaysPerWeek]! - 7 * weeks;
  }

  private indexOnOrAfterDay(dayNumber: number): number {
    const first = this.forward[0]!;
    if (dayNumber <= first) return 0 - this.countWorkingDaysBefore(dayNumber); // never -0
    while (this.forward[this.forward.length - 1]! < dayNumber && !this.forwardComplete()) this.extendForward();
    const lastIndex = this.forward.length - 1;
    const lastDay = this.forward[lastIndex]!;
    if (lastDay >= dayNumber) return lowerBound(this.forward, dayNumber);
    // Past the table: jump whole weeks, then step at most one week forward.
    const weeks = Math.floor((dayNumber - lastDay) / 7);
    let index = lastIndex + weeks * this.workdaysPerWeek;
    while (this.forwardDay(index) < dayNumber) index++;
    return index;
  }

  /** Working days in [dayNumber, first working day). */
  private countWorkingDaysBefore(dayNumber: number): number {
    const earliest = (): number =>
      this.backward.length > 0 ? this.backward[this.backward.length - 1]! : this.forward[0]!;
    while (earliest() >= dayNumber && !this.backwardComplete()) this.extendBackward();
    if (earliest() < dayNumber) return countAtLeast(this.backward, dayNumber);
    // Before the table: whole weeks of `workdaysPerWeek` days, then the rest by weekday.
    let count = this.backward.length;
    let day = earliest();
    const weeks = Math.floor((day - dayNumber) / 7);
    count += weeks * this.workdaysPerWeek;
    day -= weeks * 7;
    for (let d = day - 1; d >= dayNumber; d--) if (this.isWorkday[weekdayOfDayNumber(d)]) count++;
    return count;
  }
}

/** The first index of an ascending array whose value is >= target (the array's last value is >= target). */
function lowerBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! >= target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** How many values of a descending array are >= target. */
function countAtLeast(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! >= target) low = middle + 1;
    else high = middle;
  }
  return low;
}
