import type { ErrorObject } from 'ajv';
import schemaJson from '../../../schemas/crmplan.schema.json';
import { ROOT_ITEM_LISTS, type PlanItemKind, type PlanSchemaParts } from './plan-schema-parts.js';
import { loadPlanSchemaParts } from './plan-schema-validator.js';

export type SchemaError = ErrorObject;

export const planSchema: unknown = schemaJson;

/** The validators of the format's JSON Schema, made once per process (see plan-schema-validator.ts). */
let loaded: PlanSchemaParts | undefined;

function planSchemaParts(): PlanSchemaParts {
  loaded ??= loadPlanSchemaParts();
  return loaded;
}

/**
 * Each item's own errors (paths relative to the item), by the item's value,
 * per set of validators. document-value.ts gives an untouched block
 * collection back as the same object, never mutated, so an item that is the
 * same object has the same errors: after an edit only the edited item and
 * the shell are validated. One map per kind: through an alias one value can
 * be two kinds of item.
 */
type ItemErrorMemory = Record<PlanItemKind, WeakMap<object, readonly SchemaError[]>>;
const itemErrorMemories = new WeakMap<PlanSchemaParts, ItemErrorMemory>();

function memoryOf(parts: PlanSchemaParts): ItemErrorMemory {
  let memory = itemErrorMemories.get(parts);
  if (!memory) {
    memory = { person: new WeakMap(), objective: new WeakMap(), task: new WeakMap(), risk: new WeakMap(), communication: new WeakMap() };
    itemErrorMemories.set(parts, memory);
  }
  return memory;
}

const NO_ERRORS: readonly SchemaError[] = Object.freeze([]);

/**
 * Every error of the plan's value against the schema: the same errors as
 * one validation of the whole value (plan-schema-standalone.test.ts), in the
 * order shell first, then the items in document order.
 */
export function planSchemaErrors(value: unknown, parts: PlanSchemaParts = planSchemaParts()): SchemaError[] {
  const memory = memoryOf(parts);
  const errors: SchemaError[] = [];
  if (!parts.shell(value)) errors.push(...(parts.shell.errors ?? []));
  for (const { kind, pointer, item } of planItems(value)) {
    const own = itemErrors(parts, memory, kind, item);
    for (const error of own) errors.push({ ...error, instancePath: pointer + error.instancePath });
  }
  return errors;
}

function itemErrors(parts: PlanSchemaParts, memory: ItemErrorMemory, kind: PlanItemKind, item: unknown): readonly SchemaError[] {
  const cacheable = item !== null && typeof item === 'object';
  const known = cacheable ? memory[kind].get(item) : undefined;
  if (known) return known;
  const validate = parts.items[kind];
  const errors = validate(item) ? NO_ERRORS : [...(validate.errors ?? [])];
  if (cacheable) memory[kind].set(item, errors);
  return errors;
}

interface PlanItem {
  readonly kind: PlanItemKind;
  /** The item's JSON pointer from the root (`/phases/2/tasks/0`). */
  readonly pointer: string;
  readonly item: unknown;
}

/**
 * The items the shell took as valid: exactly the places where the whole
 * schema applies an item definition (a list's items, where the value is a
 * mapping holding a list; a phase's tasks, where the phase is a mapping).
 */
function* planItems(value: unknown): Generator<PlanItem> {
  if (!isMapping(value)) return;
  for (const [list, kind] of ROOT_ITEM_LISTS) {
    const items = value[list];
    if (Array.isArray(items)) for (let index = 0; index < items.length; index++) yield { kind, pointer: `/${list}/${index}`, item: items[index] };
  }
  const phases = value['phases'];
  if (!Array.isArray(phases)) return;
  for (let phaseIndex = 0; phaseIndex < phases.length; phaseIndex++) {
    const phase: unknown = phases[phaseIndex];
    const tasks = isMapping(phase) ? phase['tasks'] : undefined;
    if (!Array.isArray(tasks)) continue;
    for (let index = 0; index < tasks.length; index++) yield { kind: 'task', pointer: `/phases/${phaseIndex}/tasks/${index}`, item: tasks[index] };
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
