import { describe, expect, it } from 'vitest';
import { runFixture } from '../testing/fixtures.js';

describe('schema', () => {
  it('reports several problems at once, each on its exact key or value', () => {
    const text = `crmplan: 2 # expect: schema
plan:
  name: Schema problems
  start: 2027-02-30 # expect: schema
  sponsr: ceo # expect: schema
  calendar:
    workdays: [mon, tue, wensday] # expect: schema
    hours_per_day: eight # expect: schema
people:
  - id: Project Manager # expect: schema
    capacity: full # expect: schema
phases:
  - id: p1
    tasks:
      - id: a # expect: schema
        duration: 3d
      - id: b
        name: B
        duration: 3 days # expect: schema
        depends_on:
          - {task: a, lag: soon} # expect: schema
          - {task: a, type: FF} # expect: schema
      - id: c # expect: schema
        name: Not a milestone, so it needs a duration
      - id: go-live
        name: A milestone needs none
        milestone: true
`;
    const result = runFixture(text, { rules: ['schema'] });
    expect(result.actual).toEqual(result.expected);
  });

  it('says what was expected and suggests the closest key or value', () => {
    const text = `crmplan: 1
plan:
  name: P
  start: 2027-01-04
  sponsr: ceo
phases:
  - id: p1
    tasks:
      - {id: a, name: A, duration: 3 days, kind: data-migraton}
`;
    const { findings } = runFixture(text, { rules: ['schema'] });
    const messages = findings.map((finding) => finding.message);
    expect(messages).toContain("Unknown key 'sponsr' in plan. Did you mean 'sponsor'?");
    expect(messages.find((message) => message.includes('3 days'))).toMatch(/^Invalid duration '3 days' of task 'a'\. .*3d/);
    expect(messages.find((message) => message.includes('data-migraton'))).toContain("Did you mean 'data-migration'?");
    const unknownKey = findings.find((finding) => finding.message.startsWith('Unknown key'));
    expect(unknownKey?.severity).toBe('warning');
    expect(text.slice(unknownKey!.span.start, unknownKey!.span.end)).toBe('sponsr');
    expect(unknownKey?.data).toEqual({ rule: 'schema', kind: 'unknown-key', key: 'sponsr', suggestion: 'sponsor' });
  });

  it('reports unknown rule names in rules: with a did-you-mean', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
rules:
  no-pilot: off
  no-hypercar: off # expect: schema
  low-contingency: loud # expect: schema
`;
    const result = runFixture(text, { rules: ['schema'] });
    expect(result.actual).toEqual(result.expected);
    expect(result.findings.find((finding) => finding.message.includes('no-hypercar'))?.message).toBe(
      "Unknown rule 'no-hypercar' in rules. Did you mean 'no-hypercare'?",
    );
  });

  it('reports the missing required keys of an empty file and of an empty plan', () => {
    expect(runFixture('', { rules: ['schema'] }).findings.map((finding) => finding.message)).toEqual([
      "Missing required key 'crmplan'.",
      "Missing required key 'plan'.",
    ]);
    const result = runFixture('crmplan: 1\nplan: # expect: schema\n  organization: Acme\n', { rules: ['schema'] });
    expect(result.findings.map((finding) => finding.message).sort()).toEqual([
      "Missing required key 'name' in plan.",
      "Missing required key 'start' in plan.",
    ]);
  });

  it('is silent on a complete plan that uses every part of the format', () => {
    const text = `crmplan: 1
plan:
  name: Full
  organization: Acme
  start: 2027-01-04
  sponsor: ceo
  manager: pm
  calendar:
    workdays: [mon, tue, wed, thu, fri]
    hours_per_day: 8
    holidays: [2027-05-31, {date: 2027-07-05, name: Independence Day}]
  budget:
    currency: USD
    total: 150000
    contingency: 10%
    lines:
      - {category: Software licensing, amount: 40000}
people:
  - {id: ceo, name: Chris, role: CEO, capacity: 10%}
  - {id: pm, name: Dana Lee, role: Project Manager, capacity: 40h/w, email: dana@example.com}
objectives:
  - id: adoption
    statement: 85% of target users log in at least 3 times a week within 30 days of go-live
    metric: weekly active users / target users
    baseline: 0%
    target: 85%
    due: 30d after go-live
    owner: pm
phases:
  - id: discovery
    name: Discovery
    owner: pm
    depends_on: []
    tasks:
      - id: kickoff
        name: Kickoff meeting
        kind: kickoff
        duration: 1d
        assign:
          - {person: pm, load: 100%}
          - {person: ceo, load: 8h/w}
      - id: go-live
        name: Go-live
        kind: go-live
        milestone: true
        rollback: Restore the legacy CRM
        start: 2027-02-01
        deadline: 2027-03-01
        complexity: high
        status: planned
        depends_on:
          - kickoff
          - {task: kickoff, lag: -1d, type: SS}
risks:
  - {id: r1, title: Low adoption, likelihood: medium, impact: high, mitigation: Champions, owner: pm}
communications:
  - {id: weekly, audience: Steering committee, purpose: Status, channel: Email, frequency: weekly, owner: pm}
rules:
  no-pilot: off
`;
    expect(runFixture(text, { rules: ['schema', 'yaml-syntax'] }).actual).toEqual([]);
  });
});
