import { compilePlanSchemaParts } from './plan-schema-ajv.js';
import type { PlanSchemaParts } from './plan-schema-parts.js';

/**
 * The plan schema's validators (plan-schema-parts.ts). This source compiles
 * them with ajv when first asked; the bundles (scripts/build.mjs) replace
 * this whole module by ajv's standalone code for the same schema and options,
 * generated at build time (plan-schema-standalone.ts), so the server and the
 * CLI compile nothing and do not load ajv's compiler at start.
 */
export function loadPlanSchemaParts(): PlanSchemaParts {
  return compilePlanSchemaParts();
}
