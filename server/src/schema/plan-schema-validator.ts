import type { ValidateFunction } from 'ajv';
import { compilePlanSchema } from './plan-schema-ajv.js';

/**
 * The plan schema's validator. This source compiles it with ajv when first
 * asked; the bundles (scripts/build.mjs) replace this whole module by ajv's
 * standalone code for the same schema and options, generated at build time
 * (plan-schema-standalone.ts), so the server and the CLI compile nothing and
 * do not load ajv's compiler at start.
 */
export function loadPlanSchemaValidator(): ValidateFunction {
  return compilePlanSchema();
}
