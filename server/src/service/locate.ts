import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { Declaration } from '../model/symbols.js';
import type { Namespace, Span } from '../model/types.js';
import type { PlanAnalysis } from '../analysis/analyze-plan.js';
import { pathAtOffset } from '../parse/syntax-nodes.js';
import { cursorContext, type CursorContext } from './features/completion-context.js';
import { childSchema, schemaAlong, schemaAtPath, type PathSegment, type PathStep, type ResolvedSchema } from './schema-view.js';

/**
 * The one cursor locator of the editor features (completion, hover,
 * navigation, rename): where an offset is in the analysed plan and what the
 * schema says about that place. It reads the analysis's own parse (a binary
 * search over each collection's items, never a new parse of the text) and
 * its model's spans.
 *
 * - `path`, `node`, `on`: the YAML node under the cursor in the analysed
 *   document and the keys and indexes from the root to it. On a key the
 *   path ends with the key's name; on a value, with the key or index that
 *   holds it.
 * - `schema`: the schema of that place from schema-view.ts (`$ref`, `allOf`
 *   and `if`/`then` decided on the document's nodes along the path); on a
 *   key, the schema of the key's property, which is what hover describes
 *   and what completion offers the key from.
 * - `id`: the declaration or reference whose id is under the cursor.
 * - `typing()`: where the cursor is for completion, in text that is being
 *   typed and often not valid YAML yet (completion-context.ts recovers it
 *   from a copy of the part of the plan that holds the cursor), with the
 *   schema of that place from the same view.
 *
 * Each part is computed when first asked for: hover never pays for the
 * recovery, completion never scans the model's spans, navigation never
 * walks the AST.
 */
export interface CursorLocation {
  readonly offset: number;
  /** Keys and indexes from the root to `node`. */
  readonly path: readonly PathSegment[];
  /** The innermost node of the analysed document that holds the offset. */
  readonly node: Node | undefined;
  /** On a mapping key, on a value (a scalar, or inside a collection), or on no node (a blank line, a comment). */
  readonly on: 'key' | 'value' | 'none';
  /** The key under the cursor (`on: 'key'`): its text and its scalar's span. */
  readonly key?: { readonly name: string; readonly span: Span };
  /** The mapping that holds the key under the cursor (`on: 'key'`). */
  readonly keyHolder?: Node;
  /** The schema of that mapping (`on: 'key'`): where the key's property and its conditional texts come from. */
  readonly holderSchema?: ResolvedSchema;
  /** The schema at `path`, or undefined off the schema. */
  readonly schema: ResolvedSchema | undefined;
  /** The id under the cursor: a declaration's `id` or a reference to one. */
  readonly id: IdAtOffset | undefined;
  /** Where the cursor is for completion (the text may be half typed). */
  typing(): TypingLocation;
}

/** The id under the cursor: a declaration's `id` or a reference to one. */
export interface IdAtOffset {
  readonly id: string;
  readonly namespace: Namespace;
  /** The id text under the cursor (inside `due: 30d after <id>` only the id). */
  readonly span: Span;
  /** Set when the cursor is on a declaration rather than on a reference. */
  readonly declaration?: Declaration;
}

/** The cursor's place for completion, with the schema of its path (a key's mapping, a value, a list). */
export interface TypingLocation {
  readonly context: CursorContext;
  /** The schema at the place's path (the mapping for a key, the list for an item, the value's own). */
  readonly schema: ResolvedSchema | undefined;
  /** The schema of another path, decided on the analysed document's nodes (for items one level down). */
  schemaAt(path: readonly PathSegment[]): ResolvedSchema | undefined;
}

