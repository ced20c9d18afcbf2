import Ajv, { type CodeOptions, type ValidateFunction } from 'ajv';
import schemaJson from '../../../schemas/crmplan.schema.json';
import { PLAN_SCHEMA_FORMATS } from './plan-schema-formats.js';
import { PLAN_ITEM_KINDS, PLAN_SCHEMA_KEY, PLAN_SHELL_KEY, planItemKey, type PlanItemKind, type PlanSchemaParts } from './plan-schema-parts.js';

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

/** Compiles the whole schema (about 90 ms, a third of it compiling the meta-schema that checks it). */
export function compilePlanSchema(ajv: Ajv = createPlanSchemaAjv()): ValidateFunction {
  return ajv.compile(schemaJson);
}

/**
 * The schema with every item definition replaced by `true`: it checks the
 * plan's own keys, its sections and the lists' types, and nothing inside a
 * person, objective, task, risk or communication. No rule of the schema
 * reaches from outside an item into it (its `if`/`then` are inside task and
 * objective), so the shell's errors and the items' errors are together the
 * whole schema's (plan-schema-standalone.test.ts compares them).
 */
function shellSchema(): Record<string, unknown> {
  const definitions: Record<string, unknown> = { ...schemaJson.definitions };
  for (const kind of PLAN_ITEM_KINDS) definitions[kind] = true;
  return { ...schemaJson, definitions };
}

/** Registers the whole schema and the shell, so the parts are reached by key (planItemKey). */
export function addPlanSchemaParts(ajv: Ajv): Ajv {
  return ajv.addSchema(schemaJson, PLAN_SCHEMA_KEY).addSchema(shellSchema(), PLAN_SHELL_KEY);
}

export function compilePlanSchemaParts(ajv: Ajv = createPlanSchemaAjv()): PlanSchemaParts {
  addPlanSchemaParts(ajv);
  const get = (key: string): ValidateFunction => {
    const validate = ajv.getSchema(key);
    if (!validate) throw new Error(`the plan schema has no part ${key}`);
    return validate;
  };
  const items = Object.fromEntries(PLAN_ITEM_KINDS.map((kind) => [kind, get(planItemKey(kind))])) as Record<PlanItemKind, ValidateFunction>;
  return { shell: get(PLAN_SHELL_KEY), items };
}
