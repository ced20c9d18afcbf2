import { beforeAll, describe, expect, it } from 'vitest';
import { RecurringSeries, recurrenceOf, type Recurrence } from '../../server/src/export/ics-recurrence.js';
import type { Weekday } from '../../server/src/model/types.js';
import { dayAfter } from './export-test-support.js';

// ical.js is an ES module and the tests compile as CommonJS: load it with import().
type IcalModule = (typeof import('ical.js', { with: { 'resolution-mode': 'import' } }))['default'];
let ICAL: IcalModule;
beforeAll(async () => {
  ICAL = (await import('ical.js')).default;
});

/** The dates ical.js expands the series' RRULE to, from its first day. */
function expanded(series: RecurringSeries, first: string): string[] {
  const iterator = ICAL.Recur.fromString(series.rule).iterator(ICAL.Time.fromDateString(first));
  const dates: string[] = [];
  for (let next = iterator.next(); next && dates.length < 2000; next = iterator.next()) dates.push(next.toString().slice(0, 10));
  return dates;
}

/**
 * `includes` decides which holidays become EXDATEs, so it must agree with
 * what a calendar expands the RRULE to: checked against ical.js for every
 * start day of a year and every pattern, including fifth-week starts and
 * a six-day working week.
 */
describe('RecurringSeries agrees with ical.js on every day', () => {
  const patterns: [string, Recurrence][] = ['daily', 'weekly', 'bi-weekly', 'monthly', 'quarterly'].map((word) => [word, recurrenceOf(word)!]);
  const calendars: (readonly Weekday[])[] = [['mon', 'tue', 'wed', 'thu', 'fri'], ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']];
  for (const workdays of calendars) {
    for (const [word, recurrence] of patterns) {
      it(`${word} over ${workdays.join(',')}`, () => {
        for (let first = '2027-01-01'; first < '2028-01-01'; first = dayAfter(first)) {
          const weekday = new Date(`${first}T00:00:00Z`).getUTCDay();
          if (!workdays.includes((['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[weekday]!)) continue;
          const until = '2028-03-31';
          const series = new RecurringSeries(recurrence, first, until, workdays);
          const byUs: string[] = [];
          for (let day = first; day <= until; day = dayAfter(day)) if (series.includes(day)) byUs.push(day);
          expect(expanded(series, first), `${word} from ${first}: ${series.rule}`).toEqual(byUs);
        }
      });
    }
  }

  it('reads the frequency words, whole, in any case, and nothing else', () => {
    expect(recurrenceOf(' Bi-Weekly. ')).toEqual({ kind: 'weeks', interval: 2 });
    expect(recurrenceOf('Every  Quarter')).toEqual({ kind: 'months', interval: 3 });
    expect(recurrenceOf('weekly after go-live')).toBeUndefined();
    expect(recurrenceOf('as needed')).toBeUndefined();
  });
});
