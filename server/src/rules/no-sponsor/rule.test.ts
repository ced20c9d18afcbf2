import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const WITHOUT_SPONSOR = `crmplan: 1
plan: # expect: no-sponsor
  name: P
  start: 2027-01-04
  manager: pm
people:
  - {id: pm, name: Dana, role: IT Director}
  - {id: ceo, name: Alex, role: CEO}
  - {id: rep, name: Sam, role: Sales rep}
`;

describe('no-sponsor', () => {
  it('reports a plan without sponsor on the plan key, with people who could sponsor it', () => {
    const { actual, expected, findings } = runFixture(WITHOUT_SPONSOR, { rules: ['no-sponsor'] });
    expect(actual).toEqual(expected);
    const finding = findings.find((f) => f.rule === 'no-sponsor');
    expect(WITHOUT_SPONSOR.slice(finding!.span.start, finding!.span.end)).toBe('plan');
    expect(finding?.severity).toBe('warning');
    expect(finding?.data).toEqual({ rule: 'no-sponsor', suggestions: ['ceo', 'pm'] });
    expect(finding?.message).toContain("Candidates: 'ceo', 'pm'.");
  });

  it('reports an empty sponsor', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04, sponsor: } # expect: no-sponsor
`;
    const result = runFixture(text, { rules: ['no-sponsor'] });
    expect(result.actual).toEqual(result.expected);
  });

  it('is silent with a sponsor, an unknown sponsor (unknown-reference) or no plan mapping (schema)', () => {
    const plans = [
      `crmplan: 1
plan: {name: P, start: 2027-01-04, sponsor: ceo}
people: [{id: ceo, name: Alex}]
`,
      `crmplan: 1
plan: {name: P, start: 2027-01-04, sponsor: nobody} # expect: unknown-reference
`,
      `crmplan: 1
`,
    ];
    for (const text of plans) {
      const result = runFixture(text, { rules: ['no-sponsor', 'unknown-reference'] });
      expect(result.actual).toEqual(result.expected);
    }
  });
});

describe('rule severity configuration (on no-sponsor)', () => {
  it("turns a rule off with the plan's rules map", () => {
    const text = `${WITHOUT_SPONSOR.replace(' # expect: no-sponsor', '')}rules:
  no-sponsor: off
`;
    expect(runFixture(text, { rules: ['no-sponsor'] }).findings).toEqual([]);
  });

  it("changes a rule's severity with the plan's rules map", () => {
    const text = `${WITHOUT_SPONSOR}rules:
  no-sponsor: error
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['no-sponsor'] });
    expect(actual).toEqual(expected);
    const sponsor = findings.filter((f) => f.rule === 'no-sponsor');
    expect(sponsor).toHaveLength(1);
    expect(findings[0]?.severity).toBe('error');
  });

  it('lets editor settings set the severity, and the plan win over them', () => {
    const fromSettings = runFixture(WITHOUT_SPONSOR, { settings: { rules: { 'no-sponsor': 'hint' } } });
    expect(fromSettings.actual).toEqual(fromSettings.expected);
    expect(fromSettings.findings.find((f) => f.rule === 'no-sponsor')?.severity).toBe('hint');
    const offInSettings = runFixture(WITHOUT_SPONSOR, { settings: { rules: { 'no-sponsor': 'off' } } });
    expect(offInSettings.findings.some((f) => f.rule === 'no-sponsor')).toBe(false);
    const planWins = runFixture(`${WITHOUT_SPONSOR}rules: {no-sponsor: info}\n`, {
      settings: { rules: { 'no-sponsor': 'off' } },
    });
    expect(planWins.findings.find((f) => f.rule === 'no-sponsor')?.severity).toBe('info');
  });
});
