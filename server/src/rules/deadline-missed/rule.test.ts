import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

// 2027-01-04 is a Monday (working day 0); working days are mon-fri.
const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: discovery
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d}
      - id: requirements
        name: Requirements
        duration: 1w
        depends_on: [kickoff]
        deadline: 2027-01-08 # expect: deadline-missed
  - id: build
    depends_on: [discovery]
    tasks:
      - id: config
        name: Configure
        duration: 2w
        deadline: 2027-01-20 # expect: deadline-missed
      - id: reports
        name: Reports
        duration: 1w
        deadline: 2027-02-12
      - id: config-done
        name: Configuration signed off
        milestone: true
        depends_on: [config]
        deadline: 2027-01-22 # expect: deadline-missed
  - id: other
    tasks:
      - id: on-its-own
        name: Too long from the plan's start
        duration: 3d
        deadline: 2027-01-05 # expect: deadline-missed
      - id: late-start
        name: Starts late by itself
        duration: 2d
        start: 2027-02-01
        deadline: 2027-02-01 # expect: deadline-missed
      - id: exactly
        name: Finishes on the deadline
        duration: 1d
        start: 2027-02-01
        deadline: 2027-02-01
      - id: weekend
        name: Deadline on a Saturday, finished the Friday before
        duration: 5d
        start: 2027-02-01
        deadline: 2027-02-06
      - id: before-start
        name: Deadline before the plan starts
        duration: 1d
        deadline: 2026-12-31 # expect: deadline-missed
      - id: loop-a
        name: On a cycle, no dates
        duration: 1d
        depends_on: [loop-b]
        deadline: 2027-01-04
      - id: loop-b
        name: On a cycle, no dates
        duration: 1d
        depends_on: [loop-a]
`;

describe('deadline-missed', () => {
  it('reports each task whose computed finish is after its deadline, on the deadline value', () => {
    const { actual, expected, findings } = runFixture(PLAN, { rules: ['deadline-missed'] });
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => PLAN.slice(finding.span.start, finding.span.end))).toEqual([
      '2027-01-08',
      '2027-01-20',
      '2027-01-22',
      '2027-01-05',
      '2027-02-01',
      '2026-12-31',
    ]);
  });

  it('gives the finish, the deadline, the working days late and what drives the start', () => {
    const { findings } = runFixture(PLAN, { rules: ['deadline-missed'] });
    expect(findings.map((finding) => finding.message)).toEqual([
      "Task 'requirements' finishes on 2027-01-11, 1 working day after its deadline 2027-01-08 (driving chain: kickoff -> requirements).",
      // Through a phase dependency the chain goes on with the task that ends the phase.
      "Task 'config' finishes on 2027-01-25, 3 working days after its deadline 2027-01-20 (driving chain: kickoff -> requirements -> discovery -> config).",
      "Task 'config-done' finishes on 2027-01-26, 2 working days after its deadline 2027-01-22 (driving chain: kickoff -> requirements -> discovery -> config -> config-done).",
      "Task 'on-its-own' finishes on 2027-01-06, 1 working day after its deadline 2027-01-05 (it starts at the plan's start 2027-01-04).",
      "Task 'late-start' finishes on 2027-02-02, 1 working day after its deadline 2027-02-01 (it starts on its own start date 2027-02-01).",
      "Task 'before-start' finishes on 2027-01-04, 2 working days after its deadline 2026-12-31 (it starts at the plan's start 2027-01-04).",
    ]);
    expect(findings[1]?.data).toEqual({
      rule: 'deadline-missed',
      taskId: 'config',
      taskIndex: 2,
      finish: '2027-01-25',
      deadline: '2027-01-20',
      overrunDays: 3,
      drivingChain: ['kickoff', 'requirements', 'discovery'],
    });
  });

  it('cuts a long driving chain, keeping the links next to the task', () => {
    const tasks = Array.from({ length: 10 }, (_, index) =>
      index === 0
        ? `      - {id: t0, name: T0, duration: 1d}`
        : `      - {id: t${index}, name: T${index}, duration: 1d, depends_on: [t${index - 1}]${index === 9 ? ', deadline: 2027-01-04' : ''}}`,
    );
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: p
    tasks:
${tasks.join('\n')}
`;
    const { findings } = runFixture(text, { rules: ['deadline-missed'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('(driving chain: ... -> t3 -> t4 -> t5 -> t6 -> t7 -> t8 -> t9)');
  });

  it('is silent without a plan start (no schedule) and on plans that keep their deadlines', () => {
    const noStart = `crmplan: 1
plan: {name: P}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1w, deadline: 2000-01-01}
`;
    expect(runFixture(noStart, { rules: ['deadline-missed'] }).actual).toEqual([]);
    const onTime = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1w, deadline: 2027-01-08}
      - {id: b, name: B, duration: 1d, depends_on: [{task: a, lag: -2d}], deadline: 2027-01-07}
`;
    expect(runFixture(onTime, { rules: ['deadline-missed'] }).actual).toEqual([]);
  });
});
