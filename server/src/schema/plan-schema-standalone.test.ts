import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { documentValue } from './document-value.js';
import { compilePlanSchema, compilePlanSchemaParts } from './plan-schema-ajv.js';
import * as formatsModule from './plan-schema-formats.js';
import type { PlanSchemaParts } from './plan-schema-parts.js';
import { planSchemaErrors } from './plan-schema.js';
import { FORMATS_MODULE, planSchemaStandaloneModule } from './plan-schema-standalone.js';

/** Runs the generated module as the bundler would link it: the formats module is this one. */
function loadStandalone(): PlanSchemaParts {
  const nodeRequire = createRequire(__filename);
  const module: { exports: unknown } = { exports: {} };
  const requireFor = (id: string): unknown => (id === FORMATS_MODULE ? formatsModule : nodeRequire(id));
  new Function('module', 'exports', 'require', planSchemaStandaloneModule())(module, module.exports, requireFor);
  return (module.exports as { loadPlanSchemaParts: () => PlanSchemaParts }).loadPlanSchemaParts();
}

const samplesDir = resolve(__dirname, '../../../samples');
const samples = [
  ...readdirSync(samplesDir).filter((name) => name.endsWith('.crmplan.yaml')).map((name) => join(samplesDir, name)),
  ...readdirSync(join(samplesDir, 'with-problems')).map((name) => join(samplesDir, 'with-problems', name)),
].map((file) => documentValue(parseDocument(readFileSync(file, 'utf8'), { version: '1.2' })).value);

/** Values with errors of every keyword the rule explains (type, enum, required, additional, pattern, format). */
const INVALID_VALUES: unknown[] = [
  null,
  'a plan',
  {},
  { crmplan: 2, plan: { name: 3, start: '2027-02-30', sponsor: ['x'] }, extra: true },
  {
    crmplan: 1,
    plan: { name: 'P', start: '2027-01-04', calendar: { workdays: ['mon', 'funday'], hours_per_day: 30 } },
    phases: [
      { id: 'Phase One', tasks: [{ id: 'a', duration: '3 days', kind: 'konfig', depends_on: [{ task: 'b', type: 'XX', lag: 'x' }] }] },
      { id: 'p2', tasks: 'none' },
    ],
    people: [{ id: 'p', capacity: 'lots', email: 5 }],
    rules: { 'no-such-rule': 'loud', 'missing-owner': 'off' },
  },
];

/**
 * Errors in a fixed order (the parts give the shell's first, then the
 * items'), to compare as sets. An error on the plan itself names the root
 * schema as its schema, and the shell's root differs from the whole one in
 * its definitions only: those are left out.
 */
function ordered(errors: readonly ErrorObject[] | null | undefined): unknown[] {
  const withoutDefinitions = (schema: unknown): unknown => {
    if (schema === null || typeof schema !== 'object' || !('definitions' in schema)) return schema;
    const { definitions: _definitions, ...rest } = schema as Record<string, unknown>;
    return rest;
  };
  const key = (error: ErrorObject): string => JSON.stringify([error.instancePath, error.schemaPath, error.keyword, error.params]);
  return [...(errors ?? [])]
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .map((error) => ({ ...error, schema: withoutDefinitions(error.schema), parentSchema: withoutDefinitions(error.parentSchema) }));
}

describe('the plan schema validators made at build time', () => {
  const whole = compilePlanSchema();
  const standalone = loadStandalone();
  const runtimeParts = compilePlanSchemaParts();

  it.each([...samples, ...INVALID_VALUES].map((value, index) => [index, value]))(
    'give, in parts, the same errors as the whole schema compiled at run time (value %i)',
    (_index, value) => {
      whole(value);
      const expected = ordered(whole.errors);
      expect(ordered(planSchemaErrors(value, standalone))).toEqual(expected);
      expect(ordered(planSchemaErrors(value, runtimeParts))).toEqual(expected);
      // Again, now from each part's memory of the items: the same errors.
      expect(ordered(planSchemaErrors(value, standalone))).toEqual(expected);
    },
  );

  it('report errors on the invalid values, inside items and outside them (so the comparison above compares something)', () => {
    for (const value of INVALID_VALUES) expect(planSchemaErrors(value, standalone).length).toBeGreaterThan(0);
    const errors = INVALID_VALUES.flatMap((value) => planSchemaErrors(value, standalone));
    const keywords = new Set(errors.map((error) => error.keyword));
    for (const keyword of ['type', 'enum', 'required', 'additionalProperties', 'pattern', 'format']) expect(keywords).toContain(keyword);
    const paths = errors.map((error) => error.instancePath);
    expect(paths).toContain('/phases/0/tasks/0/duration');
    expect(paths).toContain('/people/0/capacity');
    expect(paths).toContain('/plan/start');
    expect(paths).toContain('/phases/1/tasks');
  });

  it('keep an unchanged item\'s errors and validate a changed one again', () => {
    const task = { id: 'a', duration: '3 days' };
    const value = (tasks: unknown[]): unknown => ({ crmplan: 1, plan: { name: 'P', start: '2027-01-04' }, phases: [{ id: 'p', name: 'P', tasks }] });
    const first = planSchemaErrors(value([task]), runtimeParts).map((error) => error.instancePath);
    expect(first).toContain('/phases/0/tasks/0/duration');
    // The same object one place later: its errors, at its new path.
    const moved = planSchemaErrors(value([{ id: 'b', duration: '2d' }, task]), runtimeParts).map((error) => error.instancePath);
    expect(moved).toContain('/phases/0/tasks/1/duration');
    expect(moved).not.toContain('/phases/0/tasks/0/duration');
    // A new object with the mistake fixed: validated again.
    const fixed = planSchemaErrors(value([{ id: 'a', duration: '3d' }]), runtimeParts).map((error) => error.instancePath);
    expect(fixed).not.toContain('/phases/0/tasks/0/duration');
  });
});
