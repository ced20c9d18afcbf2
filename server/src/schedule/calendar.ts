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
 * Performance: no query walks days. Every weekday pattern repeats every 7
 * days, so the working days before a date are whole weeks times
 * `workdaysPerWeek`, plus a prefix of one week, minus the holidays before
 * it (binary search in the sorted holidays): any date maps to an index and
 * any index to a date in O(log holidays), however far from the start.
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
  return new WeekArithmeticCalendar(calendar, start);
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

/**
 * Dates of working days 0 .. DENSE_DATES - 1 are kept in an array (a
 * schedule asks for the same few thousand again and again); others in a map.
 */
const DENSE_DATES = 1 << 16;

/**
 * Counting is relative to `epoch`, the Monday on or before `plan.start`:
 * `weekdayWorkdays(x)` is the number of days in [epoch, x) whose weekday is
 * a workday (negative before the epoch), and
 * `workingDaysBefore(x) = weekdayWorkdays(x) - (holidays before x)` the
 * number of working days in [epoch, x). Working day `index` is the working
 * day with `index + base` working days before it.
 */
class WeekArithmeticCalendar implements WorkingCalendar {
  readonly start: string;
  readonly firstWorkingDay: string;
  readonly workdaysPerWeek: number;
  readonly hoursPerDay: number;

  private readonly isWorkday: readonly boolean[];
  /** workdaysBeforeWeekday[w]: workdays among Monday .. weekday w - 1 (w = 0 .. 7). */
  private readonly workdaysBeforeWeekday: readonly number[];
  /** workdayWeekdays[r]: the weekday (Monday = 0) of a week's r-th workday. */
  private readonly workdayWeekdays: readonly number[];
  private readonly epoch: number;
  /** Holidays on workdays, as day numbers, ascending, without repeats. */
  private readonly holidays: readonly number[];
  /** workingDaysBefore(holidays[j]), non-decreasing in j. */
  private readonly workingDaysBeforeHoliday: readonly number[];
  /** workingDaysBefore(the first working day). */
  private readonly base: number;
  private readonly denseDates: (string | undefined)[] = [];
  private readonly otherDates = new Map<number, string>();

  constructor(calendar: Calendar, start: string) {
    const workdays = calendar.workdays.length > 0 ? calendar.workdays : DEFAULT_WORKDAYS;
    this.isWorkday = WEEKDAYS.map((weekday) => workdays.includes(weekday));
    const before = [0];
    const weekdays: number[] = [];
    this.isWorkday.forEach((isWorkday, weekday) => {
      if (isWorkday) weekdays.push(weekday);
      before.push(weekdays.length);
    });
    this.workdaysBeforeWeekday = before;
    this.workdayWeekdays = weekdays;
    this.workdaysPerWeek = weekdays.length;
    this.hoursPerDay = calendar.hoursPerDay;
    this.start = start;

    const startDay = dayNumberOfDate(start);
    // The model only keeps real ISO dates; anything else is a caller's bug.
    if (!Number.isFinite(startDay)) throw new Error(`createWorkingCalendar: not an ISO date: ${start}`);
    this.epoch = startDay - weekdayOfDayNumber(startDay);

    const holidays = new Set<number>();
    for (const holiday of calendar.holidays) {
      const dayNumber = dayNumberOfDate(holiday.date);
      // Holidays on days off change nothing.
      if (Number.isFinite(dayNumber) && this.isWorkday[weekdayOfDayNumber(dayNumber)]) holidays.add(dayNumber);
    }
    this.holidays = [...holidays].sort((a, b) => a - b);
    this.workingDaysBeforeHoliday = this.holidays.map((holiday, j) => this.weekdayWorkdays(holiday) - j);

    this.base = this.workingDaysBefore(startDay);
    this.firstWorkingDay = dateOfDayNumber(this.dayNumberOf(0));
  }

  dateOf(index: number): string {
    const dense = index >= 0 && index < DENSE_DATES;
    let date = dense ? this.denseDates[index] : this.otherDates.get(index);
    if (date === undefined) {
      date = dateOfDayNumber(this.dayNumberOf(index));
      if (!dense) this.otherDates.set(index, date);
      else {
        // Grow without holes so the array stays a plain list.
        while (this.denseDates.length < index) this.denseDates.push(undefined);
        this.denseDates[index] = date;
      }
    }
    return date;
  }

  dayNumberOf(index: number): number {
    const before = index + this.base;
    // The holidays before the answer are those with at most `before` working days before them.
    const holidaysBefore = countAtMost(this.workingDaysBeforeHoliday, before);
    const weekdayWorkdays = before + holidaysBefore;
    const weeks = Math.floor(weekdayWorkdays / this.workdaysPerWeek);
    return this.epoch + 7 * weeks + this.workdayWeekdays[weekdayWorkdays - weeks * this.workdaysPerWeek]!;
  }

  indexOnOrAfter(date: string): number {
    return this.indexOnOrAfterDay(dayNumberOfDate(date));
  }

  indexOnOrBefore(date: string): number {
    return this.indexOnOrAfterDay(dayNumberOfDate(date) + 1) - 1;
  }

  isWorkingDate(date: string): boolean {
    const dayNumber = dayNumberOfDate(date);
    return this.isWorkday[weekdayOfDayNumber(dayNumber)] === true && !this.isHoliday(dayNumber);
  }

  workingDays(duration: Duration): number {
    const days = duration.unit === 'w' ? duration.amount * this.workdaysPerWeek : duration.amount;
    if (Number.isNaN(days)) return 0;
    return Math.max(-MAX_WORKING_DAYS, Math.min(MAX_WORKING_DAYS, days));
  }

  /** The working days in [first working day, dayNumber), negative before it. */
  private indexOnOrAfterDay(dayNumber: number): number {
    return this.workingDaysBefore(dayNumber) - this.base;
  }

  /** Days in [epoch, dayNumber) on a workday weekday; negative before the epoch. */
  private weekdayWorkdays(dayNumber: number): number {
    const days = dayNumber - this.epoch;
    const weeks = Math.floor(days / 7);
    return weeks * this.workdaysPerWeek + this.workdaysBeforeWeekday[days - weeks * 7]!;
  }

  /** Working days in [epoch, dayNumber); negative before the epoch. */
  private workingDaysBefore(dayNumber: number): number {
    return this.weekdayWorkdays(dayNumber) - countLess(this.holidays, dayNumber);
  }

  private isHoliday(dayNumber: number): boolean {
    const position = countLess(this.holidays, dayNumber);
    return this.holidays[position] === dayNumber;
  }
}

/** How many values of an ascending array are < target. */
function countLess(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many values of a non-decreasing array are <= target. */
function countAtMost(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! <= target) low = middle + 1;
    else high = middle;
  }
  return low;
}
