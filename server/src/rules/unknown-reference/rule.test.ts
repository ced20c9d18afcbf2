import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const PLAN = `crmplan: 1
plan:
  name: P
  start: 2027-01-04
  sponsor: ceo # expect: unknown-reference
  manager: pm
people:
  - {id: pm, name: Dana}
  - {id: sales-lead, name: Sam}
objectives:
  - id: adoption
    owner: pm
    due: 30d after go-live
  - id: revenue
    due: 10d after golive # expect: unknown-reference
phases:
  - id: setup
    owner: sales-lad # expect: unknown-reference
    depends_on: [discovery] # expect: unknown-reference
    tasks:
      - id: config
        name: Configure
        duration: 2d
        depends_on:
          - kickof # expect: unknown-reference
          - {task: setup.x, lag: 1d} # expect: unknown-reference
        assign:
          - {person: pm, load: 50%}
          - {person: it, load: 8h/w} # expect: unknown-reference
      - id: go-live
        name: Go live
        milestone: true
        depends_on: config
      - id: kickoff
        name: Kickoff
        duration: 1d
risks:
  - {id: r1, owner: pm}
  - {id: r2, owner: nobody} # expect: unknown-reference
communications:
  - {id: c1, owner: sales-lead}
`;

describe('unknown-reference', () => {
  it('reports each reference that names no declared id, wherever it is written', () => {
    const result = runFixture(PLAN, { rules: ['unknown-reference'] });
    expect(result.actual).toEqual(result.expected);
  });

  it('names the closest existing id and points exactly at the unknown id', () => {
    const { findings } = runFixture(PLAN, { rules: ['unknown-reference'] });
    const typo = findings.find((finding) => finding.message.includes("'kickof'"));
    expect(typo?.message).toContain("Did you mean 'kickoff'?");
    expect(PLAN.slice(typo!.span.start, typo!.span.end)).toBe('kickof');
    const due = findings.find((finding) => finding.message.includes("'golive'"));
    expect(due?.message).toContain("Did you mean 'go-live'?");
    expect(PLAN.slice(due!.span.start, due!.span.end)).toBe('golive');
    const owner = findings.find((finding) => finding.message.includes("'sales-lad'"));
    expect(owner?.message).toContain("Did you mean 'sales-lead'?");
    expect(owner?.data).toMatchObject({ rule: 'unknown-reference', namespace: 'person', candidates: ['sales-lead'] });
  });

  it('does not confuse namespaces: a person id is not a task', () => {
    const result = runFixture(
      `crmplan: 1
plan: {name: P, start: 2027-01-04}
people: [{id: pm, name: Dana}]
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1d, depends_on: [pm]} # expect: unknown-reference
      - {id: b, name: B, duration: 1d, owner: a} # expect: unknown-reference
`,
      { rules: ['unknown-reference'] },
    );
    expect(result.actual).toEqual(result.expected);
  });

  it('finds the id inside a quoted due text', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
objectives:
  - {id: o, due: "5d after nowhere"} # expect: unknown-reference
`;
    const { findings, actual, expected } = runFixture(text, { rules: ['unknown-reference'] });
    expect(actual).toEqual(expected);
    expect(text.slice(findings[0]!.span.start, findings[0]!.span.end)).toBe('nowhere');
  });
});
