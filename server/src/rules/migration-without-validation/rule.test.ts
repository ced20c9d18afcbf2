import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const HEAD = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n';
const RULE = 'migration-without-validation';

/** The fixture comparison and this rule's findings only (other rules run too). */
function check(text: string) {
  const result = runFixture(text, { rules: [RULE] });
  return { ...result, findings: result.findings.filter((finding) => finding.rule === RULE) };
}

describe('migration-without-validation', () => {
  it('reports a data migration that no data-validation task follows, on its kind', () => {
    const text = `${HEAD}  - id: data
    tasks:
      - {id: profile, name: Validate the legacy data before the load, kind: data-validation, duration: 1d}
      - id: migrate
        name: Migrate
        kind: data-migration # expect: ${RULE}
        duration: 1d
        depends_on: [profile]
      - {id: spot-checks, name: Spot checks, kind: data-validation, duration: 1d}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toBe(
      "No data-validation task follows data migration 'migrate': nothing checks that the migrated records are complete and correct. " +
        "Make 'spot-checks' depend on it, or add a data-validation task after it.",
    );
    expect(findings[0]?.severity).toBe('info');
    // 'profile' comes before the migration: it cannot also follow it.
    expect(findings[0]?.data).toEqual({
      rule: RULE,
      taskId: 'migrate',
      taskIndex: 1,
      neededKind: 'data-validation',
      candidates: ['spot-checks'],
    });
  });

  it('asks for a new task when there is no data-validation task', () => {
    const text = `${HEAD}  - id: data
    tasks:
      - {id: migrate, name: Migrate, kind: data-migration, duration: 1d} # expect: ${RULE}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toMatch(/Add a data-validation task that depends on it\.$/);
  });

  it('is silent when validation follows directly, through a phase dependency, through a chain or a dependency on the phase', () => {
    const text = `${HEAD}  - id: load
    tasks:
      - {id: trial, name: Trial load, kind: data-migration, duration: 1d}
      - {id: final, name: Final load, kind: data-migration, duration: 1d, depends_on: [trial]}
      - {id: direct, name: Direct, kind: data-migration, duration: 1d}
      - {id: checks, name: Checks, kind: data-validation, duration: 1d, depends_on: [direct]}
      - {id: phase-dep, name: Through a phase dependency, kind: data-migration, duration: 1d}
      - {id: on-phase, name: Through a dependency on the phase, kind: data-migration, duration: 1d}
  - id: verify
    depends_on: [phase-dep]
    tasks:
      - {id: reconcile, name: Reconcile counts, kind: data-validation, duration: 1d}
  - id: final-checks
    tasks:
      - {id: sign-off, name: Sign-off, duration: 1d, depends_on: [final]}
      - {id: validate, name: Validate, kind: data-validation, duration: 1d, depends_on: [sign-off, load]}
`;
    expect(check(text).actual).toEqual([]);
  });

  it('is silent when a data-validation task depends on an id that names nothing, or a task downstream has no known kind', () => {
    const text = `${HEAD}  - id: data
    tasks:
      - {id: migrate, name: Migrate, kind: data-migration, duration: 1d}
      - {id: validate, name: Validate, kind: data-validation, duration: 1d, depends_on: [migrat]}
  - id: wave-2
    tasks:
      - {id: migrate-2, name: Migrate wave 2, kind: data-migration, duration: 1d}
      - {id: qa, name: QA, kind: verification, duration: 1d, depends_on: [migrate-2]}
`;
    expect(check(text).actual).toEqual([]);
  });
});
