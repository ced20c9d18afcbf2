import { describe, expect, it } from 'vitest';
import { invalidPlanWithAliases } from '../../schema/unreadable-yaml-test-plans.js';
import { runFixture } from '../../testing/fixtures.js';
import { analyzePlan } from '../../analysis/analyze-plan.js';

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

  it('gives an empty file one hint towards the templates, and an empty plan its missing keys', () => {
    // A file just created shows no errors: blanks, comments and a lone document marker are a plan not started yet.
    for (const text of ['', '\n\n  \n', '# my plan\n\n# to do\n', '---\n', '\r\n']) {
      const findings = runFixture(text, { rules: ['schema'] }).findings;
      expect(findings.map((finding) => [finding.severity, finding.message, finding.span]), JSON.stringify(text)).toEqual([
        ['hint', expect.stringMatching(/^The plan is empty: start it from a template .*crmplan init\)\.$/), { start: 0, end: 0 }],
      ]);
    }
    // Not on a file that YAML cannot read: yaml-syntax reports that.
    expect(runFixture(']\n', { rules: ['schema'] }).findings).toEqual([]);
    // Every rule together: the hint is all an empty file shows.
    expect(analyzePlan('# new plan\n').findings.map((finding) => `${finding.rule} ${finding.severity}`)).toEqual(['schema hint']);
    // Written text is not an empty plan.
    expect(runFixture('just text\n', { rules: ['schema'] }).findings.map((finding) => finding.severity)).toEqual(['error']);
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

const INVALID_PLAN_ERRORS = [
  'Crmplan must be 1.',
  expect.stringMatching(/^Invalid plan\.start 'banana'\./),
  expect.stringMatching(/^Invalid id 'Phase One' of phase 'Phase One'\./),
  "Missing required key 'name' in task 'a'.",
  expect.stringMatching(/^Invalid duration '3 days' of task 'a'\./),
];

function schemaMessages(text: string): string[] {
  return runFixture(text, { rules: ['schema'] }).findings.map((finding) => finding.message);
}

function expectReadableMessages(messages: readonly string[]): void {
  for (const message of messages) expect(message).not.toMatch(/\[object Object\]|undefined|that is not text>/);
}

describe('schema on what YAML can write but a plan cannot use', () => {
  it('checks a plan with 100 aliases of an anchor as usual', () => {
    const result = runFixture(invalidPlanWithAliases(100), { rules: ['schema', 'yaml-syntax'] });
    expect(result.findings.map((finding) => finding.message)).toEqual(INVALID_PLAN_ERRORS);
  });

  it('reports the alias past the limit of a plan with 10,000 aliases, and every schema error besides', () => {
    const text = invalidPlanWithAliases(10_000);
    const result = runFixture(text, { rules: ['schema', 'yaml-syntax'] });
    const messages = result.findings.map((finding) => finding.message);
    const tooMany = 'Too many aliases: at most 1,000 alias expansions are read; the rest of the plan is checked without them.';
    expect(messages).toEqual([...INVALID_PLAN_ERRORS.slice(0, 2), tooMany, ...INVALID_PLAN_ERRORS.slice(2)]);
    const finding = result.findings.find((candidate) => candidate.message === tooMany)!;
    expect(finding.rule).toBe('schema');
    expect(finding.severity).toBe('error');
    // On the 1,001st alias: the anchor is the first holiday, so the 1,002nd line of the list.
    const firstHoliday = text.indexOf('      - &holiday');
    expect(text.slice(0, finding.span.start).split('\n').length - text.slice(0, firstHoliday).split('\n').length).toBe(1001);
    expect(text.slice(finding.span.start, finding.span.end)).toBe('*holiday');
  });

  it('counts what an alias expands to: 100 aliases of a large anchor go past the limit too', () => {
    // A list of 120 ids is 121 nodes, so the 83rd alias of it goes past 10,000.
    const ids = Array.from({ length: 120 }, (_, index) => `x${index}`).join(', ');
    const tasks = Array.from({ length: 100 }, (_, index) => `      - {id: t${index + 1}, name: T, duration: 1d, depends_on: *deps}`);
    const text = `crmplan: 2
plan: {name: Large anchors, start: banana}
phases:
  - id: p1
    tasks:
      - {id: t0, name: T, duration: 1d, depends_on: &deps [${ids}]}
${tasks.join('\n')}
`;
    const result = runFixture(text, { rules: ['schema'] });
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'Crmplan must be 1.',
      expect.stringMatching(/^Invalid plan\.start 'banana'\./),
      'Aliases expand to too much: at most 10,000 nodes are read through aliases; the rest of the plan is checked without them.',
    ]);
    const finding = result.findings[2]!;
    expect(text.slice(0, finding.span.start).split('\n').pop()).toBe('      - {id: t83, name: T, duration: 1d, depends_on: ');
  });

  it('stops a billion laughs (9 levels of 10 nested aliases) with one finding', () => {
    const levels = ['  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level < 9; level++) {
      const name = String.fromCharCode(97 + level);
      levels.push(`  ${name}: &${name} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(', ')}]`);
    }
    const text = `crmplan: 2\nplan:\n  name: Laughs\n  start: 2027-01-04\nrules:\n${levels.join('\n')}\n`;
    const messages = schemaMessages(text);
    expect(messages.filter((message) => message.startsWith('Aliases expand to too much'))).toHaveLength(1);
    expect(messages).toContain('Crmplan must be 1.');
    expectReadableMessages(messages);
  });

  it('reports an alias inside the node its anchor names, and checks the rest', () => {
    const messages = schemaMessages('crmplan: 1\nplan: &plan {name: P, start: banana, sponsor: *plan}\n');
    expect(messages).toEqual([
      expect.stringMatching(/^Invalid plan\.start 'banana'\./),
      "Alias '*plan' is inside the node its anchor names, so its value never ends; the plan is checked without it.",
    ]);
  });

  it('leaves an alias without an anchor to yaml-syntax and says nothing about its value', () => {
    const result = runFixture('crmplan: 1\nplan: {name: *name, start: 2027-01-04}\n', { rules: ['schema', 'yaml-syntax'] });
    expect(result.findings.map((finding) => `${finding.rule}: ${finding.message}`)).toEqual([
      "yaml-syntax: YAML: Unknown alias '*name': no anchor '&name' comes before it.",
    ]);
  });

  it('reports a key that is not plain text on the key, once, and checks the rest', () => {
    const text = [
      'crmplan: 2',
      'plan: {name: Keys, start: 2027-01-04}',
      '? [a, b] # expect: schema',
      ': list key',
      'phases:',
      '  - id: p1',
      '    ? {x: 1} # expect: schema',
      '    : map key',
      '    tasks: []',
      'rules:',
      '  ? [no-pilot] # expect: schema',
      '  : loud',
      '',
    ].join('\n');
    const result = runFixture(text, { rules: ['schema', 'yaml-syntax'] });
    const messages = result.findings.map((finding) => finding.message);
    expect(messages).toEqual(['Crmplan must be 1.', 'Keys must be plain text.', 'Keys must be plain text.', 'Keys must be plain text.']);
    expect(result.actual).toEqual(['1: schema', ...result.expected]);
    const keys = result.findings.slice(1).map((finding) => text.slice(finding.span.start, finding.span.end));
    expect(keys).toEqual(['[a, b]', '{x: 1}', '[no-pilot]']);
  });

  it('never quotes a mapping or a list as a value', () => {
    const messages = schemaMessages(
      'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n  - id: p\n    tasks:\n      - {id: a, name: A, duration: 1d, kind: {x: 1}, status: [done]}\n',
    );
    expect(messages).toContain("Kind of task 'a' must be text, not a mapping.");
    expect(messages.find((message) => message.startsWith('Invalid kind'))).toMatch(/^Invalid kind of task 'a': expected one of kickoff, /);
    expect(messages.find((message) => message.startsWith('Invalid status'))).toMatch(/^Invalid status of task 'a': expected one of /);
    expectReadableMessages(messages);
  });
});

describe("schema with the value kinds' messages (schema/value-kinds.ts)", () => {
  const PLAN = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\npeople:\n  - {id: pm, name: P}\nphases:\n  - id: p\n    tasks:\n';

  it("adds the kind's sentence to a value of the wrong type", () => {
    const messages = schemaMessages(`${PLAN}      - {id: a, name: A, duration: 5}\n      - {id: b, name: B, duration: 1d, owner: 7}\n`);
    expect(messages).toContain(
      "Duration of task 'a' must be text, not the number 5. A duration is a whole number and a unit: 3d (working days) or 2w (weeks).",
    );
    expect(messages).toContain("Owner of task 'b' must be text, not the number 7. A person reference is the id of a person declared under people.");
  });

  it("gives the kind's sentence for a value of the wrong form, the schema's patternErrorMessage where it has one", () => {
    const messages = schemaMessages(`${PLAN}      - {id: a, name: A, duration: 1d, assign: [{person: pm, load: half}]}\n`);
    expect(messages).toContain("Invalid assign[0].load 'half' of task 'a'. Write a percentage of the working day (50%) or hours per week (8h/w).");
  });
});
