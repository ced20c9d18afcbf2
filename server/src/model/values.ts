import type { Duration, Quantity, Weekday } from './types.js';
import { WEEKDAYS } from './types.js';

/**
 * Readers for the small value languages inside scalars (durations, loads,
 * dates). These parse the text of one scalar, never the YAML around it.
 */

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const DURATION_PATTERN = /^(-?\d+)([dw])$/;
const PERCENT_PATTERN = /^(\d+(?:\.\d+)?)%$/;
const HOURS_PER_WEEK_PATTERN = /^(\d+(?:\.\d+)?)h\/w$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Durations and lags are at most 100 years of working days (a limit of
 * docs/format.md, reported by the `limits` rule): a longer one is not used.
 */
export const MAX_DURATION: Readonly<Record<Duration['unit'], number>> = { d: 26_000, w: 5_200 };
/** Holidays read from `plan.calendar.holidays` (the `limits` rule reports a longer list). */
export const MAX_HOLIDAYS = 10_000;
/** Dates are read in these years only (the `limits` rule reports the others, which are not used). */
export const DATE_YEARS = { first: 1900, last: 2999 } as const;

/** The duration as written, however long: for saying that it is over the limit. */
export function parseDurationText(text: string): Duration | undefined {
  const match = DURATION_PATTERN.exec(text.trim());
  return match ? { amount: Number(match[1]), unit: match[2] === 'w' ? 'w' : 'd' } : undefined;
}

export function parseDuration(text: string, allowNegative = false): Duration | undefined {
  const duration = parseDurationText(text);
  if (!duration || (!allowNegative && duration.amount < 0)) return undefined;
  return Math.abs(duration.amount) > MAX_DURATION[duration.unit] ? undefined : duration;
}

/** A real date `YYYY-MM-DD` in the years plans can use (DATE_YEARS). */
export function isPlanDate(text: string): boolean {
  if (!isIsoDate(text)) return false;
  const year = Number(text.slice(0, 4));
  return year >= DATE_YEARS.first && year <= DATE_YEARS.last;
}

export function formatDuration(duration: Duration): string {
  return `${duration.amount}${duration.unit}`;
}

export function parseQuantity(text: string): Quantity | undefined {
  const trimmed = text.trim();
  const percent = PERCENT_PATTERN.exec(trimmed);
  if (percent) return { kind: 'percent', value: Number(percent[1]) };
  const hours = HOURS_PER_WEEK_PATTERN.exec(trimmed);
  if (hours) return { kind: 'hoursPerWeek', value: Number(hours[1]) };
  return undefined;
}

export function parsePercent(text: string): number | undefined {
  const match = PERCENT_PATTERN.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isWeekday(text: string): text is Weekday {
  return (WEEKDAYS as readonly string[]).includes(text);
}
