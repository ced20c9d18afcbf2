import type { Quantity } from '../model/types.js';
import { dayNumberOfDate, weekdayOfDayNumber } from '../schedule/calendar.js';
import { formatNumber } from '../util/phrases.js';

// Written once in util/ (the rules need them too); hovers, hints and reports take them from here.
export { formatNumber, workingDays } from '../util/phrases.js';

/**
 * How hovers and inlay hints write dates, durations and loads. The schedule
 * keeps ISO `YYYY-MM-DD` strings; these add the weekday or shorten them
 * for reading, with the same integer calendar arithmetic as the scheduler
 * (never local time, so a hover shows the same day in every time zone).
 */

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const FULL_WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Four-digit years only: the scheduler writes years past 9999 with more digits. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `Mon 2027-03-01`; a date the weekday cannot be computed for is returned as written. */
export function longDate(date: string): string {
  if (!ISO_DATE.test(date)) return date;
  return `${WEEKDAY_NAMES[weekdayOfDayNumber(dayNumberOfDate(date))]} ${date}`;
}

/** `Mon 2027-03-01 → Fri 2027-03-12`, or one date when both are the same day. */
export function longDateRange(from: string, to: string): string {
  return from === to ? longDate(from) : `${longDate(from)} → ${longDate(to)}`;
}

/** `Mar 2`, or `Mar 2, 2028` when the year differs from `referenceYear`. */
export function shortDate(date: string, referenceYear: string | undefined): string {
  const match = ISO_DATE.exec(date);
  if (!match) return date;
  const [, year = '', month = '', day = ''] = match;
  const text = `${MONTH_NAMES[Number(month) - 1] ?? month} ${Number(day)}`;
  return year === referenceYear ? text : `${text}, ${year}`;
}

/** `Monday, Jan 4, 2027`: a date spelled out, as completion documents a date it offers. */
export function fullDate(date: string): string {
  if (!ISO_DATE.test(date)) return date;
  return `${FULL_WEEKDAY_NAMES[weekdayOfDayNumber(dayNumberOfDate(date))]}, ${shortDate(date, undefined)}`;
}

/** `Mar 2027`: a month label of a chart's axis. */
export function monthOfYear(date: string): string {
  const match = ISO_DATE.exec(date);
  if (!match) return date;
  const [, year = '', month = ''] = match;
  return `${MONTH_NAMES[Number(month) - 1] ?? month} ${year}`;
}

/** The year of an ISO date, for `shortDate`. */
export function yearOf(date: string | undefined): string | undefined {
  return date === undefined ? undefined : ISO_DATE.exec(date)?.[1];
}

/** `4 h/day`. */
export function hoursPerDayText(hours: number): string {
  return `${formatNumber(hours)} h/day`;
}

/** `50%`: a load or capacity as a share of another, in percent. */
export function percentOf(part: number, whole: number): string {
  if (whole <= 0) return part > 0 ? '∞%' : '0%';
  return `${formatNumber((part / whole) * 100)}%`;
}

/** A quantity as written in the plan: `50%`, `8h/w`. */
export function quantityText(quantity: Quantity): string {
  return quantity.kind === 'percent' ? `${quantity.value}%` : `${quantity.value}h/w`;
}
