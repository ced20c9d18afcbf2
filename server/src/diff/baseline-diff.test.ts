import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { diffToMarkdown } from './diff-markdown.js';
import { diffPlans } from './diff-plans.js';

// Mon 2027-03-01 is working day 0. kickoff 2d: Mar 1-2; build 3d: Mar 3-5; go-live: Mon Mar 8.
const PLAN = `crmplan: 1
plan: {name: Test, start: 2027-03-01}
phases:
  - id: one
    tasks:
      - {id: kickoff, name: Kickoff, duration: 2d}
      - {id: build, name: Build, duration: 3d, depends_on: [kickoff]}
      - {id: go-live, name: Go-live, milestone: true, depends_on: [build]}
`;
const BASELINE = `baseline:
  date: 2027-02-20
  finish: 2027-03-08
  tasks:
    kickoff: {start: 2027-03-01, finish: 2027-03-02}
    build: {start: 2027-03-03, finish: 2027-03-05}
    go-live: {start: 2027-03-08, finish: 2027-03-08}
`;

describe('diff against the baseline', () => {
  it('is null without a baseline in the head', () => {
    expect(diffPlans(analyzePlan(PLAN), analyzePlan(PLAN)).baseline).toBeNull();
  });

  it('reports the finish, the milestones and the slipped tasks from their baselined dates', () => {
    // build 3d -> 5d: Mar 3-9 (+2), go-live Wed Mar 10 (+2), finish Mar 10 (+2).
    const head = `${PLAN.replace('duration: 3d', 'duration: 5d')}${BASELINE}`;
    const diff = diffPlans(analyzePlan(`${PLAN}${BASELINE}`), analyzePlan(head));
    expect(diff.baseline).toEqual({
      date: '2027-02-20',
      rebaselined: false,
      finish: { from: '2027-03-08', to: '2027-03-10', workingDays: 2 },
      milestones: [{ id: 'go-live', name: 'Go-live', from: '2027-03-08', to: '2027-03-10', workingDays: 2 }],
      tasks: [{ id: 'build', name: 'Build', from: '2027-03-05', to: '2027-03-09', workingDays: 2 }],
      unknownTasks: [],
    });
  });

  it('says when a change only sets the baseline again, and counts it as a change', () => {
    const moved = `${PLAN.replace('duration: 3d', 'duration: 5d')}`;
    const before = analyzePlan(`${moved}${BASELINE}`);
    const rebaselined = BASELINE.replace('finish: 2027-03-08\n', 'finish: 2027-03-10\n')
      .replace('build: {start: 2027-03-03, finish: 2027-03-05}', 'build: {start: 2027-03-03, finish: 2027-03-09}')
      .replace('go-live: {start: 2027-03-08, finish: 2027-03-08}', 'go-live: {start: 2027-03-10, finish: 2027-03-10}');
    const after = analyzePlan(`${moved}${rebaselined}`);
    const diff = diffPlans(before, after);
    expect(diff.baseline).toMatchObject({ rebaselined: true, finish: { workingDays: 0 }, tasks: [] });
    const markdown = diffToMarkdown([{ path: 'plan.crmplan.yaml', basePath: null, diff, head: after }], { gantt: () => undefined });
    expect(markdown).toContain('**Finish unchanged** (2027-03-10) · finish on the baseline · baseline set again · warnings -2.');
    expect(markdown).toContain('Against the baseline of 2027-02-20 (set again in this change):');
    expect(markdown).toContain('Project finish: 2027-03-10 (baseline) → 2027-03-10, on baseline.');
    expect(markdown).toContain('| milestone | `go-live` Go-live | 2027-03-10 | 2027-03-10 | on baseline |');
  });

  it('says so when the baseline records no finish, so the finish against it is never silently missing', () => {
    // build 3d -> 5d: build Mar 3-9, +2 against its baseline; the block has no `finish:`.
    const noFinish = BASELINE.replace('  finish: 2027-03-08\n', '');
    const after = analyzePlan(`${PLAN.replace('duration: 3d', 'duration: 5d')}${noFinish}`);
    const diff = diffPlans(analyzePlan(`${PLAN}${noFinish}`), after);
    expect(diff.baseline?.finish).toBeNull();
    const markdown = diffToMarkdown([{ path: 'plan.crmplan.yaml', basePath: null, diff, head: after }], { gantt: () => undefined });
    expect(markdown).toContain('Against the baseline of 2027-02-20:\n\nThe baseline records no project finish (`crmplan baseline` writes one).\n');
    expect(markdown).toContain('| task | `build` Build | 2027-03-05 | 2027-03-09 | 2 working days later |');
  });
});
