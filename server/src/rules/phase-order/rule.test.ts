import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: discovery
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d}
      - id: requirements
        name: Requirements
        duration: 1w
        depends_on:
          - kickoff
          - {task: config, type: SS} # expect: phase-order
  - id: build
    depends_on:
      - kickoff
      - uat # expect: phase-order
    tasks:
      - {id: config, name: Configure, duration: 2w}
      - {id: reports, name: Reports, duration: 1w, depends_on: [config, test]} # expect: phase-order
  - id: test
    tasks:
      - {id: uat, name: UAT, duration: 1w}
      - {id: fixes, name: Fixes, duration: 3d, depends_on: [uat, kickoff]}
`;

describe('phase-order', () => {
  it('reports dependencies on a task or phase of a later phase, on the dependency target', () => {
    const { actual, expected, findings } = runFixture(PLAN, { rules: ['phase-order'] });
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => PLAN.slice(finding.span.start, finding.span.end))).toEqual(['config', 'uat', 'test']);
  });

  it('names both phases and carries the dependency item for a quick-fix', () => {
    const { findings } = runFixture(PLAN, { rules: ['phase-order'] });
    expect(findings.map((finding) => finding.message)).toEqual([
      "Task 'requirements' of phase 'discovery' depends on 'config' of the later phase 'build': phases run in the order they are written, so the dependency or the phase of the dependent work is wrong.",
      "Phase 'build' depends on 'uat' of the later phase 'test': phases run in the order they are written, so the dependency or the phase of the dependent work is wrong.",
      "Task 'reports' of phase 'build' depends on the later phase 'test': phases run in the order they are written, so the dependency or the phase of the dependent work is wrong.",
    ]);
    const data = findings[0]?.data;
    expect(data).toMatchObject({
      rule: 'phase-order',
      dependentKind: 'task',
      dependentId: 'requirements',
      taskId: 'requirements',
      phaseId: 'discovery',
      phaseIndex: 0,
      targetId: 'config',
      targetKind: 'task',
      targetPhaseId: 'build',
      targetPhaseIndex: 1,
    });
    if (data?.rule !== 'phase-order') throw new Error('unexpected data');
    expect(PLAN.slice(data.dependencySpan.start, data.dependencySpan.end)).toBe('{task: config, type: SS}');
    expect(findings[1]?.data).toMatchObject({ dependentKind: 'phase', dependentId: 'build', taskId: undefined, targetPhaseId: 'test' });
    expect(findings[2]?.data).toMatchObject({ targetKind: 'phase', targetId: 'test', targetPhaseId: 'test' });
  });

  it('is silent on cycles, unknown targets and without a plan start', () => {
    const cycle = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: one
    tasks:
      - {id: a, name: A, duration: 1d, depends_on: [b, nowhere]}
  - id: two
    tasks:
      - {id: b, name: B, duration: 1d, depends_on: [a]}
`;
    expect(runFixture(cycle, { rules: ['phase-order'] }).actual).toEqual([]);
    const noStart = `crmplan: 1
plan: {name: P}
phases:
  - id: one
    tasks:
      - {id: a, name: A, duration: 1d, depends_on: [b]}
  - id: two
    tasks:
      - {id: b, name: B, duration: 1d}
`;
    expect(runFixture(noStart, { rules: ['phase-order'] }).actual).toEqual([]);
  });
});
