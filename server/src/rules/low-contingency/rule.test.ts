import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const plan = (budget: string): string => `crmplan: 1
plan:
  name: P
  start: 2027-01-04
  budget:
${budget
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
`;

describe('low-contingency', () => {
  it('reports a contingency under 10% on its value, as info', () => {
    const text = plan(`currency: USD
total: 150000
contingency: 5% # expect: low-contingency`);
    const { actual, expected, findings } = runFixture(text, { rules: ['low-contingency'] });
    expect(actual).toEqual(expected);
    const finding = findings.find((f) => f.rule === 'low-contingency');
    expect(text.slice(finding!.span.start, finding!.span.end)).toBe('5%');
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toContain("The budget's contingency is 5%, under the 10%");
    expect(finding?.data).toMatchObject({ rule: 'low-contingency', current: '5%', currentPercent: 5, suggested: '10%' });
  });

  it('reports a budget with a total but no contingency on its first key', () => {
    const text = plan(`currency: USD # expect: low-contingency
total: 150000`);
    const { actual, expected, findings } = runFixture(text, { rules: ['low-contingency'] });
    expect(actual).toEqual(expected);
    const finding = findings.find((f) => f.rule === 'low-contingency');
    expect(text.slice(finding!.span.start, finding!.span.end)).toBe('currency');
    expect(finding?.message).toBe(
      'The budget has a total but no contingency: hold back 10% for the unknown with `contingency: 10%`.',
    );
    expect(finding?.data).toEqual({ rule: 'low-contingency', suggested: '10%', budgetSpan: expect.any(Object) });
  });

  it('judges a contingency kept as a budget line by its share of the total', () => {
    const low = plan(`total: 150000
lines:
  - {category: Software licensing, amount: 40000}
  - {category: Contingency, amount: 7500} # expect: low-contingency`);
    const result = runFixture(low, { rules: ['low-contingency'] });
    expect(result.actual).toEqual(result.expected);
    expect(result.findings.find((f) => f.rule === 'low-contingency')?.data).toMatchObject({ current: '5%', currentPercent: 5 });
    // Seed 002's budget table labels $10,000 of $150,000 "Contingency (10%)": that is 6.7% of the total.
    const seed = plan(`total: 150000
lines:
  - {category: Contingency (10%), amount: 10000} # expect: low-contingency`);
    const seedResult = runFixture(seed, { rules: ['low-contingency'] });
    expect(seedResult.actual).toEqual(seedResult.expected);
    expect(seedResult.findings.find((f) => f.rule === 'low-contingency')?.message).toContain('is 6.7% of the total');
    const enough = plan(`total: 100000
lines:
  - {category: Contingency, amount: 10000}`);
    expect(runFixture(enough, { rules: ['low-contingency'] }).actual).toEqual([]);
  });

  it('is silent without a budget, at 10% or more, on a draft budget and on a contingency of the wrong form', () => {
    const texts = [
      `crmplan: 1
plan: {name: P, start: 2027-01-04}
`,
      plan(`total: 150000
contingency: 10%`),
      plan(`contingency: 12.5%`),
      plan(`currency: USD`),
      plan(`total: 150000
contingency: 15000`),
    ];
    for (const text of texts) expect(runFixture(text, { rules: ['low-contingency'] }).actual).toEqual([]);
  });
});
