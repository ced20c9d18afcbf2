import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

// 2027-01-04 is a Monday (working day 0); the status date 2027-01-13 is working day 7.
const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04, status_date: 2027-01-13}
phases:
  - id: p
    tasks:
      - id: design # expect: behind-schedule
        name: Planned Jan 4 -> Jan 8, not started
        duration: 5d
      - id: build
        name: Planned Jan 11 -> Jan 15, started late, 20% done
        duration: 5d
        depends_on: [design]
        actual_start: 2027-01-12
        progress: 20%
      - id: config
        name: Planned Jan 4 -> Jan 6, started but not done
        duration: 3d
        actual_start: 2027-01-04 # expect: behind-schedule
        progress: 50%
      - id: reports # expect: behind-schedule
        name: Planned Jan 11 -> Jan 13, not started
        duration: 3d
        start: 2027-01-11
      - id: on-the-day
        name: Planned to start on the status date itself
        duration: 2d
        start: 2027-01-13
      - id: finished
        name: Finished late, not behind any more
        duration: 2d
        actual_start: 2027-01-04
        actual_finish: 2027-01-12
      - id: done-as-planned
        name: Done
        duration: 1d
        status: done
      - id: gate # expect: behind-schedule
        name: Milestone planned Jan 7
        milestone: true
        start: 2027-01-07
`;

describe('behind-schedule', () => {
  it('reports tasks the plan has starting or finishing before the status date that have not', () => {
    const { actual, expected, findings } = runFixture(PLAN, { rules: ['behind-schedule'] });
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => finding.message)).toEqual([
      "Task 'design' should have finished by 2027-01-08 (planned 2027-01-04 -> 2027-01-08), but as of the status date 2027-01-13 it has not started (no actual_start); it is now forecast to finish on 2027-01-19.",
      "Task 'config' should have finished by 2027-01-06 (planned 2027-01-04 -> 2027-01-06), but as of the status date 2027-01-13 it has started but is not done; it is now forecast to finish on 2027-01-14.",
      "Task 'reports' should have started on 2027-01-11 (planned 2027-01-11 -> 2027-01-13), but has no actual_start as of the status date 2027-01-13; it now starts on 2027-01-13 and finishes on 2027-01-15.",
      "Task 'gate' should have been reached by 2027-01-07 (planned on 2027-01-07), but as of the status date 2027-01-13 it has not started (no actual_start); it is now forecast on 2027-01-13.",
    ]);
  });

  it('is silent without a status date, and names today in the editor', () => {
    const withoutDate = PLAN.replace(', status_date: 2027-01-13', '');
    expect(runFixture(withoutDate, { rules: ['behind-schedule'] }).findings).toEqual([]);
    const today = runFixture(withoutDate, { rules: ['behind-schedule'], settings: { today: '2027-01-13' } });
    expect(today.actual).toEqual(today.expected);
    expect(today.findings[0]?.message).toContain('as of today (2027-01-13)');
    const asOf = runFixture(PLAN, { rules: ['behind-schedule'], settings: { statusDate: '2027-01-05' } });
    expect(asOf.findings.map((finding) => PLAN.slice(finding.span.start, finding.span.end))).toEqual(['design']);
  });
});
