import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { writeHolidaysFix } from '../fixes/write-holidays.js';
import { publicHolidays, publicHolidaysOfYears } from './country-holidays.js';
import { applyQuickFix as apply } from '../testing/apply-fix.js';

// Multi-day holidays of date-holidays 3.37.0, checked by hand against its data:
// - RU `01-02 P5D` "New Year Holiday": January 2 to 6 (Sat 2027-01-02 .. Wed 2027-01-06),
//   with `julian 12-25` Christmas on Thu 01-07 and `01-08` New Year Holiday on Fri 01-08;
// - KR `korean 8-0-14 P3D` "Korean Thanksgiving" (Chuseok): Tue 2027-09-14 .. Thu 09-16;
// - SZ `12-28 P6D` "Incwala Festival": 2027-12-28 .. 2028-01-02, into the next year.

describe('country holidays that span several days', () => {
  it('count every day of the span, each with the holiday name', () => {
    expect(publicHolidays('RU', undefined, 2027).slice(0, 8)).toEqual([
      { date: '2027-01-01', name: "New Year's Day" },
      { date: '2027-01-02', name: 'New Year Holiday' },
      { date: '2027-01-03', name: 'New Year Holiday' },
      { date: '2027-01-04', name: 'New Year Holiday' },
      { date: '2027-01-05', name: 'New Year Holiday' },
      { date: '2027-01-06', name: 'New Year Holiday' },
      { date: '2027-01-07', name: 'Christmas Day' },
      { date: '2027-01-08', name: 'New Year Holiday' },
    ]);
    expect(publicHolidays('KR', undefined, 2027).filter((holiday) => holiday.date.startsWith('2027-09'))).toEqual([
      { date: '2027-09-14', name: 'Korean Thanksgiving' },
      { date: '2027-09-15', name: 'Korean Thanksgiving' },
      { date: '2027-09-16', name: 'Korean Thanksgiving' },
    ]);
  });

  it('count the days a holiday of the year before runs into the first year', () => {
    expect(publicHolidaysOfYears('SZ', undefined, 2028, 2028).slice(0, 2)).toEqual([
      { date: '2028-01-01', name: 'Incwala Festival' },
      { date: '2028-01-02', name: 'Incwala Festival' },
    ]);
    // One per date over the years, in date order.
    const twoYears = publicHolidaysOfYears('SZ', undefined, 2027, 2028).map((holiday) => holiday.date);
    expect(twoYears.filter((date) => date >= '2027-12-25' && date <= '2028-01-02')).toEqual([
      '2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28', '2027-12-29', '2027-12-30', '2027-12-31', '2028-01-01', '2028-01-02',
    ]);
    expect([...twoYears].sort()).toEqual(twoYears);
    expect(new Set(twoYears).size).toBe(twoYears.length);
  });

  it('count observed (substitute) days as holidays of their own', () => {
    // GB 2027: Christmas on a Saturday, Boxing Day on a Sunday: observed Mon 12-27 and Tue 12-28.
    expect(publicHolidays('GB', 'ENG', 2027).filter((holiday) => holiday.date >= '2027-12-25').map((holiday) => holiday.date)).toEqual([
      '2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28',
    ]);
  });

  it('are none for years the library cannot date (before 100, after 9999)', () => {
    expect(publicHolidays('CA', undefined, 50)).toEqual([]);
    expect(publicHolidays('CA', undefined, 10_000)).toEqual([]);
    expect(publicHolidays('CA', undefined, 100).every((holiday) => holiday.date.startsWith('0100-'))).toBe(true);
  });

  it('are non-working days of the project calendar, every day of them', () => {
    // Mon 01-04 .. Fri 01-08 are all holidays: a starts Mon 01-11; b (3d) follows, 01-12 .. 01-14.
    const russia = analyzePlan(`crmplan: 1
plan: {name: P, start: 2027-01-04, calendar: {country: RU}}
phases: [{id: p, tasks: [{id: a, name: A, duration: 1d}, {id: b, name: B, duration: 3d, depends_on: [a]}]}]
`).schedule!;
    expect(russia.tasks.map((task) => task && [task.start, task.finish])).toEqual([
      ['2027-01-11', '2027-01-11'],
      ['2027-01-12', '2027-01-14'],
    ]);
    // Mon 09-13, then Chuseok Tue-Thu: the second day is Fri 09-17.
    const korea = analyzePlan(`crmplan: 1
plan: {name: P, start: 2027-09-13, calendar: {country: KR}}
phases: [{id: p, tasks: [{id: a, name: A, duration: 2d}]}]
`).schedule!;
    expect(korea.tasks[0]).toMatchObject({ start: '2027-09-13', finish: '2027-09-17' });
  });

  it("take a person's capacity to zero on every day of them", () => {
    const analysis = analyzePlan(`crmplan: 1
plan: {name: P, start: 2027-01-04}
people: [{id: ivan, name: Ivan, country: RU}]
phases: [{id: p, tasks: [{id: w, name: W, duration: 1w, assign: [{person: ivan}]}]}]
`);
    // The project calendar has no holiday: w is Mon 01-04 .. Fri 01-08, all of them Ivan's days off.
    expect(analysis.schedule!.overallocations.map((range) => [range.from, range.dayOff?.kind === 'holiday' ? range.dayOff.name : undefined])).toEqual([
      ['2027-01-04', 'New Year Holiday'],
      ['2027-01-05', 'New Year Holiday'],
      ['2027-01-06', 'New Year Holiday'],
      ['2027-01-07', 'Christmas Day'],
      ['2027-01-08', 'New Year Holiday'],
    ]);
  });

  it('are written out day by day by "Write the country\'s holidays as dates", and the schedule stays the same', () => {
    const text = `crmplan: 1
plan:
  name: P
  start: 2027-01-04
  calendar:
    country: RU
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1d}
`;
    const before = analyzePlan(text);
    const at = text.indexOf('RU');
    const fixed = apply(text, writeHolidaysFix(before, { start: at, end: at })!);
    expect(fixed).toContain(
      [
        '    holidays:',
        "      - 2027-01-01  # New Year's Day",
        '      - 2027-01-02  # New Year Holiday',
        '      - 2027-01-03  # New Year Holiday',
        '      - 2027-01-04  # New Year Holiday',
        '      - 2027-01-05  # New Year Holiday',
        '      - 2027-01-06  # New Year Holiday',
        '      - 2027-01-07  # Christmas Day',
        '      - 2027-01-08  # New Year Holiday',
        '      - 2027-02-23  # Defender of the Fatherland Day',
      ].join('\n'),
    );
    const after = analyzePlan(fixed).schedule!;
    expect(after.tasks[0]).toMatchObject({ start: '2027-01-11', finish: '2027-01-11' });
    expect(after.holidays.map((holiday) => holiday.date)).toEqual(before.schedule!.holidays.map((holiday) => holiday.date));
  });
});
