import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import type { Span } from '../../model/types.js';
import { planSchema } from '../../schema/plan-schema.js';
import { pathAtOffset } from '../../parse/syntax-nodes.js';

/**
 * What the JSON Schema says about the key under the cursor. The schema is
 * walked along the key's YAML path (`properties` for a mapping key, `items`
 * for a sequence entry, `$ref` into `definitions`, `allOf`, and `if`/`then`/
 * `else` evaluated against the mapping actually written), so the text is the
 * one for that key at that place: `start` under `plan` is the project's
 * start, under a task it is "start no earlier than".
 */

type SchemaObject = { readonly [keyword: string]: unknown };

export interface KeyDescription {
  /** The key as written. */
  readonly key: string;
  /** The key scalar. */
  readonly span: Span;
  /** The keys and indexes from the root to the mapping holding the key. */
  readonly path: readonly (string | number)[];
  /** `title` of the key's schema (after `$ref`), when there is one. */
  readonly title?: string;
  /** The key's markdownDescription (or description) at that place. */
  readonly markdown: string;
  /**
   * Descriptions that apply because of a condition on the mapping, e.g. a
   * task's `duration` when the task is a milestone.
   */
  readonly conditional: readonly string[];
}

/** The description of the mapping key at `offset`, if the schema describes it there. */
export function keyDescriptionAt(text: string, root: unknown, offset: number): KeyDescription | undefined {
  const located = keyAt(text, root, offset);
  if (!located) return undefined;
  const rootSchema = asSchema(planSchema);
  if (!rootSchema) return undefined;
  const definitions = asSchema(rootSchema['definitions']);
  const context: WalkContext = { definitions };

  // `schemas` are the schemas that describe the current node; the last
  // step is the mapping that holds the key.
  let schemas: SchemaObject[] = [rootSchema];
  for (const step of located.steps) {
    const applicable = schemas.flatMap((schema) => applicableSchemas(schema, step.node, context));
    schemas =
      step.kind === 'key'
        ? applicable.flatMap((schema) => childSchema(asSchema(schema['properties'])?.[step.key]))
        : applicable.flatMap((schema) => childSchema(schema['items']));
    if (schemas.length === 0) return undefined;
  }

  const holders = schemas.flatMap((schema) => applicableSchemas(schema, located.map, context, true));
  const described = holders.flatMap((holder) => {
    const property = asSchema(asSchema(holder.schema['properties'])?.[located.key]);
    const markdown = property && (descriptionOf(property) ?? descriptionOf(resolved(property, context)));
    return property && markdown !== undefined ? [{ schema: property, markdown, conditional: holder.conditional }] : [];
  });
  // A key described only under a condition still has that description.
  const main = described.find((entry) => !entry.conditional) ?? described[0];
  const conditional: string[] = [];
  for (const entry of described) {
    if (entry.conditional && entry !== main && entry.markdown !== main?.markdown && !conditional.includes(entry.markdown)) {
      conditional.push(entry.markdown);
    }
  }
  if (!main) return undefined;
  const title = stringKeyword(resolved(main.schema, context), 'title') ?? stringKeyword(main.schema, 'title');
  return {
    key: located.key,
    span: located.span,
    path: located.steps.map((step) => (step.kind === 'key' ? step.key : step.index)),
    ...(title !== undefined ? { title } : {}),
    markdown: main.markdown,
    conditional,
  };
}

type PathStep = { kind: 'key'; key: string; node: Node } | { kind: 'index'; index: number; node: Node };

interface LocatedKey {
  readonly key: string;
  readonly span: Span;
  /** From the root: each step names the child taken from `node`. */
  readonly steps: readonly PathStep[];
  /** The mapping that holds the key. */
  readonly map: Node;
}

/** The plain mapping key under the cursor and the path of keys and indexes above it. */
function keyAt(text: string, root: unknown, offset: number): LocatedKey | undefined {
  const path = pathAtOffset(text, root, offset);
  const steps: PathStep[] = [];
  for (let index = 0; index < path.length; index++) {
    const step = path[index]!;
    if (step.kind === 'pair') {
      const parent = path[index - 1];
      const next = path[index + 1];
      if (parent?.kind !== 'node') return undefined;
      const key = keyText(step.pair);
      if (key === undefined) return undefined;
      if (next?.kind === 'node' && next.node === step.pair.key) {
        const range = next.node.range;
        if (!range) return undefined;
        return { key, span: { start: range[0], end: range[1] }, steps, map: parent.node };
      }
      steps.push({ kind: 'key', key, node: parent.node });
    } else if (isSeq(step.node)) {
      const next = path[index + 1];
      if (next?.kind !== 'node') return undefined;
      steps.push({ kind: 'index', index: step.node.items.indexOf(next.node), node: step.node });
    }
  }
  return undefined;
}

function keyText(pair: Pair): string | undefined {
  if (!isScalar(pair.key)) return undefined;
  const value = (pair.key as Scalar).value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

interface WalkContext {
  readonly definitions: SchemaObject | undefined;
}

function asSchema(value: unknown): SchemaObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SchemaObject) : undefined;
}