export function locate(analysis: Pick<PlanAnalysis, 'parsed' | 'model' | 'symbols'>, offset: number): CursorLocation {
  const { text, doc } = analysis.parsed;
  const root = doc.contents;
  // Each part is found when first asked for: navigation needs only the id, completion only its typing place.
  let found: AstPlace | undefined;
  const place = (): AstPlace => (found ??= astPlace(text, root, offset));
  let id: { value: IdAtOffset | undefined } | undefined;
  let typing: TypingLocation | undefined;
  return {
    offset,
    get path() {
      return place().path;
    },
    get node() {
      return place().node;
    },
    get on() {
      return place().on;
    },
    get key() {
      return place().key;
    },
    get keyHolder() {
      return place().keyHolder;
    },
    get holderSchema() {
      return place().holderSchema;
    },
    get schema() {
      return place().schema;
    },
    get id(): IdAtOffset | undefined {
      id ??= { value: idAtOffset(analysis, offset) };
      return id.value;
    },
    typing(): TypingLocation {
      if (!typing) {
        const context = cursorContext(analysis.parsed, offset);
        const schemaAt = (path: readonly PathSegment[]): ResolvedSchema | undefined => schemaAtPath(path, root);
        const place = context.place;
        typing = { context, schema: place.kind === 'none' ? undefined : schemaAt(place.path), schemaAt };
      }
      return typing;
    },
  };
}

type AstPlace = Pick<CursorLocation, 'path' | 'node' | 'on' | 'key' | 'keyHolder' | 'holderSchema' | 'schema'>;

/** The node under the cursor in the analysed document, its path and its schema. */
function astPlace(text: string, root: unknown, offset: number): AstPlace {
  const chain = pathAtOffset(text, root, offset);
  const steps: PathStep[] = [];
  let node: Node | undefined;
  for (let index = 0; index < chain.length; index++) {
    const step = chain[index]!;
    if (step.kind === 'node') {
      node = step.node;
      if (!isSeq(step.node)) continue;
      const next = chain[index + 1];
      if (next?.kind !== 'node') continue;
      steps.push({ segment: step.node.items.indexOf(next.node), node: next.node });
      continue;
    }
    const holder = chain[index - 1];
    const next = chain[index + 1];
    // Between a key and its value (on the colon): inside the mapping.
    if (next === undefined) break;
    const name = keyText(step.pair.key);
    if (holder?.kind !== 'node' || !isMap(holder.node) || name === undefined) return offSchema(steps, node);
    if (next?.kind === 'node' && next.node === step.pair.key) {
      const range = next.node.range;
      if (!range) return offSchema(steps, node);
      const holderSchema = schemaAlong(root, steps);
      return {
        path: [...steps.map((entry) => entry.segment), name],
        node: next.node,
        on: 'key',
        key: { name, span: { start: range[0], end: range[1] } },
        keyHolder: holder.node,
        ...(holderSchema ? { holderSchema } : {}),
        schema: holderSchema && childSchema(holderSchema, name, step.pair.value),
      };
    }
    steps.push({ segment: name, node: step.pair.value });
  }
  if (!node) return { path: [], node: undefined, on: 'none', schema: undefined };
  return { path: steps.map((entry) => entry.segment), node, on: 'value', schema: schemaAlong(root, steps) };
}

/** A node under a key that is no plain scalar (`? [a, b]: x`): there, the schema says nothing. */
function offSchema(steps: readonly PathStep[], node: Node | undefined): AstPlace {
  return { path: steps.map((entry) => entry.segment), node, on: node ? 'value' : 'none', schema: undefined };
}

function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const value = (key as Scalar).value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/**
 * The declaration or reference at `offset`, from the model's spans. A
 * cursor right after the last character still counts (that is where it
 * sits after typing or double-clicking an id); a span that strictly
 * contains the offset wins over one that merely ends there.
 */
function idAtOffset(analysis: Pick<PlanAnalysis, 'model' | 'symbols'>, offset: number): IdAtOffset | undefined {
  let touching: IdAtOffset | undefined;
  const consider = (candidate: IdAtOffset): IdAtOffset | undefined => {
    if (candidate.span.start <= offset && offset < candidate.span.end) return candidate;
    if (offset === candidate.span.end && !touching) touching = candidate;
    return undefined;
  };
  for (const declaration of analysis.symbols.declarations) {
    const hit = consider({ id: declaration.id, namespace: declaration.namespace, span: declaration.span, declaration });
    if (hit) return hit;
  }
  for (const reference of analysis.model.references) {
    const hit = consider({ id: reference.id, namespace: reference.namespace, span: reference.span });
    if (hit) return hit;
  }
  return touching;
}
