import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analysis/analyze-plan.js';

// Issue 13's "Bad input" in one plan in flight: each bad value is one clear
// finding on the value itself, and the rest of the plan is still scheduled.
// Working days from Mon 2027-01-04 (k = 0): Jan 11 = 5, Jan 13 = 7 (T), Jan 18 = 10,
// Jan 25 = 15; before the start Dec 31 = -2, Dec 28 = -5.
const PLAN = `crmplan: 1
plan:
  name: Bad input
  start: 2027-01-04
  status_date: 2027-01-13
people:
  - id: dana
    name: Dana
    leave:
      - {from: 2027-05-14, to: 2027-05-10}
      - {from: 2031-07-01, to: 2031-07-02, note: a date in any year}
phases:
  - id: p
    tasks:
      - {id: pct, name: Sixty percent, duration: 10d, actual_start: 2027-01-04, progress: 60%}
      - {id: fraction, name: A fraction, duration: 10d, actual_start: 2027-01-04, progress: 0.6}
      - {id: over, name: Over 100, duration: 10d, actual_start: 2027-01-04, progress: 120%}
      - {id: future, name: Finished after the status date, duration: 2d, actual_start: 2027-01-12, actual_finish: 2027-01-14}
      - {id: last-year, name: Done last year, duration: 2d, actual_start: 2026-12-28, actual_finish: 2026-12-29}
      - {id: next, name: Next, duration: 3d, depends_on: [pct]}
      - {id: far, name: Out of range, duration: 2d, depends_on: [next], actual_start: 0999-01-04}
baseline:
  date: 2026-12-20
  tasks:
    pct: {start: 2027-01-04, finish: 2027-01-18}
    removed: {start: 2027-01-04, finish: 2027-01-04}
`;

const RULES = new Set(['schema', 'limits', 'actual-dates', 'behind-schedule', 'progress-not-started', 'baseline-slip']);

describe('bad progress, actual dates, baselines and leave', () => {
  it('are each one finding on the exact value', () => {
    const analysis = analyzePlan(PLAN);
    const findings = analysis.findings.filter((finding) => RULES.has(finding.rule));
    expect(findings.map((finding) => [finding.rule, PLAN.slice(finding.span.start, finding.span.end), finding.message])).toEqual([
      ['schema', '2027-05-10', "The leave of 'dana' ends on 2027-05-10, before it starts on 2027-05-14: it is not used."],
      ['schema', '0.6', "Invalid progress '0.6' of task 'fraction'. Write progress as a percentage, for example 60% (not 0.6)."],
      ['schema', '120%', "Invalid progress '120%' of task 'over'. Write progress as a percentage from 0% to 100%, for example 60%."],
      [
        'actual-dates',
        '2027-01-14',
        "Task 'future' has actual_finish 2027-01-14, after the status date 2027-01-13: an actual date is a day that has passed. Plan future work with start: instead.",
      ],
      ['limits', '0999-01-04', 'Date 0999-01-04 is outside the years 1900 to 2999 that a plan can use: it is not used.'],
      [
        'baseline-slip',
        'removed',
        "The baseline names 'removed', which is no task of the plan (removed or renamed?). Delete the entry or run crmplan baseline again.",
      ],
    ]);
  });

  it('leave the rest of the plan scheduled, the bad values read as not written', () => {
    const schedule = analyzePlan(PLAN).schedule!;
    expect(schedule.tasks.map((task) => task && [task.start, task.finish, task.progress?.state])).toEqual([
      // started, R = ceil(0.4 x 10) = 4: e = max(0 + 10, 7 + 4) = 11.
      ['2027-01-04', '2027-01-18', 'started'],
      // progress not read: 0% done, R = 10, e = max(10, 17) = 17.
      ['2027-01-04', '2027-01-26', 'started'],
      ['2027-01-04', '2027-01-26', 'started'],
      // its actual dates, after the status date or not: [6, 9).
      ['2027-01-12', '2027-01-14', 'finished'],
      // a date in any year: [-5, -3), before the plan's start.
      ['2026-12-28', '2026-12-29', 'finished'],
      // waits for pct (11): [11, 14).
      ['2027-01-19', '2027-01-21', 'not-started'],
      // its actual_start is not read: not started, after next (14): [14, 16).
      ['2027-01-22', '2027-01-25', 'not-started'],
    ]);
    expect(schedule.finish).toBe('2027-01-26');
    // The valid leave in 2031 is kept, the backwards one left out.
    expect(analyzePlan(PLAN).model.people[0]?.leave.map((leave) => [leave.from?.value, leave.to?.value])).toEqual([['2031-07-01', '2031-07-02']]);
  });

  it('reports dates outside the years a plan can use under every date key of plans in flight', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04, status_date: 3027-01-01}
people: [{id: dana, leave: [{from: 1899-12-31, to: 2027-01-05}]}]
phases: [{id: p, tasks: [{id: a, name: A, duration: 1d, actual_start: 2027-01-04, actual_finish: 10000-01-01}]}]
baseline: {date: 0100-01-01, finish: 3000-01-01, tasks: {a: {start: 2027-01-04, finish: 9999-12-31}}}
`;
    const analysis = analyzePlan(text);
    const limits = analysis.findings.filter((finding) => finding.rule === 'limits' || finding.rule === 'schema');
    expect(limits.map((finding) => `${finding.rule}: ${text.slice(finding.span.start, finding.span.end)}`)).toEqual([
      'limits: 3027-01-01',
      'limits: 1899-12-31',
      // Five digits are no YYYY-MM-DD at all.
      'schema: 10000-01-01',
      'limits: 0100-01-01',
      'limits: 3000-01-01',
      'limits: 9999-12-31',
    ]);
    expect(analysis.schedule?.tasks[0]).toMatchObject({ start: '2027-01-04', finish: '2027-01-04' });
  });
});
