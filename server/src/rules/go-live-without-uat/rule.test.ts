import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const HEAD = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n';
const RULE = 'go-live-without-uat';

/** The fixture comparison and this rule's findings only (other rules run too). */
function check(text: string) {
  const result = runFixture(text, { rules: [RULE] });
  return { ...result, findings: result.findings.filter((finding) => finding.rule === RULE) };
}

describe('go-live-without-uat', () => {
  it('reports a go-live that waits for no UAT task, on its kind, offering the UAT tasks it could wait for', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      # In the same phase but not a dependency: the phase does not order its tasks.
      - {id: uat, name: User acceptance testing, kind: uat, duration: 3d}
      - {id: train, name: Train users, kind: training, duration: 2d}
      - id: core-go-live
        name: Core go-live
        kind: go-live # expect: ${RULE}
        milestone: true
        depends_on: [train]
      - {id: uat-wave-2, name: UAT of the wave-2 features, kind: uat, duration: 2d, depends_on: [core-go-live]}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    const finding = findings[0]!;
    expect(finding.message).toBe(
      "Go-live 'core-go-live' does not wait for any user acceptance testing (kind: uat): add a dependency on 'uat' or a UAT task before it.",
    );
    expect(finding.severity).toBe('warning');
    expect(text.slice(finding.span.start, finding.span.end)).toBe('go-live');
    expect(finding.data).toEqual({
      rule: RULE,
      taskId: 'core-go-live',
      taskIndex: 2,
      neededKind: 'uat',
      candidates: ['uat'],
    });
  });

  it('asks for a new task when the plan has no UAT, and reports each go-live', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: pilot-go-live, name: Pilot go-live, kind: go-live, milestone: true} # expect: ${RULE}
      - {id: full-go-live, name: Full go-live, kind: go-live, milestone: true, depends_on: [pilot-go-live]} # expect: ${RULE}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => finding.message)).toEqual([
      "Go-live 'pilot-go-live' does not wait for any user acceptance testing (kind: uat): add a UAT task before it.",
      "Go-live 'full-go-live' does not wait for any user acceptance testing (kind: uat): add a UAT task before it.",
    ]);
  });

  it('is silent when UAT comes first directly, through a phase dependency, through a chain or a dependency on a phase', () => {
    const text = `${HEAD}  - id: test
    tasks:
      - {id: uat, name: UAT, kind: uat, duration: 3d}
      - {id: fixes, name: Bug fixing, duration: 2d, depends_on: [uat]}
  - id: launch
    depends_on: [uat]
    tasks:
      - {id: phase-dep, name: Through a phase dependency, kind: go-live, milestone: true}
  - id: launch-2
    tasks:
      - {id: direct, name: Direct, kind: go-live, milestone: true, depends_on: [uat]}
      - {id: chained, name: Through a chain, kind: go-live, milestone: true, depends_on: [fixes]}
      - {id: on-phase, name: Through a dependency on a phase, kind: go-live, milestone: true, depends_on: [test]}
      - {id: wave-2, name: After an earlier go-live, kind: go-live, milestone: true, depends_on: [phase-dep]}
`;
    expect(check(text).actual).toEqual([]);
  });

  it('is silent on plans without a go-live', () => {
    const text = `${HEAD}  - id: p
    tasks:
      - {id: config, name: Configure, kind: configuration, duration: 3d}
`;
    expect(check(text).actual).toEqual([]);
  });

  it('is silent when it cannot tell what the go-live waits for', () => {
    const text = `${HEAD}  - id: p
    tasks:
      - {id: uat, name: UAT, kind: uat, duration: 3d}
      - {id: typo, name: Go live, kind: go-live, milestone: true, depends_on: [uta]}
      - {id: acceptance, name: Acceptance, kind: UAT, duration: 3d}
      - {id: unknown-kind, name: Go live, kind: go-live, milestone: true, depends_on: [acceptance]}
`;
    expect(check(text).actual).toEqual([]);
  });

  it('does not crash on a go-live that lies on a dependency cycle', () => {
    const text = `${HEAD}  - id: p
    tasks:
      - {id: go-live, name: Go live, kind: go-live, milestone: true, depends_on: [p]} # expect: ${RULE}
`;
    const { actual, expected } = check(text);
    expect(actual).toEqual(expected);
  });
});
