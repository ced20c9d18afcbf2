import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people: [{id: pm, name: Dana}]
objectives:
  - id: adoption
    statement: 85% of target users log in at least 3 times a week within 30 days of go-live
    metric: weekly active users / target users
    baseline: 0%
    target: 85%
    due: 30d after go-live
    owner: pm
  - id: accuracy # expect: objective-not-smart
    statement: Improve customer data accuracy and accessibility
    owner: pm
  - id: vague-target # expect: objective-not-smart
    statement: Sales reps log every call in the CRM
    metric: calls logged / calls made
    baseline: 35%
    target: most of them
    due: 2027-06-30
  - id: same # expect: objective-not-smart
    statement: Keep system uptime at 99.9% through the first quarter
    metric: monthly availability
    baseline: 99.9%
    target: 99.9 %
    due: 2027-06-30
  - id: short # expect: objective-not-smart
    statement: Better CRM
    metric: NPS
    baseline: 20
    target: 40
    due: 2027-06-30
  - {id: bare} # expect: objective-not-smart
  - id: with-number
    statement: Increase sales revenue by 15% within one year
    metric: booked revenue
    baseline: $18.0M
    target: $20.7M
    due: 2028-01-04
phases:
  - id: p
    tasks:
      - {id: go-live, name: Go live, kind: go-live, milestone: true}
`;

describe('objective-not-smart', () => {
  it('reports each objective that fails a SMART criterion, once', () => {
    const result = runFixture(PLAN, { rules: ['objective-not-smart'] });
    expect(result.actual).toEqual(result.expected);
  });

  it('names every failed criterion and what satisfies it', () => {
    const { findings } = runFixture(PLAN, { rules: ['objective-not-smart'] });
    const byId = (id: string) => findings.find((f) => f.rule === 'objective-not-smart' && f.message.includes(`'${id}'`));
    expect(byId('accuracy')?.message).toBe(
      "Objective 'accuracy' is not SMART: not Specific: the statement says 'Improve' without a number; say by how much (e.g. 'from 40% to 75%'); " +
        "not Measurable: add a metric and a numeric target; not Achievable: add a baseline (today's value) to show how far the target is; " +
        "not Time-bound: add a due date or '30d after go-live'.",
    );
    expect(byId('accuracy')?.data).toEqual({
      rule: 'objective-not-smart',
      id: 'accuracy',
      itemSpan: expect.any(Object),
      failed: ['specific', 'measurable', 'achievable', 'time-bound'],
      missingFields: ['metric', 'target', 'baseline', 'due'],
      weakFields: ['statement'],
    });
    expect(byId('vague-target')?.message).toBe(
      "Objective 'vague-target' is not SMART: not Measurable: add a number in the target (now 'most of them').",
    );
    expect(byId('vague-target')?.data).toMatchObject({ failed: ['measurable'], missingFields: [], weakFields: ['target'] });
    expect(byId('same')?.data).toMatchObject({ failed: ['achievable'], weakFields: ['baseline'] });
    expect(byId('same')?.message).toContain('the baseline equals the target');
    expect(byId('short')?.data).toMatchObject({ failed: ['specific'], weakFields: ['statement'] });
    expect(byId('short')?.message).toContain('the statement has 2 words');
    expect(byId('bare')?.data).toMatchObject({
      failed: ['specific', 'measurable', 'achievable', 'time-bound'],
      missingFields: ['statement', 'metric', 'target', 'baseline', 'due'],
    });
  });

  it('does not report the owner (missing-owner does) nor a due of the wrong form (schema does)', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
objectives:
  - id: o
    statement: Cut duplicate accounts from 12% to under 2%
    metric: duplicate accounts / all accounts
    baseline: 12%
    target: 2%
    due: next spring
`;
    expect(runFixture(text, { rules: ['objective-not-smart'] }).actual).toEqual([]);
  });

  it("names the plan's own go-live task in the due example", () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
objectives:
  - {id: o, statement: 90% of cases closed within one day, metric: share of cases closed in 24h, baseline: 60%, target: 90%} # expect: objective-not-smart
phases:
  - id: p
    tasks:
      - {id: launch, name: Launch, kind: go-live, milestone: true}
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['objective-not-smart'] });
    expect(actual).toEqual(expected);
    const smart = findings.filter((f) => f.rule === 'objective-not-smart');
    expect(smart[0]?.message).toBe("Objective 'o' is not SMART: not Time-bound: add a due date or '30d after launch'.");
  });
});
