import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const HEAD = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n';
const RULE = 'migration-without-backup';

/** The fixture comparison and this rule's findings only (other rules run too). */
function check(text: string) {
  const result = runFixture(text, { rules: [RULE] });
  return { ...result, findings: result.findings.filter((finding) => finding.rule === RULE) };
}

describe('migration-without-backup', () => {
  it('reports a data migration with no data-backup task upstream, on its kind', () => {
    const text = `${HEAD}  - id: data
    tasks:
      - {id: backup, name: Back up the legacy CRM, kind: data-backup, duration: 1d}
      - {id: cleanse, name: Cleanse, kind: data-cleansing, duration: 2d}
      - id: migrate
        name: Migrate
        kind: data-migration # expect: ${RULE}
        duration: 1d
        depends_on: [cleanse]
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toBe(
      "Data migration 'migrate' has no data-backup task among its predecessors: if the load goes wrong, there is no copy of the legacy data to recover from. " +
        "Add a dependency on 'backup' or a data-backup task before it.",
    );
    expect(findings[0]?.severity).toBe('warning');
    expect(findings[0]?.data).toEqual({
      rule: RULE,
      taskId: 'migrate',
      taskIndex: 2,
      neededKind: 'data-backup',
      candidates: ['backup'],
    });
  });

  it('asks for a new task when there is no data-backup task to depend on', () => {
    const text = `${HEAD}  - id: data
    tasks:
      - {id: migrate, name: Migrate, kind: data-migration, duration: 1d} # expect: ${RULE}
      - {id: backup-after, name: Backup of the new CRM, kind: data-backup, duration: 1d, depends_on: [migrate]}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toMatch(/Add a data-backup task before it\.$/);
    expect(findings[0]?.data).toMatchObject({ candidates: [] });
  });

  it('is silent when a backup comes first directly, through a phase dependency or through a chain', () => {
    const text = `${HEAD}  - id: safety
    tasks:
      - {id: backup, name: Backup, kind: data-backup, duration: 1d}
      - {id: cleanse, name: Cleanse, kind: data-cleansing, duration: 2d, depends_on: [backup]}
  - id: load
    depends_on: [safety]
    tasks:
      - {id: phase-dep, name: Through a phase dependency, kind: data-migration, duration: 1d}
  - id: other
    tasks:
      - {id: direct, name: Direct, kind: data-migration, duration: 1d, depends_on: [backup]}
      - {id: chained, name: Through a chain, kind: data-migration, duration: 1d, depends_on: [cleanse]}
      - {id: via-migration, name: Through another migration, kind: data-migration, duration: 1d, depends_on: [chained]}
`;
    expect(check(text).actual).toEqual([]);
  });

  it('is silent when a dependency upstream names nothing', () => {
    const text = `${HEAD}  - id: data
    tasks:
      - {id: backup, name: Backup, kind: data-backup, duration: 1d}
      - {id: cleanse, name: Cleanse, kind: data-cleansing, duration: 2d, depends_on: [bakup]}
      - {id: migrate, name: Migrate, kind: data-migration, duration: 1d, depends_on: [cleanse]}
`;
    expect(check(text).actual).toEqual([]);
  });
});