function childSchema(value: unknown): SchemaObject[] {
  const schema = asSchema(value);
  return schema ? [schema] : [];
}

function stringKeyword(schema: SchemaObject | undefined, keyword: string): string | undefined {
  const value = schema?.[keyword];
  return typeof value === 'string' ? value : undefined;
}

function descriptionOf(schema: SchemaObject | undefined): string | undefined {
  return stringKeyword(schema, 'markdownDescription') ?? stringKeyword(schema, 'description');
}

/** The target of a local `$ref` (`#/definitions/<name>`), once. */
function refTarget(schema: SchemaObject, context: WalkContext): SchemaObject | undefined {
  const ref = stringKeyword(schema, '$ref');
  const prefix = '#/definitions/';
  if (!ref?.startsWith(prefix)) return undefined;
  return asSchema(context.definitions?.[ref.slice(prefix.length)]);
}

/** The schema behind a chain of `$ref`s (the schema itself without one). */
function resolved(schema: SchemaObject, context: WalkContext): SchemaObject {
  let current = schema;
  for (let depth = 0; depth < 16; depth++) {
    const next = refTarget(current, context);
    if (!next) return current;
    current = next;
  }
  return current;
}

/**
 * A schema and everything that applies together with it to `node`: its
 * `$ref` target, `allOf` members, and the `then` or `else` of an `if`
 * decided on the node. With `track`, each is marked when it applies only
 * because of a condition.
 */
function applicableSchemas(schema: SchemaObject, node: unknown, context: WalkContext): SchemaObject[];
function applicableSchemas(
  schema: SchemaObject,
  node: unknown,
  context: WalkContext,
  track: true,
): { schema: SchemaObject; conditional: boolean }[];
function applicableSchemas(
  schema: SchemaObject,
  node: unknown,
  context: WalkContext,
  track?: true,
): SchemaObject[] | { schema: SchemaObject; conditional: boolean }[] {
  const found: { schema: SchemaObject; conditional: boolean }[] = [];
  const visit = (current: SchemaObject, conditional: boolean, depth: number): void => {
    if (depth > 16 || found.some((entry) => entry.schema === current)) return;
    found.push({ schema: current, conditional });
    const target = refTarget(current, context);
    if (target) visit(target, conditional, depth + 1);
    const allOf = current['allOf'];
    if (Array.isArray(allOf)) for (const member of allOf) childSchema(member).forEach((item) => visit(item, conditional, depth + 1));
    const condition = asSchema(current['if']);
    if (condition) {
      const branch = asSchema(matches(condition, node, context) ? current['then'] : current['else']);
      if (branch) visit(branch, true, depth + 1);
    }
  };
  visit(schema, false, 0);
  return track ? found : found.map((entry) => entry.schema);
}

/**
 * A small validator for the conditions an `if` may state about a node:
 * `const`, `enum`, `pattern`, `type`, `required` and `properties`. A node
 * that is not there yet (a half-typed item) matches nothing it would need.
 */
function matches(schema: SchemaObject, node: unknown, context: WalkContext): boolean {
  const ref = refTarget(schema, context);
  if (ref && !matches(ref, node, context)) return false;
  const value = isScalar(node) ? (node as Scalar).value : undefined;
  if ('const' in schema && !(isScalar(node) && value === schema['const'])) return false;
  const enumValues = schema['enum'];
  if (Array.isArray(enumValues) && !(isScalar(node) && enumValues.includes(value))) return false;
  const pattern = stringKeyword(schema, 'pattern');
  if (pattern !== undefined && typeof value === 'string' && !safePattern(pattern).test(value)) return false;
  const type = schema['type'];
  if (typeof type === 'string' && !hasType(node, type)) return false;
  if (Array.isArray(type) && !type.some((entry) => typeof entry === 'string' && hasType(node, entry))) return false;
  const required = schema['required'];
  if (Array.isArray(required) && required.length > 0) {
    if (!isMap(node)) return false;
    if (!required.every((key) => typeof key === 'string' && node.has(key))) return false;
  }
  const properties = asSchema(schema['properties']);
  if (properties && isMap(node)) {
    for (const [key, propertySchema] of Object.entries(properties)) {
      const property = asSchema(propertySchema);
      if (!property || !node.has(key)) continue;
      if (!matches(property, node.get(key, true), context)) return false;
    }
  }
  return true;
}

function hasType(node: unknown, type: string): boolean {
  if (type === 'object') return isMap(node);
  if (type === 'array') return isSeq(node);
  if (!isScalar(node)) return false;
  const value = (node as Scalar).value;
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return false;
  }
}

const patterns = new Map<string, RegExp>();

/** Schema patterns are compiled once; one that is not a valid JS pattern matches nothing. */
function safePattern(pattern: string): RegExp {
  let compiled = patterns.get(pattern);
  if (!compiled) {
    try {
      compiled = new RegExp(pattern, 'u');
    } catch {
      compiled = /(?!)/;
    }
    patterns.set(pattern, compiled);
  }
  return compiled;
}
