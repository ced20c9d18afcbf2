import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const HEAD = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n';
const RULE = 'go-live-without-training';

/** The fixture comparison and this rule's findings only (other rules run too). */
function check(text: string) {
  const result = runFixture(text, { rules: [RULE] });
  return { ...result, findings: result.findings.filter((finding) => finding.rule === RULE) };
}

describe('go-live-without-training', () => {
  it('reports a go-live that waits for no training task, on its kind', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: uat, name: UAT, kind: uat, duration: 3d}
      - {id: admin-training, name: Admin training, kind: training, duration: 1d}
      - {id: end-user-training, name: End-user training, kind: training, duration: 2d}
      - id: go-live
        name: Go live
        kind: go-live # expect: ${RULE}
        milestone: true
        depends_on: [uat]
      - {id: refresher, name: Refresher course, kind: training, duration: 1d, depends_on: [go-live]}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toBe(
      "Go-live 'go-live' does not wait for any user training (kind: training): add a dependency on one of 'admin-training', 'end-user-training', or a training task before it.",
    );
    expect(findings[0]?.data).toEqual({
      rule: RULE,
      taskId: 'go-live',
      taskIndex: 3,
      neededKind: 'training',
      candidates: ['admin-training', 'end-user-training'],
    });
    expect(findings[0]?.related).toHaveLength(2);
  });

  it('is silent when training comes first directly, through a phase dependency or through a chain', () => {
    const text = `${HEAD}  - id: enable
    tasks:
      - {id: train, name: Train, kind: training, duration: 2d}
      - {id: certify, name: Certify users, duration: 1d, depends_on: [train]}
  - id: launch
    depends_on: [enable]
    tasks:
      - {id: phase-dep, name: Through a phase dependency, kind: go-live, milestone: true}
  - id: launch-2
    tasks:
      - {id: direct, name: Direct, kind: go-live, milestone: true, depends_on: [train]}
      - {id: chained, name: Through a chain, kind: go-live, milestone: true, depends_on: [certify]}
`;
    expect(check(text).actual).toEqual([]);
  });

  it('is silent without a go-live, and when a dependency upstream names nothing', () => {
    const text = `${HEAD}  - id: p
    depends_on: [enablement]
    tasks:
      - {id: go-live, name: Go live, kind: go-live, milestone: true}
`;
    expect(check(text).actual).toEqual([]);
    expect(check(`${HEAD}  - id: p\n    tasks:\n      - {id: a, name: A, duration: 1d}\n`).actual).toEqual([]);
  });
});
