import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

// 2027-01-04 is a Monday (working day 0); working days are mon-fri.
const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: discovery
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d}
      - {id: requirements, name: Requirements, duration: 1w, depends_on: [kickoff]}
      - id: workshop
        name: Workshop pushed by requirements
        duration: 1d
        depends_on: [requirements, kickoff]
        start: 2027-01-05 # expect: start-conflict
      - id: mapping
        name: Starts with requirements plus a lag
        duration: 1d
        depends_on: [{task: requirements, type: SS, lag: 2d}]
        start: 2027-01-04 # expect: start-conflict
  - id: build
    depends_on: [discovery]
    tasks:
      - id: config
        name: Pushed by the phase's dependency
        duration: 1w
        start: 2027-01-06 # expect: start-conflict
      - id: config-later
        name: Starts later than the dependencies need
        duration: 1d
        start: 2027-02-01
      - id: config-exact
        name: Starts exactly when the phase allows
        duration: 1d
        start: 2027-01-13
  - id: test
    tasks:
      - id: uat
        name: Waits for a whole phase
        duration: 1d
        depends_on: [build]
        start: 2027-02-01 # expect: start-conflict
      - id: before-plan
        name: Start before the plan's start, pushed further
        duration: 1d
        depends_on: [kickoff]
        start: 2026-12-01 # expect: start-conflict
      - id: weekend-start
        name: Start on a Saturday, the next working day is fine
        duration: 1d
        depends_on: [kickoff]
        start: 2027-01-09
`;

describe('start-conflict', () => {
  it('reports each task that its dependencies push past its own start, on the start value', () => {
    const { actual, expected, findings } = runFixture(PLAN, { rules: ['start-conflict'] });
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => PLAN.slice(finding.span.start, finding.span.end))).toEqual([
      '2027-01-05',
      '2027-01-04',
      '2027-01-06',
      '2027-02-01',
      '2026-12-01',
    ]);
  });

  it('names the driving dependency, how it links, and the computed start', () => {
    const { findings } = runFixture(PLAN, { rules: ['start-conflict'] });
    expect(findings.map((finding) => finding.message)).toEqual([
      "Task 'workshop' cannot start on its start date 2027-01-05: it waits for 'requirements' (finish-to-start), so it starts on 2027-01-12, 5 working days later.",
      "Task 'mapping' cannot start on its start date 2027-01-04: it waits for 'requirements' (start-to-start with a lag of 2d), so it starts on 2027-01-07, 3 working days later.",
      "Task 'config' cannot start on its start date 2027-01-06: its phase 'build' waits for phase 'discovery' (finish-to-start), so it starts on 2027-01-13, 5 working days later.",
      "Task 'uat' cannot start on its start date 2027-02-01: it waits for phase 'build' (finish-to-start), so it starts on 2027-02-02, 1 working day later.",
      // A start before the plan's start counts from the plan's start.
      "Task 'before-plan' cannot start on its start date 2026-12-01: it waits for 'kickoff' (finish-to-start), so it starts on 2027-01-05, 1 working day later.",
    ]);
    expect(findings[0]?.data).toEqual({
      rule: 'start-conflict',
      taskId: 'workshop',
      taskIndex: 2,
      computedStart: '2027-01-12',
      requestedStart: '2027-01-05',
      delayDays: 5,
      driver: { id: 'requirements', kind: 'task', via: 'own', dependencySpan: expect.any(Object) },
    });
    const config = findings[2]?.data;
    expect(config).toMatchObject({ driver: { id: 'discovery', kind: 'phase', via: 'phase' } });
    if (config?.rule !== 'start-conflict') throw new Error('unexpected data');
    expect(PLAN.slice(config.driver.dependencySpan.start, config.driver.dependencySpan.end)).toBe('discovery');
  });

  it('is silent without a plan start, and for tasks without a start or on a cycle', () => {
    const text = `crmplan: 1
plan: {name: P}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1w}
      - {id: b, name: B, duration: 1d, depends_on: [a], start: 2000-01-03}
`;
    expect(runFixture(text, { rules: ['start-conflict'] }).actual).toEqual([]);
    const cycle = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1w, depends_on: [b], start: 2027-01-04}
      - {id: b, name: B, duration: 1d, depends_on: [a], start: 2027-01-04}
      - {id: c, name: C, duration: 1d, depends_on: [a]}
`;
    expect(runFixture(cycle, { rules: ['start-conflict'] }).actual).toEqual([]);
  });
});
