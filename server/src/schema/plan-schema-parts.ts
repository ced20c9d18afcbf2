import type { ValidateFunction } from 'ajv';

/**
 * The schema check validates a plan in parts: the "shell" (the plan with
 * the insides of its list items taken as valid) and each list item by the
 * validator of its definition. An edit changes one item, so rules/schema.ts
 * validates that item and the shell again and keeps every other item's
 * errors (schema/plan-schema.ts). This module names the parts; it imports
 * no ajv code, so the bundles that use the standalone validators do not load
 * ajv's compiler.
 */
export const PLAN_ITEM_KINDS = ['person', 'objective', 'task', 'risk', 'communication'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

/** The root lists whose items are one definition each; tasks are under `phases[i].tasks`. */
export const ROOT_ITEM_LISTS: readonly (readonly [list: string, kind: PlanItemKind])[] = [
  ['people', 'person'],
  ['objectives', 'objective'],
  ['risks', 'risk'],
  ['communications', 'communication'],
];

export interface PlanSchemaParts {
  readonly shell: ValidateFunction;
  readonly items: Readonly<Record<PlanItemKind, ValidateFunction>>;
}

/** The keys the parts are registered under in ajv (and exported by in the standalone code). */
export const PLAN_SCHEMA_KEY = 'crmplan';
export const PLAN_SHELL_KEY = 'crmplan-shell';
export function planItemKey(kind: PlanItemKind): string {
  return `${PLAN_SCHEMA_KEY}#/definitions/${kind}`;
}
