import { WEEKDAYS, type Weekday } from '../model/types.js';
import { dateOfDayNumber, dayNumberOfDate, weekdayOfDayNumber } from '../schedule/calendar.js';

/**
 * The repeat patterns a communication's `frequency` can name, and the
 * RRULE each becomes (docs/export.md#recurring-communications). Anything
 * else ("as needed", "weekly after go-live") is not a fixed pattern: the
 * export leaves it out and says so rather than guess.
 */
export type Recurrence =
  | { readonly kind: 'working-days' }
  | { readonly kind: 'weeks'; readonly interval: number }
  | { readonly kind: 'months'; readonly interval: number };

const FREQUENCY_WORDS: ReadonlyMap<string, Recurrence> = new Map<string, Recurrence>([
  ...['daily', 'every day', 'every working day', 'every workday'].map((word) => [word, { kind: 'working-days' }] as const),
  ...['weekly', 'every week'].map((word) => [word, { kind: 'weeks', interval: 1 }] as const),
  ...['bi-weekly', 'biweekly', 'fortnightly', 'every two weeks', 'every 2 weeks', 'every other week'].map(
    (word) => [word, { kind: 'weeks', interval: 2 }] as const,
  ),
  ...['monthly', 'every month'].map((word) => [word, { kind: 'months', interval: 1 }] as const),
  ...['quarterly', 'every quarter', 'every three months', 'every 3 months'].map((word) => [word, { kind: 'months', interval: 3 }] as const),
]);

/** The words `recurrenceOf` accepts, for messages and docs. */
export const FREQUENCY_NAMES = ['daily', 'weekly', 'bi-weekly', 'monthly', 'quarterly'] as const;

/** The pattern a whole `frequency` text names (case, spaces and a final `.` ignored), if it names one. */
export function recurrenceOf(frequency: string): Recurrence | undefined {
  const normalized = frequency.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  return FREQUENCY_WORDS.get(normalized);
}

const RRULE_DAYS: Readonly<Record<Weekday, string>> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };

/**
 * A series from `first` (a working day) to `until` (inclusive), as an
 * RRULE value and the dates it gives. Working days: every workday of the
 * calendar. Weeks: the weekday of `first`. Months: the same weekday in the
 * same week of the month as `first` (the 2nd Tuesday), the last one when
 * `first` is in the month's fifth week: a meeting stays on a weekday,
 * where "the 31st of every month" would fall on weekends and skip months.
 */
export class RecurringSeries {
  readonly rule: string;
  private readonly firstDay: number;
  private readonly untilDay: number;
  private readonly weekday: number;
  /** 1-4, or -1 for the last such weekday of the month. */
  private readonly weekOfMonth: number;

  constructor(
    private readonly recurrence: Recurrence,
    first: string,
    until: string,
    private readonly workdays: readonly Weekday[],
  ) {
    this.firstDay = dayNumberOfDate(first);
    this.untilDay = dayNumberOfDate(until);
    this.weekday = weekdayOfDayNumber(this.firstDay);
    const dayOfMonth = Number(first.slice(8, 10));
    const week = Math.ceil(dayOfMonth / 7);
    this.weekOfMonth = week >= 5 ? -1 : week;
    const untilText = until.replace(/-/g, '');
    const interval = recurrence.kind === 'working-days' || recurrence.interval === 1 ? '' : `;INTERVAL=${recurrence.interval}`;
    switch (recurrence.kind) {
      case 'working-days':
        this.rule = `FREQ=WEEKLY;BYDAY=${WEEKDAYS.filter((day) => workdays.includes(day)).map((day) => RRULE_DAYS[day]).join(',')};UNTIL=${untilText}`;
        break;
      case 'weeks':
        this.rule = `FREQ=WEEKLY${interval};UNTIL=${untilText}`;
        break;
      case 'months':
        this.rule = `FREQ=MONTHLY${interval};BYDAY=${this.weekOfMonth}${RRULE_DAYS[WEEKDAYS[this.weekday]!]};UNTIL=${untilText}`;
        break;
    }
  }

  /** Whether the series has an occurrence on `date` (an ISO date). */
  includes(date: string): boolean {
    const day = dayNumberOfDate(date);
    if (day < this.firstDay || day > this.untilDay) return false;
    const weekday = weekdayOfDayNumber(day);
    switch (this.recurrence.kind) {
      case 'working-days':
        return this.workdays.includes(WEEKDAYS[weekday]!);
      case 'weeks':
        return (day - this.firstDay) % (7 * this.recurrence.interval) === 0;
      case 'months': {
        if (weekday !== this.weekday) return false;
        const months = monthIndex(date) - monthIndex(dateOfDayNumber(this.firstDay));
        if (months % this.recurrence.interval !== 0) return false;
        const dayOfMonth = Number(date.slice(8, 10));
        return this.weekOfMonth === -1 ? dayOfMonth + 7 > daysInMonth(date) : Math.ceil(dayOfMonth / 7) === this.weekOfMonth;
      }
    }
  }
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function daysInMonth(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const next = month === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${date.slice(0, 4)}-${String(month + 1).padStart(2, '0')}-01`;
  return dayNumberOfDate(next) - dayNumberOfDate(`${date.slice(0, 7)}-01`);
}
