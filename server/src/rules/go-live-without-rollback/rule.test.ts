import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const HEAD = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n';
const RULE = 'go-live-without-rollback';

/** The fixture comparison and this rule's findings only (other rules run too). */
function check(text: string) {
  const result = runFixture(text, { rules: [RULE] });
  return { ...result, findings: result.findings.filter((finding) => finding.rule === RULE) };
}

describe('go-live-without-rollback', () => {
  it('reports a go-live without a rollback, or with an empty one, on its kind', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - id: core-go-live
        name: Core go-live
        kind: go-live # expect: ${RULE}
        milestone: true
      - id: wave-2
        name: Wave 2 go-live
        kind: "go-live" # expect: ${RULE}
        milestone: true
        rollback:
      - {id: wave-3, name: Wave 3, kind: go-live, milestone: true, rollback: "  "} # expect: ${RULE}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toBe(
      "Go-live 'core-go-live' has no rollback plan: add `rollback:` saying how to return to the legacy system if the cutover fails.",
    );
    expect(findings[0]?.severity).toBe('info');
    expect(findings[0]?.data).toEqual({ rule: RULE, taskId: 'core-go-live', taskIndex: 0 });
    expect(text.slice(findings[1]!.span.start, findings[1]!.span.end)).toBe('"go-live"');
  });

  it('is silent when a go-live has a rollback, even one written as a list of steps', () => {
    const text = `${HEAD}  - id: launch
    tasks:
      - id: go-live
        name: Go live
        kind: go-live
        milestone: true
        rollback: Switch users back to the legacy CRM and restore the pre-cutover backup
      - id: wave-2
        name: Wave 2
        kind: go-live
        milestone: true
        rollback:
          - Freeze the new CRM
          - Re-open the legacy CRM
      - {id: config, name: Configuration without a rollback is fine, kind: configuration, duration: 1d}
`;
    expect(check(text).actual).toEqual([]);
  });
});
