import { isMap, isNode, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ParsedDocument } from '../parse/parse-plan-text.js';
import type { Span } from '../model/types.js';
import { asMap, entry, field, spanOf } from '../model/yaml-nodes.js';

/**
 * Raw-YAML helpers for the quality rules. The model leaves out values of
 * the wrong form, but these rules must tell "not written" (their business)
 * from "written wrongly" (the `schema` rule's), so they look at the nodes.
 */

/**
 * The YAML mapping whose node spans exactly `span` (an item's `span` in the
 * model). Found by descending from the root through the nodes whose range
 * contains the span, with a binary search over each sequence's items: a few
 * steps for any item of the plan, where a table of every mapping would visit
 * the whole document again after each edit.
 */
export function mapAt(parsed: ParsedDocument, span: Span): YAMLMap | undefined {
  let node: unknown = parsed.doc.contents;
  while (isNode(node) && contains(node, span)) {
    if (isMap(node) && node.range?.[0] === span.start && node.range[1] === span.end) return node;
    node = childContaining(node, span);
  }
  return undefined;
}

function contains(node: Node, span: Span): boolean {
  const range = node.range;
  return !!range && range[0] <= span.start && span.end <= range[1];
}

/** The key or value of a pair, or the item of a sequence, whose range contains `span`. */
function childContaining(node: Node, span: Span): unknown {
  if (isMap(node)) {
    for (const pair of node.items) {
      const part = partContaining(pair, span);
      if (part !== undefined) return part;
    }
    return undefined;
  }
  if (!isSeq(node)) return undefined;
  const items = node.items;
  // Items are in document order: only the last one starting at or before the span can contain it.
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = itemStart(items[middle]);
    if (start === undefined) return scanItems(items, span);
    if (start <= span.start) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const item = items[found];
  return isPair(item) ? partContaining(item, span) : item;
}

/** Each item in turn, for a sequence with an item that has no range. */
function scanItems(items: readonly unknown[], span: Span): unknown {
  for (const item of items) {
    const node = isPair(item) ? partContaining(item, span) : item;
    if (isNode(node) && contains(node, span)) return node;
  }
  return undefined;
}

function partContaining(pair: Pair, span: Span): Node | undefined {
  if (isNode(pair.key) && contains(pair.key, span)) return pair.key;
  if (isNode(pair.value) && contains(pair.value, span)) return pair.value;
  return undefined;
}

/** Where a sequence item starts: its node's, or for a pair (`[a: 1]`), its key's or value's. */
function itemStart(item: unknown): number | undefined {
  if (isNode(item)) return item.range?.[0];
  if (!isPair(item)) return undefined;
  if (isNode(item.key)) return item.key.range?.[0];
  return isNode(item.value) ? item.value.range?.[0] : undefined;
}

/** The span of a mapping's first key, where a finding on an item without `id` goes. */
export function firstKeySpan(map: YAMLMap | undefined): Span | undefined {
  const first = map?.items[0];
  if (!first) return undefined;
  return isNode(first.key) ? spanOf(first.key) : undefined;
}

/** Where a finding about an item goes: its id, else its first key, else the whole item. */
export function itemAnchor(parsed: ParsedDocument, item: { readonly id?: { readonly span: Span }; readonly span: Span }): Span {
  return item.id?.span ?? firstKeySpan(mapAt(parsed, item.span)) ?? item.span;
}

/** True when `key:` is absent, empty (`key:`), or an empty or blank string. */
export function isUnwritten(map: YAMLMap | undefined, key: string): boolean {
  const found = entry(map, key);
  if (!found) return true;
  const value = found.value;
  if (value === null || value === undefined) return true;
  if (!isScalar(value)) return false;
  return value.value === null || (typeof value.value === 'string' && value.value.trim() === '');
}

/** The root mapping of the document, when it is one. */
export function rootMap(parsed: ParsedDocument): YAMLMap | undefined {
  return asMap(parsed.doc.contents);
}

/** The `plan` mapping, when it is one. */
export function planMap(parsed: ParsedDocument): YAMLMap | undefined {
  return asMap(field(rootMap(parsed), 'plan'));
}

/** True when a top-level list is absent, `key:` with nothing, or `[]`. */
export function isEmptySection(parsed: ParsedDocument, key: string): boolean {
  const root = rootMap(parsed);
  if (isUnwritten(root, key)) return true;
  const value = field(root, key);
  // A list of the wrong form (a map, a scalar) is the schema rule's business.
  return isSeq(value) && value.items.length === 0;
}
