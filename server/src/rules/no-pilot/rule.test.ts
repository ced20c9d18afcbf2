import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const HEAD = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n';
const RULE = 'no-pilot';

/** The fixture comparison and this rule's findings only (other rules run too). */
function check(text: string) {
  const result = runFixture(text, { rules: [RULE] });
  return { ...result, findings: result.findings.filter((finding) => finding.rule === RULE) };
}

describe('no-pilot', () => {
  it('hints at a go-live that no pilot precedes, on its kind', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: uat, name: UAT, kind: uat, duration: 3d}
      - id: go-live
        name: Go live
        kind: go-live # expect: ${RULE}
        milestone: true
        depends_on: [uat]
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toBe(
      "No pilot (kind: pilot) precedes go-live 'go-live': a pilot group finds the problems before the whole organization does. " +
        'Add a pilot task before it.',
    );
    expect(findings[0]?.severity).toBe('hint');
    expect(findings[0]?.data).toEqual({ rule: RULE, taskId: 'go-live', taskIndex: 1, neededKind: 'pilot', candidates: [] });
  });

  it('offers an existing pilot that the go-live does not wait for', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: sales-pilot, name: Pilot with the sales team, kind: pilot, duration: 1w}
      - {id: go-live, name: Go live, kind: go-live, milestone: true} # expect: ${RULE}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toContain("Add a dependency on 'sales-pilot' or a pilot task before it.");
    expect(findings[0]?.data).toMatchObject({ candidates: ['sales-pilot'] });
  });

  it('is silent when a pilot comes first directly, through a phase dependency or through a chain', () => {
    const text = `${HEAD}  - id: pilot-phase
    tasks:
      - {id: pilot, name: Pilot group live, kind: pilot, duration: 1w}
      - {id: pilot-review, name: Pilot review, duration: 1d, depends_on: [pilot]}
  - id: launch
    depends_on: [pilot]
    tasks:
      - {id: phase-dep, name: Through a phase dependency, kind: go-live, milestone: true}
      - {id: chained, name: Through a chain, kind: go-live, milestone: true, depends_on: [pilot-review]}
      - {id: direct, name: Direct, kind: go-live, milestone: true, depends_on: [pilot]}
`;
    expect(check(text).actual).toEqual([]);
  });
});
