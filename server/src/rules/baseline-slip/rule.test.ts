import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../analysis/analyze-plan.js';
import { ruleFixes } from '../../fixes/index.js';
import { runFixture } from '../../testing/fixtures.js';

// 2027-01-04 is a Monday (working day 0); working days are mon-fri.
// Current dates: kickoff 01-04..01-04, design 01-05..01-08, build 01-11..01-22,
// go-live (milestone) 01-25, review 01-25..01-26.
const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d}
      - {id: design, name: Design, duration: 4d, depends_on: [kickoff]} # expect: baseline-slip
      - {id: build, name: Build, duration: 2w, depends_on: [design]} # expect: baseline-slip
      - {id: go-live, name: Go-live, milestone: true, depends_on: [build]} # expect: baseline-slip
      - {id: review, name: Review, duration: 2d, depends_on: [build]}
baseline:
  date: 2027-01-04
  finish: 2027-01-20
  tasks:
    kickoff: {start: 2027-01-04, finish: 2027-01-04}
    design: {start: 2027-01-05, finish: 2027-01-07}
    build: {start: 2027-01-08, finish: 2027-01-15}
    go-live: {start: 2027-01-18, finish: 2027-01-18}
    review: {start: 2027-01-25, finish: 2027-01-29}
    kick-off: {start: 2027-01-04, finish: 2027-01-05} # expect: baseline-slip
    data-clean: {start: 2027-01-04, finish: 2027-01-05} # expect: baseline-slip
`;

describe('baseline-slip', () => {
  it('reports finishes later than the baseline and entries naming no task', () => {
    const { actual, expected, findings } = runFixture(PLAN, { rules: ['baseline-slip'] });
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => PLAN.slice(finding.span.start, finding.span.end))).toEqual(['design', 'build', 'go-live', 'kick-off', 'data-clean']);
    expect(findings.map((finding) => finding.message)).toEqual([
      // 2027-01-07 (Thu) -> 2027-01-08 (Fri): 1 working day.
      "Task 'design' finishes on 2027-01-08, 1 working day later than its baseline 2027-01-07.",
      // 2027-01-15 (Fri) -> 2027-01-22 (Fri): 5 working days.
      "Task 'build' finishes on 2027-01-22, 5 working days later than its baseline 2027-01-15.",
      // 2027-01-18 (Mon) -> 2027-01-25 (Mon): 5 working days.
      "Milestone 'go-live' falls on 2027-01-25, 5 working days later than its baseline 2027-01-18.",
      "The baseline names 'kick-off', which is no task of the plan (removed or renamed?); did you mean 'kickoff'? Delete the entry or run crmplan baseline again.",
      "The baseline names 'data-clean', which is no task of the plan (removed or renamed?). Delete the entry or run crmplan baseline again.",
    ]);
    // review finishes on 2027-01-26, before its baseline 2027-01-29: no finding.
  });

  it('lets slips up to slip_threshold pass and names the threshold', () => {
    const text = PLAN.replace('  date: 2027-01-04\n', '  date: 2027-01-04\n  slip_threshold: 4d\n');
    const { findings } = runFixture(text, { rules: ['baseline-slip'] });
    expect(findings.map((finding) => finding.message)).toEqual([
      "Task 'build' finishes on 2027-01-22, 5 working days later than its baseline 2027-01-15, more than the slip threshold of 4 working days.",
      "Milestone 'go-live' falls on 2027-01-25, 5 working days later than its baseline 2027-01-18, more than the slip threshold of 4 working days.",
      "The baseline names 'kick-off', which is no task of the plan (removed or renamed?); did you mean 'kickoff'? Delete the entry or run crmplan baseline again.",
      "The baseline names 'data-clean', which is no task of the plan (removed or renamed?). Delete the entry or run crmplan baseline again.",
    ]);
    const weekThreshold = runFixture(PLAN.replace('  date: 2027-01-04\n', '  date: 2027-01-04\n  slip_threshold: 1w\n'), {
      rules: ['baseline-slip'],
    });
    // 1w is 5 working days: slips of exactly 5 pass; the two stale entries stay.
    expect(weekThreshold.findings.map((finding) => finding.message.split(',')[0])).toEqual([
      "The baseline names 'kick-off'",
      "The baseline names 'data-clean'",
    ]);
  });

  it('is silent without a baseline, and the plan is still scheduled with a broken one', () => {
    const withoutBaseline = PLAN.slice(0, PLAN.indexOf('baseline:'));
    expect(runFixture(withoutBaseline, { rules: ['baseline-slip'] }).findings).toEqual([]);
    const broken = `${withoutBaseline}baseline: {tasks: {kickoff: not-a-date, build: {start: 2027-01-08, finish: 2027-01-15}}}\n`;
    const { findings } = runFixture(broken, { rules: ['baseline-slip', 'schema'] });
    expect(findings.map((finding) => `${finding.rule}: ${broken.slice(finding.span.start, finding.span.end)}`)).toEqual([
      'baseline-slip: build',
      'schema: not-a-date',
    ]);
    // A key that is no id at all is one finding: the entry names no task.
    const badKey = `${withoutBaseline}baseline: {tasks: {Kick Off: {start: 2027-01-04, finish: 2027-01-04}}}\n`;
    expect(runFixture(badKey, { rules: ['baseline-slip', 'schema'] }).findings.map((finding) => finding.message)).toEqual([
      "The baseline names 'Kick Off', which is no task of the plan (removed or renamed?); did you mean 'kickoff'? Delete the entry or run crmplan baseline again.",
    ]);
  });
});

describe('baseline-slip quick fix', () => {
  it('removes a baseline entry naming no task, line and comment, and offers nothing for a slip', () => {
    const analysis = analyzePlan(PLAN);
    const findings = analysis.findings.filter((finding) => finding.rule === 'baseline-slip');
    const stale = findings.find((finding) => PLAN.slice(finding.span.start, finding.span.end) === 'data-clean')!;
    const [fix] = ruleFixes(stale, analysis);
    expect(fix?.title).toBe("Remove the baseline entry 'data-clean'");
    const edit = fix!.edits[0]!;
    const fixed = `${PLAN.slice(0, edit.span.start)}${edit.newText}${PLAN.slice(edit.span.end)}`;
    expect(fixed).toBe(PLAN.replace('    data-clean: {start: 2027-01-04, finish: 2027-01-05} # expect: baseline-slip\n', ''));
    const slip = findings.find((finding) => PLAN.slice(finding.span.start, finding.span.end) === 'build')!;
    expect(ruleFixes(slip, analysis)).toEqual([]);
  });
});
