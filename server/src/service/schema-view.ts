import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import { planSchema } from '../schema/plan-schema.js';

/**
 * The one read-only view of schemas/crmplan.schema.json that the editor
 * features share (completion, hover, the value kinds). The schema is the one
 * place that knows which keys exist where, what they mean
 * (markdownDescription) and which values an enum allows
 * (markdownEnumDescriptions).
 *
 * A place in the document is reached along its path: `properties` for a
 * mapping key, `items` for a list entry, `$ref` into `definitions`, `allOf`,
 * and `if`/`then`/`else` decided on the document's node at each step (a task
 * with `milestone: true` takes the `then` branch). Every schema that applies
 * at a place is kept (`applicable`); the place's own schema (`outer`, `node`)
 * is the first child found in a schema that applies unconditionally, so that
 * completion and hover, both asking here, describe the same schema node.
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
  readonly patternErrorMessage?: string;
  readonly allOf?: readonly SchemaNode[];
  readonly if?: SchemaNode;
  readonly then?: SchemaNode;
  readonly else?: SchemaNode;
  readonly defaultSnippets?: readonly DefaultSnippet[];
}

/** A `defaultSnippets` entry (Red Hat YAML's extension): the body is the item as JSON with snippet syntax in strings. */
export interface DefaultSnippet {
  readonly label: string;
  readonly description?: string;
  readonly body: unknown;
}

/** A schema that applies at a place, and whether only because an `if` decided so. */
export interface ApplicableSchema {
  readonly schema: SchemaNode;
  readonly conditional: boolean;
}

/** The schema at a place, with its `$ref` chain followed and everything else that applies there. */
export interface ResolvedSchema {
  /** The node as written where it is used (a property's own `default` lives here). */
  readonly outer: SchemaNode;
  /** The definition reached at the end of the `$ref` chain. */
  readonly node: SchemaNode;
  /** The definition names followed, outermost first (`personRef`, `taskKind`, ...). */
  readonly refs: readonly string[];
  /** The markdown description of the outermost node that has one (a property's own text wins). */
  readonly description?: string;
  /** Every schema that applies here: `outer`, its `$ref` targets, `allOf` members, the `then`/`else` taken. */
  readonly applicable: readonly ApplicableSchema[];
}

/** A step from a node to a child: a mapping key, or a list index. */
export type PathSegment = string | number;

/** The last mapping key on a path: the key a list item's value kind is decided by (`depends_on` for its items). */
export function lastKey(path: readonly PathSegment[]): string | undefined {
  for (let index = path.length - 1; index >= 0; index--) {
    const segment = path[index];
    if (typeof segment === 'string') return segment;
  }
  return undefined;
}

/** One step of a path with the document's node reached by it, if the document has one there. */
export interface PathStep {
  readonly segment: PathSegment;
  readonly node: unknown;
}

const ROOT = planSchema as SchemaNode & { readonly definitions?: Readonly<Record<string, SchemaNode>> };
const DEFINITIONS = ROOT.definitions ?? {};
const DEFINITION_PREFIX = '#/definitions/';
/** The schema has no recursive `$ref`s; the bound guards against a future one. */
const MAX_DEPTH = 16;

/** The schema definition named `name` (`task`, `personRef`), as written. */
export function schemaDefinition(name: string): SchemaNode | undefined {
  return DEFINITIONS[name];
}

/** The definition names of the schema, in schema order. */
export function definitionNames(): string[] {
  return Object.keys(DEFINITIONS);
}

function refTarget(node: SchemaNode): { name: string; target: SchemaNode } | undefined {
  const ref = node.$ref;
  if (!ref) return undefined;
  const name = ref.startsWith(DEFINITION_PREFIX) ? ref.slice(DEFINITION_PREFIX.length) : ref;
  const target = DEFINITIONS[name];
  return target ? { name, target } : undefined;
}

/** `node` with its `$ref` chain followed, evaluated against the document's node there (when known). */
export function resolveSchema(node: SchemaNode, documentNode?: unknown): ResolvedSchema {
  return resolveSources([{ schema: node, conditional: false }], documentNode);
}

/**
 * The place's schema from the schemas that describe it (one per parent
 * schema that has the child): the first unconditional one is the place's
 * own, the rest still apply.
 */
function resolveSources(sources: readonly ApplicableSchema[], documentNode: unknown): ResolvedSchema {
  const own = sources.find((source) => !source.conditional) ?? sources[0]!;
  const refs: string[] = [];
  let description = own.schema.markdownDescription ?? own.schema.description;
  let current = own.schema;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const next = refTarget(current);
    if (!next) break;
    refs.push(next.name);
    current = next.target;
    description ??= current.markdownDescription ?? current.description;
  }
  const applicable: ApplicableSchema[] = [];
  for (const source of sources) collectApplicable(source.schema, source.conditional, documentNode, applicable, 0);
  return { outer: own.schema, node: current, refs, ...(description !== undefined ? { description } : {}), applicable };
}

/**
 * A schema and everything that applies together with it to `node`: its
 * `$ref` target, `allOf` members, and the `then` or `else` of an `if`
 * decided on the node (marked conditional).
 */
function collectApplicable(schema: SchemaNode, conditional: boolean, node: unknown, found: ApplicableSchema[], depth: number): void {
  if (depth > MAX_DEPTH || found.some((entry) => entry.schema === schema)) return;
  found.push({ schema, conditional });
  const target = refTarget(schema)?.target;
  if (target) collectApplicable(target, conditional, node, found, depth + 1);
  for (const member of schema.allOf ?? []) collectApplicable(member, conditional, node, found, depth + 1);
  if (schema.if) {
    const branch = matches(schema.if, node) ? schema.then : schema.else;
    if (branch) collectApplicable(branch, true, node, found, depth + 1);
  }
}

