import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../analysis/analyze-plan.js';
import { runFixture } from '../../testing/fixtures.js';

// 2027-01-04 is a Monday (working day 0).
const PLAN = `crmplan: 1
plan:
  name: P
  start: 2027-01-04
  status_date: 2027-01-20
phases:
  - id: p
    tasks:
      - {id: design, name: Design, duration: 5d, actual_start: 2027-01-04, actual_finish: 2027-01-08}
      - id: build
        name: Started before design finished
        duration: 5d
        depends_on: [design]
        actual_start: 2027-01-07 # expect: actual-dates
      - id: build-ok
        name: Started the day after
        duration: 5d
        depends_on: [design]
        actual_start: 2027-01-11
      - id: lagged
        name: Two days after design, with a 3-day lag
        duration: 1d
        depends_on: [{task: design, lag: 3d}]
        actual_start: 2027-01-12 # expect: actual-dates
      - id: together
        name: Start-to-start, one day before design started
        duration: 1d
        depends_on: [{task: design, type: SS}]
        actual_start: 2027-01-01 # expect: actual-dates
      - id: backwards
        name: Finish before start
        duration: 2d
        actual_start: 2027-01-12
        actual_finish: 2027-01-11 # expect: actual-dates
      - id: future
        name: Dates after the status date
        duration: 2d
        actual_start: 2027-01-21 # expect: actual-dates
        actual_finish: 2027-01-22 # expect: actual-dates
      - id: on-the-day
        name: Finished on the status date
        duration: 1d
        actual_start: 2027-01-20
        actual_finish: 2027-01-20
  - id: later
    depends_on: [p]
    tasks:
      - id: rollout
        name: Started before phase p finished
        duration: 1d
        actual_start: 2027-01-13 # expect: actual-dates
`;

describe('actual-dates', () => {
  it('reports actual dates against the dependencies, each other and the status date, on the date', () => {
    const { actual, expected, findings } = runFixture(PLAN, { rules: ['actual-dates'] });
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => finding.message)).toEqual([
      "Task 'build' started on 2027-01-07, before 'design' finished (2027-01-08), which it depends on. Correct the actual date or the dependency.",
      "Task 'lagged' started on 2027-01-12, before 'design' finished (2027-01-08), which it depends on with a lag of 3d. Correct the actual date or the dependency.",
      "Task 'together' started on 2027-01-01, before 'design' started (on 2027-01-04), which it depends on (start-to-start). Correct the actual date or the dependency.",
      "Task 'backwards' finished on 2027-01-11, before it started on 2027-01-12: actual_finish is before actual_start.",
      "Task 'future' has actual_start 2027-01-21, after the status date 2027-01-20: an actual date is a day that has passed. Plan future work with start: instead.",
      "Task 'future' has actual_finish 2027-01-22, after the status date 2027-01-20: an actual date is a day that has passed. Plan future work with start: instead.",
      expect.stringMatching(/^Task 'rollout' started on 2027-01-13, before phase 'p' finished \(2027-01-2\d\)/),
    ]);
    expect(findings[0]?.related?.map((related) => PLAN.slice(related.span.start, related.span.end))).toEqual(['design']);
  });

  it('reports a status date before the plan start on the status date, and the rest is still scheduled', () => {
    const text = `crmplan: 1
plan:
  name: P
  start: 2027-01-04
  status_date: 2026-12-01 # expect: actual-dates
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 2d}
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['actual-dates'] });
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toBe(
      "The status date 2026-12-01 is before the plan's start 2027-01-04: nothing can have happened yet. Write the day the progress is recorded as of.",
    );
    expect(text.slice(findings[0]!.span.start, findings[0]!.span.end)).toBe('2026-12-01');
    const analysis = analyzePlan(text);
    expect([analysis.schedule?.tasks[0]?.start, analysis.schedule?.tasks[0]?.finish]).toEqual(['2027-01-04', '2027-01-05']);
  });
});
