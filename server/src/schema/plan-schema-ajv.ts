import Ajv, { type CodeOptions, type ValidateFunction } from 'ajv';
import schemaJson from '../../../schemas/crmplan.schema.json';
import { PLAN_SCHEMA_FORMATS } from './plan-schema-formats.js';

/**
 * The one ajv set-up of the plan schema: compiled at run time here (tests,
 * and any build without the standalone code), and turned into standalone code
 * at build time by plan-schema-standalone.ts with exactly these options.
 */
export function createPlanSchemaAjv(code?: CodeOptions): Ajv {
  // No useDefaults, removeAdditional or coerceTypes: ajv then only reads the
  // value, which document-value.ts shares between conversions and edits.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, ...(code ? { code } : {}) });
  for (const [name, format] of Object.entries(PLAN_SCHEMA_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

/** Compiles the schema (about 90 ms, a third of it compiling the meta-schema that checks it). */
export function compilePlanSchema(ajv: Ajv = createPlanSchemaAjv()): ValidateFunction {
  return ajv.compile(schemaJson);
}
