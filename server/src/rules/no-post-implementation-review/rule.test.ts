import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const HEAD = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n';
const RULE = 'no-post-implementation-review';

/** The fixture comparison and this rule's findings only (other rules run too). */
function check(text: string) {
  const result = runFixture(text, { rules: [RULE] });
  return { ...result, findings: result.findings.filter((finding) => finding.rule === RULE) };
}

describe('no-post-implementation-review', () => {
  it('reports a go-live that no review task follows, on its kind', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: design-review, name: Design review (before launch), kind: review, duration: 1d}
      - id: go-live
        name: Go live
        kind: go-live # expect: ${RULE}
        milestone: true
        depends_on: [design-review]
      - {id: hypercare, name: Hypercare, kind: hypercare, duration: 2w, depends_on: [go-live]}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toBe(
      "No post-implementation review (kind: review) follows go-live 'go-live': without one, nobody measures the results against the objectives or records the lessons learned. " +
        'Add a review task that depends on it.',
    );
    expect(findings[0]?.severity).toBe('info');
    expect(findings[0]?.data).toEqual({
      rule: RULE,
      taskId: 'go-live',
      taskIndex: 1,
      neededKind: 'review',
      candidates: [],
      goLiveId: 'go-live',
    });
  });

  it('offers the review tasks that could follow the go-live', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: go-live, name: Go live, kind: go-live, milestone: true} # expect: ${RULE}
  - id: close
    tasks:
      - {id: kpi-review, name: KPI review, kind: review, duration: 1d}
      - {id: lessons, name: Lessons learned, kind: review, duration: 1d}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toContain("Make one of 'kpi-review', 'lessons' depend on it, or add a review task after it.");
    expect(findings[0]?.data).toMatchObject({ candidates: ['kpi-review', 'lessons'] });
  });

  it('is silent when a review follows directly, through a phase dependency or through a chain', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: direct, name: Direct, kind: go-live, milestone: true}
      - {id: phase-dep, name: Through a phase dependency, kind: go-live, milestone: true}
      - {id: chained, name: Through a chain, kind: go-live, milestone: true}
      - {id: hypercare, name: Hypercare, kind: hypercare, duration: 2w, depends_on: [chained]}
      - {id: review-1, name: Review, kind: review, duration: 1d, depends_on: [direct]}
  - id: close
    depends_on: [phase-dep]
    tasks:
      - {id: review-2, name: Review, kind: review, duration: 1d}
      - {id: review-3, name: Review, kind: review, duration: 1d, depends_on: [hypercare]}
`;
    expect(check(text).actual).toEqual([]);
  });

  it('is silent when a review task depends on an id that names nothing', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - {id: go-live, name: Go live, kind: go-live, milestone: true}
  - id: close
    depends_on: [golive]
    tasks:
      - {id: review, name: Review, kind: review, duration: 1d}
`;
    expect(check(text).actual).toEqual([]);
  });
});
