import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

describe('dependency-cycle', () => {
  it('reports every member of a cycle and names the cycle', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - id: a
        name: A
        duration: 1d
        depends_on: [c] # expect: dependency-cycle
      - id: b
        name: B
        duration: 1d
        depends_on: [a] # expect: dependency-cycle
      - id: c
        name: C
        duration: 1d
        depends_on: [b] # expect: dependency-cycle
      - id: d
        name: Downstream of the cycle, not on it
        duration: 1d
        depends_on: [c]
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['dependency-cycle'] });
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => finding.message.split('.')[0])).toEqual([
      'Dependency cycle: a -> c -> b -> a',
      'Dependency cycle: b -> a -> c -> b',
      'Dependency cycle: c -> b -> a -> c',
    ]);
    expect(findings[0]?.data).toMatchObject({ rule: 'dependency-cycle', cycle: ['a', 'c', 'b', 'a'] });
  });

  it('reports a task that depends on itself', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1d, depends_on: [a]} # expect: dependency-cycle
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['dependency-cycle'] });
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toContain('a -> a');
  });

  it('reports a task that depends on its own phase, and phase dependencies that close a loop', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: build # expect: dependency-cycle
    tasks:
      - {id: a, name: A, duration: 1d, depends_on: [build]} # expect: dependency-cycle
  - id: test
    depends_on: [deploy] # expect: dependency-cycle
    tasks:
      - {id: t, name: T, duration: 1d} # expect: dependency-cycle
  - id: deploy # expect: dependency-cycle
    tasks:
      - {id: d, name: D, duration: 1d, depends_on: [test]} # expect: dependency-cycle
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['dependency-cycle'] });
    expect(actual).toEqual(expected);
    // The phase takes part through the task it spans: it is reported on its id.
    expect(findings[0]?.message).toContain('build -> a -> build');
    expect(findings[1]?.message).toContain('a -> build -> a');
  });

  it('is silent on acyclic plans, including SS links and phase dependencies', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: one
    tasks:
      - {id: a, name: A, duration: 1d}
      - {id: b, name: B, duration: 1d, depends_on: [{task: a, type: SS, lag: -1d}]}
  - id: two
    depends_on: [one]
    tasks:
      - {id: c, name: C, duration: 1d, depends_on: [b, a]}
`;
    expect(runFixture(text, { rules: ['dependency-cycle'] }).actual).toEqual([]);
  });
});
