import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people: [{id: admin, name: Hannah}]
risks:
  - id: r01
    title: Data migration errors or data loss
    likelihood: medium
    impact: high
    mitigation: Rigorous data cleansing, multiple dry runs, validation checks, backups.
    owner: admin
  - id: r02 # expect: risk-incomplete
    title: Low user adoption
    likelihood: high
    owner: admin
  - {id: r03, title: Integration failures, likelihood: medium, impact: high, mitigation: "", owner: admin} # expect: risk-incomplete
  - {id: r04, title: Vendor delays, owner: admin} # expect: risk-incomplete
  - {title: Scope creep, likelihood: medium, impact: medium} # expect: risk-incomplete
`;

describe('risk-incomplete', () => {
  it('reports each risk that lacks likelihood, impact or mitigation, once', () => {
    const result = runFixture(PLAN, { rules: ['risk-incomplete'] });
    expect(result.actual).toEqual(result.expected);
  });

  it('lists every missing field in the message and the data', () => {
    const { findings } = runFixture(PLAN, { rules: ['risk-incomplete'] });
    const risks = findings.filter((f) => f.rule === 'risk-incomplete');
    expect(risks.map((f) => f.data)).toMatchObject([
      { rule: 'risk-incomplete', id: 'r02', missingFields: ['impact', 'mitigation'] },
      { id: 'r03', missingFields: ['mitigation'] },
      { id: 'r04', missingFields: ['likelihood', 'impact', 'mitigation'] },
      { id: undefined, missingFields: ['mitigation'] },
    ]);
    expect(risks[0]?.message).toBe(
      "Risk 'r02' has no impact and mitigation: it can neither be ranked against the other risks nor acted on.",
    );
    expect(risks[2]?.message).toContain("Risk 'r04' has no likelihood, impact and mitigation");
    expect(risks[3]?.message).toContain('A risk without an id has no mitigation');
    expect(PLAN.slice(risks[3]!.span.start, risks[3]!.span.end)).toBe('title');
  });

  it('leaves the owner to missing-owner and a level of the wrong form to schema', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
risks:
  - {id: r06, title: Security breach, likelihood: low, impact: critical, mitigation: Role-based access} # expect: missing-owner
`;
    const result = runFixture(text, { rules: ['risk-incomplete', 'missing-owner'] });
    expect(result.actual).toEqual(result.expected);
  });
});
