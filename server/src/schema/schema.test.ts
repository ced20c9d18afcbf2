import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// Read with fs: a JSON import from outside server/ would leave the composite project's rootDir.
const schemaPath = resolve(__dirname, '../../../schemas/crmplan.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

/** `YYYY-MM-DD` that names a real calendar day (2027-02-30 does not). */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Compiled exactly as the server compiles it.
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('crmplan-date', { type: 'string', validate: isCalendarDate });
const validate = ajv.compile(schema);

function errorsOf(value: unknown): { instancePath: string; keyword: string }[] {
  validate(value);
  return (validate.errors ?? []).map((error: ErrorObject) => ({ instancePath: error.instancePath, keyword: error.keyword }));
}

/** The contract's examples, put together into one complete plan. */
const COMPLETE_PLAN = `
crmplan: 1
plan:
  name: ConnectSphere CRM rollout
  organization: Global Goods Inc.
  description: Replace spreadsheets and the legacy contact manager with one CRM.
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
      - {category: Implementation partner, amount: 80000, note: fixed price}
people:
  - id: ceo
    name: Alex Morgan
    role: Chief Executive Officer
  - id: pm
    name: Dana Lee
    role: Project Manager
    capacity: 40h/w
    email: dana@example.com
  - id: sales-lead
    name: Sam Ortiz
    role: Sales Lead
    capacity: 50%
objectives:
  - id: adoption
    statement: 85% of target users log in at least 3 times a week within 30 days of go-live
    metric: weekly active users / target users
    baseline: 0%
    target: 85%
    due: 30d after go-live
    owner: pm
  - id: pipeline
    statement: Forecast accuracy reaches 90% by the end of the year
    metric: forecast accuracy
    baseline: 0.6
    target: 0.9
    due: 2027-12-31
    owner: sales-lead
phases:
  - id: discovery
    name: Discovery & Planning
    description: Agree goals and requirements.
    owner: pm
    depends_on: []
    tasks:
      - id: kickoff
        name: Kickoff meeting
        kind: kickoff
        owner: pm
        duration: 1d
        assign:
          - {person: pm, load: 100%}
          - {person: sales-lead, load: 8h/w}
      - id: requirements
        name: Requirements workshops
        kind: requirements
        duration: 2w
        depends_on: kickoff
  - id: data
    name: Data
    depends_on: [discovery]
    tasks:
      - id: data-backup
        name: Back up legacy data
        kind: data-backup
        duration: 1d
      - id: data-cleansing
        name: Cleanse legacy data
        kind: data-cleansing
        duration: 2w
      - id: mapping
        name: Field mapping
        kind: data-mapping
        duration: 1w
      - id: data-migration
        name: Data migration (first pass)
        kind: data-migration
        duration: 2w
        depends_on:
          - data-cleansing
          - {task: data-backup, lag: 1d}
          - {task: mapping, type: SS}
          - {task: requirements, lag: -2d, type: FS}
        start: 2027-02-01
        deadline: 2027-03-01
        complexity: high
        status: planned
      - id: go-live
        name: Core go-live
        kind: go-live
        milestone: true
        rollback: Restore the legacy CRM from the pre-cutover backup
        depends_on: [data-migration]
      - id: sign-off
        name: Sign-off
        milestone: true
        duration: 0d
        depends_on: go-live
risks:
  - id: adoption-risk
    title: Low user adoption
    description: Sales reps keep using spreadsheets.
    likelihood: medium
    impact: high
    mitigation: Change champions in every team
    owner: sales-lead
communications:
  - id: steering
    audience: Steering committee
    purpose: Status and decisions
    channel: Meeting
    frequency: monthly
    owner: pm
rules:
  low-contingency: off
  no-pilot: warning
  schema: error
`;

const MINIMAL_PLAN = `
crmplan: 1
plan: {name: Minimal, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: t, name: Task, duration: 1d}
`;

function plan(text: string): Record<string, unknown> {
  return parse(text) as Record<string, unknown>;
}

/** The minimal plan with its only task replaced. */
function withTask(task: Record<string, unknown>): Record<string, unknown> {
  const value = plan(MINIMAL_PLAN);
  return { ...value, phases: [{ id: 'p', tasks: [task] }] };
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every property schema in the schema, with a readable path. */
function propertySchemas(node: unknown, path: string, out: { path: string; schema: JsonObject }[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => propertySchemas(item, `${path}[${index}]`, out));
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    // Examples, defaults, snippets and enum values are data, not schemas.
    if (['examples', 'default', 'defaultSnippets', 'enum', 'const'].includes(key)) continue;
    if (key === 'properties' && isObject(value)) {
      for (const [name, property] of Object.entries(value)) {
        if (isObject(property)) out.push({ path: `${path}.properties.${name}`, schema: property });
      }
    }
    propertySchemas(value, `${path}.${key}`, out);
  }
}

const RULE_NAMES = [
  'yaml-syntax', 'schema', 'limits', 'duplicate-id', 'unknown-reference', 'dependency-cycle', 'deadline-missed',
  'start-conflict', 'phase-order', 'overallocation', 'missing-owner', 'objective-not-smart', 'no-objectives',
  'no-sponsor', 'migration-without-cleansing', 'migration-without-backup', 'migration-without-validation',
  'go-live-without-uat', 'go-live-without-training', 'go-live-without-migration', 'go-live-without-rollback',
  'no-pilot', 'no-hypercare', 'no-post-implementation-review', 'risk-incomplete', 'low-contingency',
  'customization-heavy', 'integration-buffer', 'no-communication-plan',
  'behind-schedule', 'actual-dates', 'progress-not-started', 'baseline-slip',
];

describe('crmplan.schema.json: documentation', () => {
  const properties: { path: string; schema: JsonObject }[] = [];
  propertySchemas(schema, '#', properties);

  it('finds the properties it walks', () => {
    expect(properties.length).toBeGreaterThan(80);
  });

  it('gives every property a description and a markdownDescription', () => {
    const undocumented = properties
      .filter(({ schema: property }) =>
        typeof property['description'] !== 'string' || property['description'] === '' ||
        typeof property['markdownDescription'] !== 'string' || property['markdownDescription'] === '')
      .map(({ path }) => path);
    expect(undocumented).toEqual([]);
  });

  it('keeps the plain description free of Markdown code marks', () => {
    const marked = properties.filter(({ schema: property }) => String(property['description']).includes('`'));
    expect(marked.map(({ path }) => path)).toEqual([]);
  });

  it('gives every definition a title', () => {
    const definitions = schema['definitions'];
    expect(isObject(definitions)).toBe(true);
    const untitled = Object.entries(definitions as JsonObject)
      .filter(([, definition]) => !isObject(definition) || typeof definition['title'] !== 'string')
      .map(([name]) => name);
    expect(untitled).toEqual([]);
  });

  it('documents all 24 task kinds', () => {
    const kind = (schema['definitions'] as JsonObject)['taskKind'] as JsonObject;
    const values = kind['enum'] as string[];
    expect(values).toHaveLength(24);
    expect(values).toContain('change-management');
    expect(kind['enumDescriptions']).toHaveLength(24);
    expect(kind['markdownEnumDescriptions']).toHaveLength(24);
  });

  it('has one severity property per rule of the contract', () => {
    const rules = (schema['definitions'] as JsonObject)['rules'] as JsonObject;
    expect(Object.keys(rules['properties'] as JsonObject).sort()).toEqual([...RULE_NAMES].sort());
  });
});

describe('crmplan.schema.json: valid plans', () => {
  it('accepts a complete plan', () => {
    expect(errorsOf(plan(COMPLETE_PLAN))).toEqual([]);
  });

  it('accepts a minimal plan', () => {
    expect(errorsOf(plan(MINIMAL_PLAN))).toEqual([]);
    expect(errorsOf({ crmplan: 1, plan: { name: 'Bare', start: '2027-01-04' } })).toEqual([]);
  });

  it('accepts a milestone without a duration, and a leap day', () => {
    expect(errorsOf(withTask({ id: 'm', name: 'Milestone', milestone: true }))).toEqual([]);
    const value = plan(MINIMAL_PLAN);
    expect(errorsOf({ ...value, plan: { name: 'Leap', start: '2028-02-29' } })).toEqual([]);
  });
});

describe('crmplan.schema.json: rejected plans', () => {
  it('reports an unknown key where it is', () => {
    const errors = errorsOf(withTask({ id: 't', name: 'Task', duration: '1d', owmer: 'pm' }));
    expect(errors).toEqual([{ instancePath: '/phases/0/tasks/0', keyword: 'additionalProperties' }]);
    validate(withTask({ id: 't', name: 'Task', duration: '1d', owmer: 'pm' }));
    expect(validate.errors?.[0]?.params).toEqual({ additionalProperty: 'owmer' });
    expect(errorsOf({ ...plan(MINIMAL_PLAN), milestones: [] })).toEqual([{ instancePath: '', keyword: 'additionalProperties' }]);
  });

  it('reports a bad duration', () => {
    expect(errorsOf(withTask({ id: 't', name: 'Task', duration: '3 days' })))
      .toEqual([{ instancePath: '/phases/0/tasks/0/duration', keyword: 'pattern' }]);
    expect(errorsOf(withTask({ id: 't', name: 'Task', duration: '1.5d' })))
      .toEqual([{ instancePath: '/phases/0/tasks/0/duration', keyword: 'pattern' }]);
  });

  it('reports a missing task name', () => {
    validate(withTask({ id: 't', duration: '1d' }));
    expect(validate.errors?.map((e) => [e.instancePath, e.keyword, e.params])).toEqual([
      ['/phases/0/tasks/0', 'required', { missingProperty: 'name' }],
    ]);
  });

  it('reports a task without a duration that is not a milestone', () => {
    validate(withTask({ id: 't', name: 'Task' }));
    const required = validate.errors?.filter((e) => e.keyword === 'required');
    expect(required?.map((e) => [e.instancePath, e.params])).toEqual([
      ['/phases/0/tasks/0', { missingProperty: 'duration' }],
    ]);
    // ajv adds the failed `if` as context; nothing else is reported.
    expect(validate.errors?.every((e) => e.instancePath === '/phases/0/tasks/0')).toBe(true);
    expect(errorsOf(withTask({ id: 't', name: 'Task', milestone: false })))
      .toContainEqual({ instancePath: '/phases/0/tasks/0', keyword: 'required' });
  });

  it('reports a milestone with a duration other than zero', () => {
    expect(errorsOf(withTask({ id: 'm', name: 'M', milestone: true, duration: '2d' })))
      .toContainEqual({ instancePath: '/phases/0/tasks/0/duration', keyword: 'pattern' });
  });

  it('reports a bad id', () => {
    expect(errorsOf(withTask({ id: 'Kick Off', name: 'Task', duration: '1d' })))
      .toEqual([{ instancePath: '/phases/0/tasks/0/id', keyword: 'pattern' }]);
    expect(errorsOf({ ...plan(MINIMAL_PLAN), people: [{ id: '-pm' }] }))
      .toEqual([{ instancePath: '/people/0/id', keyword: 'pattern' }]);
  });

  it('reports an invalid calendar date', () => {
    const value = plan(MINIMAL_PLAN);
    expect(errorsOf({ ...value, plan: { name: 'Bad date', start: '2027-02-30' } }))
      .toEqual([{ instancePath: '/plan/start', keyword: 'format' }]);
    expect(errorsOf(withTask({ id: 't', name: 'Task', duration: '1d', deadline: '2027-13-01' })))
      .toEqual([{ instancePath: '/phases/0/tasks/0/deadline', keyword: 'format' }]);
    expect(errorsOf({ ...value, plan: { name: 'H', start: '2027-01-04', calendar: { holidays: ['2027-02-29'] } } }))
      .toEqual([{ instancePath: '/plan/calendar/holidays/0', keyword: 'format' }]);
    expect(errorsOf({ ...value, objectives: [{ id: 'o', due: '2027-02-30' }] }))
      .toContainEqual({ instancePath: '/objectives/0/due', keyword: 'format' });
    expect(errorsOf({ ...value, plan: { name: 'Slash', start: '2027/01/04' } }))
      .toContainEqual({ instancePath: '/plan/start', keyword: 'pattern' });
  });

  it('reports an unknown rule name and a bad severity', () => {
    validate({ ...plan(MINIMAL_PLAN), rules: { 'no-such-rule': 'off' } });
    expect(validate.errors?.map((e) => [e.instancePath, e.keyword, e.params])).toEqual([
      ['/rules', 'additionalProperties', { additionalProperty: 'no-such-rule' }],
    ]);
    expect(errorsOf({ ...plan(MINIMAL_PLAN), rules: { 'no-pilot': 'loud' } }))
      .toEqual([{ instancePath: '/rules/no-pilot', keyword: 'enum' }]);
  });

  it('reports missing required keys of the plan', () => {
    validate({ crmplan: 1, plan: { name: 'No start' } });
    expect(validate.errors?.map((e) => [e.instancePath, e.keyword, e.params])).toEqual([
      ['/plan', 'required', { missingProperty: 'start' }],
    ]);
    expect(errorsOf({ plan: { name: 'x', start: '2027-01-04' } })).toEqual([{ instancePath: '', keyword: 'required' }]);
    expect(errorsOf({ crmplan: 2, plan: { name: 'x', start: '2027-01-04' } })).toEqual([{ instancePath: '/crmplan', keyword: 'const' }]);
  });

  it('checks dependencies, lags, loads and objective due dates', () => {
    expect(errorsOf(withTask({ id: 't', name: 'T', duration: '1d', depends_on: [{ lag: '1d' }] })))
      .toEqual([{ instancePath: '/phases/0/tasks/0/depends_on/0', keyword: 'required' }]);
    expect(errorsOf(withTask({ id: 't', name: 'T', duration: '1d', depends_on: [{ task: 'a', type: 'FF' }] })))
      .toEqual([{ instancePath: '/phases/0/tasks/0/depends_on/0/type', keyword: 'enum' }]);
    expect(errorsOf(withTask({ id: 't', name: 'T', duration: '1d', depends_on: [{ task: 'a', lag: '-1.5d' }] })))
      .toEqual([{ instancePath: '/phases/0/tasks/0/depends_on/0/lag', keyword: 'pattern' }]);
    expect(errorsOf(withTask({ id: 't', name: 'T', duration: '1d', assign: [{ person: 'pm', load: '50' }] })))
      .toEqual([{ instancePath: '/phases/0/tasks/0/assign/0/load', keyword: 'pattern' }]);
    expect(errorsOf({ ...plan(MINIMAL_PLAN), objectives: [{ id: 'o', due: 'soon' }] }))
      .toEqual([{ instancePath: '/objectives/0/due', keyword: 'pattern' }]);
    expect(errorsOf({ ...plan(MINIMAL_PLAN), risks: [{ id: 'r', likelihood: 'certain' }] }))
      .toEqual([{ instancePath: '/risks/0/likelihood', keyword: 'enum' }]);
    expect(errorsOf(withTask({ id: 't', name: 'T', duration: '1d', kind: 'testing' })))
      .toEqual([{ instancePath: '/phases/0/tasks/0/kind', keyword: 'enum' }]);
  });
});
