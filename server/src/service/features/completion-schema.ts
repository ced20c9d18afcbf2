import { planSchema } from '../../schema/plan-schema.js';

/**
 * A read-only view of schemas/crmplan.schema.json for completion: the
 * schema is the one place that knows which keys exist where, what they
 * mean (markdownDescription) and which values an enum allows
 * (markdownEnumDescriptions), so completion walks it instead of keeping a
 * second list that could drift.
 */
export interface SchemaNode {
  readonly $ref?: string;
  readonly title?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly enumDescriptions?: readonly string[];
  readonly markdownEnumDescriptions?: readonly string[];
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly pattern?: string;
}

/** A schema node with its `$ref` chain followed. */
export interface ResolvedSchema {
  /** The node as written where it is used (a property's own `default` lives here). */
  readonly outer: SchemaNode;
  /** The definition reached at the end of the `$ref` chain. */
  readonly node: SchemaNode;
  /** The definition names followed, outermost first (`personRef`, `taskKind`, ...). */
  readonly refs: readonly string[];
  /** The markdown description of the outermost node that has one (a property's own text wins). */
  readonly description?: string;
}

/** A step from a node to a child: a mapping key, or a list index (any number). */
export type PathSegment = string | number;

const ROOT = planSchema as SchemaNode & { readonly definitions?: Readonly<Record<string, SchemaNode>> };
const DEFINITIONS = ROOT.definitions ?? {};
const DEFINITION_PREFIX = '#/definitions/';

export function resolveSchema(node: SchemaNode): ResolvedSchema {
  const refs: string[] = [];
  let description = node.markdownDescription ?? node.description;
  let current = node;
  // The schema has no recursive $refs; the bound guards against a future one.
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    const name = current.$ref.startsWith(DEFINITION_PREFIX) ? current.$ref.slice(DEFINITION_PREFIX.length) : current.$ref;
    const target = DEFINITIONS[name];
    if (!target) break;
    refs.push(name);
    current = target;
    description ??= current.markdownDescription ?? current.description;
  }
  return { outer: node, node: current, refs, ...(description !== undefined ? { description } : {}) };
}

/** The schema of the node at `path` from the document root, or undefined off the schema. */
export function schemaAtPath(path: readonly PathSegment[]): ResolvedSchema | undefined {
  let resolved = resolveSchema(ROOT);
  for (const segment of path) {
    const next = typeof segment === 'number' ? resolved.node.items : resolved.node.properties?.[segment];
    if (!next) return undefined;
    resolved = resolveSchema(next);
  }
  return resolved;
}

export function hasType(schema: ResolvedSchema, type: string): boolean {
  const declared = schema.node.type;
  return declared === type || (Array.isArray(declared) && declared.includes(type));
}

/** The properties of a mapping schema, in schema order, with `required` flags. */
export function propertiesOf(schema: ResolvedSchema): { name: string; schema: ResolvedSchema; required: boolean }[] {
  const properties = schema.node.properties ?? {};
  const required = new Set(schema.node.required ?? []);
  return Object.entries(properties).map(([name, node]) => ({ name, schema: resolveSchema(node), required: required.has(name) }));
}

/** Enum values with their markdown descriptions, in schema order. */
export function enumValues(schema: ResolvedSchema): { value: string; description?: string }[] {
  const values = schema.node.enum ?? [];
  const descriptions = schema.node.markdownEnumDescriptions ?? schema.node.enumDescriptions ?? [];
  return values.map((value, index) => {
    const description = descriptions[index];
    return { value: String(value), ...(description !== undefined ? { description } : {}) };
  });
}
