import { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { addPlanSchemaParts, createPlanSchemaAjv } from './plan-schema-ajv.js';
import { PLAN_ITEM_KINDS, PLAN_SHELL_KEY, planItemKey } from './plan-schema-parts.js';

/** The module the formats are read from, relative to plan-schema-validator.ts (which the code replaces). */
export const FORMATS_MODULE = './plan-schema-formats';

/**
 * A CommonJS module with the same export as plan-schema-validator.ts, whose
 * validators are ajv's standalone code for the plan schema's parts: generated
 * once at build time, so nothing is compiled when the server starts. The code
 * requires `ajv/dist/runtime/*` helpers and the formats module; the bundler
 * resolves both.
 */
export function planSchemaStandaloneModule(): string {
  const ajv = addPlanSchemaParts(createPlanSchemaAjv({ source: true, formats: _`formats` }));
  const exports: Record<string, string> = { shell: PLAN_SHELL_KEY };
  for (const kind of PLAN_ITEM_KINDS) exports[kind] = planItemKey(kind);
  const code = standaloneCode(ajv, exports);
  return [
    '// Generated at build time by server/src/schema/plan-schema-standalone.ts: ajv standalone code.',
    `const formats = require(${JSON.stringify(FORMATS_MODULE)}).PLAN_SCHEMA_FORMATS;`,
    // The generated code assigns module.exports; the export is added after it.
    `(function () {\n${code}\n})();`,
    'const parts = module.exports;',
    `const items = { ${PLAN_ITEM_KINDS.map((kind) => `${kind}: parts.${kind}`).join(', ')} };`,
    'module.exports = { loadPlanSchemaParts: () => ({ shell: parts.shell, items }) };',
    '',
  ].join('\n');
}
