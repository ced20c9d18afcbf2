import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

describe('no-communication-plan', () => {
  it('reports a plan without communications on the plan key, as info', () => {
    const text = `crmplan: 1
plan: # expect: no-communication-plan
  name: P
  start: 2027-01-04
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['no-communication-plan'] });
    expect(actual).toEqual(expected);
    const finding = findings.find((f) => f.rule === 'no-communication-plan');
    expect(text.slice(finding!.span.start, finding!.span.end)).toBe('plan');
    expect(finding?.severity).toBe('info');
  });

  it('reports an empty communications section on its key', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
communications: [] # expect: no-communication-plan
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['no-communication-plan'] });
    expect(actual).toEqual(expected);
    const finding = findings.find((f) => f.rule === 'no-communication-plan');
    expect(text.slice(finding!.span.start, finding!.span.end)).toBe('communications');
  });

  it('is silent when the plan has communications, even of the wrong form', () => {
    for (const communications of ['[{id: weekly, audience: Project team, frequency: weekly}]', 'weekly emails']) {
      const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
communications: ${communications}
`;
      expect(runFixture(text, { rules: ['no-communication-plan'] }).actual).toEqual([]);
    }
  });
});
