import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const HEAD = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n';
const RULE = 'go-live-without-migration';

/** The fixture comparison and this rule's findings only (other rules run too). */
function check(text: string) {
  const result = runFixture(text, { rules: [RULE] });
  return { ...result, findings: result.findings.filter((finding) => finding.rule === RULE) };
}

describe('go-live-without-migration', () => {
  it('reports a go-live that does not wait for the data migration, on its kind', () => {
    const text = `${HEAD}  - id: data
    tasks:
      - {id: migrate, name: Migrate, kind: data-migration, duration: 2d}
  - id: launch
    tasks:
      - {id: uat, name: UAT, kind: uat, duration: 3d}
      - id: core-go-live
        name: Core go-live
        kind: go-live # expect: ${RULE}
        milestone: true
        depends_on: [uat]
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    const finding = findings[0]!;
    expect(finding.message).toBe(
      "Go-live 'core-go-live' does not wait for data migration 'migrate': users would start in a CRM without their data. " +
        "Add a dependency on 'migrate'.",
    );
    expect(finding.severity).toBe('warning');
    expect(text.slice(finding.span.start, finding.span.end)).toBe('go-live');
    expect(finding.data).toEqual({ rule: RULE, taskId: 'core-go-live', taskIndex: 2, migrations: ['migrate'] });
    expect(finding.related?.map((related) => text.slice(related.span.start, related.span.end))).toEqual(['migrate']);
  });

  it('names every migration the go-live does not wait for, but not one that follows the go-live', () => {
    const text = `${HEAD}  - id: data
    tasks:
      - {id: accounts, name: Migrate accounts, kind: data-migration, duration: 2d}
      - {id: contacts, name: Migrate contacts, kind: data-migration, duration: 2d}
      - {id: tickets, name: Migrate tickets, kind: data-migration, duration: 2d, depends_on: [contacts]}
      - {id: history, name: Migrate history after launch, kind: data-migration, duration: 2d, depends_on: [go-live]}
  - id: launch
    tasks:
      - {id: go-live, name: Go live, kind: go-live, milestone: true, depends_on: [contacts]} # expect: ${RULE}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toBe(
      "Go-live 'go-live' does not wait for data migrations 'accounts' and 'tickets': users would start in a CRM without their data. " +
        "Add dependencies on 'accounts' and 'tickets'.",
    );
    expect(findings[0]?.data).toMatchObject({ migrations: ['accounts', 'tickets'] });
  });

  it('is silent when the go-live waits for each migration directly, through a phase dependency or through a chain', () => {
    const text = `${HEAD}  - id: data
    tasks:
      - {id: trial, name: Trial load, kind: data-migration, duration: 1d}
      - {id: final, name: Final load, kind: data-migration, duration: 2d, depends_on: [trial]}
      - {id: validate, name: Validate, kind: data-validation, duration: 1d, depends_on: [final]}
  - id: launch
    depends_on: [data]
    tasks:
      - {id: phase-dep, name: Through a phase dependency, kind: go-live, milestone: true}
  - id: launch-2
    tasks:
      - {id: chained, name: Through a chain, kind: go-live, milestone: true, depends_on: [validate]}
      - {id: direct, name: Direct, kind: go-live, milestone: true, depends_on: [final]}
`;
    expect(check(text).actual).toEqual([]);
  });

  it('is silent when the plan migrates no data, or a dependency upstream of the go-live names nothing', () => {
    const noMigration = `${HEAD}  - id: launch
    tasks:
      - {id: go-live, name: Go live, kind: go-live, milestone: true}
`;
    expect(check(noMigration).actual).toEqual([]);
    const typo = `${HEAD}  - id: data
    tasks:
      - {id: migrate, name: Migrate, kind: data-migration, duration: 2d}
  - id: launch
    tasks:
      - {id: check, name: Final check, duration: 1d, depends_on: [migrat]}
      - {id: go-live, name: Go live, kind: go-live, milestone: true, depends_on: [check]}
`;
    expect(check(typo).actual).toEqual([]);
  });
});
