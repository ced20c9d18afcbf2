import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { publicHolidays } from '../schedule/country-holidays.js';

// Hand-computed. 2027-06-21 is a Monday. Ontario's public holidays in the
// window: Canada Day Thu 2027-07-01 and Labour Day Mon 2027-09-06. Ontario's
// Civic Holiday (Mon 2027-08-02) is `optional` in the library, so it is a
// working day. Quebec adds its National Holiday, Thu 2027-06-24.
const plan = (calendar: string): string => `crmplan: 1
plan:
  name: P
  start: 2027-06-21
  calendar: ${calendar}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 5d}
      - {id: b, name: B, duration: 10d, depends_on: [a]}
      - {id: c, name: C, duration: 20d, depends_on: [b]}
      - {id: d, name: D, duration: 20d, depends_on: [c]}
`;

function dates(text: string): string[] {
  const schedule = analyzePlan(text).schedule!;
  return schedule.tasks.map((task) => `${task!.start}..${task!.finish}`);
}

describe('country holidays', () => {
  it('takes the public holidays of CA/ON: Canada Day and Labour Day, not the optional Civic Holiday', () => {
    expect(dates(plan('{country: CA, region: ON}'))).toEqual([
      '2027-06-21..2027-06-25',
      // 06-28, 29, 30, (07-01 Canada Day), 07-02, 05 .. 09, 12
      '2027-06-28..2027-07-12',
      // 07-13 .. 16, 19 .. 23, 26 .. 30, 08-02 (Civic Holiday works), 03 .. 06, 09
      '2027-07-13..2027-08-09',
      // 08-10 .. 13, 16 .. 20, 23 .. 27, 30, 31, 09-01 .. 03, (09-06 Labour Day), 07
      '2027-08-10..2027-09-07',
    ]);
  });

  it('changes the dates with the region', () => {
    const quebec = dates(plan('{country: CA, region: QC}'));
    // 06-21, 22, 23, (06-24 National Holiday), 25, 28
    expect(quebec[0]).toBe('2027-06-21..2027-06-28');
    expect(quebec[1]).toBe('2027-06-29..2027-07-13');
  });

  it('merges the written holidays, which keep their names', () => {
    const analysis = analyzePlan(plan('{country: CA, region: ON, holidays: [{date: 2027-06-23, name: Offsite}, 2027-07-01]}'));
    expect(analysis.schedule!.tasks[0]).toMatchObject({ start: '2027-06-21', finish: '2027-06-28' });
    const holidays = analysis.schedule!.holidays.filter((holiday) => holiday.date <= '2027-07-01' && holiday.date >= '2027-06-01');
    expect(holidays).toEqual([
      { date: '2027-06-23', name: 'Offsite', source: 'plan' },
      { date: '2027-07-01', source: 'plan' },
    ]);
    expect(analysis.schedule!.holidayYears).toEqual({ first: 2027, last: 2028 });
  });

  it('covers every year up to the one after the finish', () => {
    // 600 working days from 2027-06-21 end in 2029: the years 2027 .. 2030 count.
    const analysis = analyzePlan(plan('{country: CA}').replace('duration: 5d', 'duration: 600d'));
    expect(analysis.schedule!.holidayYears).toEqual({ first: 2027, last: 2030 });
    expect(analysis.schedule!.holidays.some((holiday) => holiday.date === '2030-07-01' && holiday.name === 'Canada Day')).toBe(true);
    // Again, with the years of the last schedule as the first guess: the same answer.
    expect(analyzePlan(plan('{country: CA}')).schedule!.holidayYears).toEqual({ first: 2027, last: 2028 });
  });

  it('reports an unknown country or region on the value with the closest codes, and still schedules', () => {
    const text = plan('{country: XX}');
    const analysis = analyzePlan(text);
    const findings = analysis.findings.filter((finding) => finding.rule === 'schema');
    expect(findings.map((finding) => [text.slice(finding.span.start, finding.span.end), finding.message])).toEqual([
      ['XX', "Unknown country 'XX' in the calendar: expected an ISO 3166-1 alpha-2 code of the holiday library. Did you mean 'AX' (Åland Islands), 'CX' (Christmas Island) or 'MX' (Mexico)?"],
    ]);
    expect(dates(text)[0]).toBe('2027-06-21..2027-06-25');

    const region = plan('{country: CA, region: ONT}');
    const regionFindings = analyzePlan(region).findings.filter((finding) => finding.rule === 'schema');
    expect(regionFindings.map((finding) => finding.message)).toEqual([
      "Unknown region 'ONT' of 'CA' in the calendar. Did you mean 'NT' (Northwest Territories) or 'ON' (Ontario)?",
    ]);
    const byName = analyzePlan(plan('{country: Canada}')).findings.filter((finding) => finding.rule === 'schema');
    expect(byName.map((finding) => finding.message)).toEqual([
      "Unknown country 'Canada' in the calendar: expected an ISO 3166-1 alpha-2 code of the holiday library. Did you mean 'CA' (Canada)?",
    ]);
    const alone = analyzePlan(plan('{region: ON}')).findings.filter((finding) => finding.rule === 'schema');
    expect(alone.map((finding) => finding.message)).toEqual(["Region 'ON' in the calendar needs a country: add `country` next to it."]);
  });

  it('gives the same dates in every time zone (the library\'s local dates)', () => {
    expect(publicHolidays('CA', 'ON', 2027).map((holiday) => holiday.date)).toEqual([
      '2027-01-01', '2027-02-15', '2027-03-26', '2027-03-29', '2027-05-24', '2027-07-01',
      '2027-09-06', '2027-10-11', '2027-12-25', '2027-12-26',
    ]);
  });
});