/** The schema of the root of a plan. */
export function rootSchema(root?: unknown): ResolvedSchema {
  return resolveSchema(ROOT, root);
}

/**
 * The schema of the child `segment` (a key, or an index for a list's
 * items) of a place, from every schema that applies there; undefined off
 * the schema. `documentNode` is the child's node in the document, for its
 * own conditions.
 */
export function childSchema(parent: ResolvedSchema, segment: PathSegment, documentNode?: unknown): ResolvedSchema | undefined {
  const sources: ApplicableSchema[] = [];
  for (const { schema, conditional } of parent.applicable) {
    const child = typeof segment === 'number' ? schema.items : schema.properties?.[segment];
    if (child) sources.push({ schema: child, conditional });
  }
  return sources.length > 0 ? resolveSources(sources, documentNode) : undefined;
}

/** The schema along a path whose document nodes are known (from the cursor's AST path). */
export function schemaAlong(root: unknown, steps: readonly PathStep[]): ResolvedSchema | undefined {
  let resolved: ResolvedSchema | undefined = rootSchema(root);
  for (const step of steps) {
    resolved = childSchema(resolved, step.segment, step.node);
    if (!resolved) return undefined;
  }
  return resolved;
}

/**
 * The schema of the node at `path` from the document root, or undefined
 * off the schema. With the document's root, conditions are decided on the
 * nodes found along the path (an index the document lacks finds none).
 */
export function schemaAtPath(path: readonly PathSegment[], root?: unknown): ResolvedSchema | undefined {
  const steps: PathStep[] = [];
  let node = root;
  for (const segment of path) {
    node = childNode(node, segment);
    steps.push({ segment, node });
  }
  return schemaAlong(root, steps);
}

function childNode(node: unknown, segment: PathSegment): unknown {
  if (typeof segment === 'number') return isSeq(node) ? node.items[segment] : undefined;
  return isMap(node) ? node.get(segment, true) : undefined;
}

export function hasType(schema: ResolvedSchema, type: string): boolean {
  const declared = schema.node.type;
  return declared === type || (Array.isArray(declared) && declared.includes(type));
}

/** A property of a mapping schema with the descriptions that apply to it only under a condition. */
export interface PropertySchema {
  readonly name: string;
  readonly schema: ResolvedSchema;
  readonly required: boolean;
  /**
   * Descriptions that apply because of a condition on the mapping (a
   * task's `duration` when the task is a milestone), other than the
   * property's own.
   */
  readonly conditional: readonly string[];
}

/** The property `name` of a mapping schema, or undefined where the schema has no such key. */
export function propertyOf(schema: ResolvedSchema, name: string): PropertySchema | undefined {
  const child = childSchema(schema, name);
  if (!child) return undefined;
  const required = schema.applicable.some((entry) => !entry.conditional && (entry.schema.required ?? []).includes(name));
  const conditional: string[] = [];
  for (const { schema: holder, conditional: onCondition } of schema.applicable) {
    const property = holder.properties?.[name];
    if (!onCondition || !property || property === child.outer) continue;
    const markdown = ownDescription(property);
    if (markdown !== undefined && markdown !== child.description && !conditional.includes(markdown)) conditional.push(markdown);
  }
  return { name, schema: child, required, conditional };
}

/** A property's description as written, or its definition's. */
function ownDescription(property: SchemaNode): string | undefined {
  return property.markdownDescription ?? property.description ?? resolveSchema(property).description;
}

/** The properties of a mapping schema, in schema order, with `required` flags. */
export function propertiesOf(schema: ResolvedSchema): PropertySchema[] {
  const names: string[] = [];
  for (const { schema: holder } of schema.applicable) {
    for (const name of Object.keys(holder.properties ?? {})) if (!names.includes(name)) names.push(name);
  }
  return names.flatMap((name) => {
    const property = propertyOf(schema, name);
    return property ? [property] : [];
  });
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

/**
 * A small validator for the conditions an `if` may state about a node:
 * `const`, `enum`, `pattern`, `type`, `required` and `properties`. A node
 * that is not there yet (a half-typed item) matches nothing it would need.
 */
function matches(schema: SchemaNode, node: unknown): boolean {
  const ref = refTarget(schema)?.target;
  if (ref && !matches(ref, node)) return false;
  const value = isScalar(node) ? (node as Scalar).value : undefined;
  if ('const' in schema && !(isScalar(node) && value === schema.const)) return false;
  if (Array.isArray(schema.enum) && !(isScalar(node) && schema.enum.includes(value))) return false;
  if (schema.pattern !== undefined && typeof value === 'string' && !safePattern(schema.pattern).test(value)) return false;
  const type = schema.type;
  if (typeof type === 'string' && !nodeHasType(node, type)) return false;
  if (Array.isArray(type) && !type.some((entry) => typeof entry === 'string' && nodeHasType(node, entry))) return false;
  const required = schema.required;
  if (Array.isArray(required) && required.length > 0) {
    if (!isMap(node)) return false;
    if (!required.every((key) => typeof key === 'string' && node.has(key))) return false;
  }
  if (schema.properties && isMap(node)) {
    for (const [key, property] of Object.entries(schema.properties)) {
      if (!node.has(key)) continue;
      if (!matches(property, node.get(key, true))) return false;
    }
  }
  return true;
}

function nodeHasType(node: unknown, type: string): boolean {
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
