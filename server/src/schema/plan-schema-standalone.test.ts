import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { documentValue } from './document-value.js';
import { compilePlanSchema } from './plan-schema-ajv.js';
import * as formatsModule from './plan-schema-formats.js';
import { FORMATS_MODULE, planSchemaStandaloneModule } from './plan-schema-standalone.js';

/** Runs the generated module as the bundler would link it: the formats module is this one. */
function loadStandalone(): ValidateFunction {
  const nodeRequire = createRequire(__filename);
  const module: { exports: unknown } = { exports: {} };
  const requireFor = (id: string): unknown => (id === FORMATS_MODULE ? formatsModule : nodeRequire(id));
  new Function('module', 'exports', 'require', planSchemaStandaloneModule())(module, module.exports, requireFor);
  return (module.exports as { loadPlanSchemaValidator: () => ValidateFunction }).loadPlanSchemaValidator();
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

describe('the plan schema validator made at build time', () => {
  const runtime = compilePlanSchema();
  const standalone = loadStandalone();

  it.each([...samples, ...INVALID_VALUES].map((value, index) => [index, value]))(
    'gives the same result and errors as the one compiled at run time (value %i)',
    (_index, value) => {
      const valid = runtime(value);
      expect(standalone(value)).toBe(valid);
      expect(standalone.errors ?? null).toEqual(runtime.errors ?? null);
    },
  );

  it('reports errors on the invalid values (so the comparison above compares something)', () => {
    for (const value of INVALID_VALUES) {
      expect(standalone(value)).toBe(false);
      expect(standalone.errors?.length).toBeGreaterThan(0);
    }
    const keywords = new Set(INVALID_VALUES.flatMap((value) => (standalone(value), (standalone.errors ?? []).map((error) => error.keyword))));
    for (const keyword of ['type', 'enum', 'required', 'additionalProperties', 'pattern', 'format']) expect(keywords).toContain(keyword);
  });
});
