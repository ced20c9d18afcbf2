import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const HEAD = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n';
const RULE = 'migration-without-cleansing';

/** The fixture comparison and this rule's findings only (other rules run too). */
function check(text: string) {
  const result = runFixture(text, { rules: [RULE] });
  return { ...result, findings: result.findings.filter((finding) => finding.rule === RULE) };
}

describe('migration-without-cleansing', () => {
  it('reports a data migration with no data-cleansing task upstream, on its kind', () => {
    const text = `${HEAD}  - id: data
    tasks:
      - id: cleanse
        name: Cleanse at source
        kind: data-cleansing
        duration: 2d
      - id: migrate
        name: Migrate
        kind: data-migration # expect: ${RULE}
        duration: 1d
      - id: recleanse
        name: Cleanse again in the new CRM (after the migration, so no help)
        kind: data-cleansing
        duration: 1d
        depends_on: [migrate]
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    const finding = findings[0]!;
    expect(finding.message).toBe(
      "Data migration 'migrate' has no data-cleansing task among its predecessors: migrating dirty data carries it into the new CRM. " +
        "Add a dependency on 'cleanse' or a data-cleansing task before it.",
    );
    expect(finding.severity).toBe('warning');
    expect(text.slice(finding.span.start, finding.span.end)).toBe('data-migration');
    // 'recleanse' waits for the migration: depending on it would be a cycle.
    expect(finding.data).toEqual({
      rule: RULE,
      taskId: 'migrate',
      taskIndex: 1,
      neededKind: 'data-cleansing',
      candidates: ['cleanse'],
    });
    expect(finding.related?.map((related) => text.slice(related.span.start, related.span.end))).toEqual(['cleanse']);
  });

  it('asks for a new task when the plan has no data-cleansing task, and reports each migration', () => {
    const text = `${HEAD}  - id: data
    tasks:
      - {id: trial, name: Trial load, kind: data-migration, duration: 1d} # expect: ${RULE}
      - {id: final, name: Final load, kind: data-migration, duration: 1d, depends_on: [trial]} # expect: ${RULE}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toContain('Add a data-cleansing task before it.');
    expect(findings[0]?.data).toMatchObject({ candidates: [] });
  });

  it('is silent when cleansing comes first directly, through a phase dependency, through a chain or a dependency on a phase', () => {
    const text = `${HEAD}  - id: prep
    tasks:
      - {id: cleanse, name: Cleanse, kind: data-cleansing, duration: 2d}
      - {id: map, name: Map fields, kind: data-mapping, duration: 1d, depends_on: [cleanse]}
      - {id: direct, name: Direct, kind: data-migration, duration: 1d, depends_on: [cleanse]}
      - {id: chained, name: Through a chain, kind: data-migration, duration: 1d, depends_on: [map]}
  - id: load
    depends_on: [cleanse]
    tasks:
      - {id: phase-dep, name: Through a phase dependency, kind: data-migration, duration: 1d}
  - id: later
    tasks:
      - {id: on-phase, name: Through a dependency on a phase, kind: data-migration, duration: 1d, depends_on: [prep]}
      - {id: long-chain, name: Through a chain of phases, kind: data-migration, duration: 1d, depends_on: [phase-dep]}
      - {id: ss, name: Start-to-start also counts, kind: data-migration, duration: 1d, depends_on: [{task: cleanse, type: SS, lag: 1d}]}
`;
    expect(check(text).actual).toEqual([]);
  });

  it('does not count a data-cleansing task of the same phase that the migration does not wait for', () => {
    const text = `${HEAD}  - id: data
    depends_on: [kickoff]
    tasks:
      - {id: cleanse, name: Cleanse, kind: data-cleansing, duration: 2d}
      - {id: migrate, name: Migrate, kind: data-migration, duration: 1d} # expect: ${RULE}
  - id: start
    tasks:
      - {id: kickoff, name: Kickoff, kind: kickoff, duration: 1d}
`;
    const result = check(text);
    expect(result.actual).toEqual(result.expected);
  });

  it('is silent when it cannot tell: a dependency that names nothing, or a kind that is no kind, upstream', () => {
    const text = `${HEAD}  - id: data
    tasks:
      - {id: cleanse, name: Cleanse, kind: data-cleansing, duration: 2d}
      - {id: typo, name: Migrate, kind: data-migration, duration: 1d, depends_on: [clense]}
      - {id: scrub, name: Scrub, kind: Data-Cleansing, duration: 1d}
      - {id: unknown-kind, name: Migrate, kind: data-migration, duration: 1d, depends_on: [scrub]}
  - id: load
    depends_on: [nowhere]
    tasks:
      - {id: phase-typo, name: Migrate, kind: data-migration, duration: 1d}
`;
    expect(check(text).actual).toEqual([]);
  });

  it('still analyses a migration on a dependency cycle', () => {
    const text = `${HEAD}  - id: data
    tasks:
      - {id: a, name: A, duration: 1d, depends_on: [migrate]}
      - {id: migrate, name: Migrate, kind: data-migration, duration: 1d, depends_on: [a]} # expect: ${RULE}
`;
    const result = check(text);
    expect(result.actual).toEqual(result.expected);
  });

  it('is silent on plans without data migration', () => {
    const text = `${HEAD}  - id: p
    tasks:
      - {id: go-live, name: Go live, kind: go-live, milestone: true}
`;
    expect(check(text).actual).toEqual([]);
  });
});
