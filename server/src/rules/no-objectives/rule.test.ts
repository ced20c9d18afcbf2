import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

describe('no-objectives', () => {
  it('reports a plan without an objectives section on the plan key', () => {
    const text = `crmplan: 1
plan: # expect: no-objectives
  name: P
  start: 2027-01-04
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['no-objectives'] });
    expect(actual).toEqual(expected);
    const finding = findings.find((f) => f.rule === 'no-objectives');
    expect(text.slice(finding!.span.start, finding!.span.end)).toBe('plan');
    expect(finding?.severity).toBe('warning');
  });

  it('reports an empty objectives section on its key', () => {
    for (const empty of ['objectives:', 'objectives: []']) {
      const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
${empty} # expect: no-objectives
`;
      const { actual, expected, findings } = runFixture(text, { rules: ['no-objectives'] });
      expect(actual).toEqual(expected);
      const finding = findings.find((f) => f.rule === 'no-objectives');
      expect(text.slice(finding!.span.start, finding!.span.end)).toBe('objectives');
    }
  });

  it('reports at the start of a file that has neither objectives nor plan', () => {
    const { findings } = runFixture('crmplan: 1\n', { rules: ['no-objectives'] });
    expect(findings.find((f) => f.rule === 'no-objectives')?.span).toEqual({ start: 0, end: 0 });
  });

  it('is silent with objectives, with objectives of the wrong form, and on a file that is not a mapping', () => {
    const plans = [
      `crmplan: 1
plan: {name: P, start: 2027-01-04}
objectives:
  - {id: adoption}
`,
      `crmplan: 1
plan: {name: P, start: 2027-01-04}
objectives: [adoption, revenue]
`,
      `- just a list
`,
    ];
    for (const text of plans) expect(runFixture(text, { rules: ['no-objectives'] }).actual).toEqual([]);
  });
});
