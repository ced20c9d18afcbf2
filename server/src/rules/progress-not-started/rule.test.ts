import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../analysis/analyze-plan.js';
import { runFixture } from '../../testing/fixtures.js';

const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04, status_date: 2027-01-11}
phases:
  - id: p
    tasks:
      - {id: a, name: Progress without a start, duration: 5d, progress: 60%} # expect: progress-not-started
      - {id: b, name: Not started, duration: 5d, progress: 0%}
      - {id: c, name: Started, duration: 5d, progress: 60%, actual_start: 2027-01-04}
      - {id: d, name: All done but not finished, duration: 2d, progress: 100%, actual_start: 2027-01-04} # expect: progress-not-started
      - {id: e, name: Done, duration: 2d, progress: 100%, status: done}
      - {id: f, name: Finished, duration: 2d, progress: 40%, actual_start: 2027-01-04, actual_finish: 2027-01-05}
      - {id: g, name: Over 100, duration: 2d, progress: 120%} # expect: schema
      - {id: h, name: A fraction, duration: 2d, progress: 0.6} # expect: schema
      - {id: i, name: Not a percentage, duration: 2d, progress: most} # expect: schema
`;

describe('progress-not-started', () => {
  it('reports progress without an actual start, and 100% on a task that is not finished', () => {
    const { actual, expected, findings } = runFixture(PLAN, { rules: ['progress-not-started', 'schema'] });
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => finding.message)).toEqual([
      "Task 'a' is 60% done but has not started: write the day work began (actual_start: YYYY-MM-DD), or progress: 0%. Until then its progress is not counted.",
      "Task 'd' is 100% done but not finished: write the day it finished (actual_finish: YYYY-MM-DD) or status: done.",
      "Invalid progress '120%' of task 'g'. Write progress as a percentage from 0% to 100%, for example 60%.",
      "Invalid progress '0.6' of task 'h'. Write progress as a percentage, for example 60% (not 0.6).",
      "Invalid progress 'most' of task 'i'. Write progress as a percentage from 0% to 100%, for example 60%.",
    ]);
    expect(findings.slice(2).map((finding) => PLAN.slice(finding.span.start, finding.span.end))).toEqual(['120%', '0.6', 'most']);
  });

  it('schedules the rest of the plan: bad progress reads as not written', () => {
    const analysis = analyzePlan(PLAN);
    const ids = analysis.model.tasks.map((task) => task.id?.value);
    const g = analysis.schedule?.tasks[ids.indexOf('g')];
    expect(analysis.model.tasks[ids.indexOf('g')]?.progress).toBeUndefined();
    // not started: not before the status date 2027-01-11
    expect([g?.start, g?.finish]).toEqual(['2027-01-11', '2027-01-12']);
    expect(analysis.schedule?.tasks[ids.indexOf('a')]?.start).toBe('2027-01-11');
  });
});
