import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const HEAD = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n';
const RULE = 'no-hypercare';

/** The fixture comparison and this rule's findings only (other rules run too). */
function check(text: string) {
  const result = runFixture(text, { rules: [RULE] });
  return { ...result, findings: result.findings.filter((finding) => finding.rule === RULE) };
}

describe('no-hypercare', () => {
  it('reports a go-live that no hypercare task follows, on its kind, offering the hypercare tasks that could', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: readiness, name: Support readiness (before go-live), kind: hypercare, duration: 1d}
      - id: core-go-live
        name: Core go-live
        kind: go-live # expect: ${RULE}
        milestone: true
        depends_on: [readiness]
      # Same phase, but it does not wait for the go-live.
      - {id: help-desk, name: Help desk, kind: hypercare, duration: 2w}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    const finding = findings[0]!;
    expect(finding.message).toBe(
      "No hypercare task follows go-live 'core-go-live': the first weeks after launch need close support, when most issues surface. " +
        "Make 'help-desk' depend on it, or add a hypercare task after it.",
    );
    expect(finding.severity).toBe('warning');
    expect(text.slice(finding.span.start, finding.span.end)).toBe('go-live');
    expect(finding.data).toEqual({
      rule: RULE,
      taskId: 'core-go-live',
      taskIndex: 1,
      neededKind: 'hypercare',
      candidates: ['help-desk'],
      goLiveId: 'core-go-live',
    });
  });

  it('asks for a new task when the plan has no hypercare task', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: go-live, name: Go live, kind: go-live, milestone: true} # expect: ${RULE}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toMatch(/Add a hypercare task that depends on it\.$/);
    expect(findings[0]?.data).toMatchObject({ candidates: [], goLiveId: 'go-live' });
  });

  it("is silent when hypercare follows directly, through a phase dependency, through a chain or a dependency on the go-live's phase", () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: direct, name: Direct, kind: go-live, milestone: true}
      - {id: support, name: Support, kind: hypercare, duration: 2w, depends_on: [direct]}
      - {id: phase-dep, name: Through a phase dependency, kind: go-live, milestone: true}
      - {id: chained, name: Through a chain, kind: go-live, milestone: true}
      - {id: celebrate, name: Celebrate, kind: change-management, duration: 1d, depends_on: [chained]}
  - id: after-launch
    depends_on: [phase-dep]
    tasks:
      - {id: command-center, name: Command center, kind: hypercare, duration: 1w}
  - id: stabilize
    tasks:
      - {id: help-desk, name: Help desk, kind: hypercare, duration: 2w, depends_on: [celebrate]}
  - id: wave-2
    tasks:
      - {id: on-phase, name: Wave-2 go-live, kind: go-live, milestone: true}
  - id: wave-2-support
    tasks:
      - {id: wave-2-care, name: Wave-2 hypercare, kind: hypercare, duration: 1w, depends_on: [wave-2]}
`;
    expect(check(text).actual).toEqual([]);
  });

  it('is silent without a go-live, and when it cannot tell what follows the go-live', () => {
    expect(check(`${HEAD}  - id: p\n    tasks:\n      - {id: a, name: A, duration: 1d}\n`).actual).toEqual([]);
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: go-live, name: Go live, kind: go-live, milestone: true}
      - {id: handover, name: Handover, duration: 1d, depends_on: [go-lve]}
      - {id: care, name: Care, kind: hypercare, duration: 2w, depends_on: [handover]}
      - {id: go-live-2, name: Go live 2, kind: go-live, milestone: true}
      - {id: support, name: Support, kind: Hypercare, duration: 2w, depends_on: [go-live-2]}
`;
    expect(check(text).actual).toEqual([]);
  });

  it('still reports when the broken link is upstream of the go-live: it cannot make hypercare follow the go-live', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: prep, name: Prepare, duration: 1d, depends_on: [kickof]}
      - {id: go-live, name: Go live, kind: go-live, milestone: true, depends_on: [prep]} # expect: ${RULE}
      - {id: care, name: Support that forgot the go-live, kind: hypercare, duration: 2w, depends_on: [prep]}
      # Silent: 'kickof' might have been meant to name this one, and then 'care' would follow it.
      - {id: go-live-2, name: Go live 2, kind: go-live, milestone: true}
`;
    const { actual, expected, findings } = check(text);
    // The go-live's upstream is unclear, but that does not matter for what follows it.
    expect(actual).toEqual(expected);
    expect(findings[0]?.data).toMatchObject({ taskId: 'go-live', candidates: ['care'] });
  });

  it('is silent on the second declaration of a duplicated go-live id: nothing can depend on it', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: go-live, name: Go live, kind: go-live, milestone: true}
      - {id: care, name: Care, kind: hypercare, duration: 2w, depends_on: [go-live]}
      - {id: go-live, name: Go live again, kind: go-live, milestone: true}
`;
    expect(check(text).actual).toEqual([]);
  });
});
