import { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { compilePlanSchema, createPlanSchemaAjv } from './plan-schema-ajv.js';

/** The module the formats are read from, relative to plan-schema-validator.ts (which the code replaces). */
export const FORMATS_MODULE = './plan-schema-formats';

/**
 * A CommonJS module with the same export as plan-schema-validator.ts, whose
 * validator is ajv's standalone code for the plan schema: generated once at
 * build time, so nothing is compiled when the server starts. The code
 * requires `ajv/dist/runtime/*` helpers and the formats module; the bundler
 * resolves both.
 */
export function planSchemaStandaloneModule(): string {
  const ajv = createPlanSchemaAjv({ source: true, formats: _`formats` });
  const code = standaloneCode(ajv, compilePlanSchema(ajv));
  return [
    '// Generated at build time by server/src/schema/plan-schema-standalone.ts: ajv standalone code.',
    `const formats = require(${JSON.stringify(FORMATS_MODULE)}).PLAN_SCHEMA_FORMATS;`,
    // The generated code assigns module.exports; the export is added after it.
    `(function () {\n${code}\n})();`,
    'const validate = module.exports;',
    'module.exports = { loadPlanSchemaValidator: () => validate };',
    '',
  ].join('\n');
}
