import { isDocument, isMap, isNode, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Span } from '../parse/span.js';
import { contentEnd, trimEnd } from '../parse/syntax-nodes.js';

/**
 * The yaml node at a span: the one place that turns the spans the model and
 * the findings carry (model spans are node ranges, `[range[0], range[1]]`)
 * back into nodes, for quick fixes, rules that read raw YAML and editor
 * features.
 *
 * Found by descending from the root through the nodes whose range contains
 * the span, with a binary search over each collection's items: a few steps
 * for any item of the plan, where a visit of the whole document would cost
 * a pass over it for each lookup, after every edit.
 */

export interface LocatedNode {
  readonly node: Node;
  /** The ancestors from the root (the document, when one was given) down to the node's parent: collections and pairs. */
  readonly ancestors: readonly unknown[];
}

/**
 * The outermost mapping, sequence or scalar whose range starts and ends
 * where `span` does, with its ancestors. `root` is a document or a node
 * (a document's `contents`).
 */
export function locateNode(root: unknown, span: Span): LocatedNode | undefined {
  const ancestors: unknown[] = [];
  let node: unknown = root;
  if (isDocument(root)) {
    ancestors.push(root);
    node = root.contents;
  }
  while (isNode(node) && contains(node, span)) {
    const range = node.range!;
    if ((isMap(node) || isSeq(node) || isScalar(node)) && range[0] === span.start && range[1] === span.end) return { node, ancestors };
    ancestors.push(node);
    node = childContaining(node, span, ancestors);
  }
  return undefined;
}

/** The node at `span`, without its ancestors. */
export function nodeAtSpan(root: unknown, span: Span): Node | undefined {
  return locateNode(root, span)?.node;
}

/** The mapping whose range is `span` (an item's `span` in the model). */
export function mapAtSpan(root: unknown, span: Span): YAMLMap | undefined {
  const node = nodeAtSpan(root, span);
  return isMap(node) ? node : undefined;
}

/** The scalar whose range is `span` (ids and references are such scalars). */
export function scalarAtSpan(root: unknown, span: Span): Scalar | undefined {
  const node = nodeAtSpan(root, span);
  return isScalar(node) ? node : undefined;
}

/** A sequence item together with the sequence and its position in it. */
export interface SeqItem {
  readonly seq: YAMLSeq;
  readonly index: number;
  readonly node: Node;
}

/** The node at `span` when it is an item of a sequence. */
export function seqItemAtSpan(root: unknown, span: Span): SeqItem | undefined {
  const located = locateNode(root, span);
  const parent = located?.ancestors[located.ancestors.length - 1];
  if (!located || !isSeq(parent)) return undefined;
  const index = parent.items.indexOf(located.node);
  return index >= 0 ? { seq: parent, index, node: located.node } : undefined;
}

/** The pair whose value is the node (the `depends_on:` of a list), when the node is a mapping value. */
export function parentPair(located: LocatedNode): { readonly map: YAMLMap; readonly pair: Pair } | undefined {
  const pair = located.ancestors[located.ancestors.length - 1];
  const map = located.ancestors[located.ancestors.length - 2];
  if (!isMap(map)) return undefined;
  const found = map.items.find((candidate) => candidate === pair && candidate.value === located.node);
  return found ? { map, pair: found } : undefined;
}

/** The mapping a pair belongs to, found from the pair's key span. */
export function pairWithKeyAtSpan(root: unknown, keySpan: Span): { readonly map: YAMLMap; readonly pair: Pair } | undefined {
  const located = locateNode(root, keySpan);
  if (!located || !isScalar(located.node)) return undefined;
  const pair = located.ancestors[located.ancestors.length - 1];
  const map = located.ancestors[located.ancestors.length - 2];
  if (!isMap(map)) return undefined;
  const found = map.items.find((candidate) => candidate === pair && candidate.key === located.node);
  return found ? { map, pair: found } : undefined;
}

/** A model span cut back to the content of its node (no trailing comments or blank lines). */
export function trimmedSpan(text: string, root: unknown, span: Span): Span {
  const node = nodeAtSpan(root, span);
  if (node) return { start: span.start, end: contentEnd(text, node) };
  return { start: span.start, end: trimEnd(text, span.start, span.end) };
}

function contains(node: Node, span: Span): boolean {
  const range = node.range;
  return !!range && range[0] <= span.start && span.end <= range[1];
}

/**
 * The key or value of a pair, or the item of a sequence, whose range
 * contains `span`; a pair passed through is pushed on `ancestors`.
 */
function childContaining(node: Node, span: Span, ancestors: unknown[]): unknown {
  if (!isMap(node) && !isSeq(node)) return undefined;
  const items: readonly unknown[] = node.items;
  const inItem = (item: unknown): unknown => {
    if (!isPair(item)) return item;
    const part = partContaining(item, span);
    if (part !== undefined) ancestors.push(item);
    return part;
  };
  // Items are in document order and do not overlap: only the last one
  // starting at or before the span can contain it.
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = itemStart(items[middle]);
    if (start === undefined) return scanItems(items, span, inItem);
    if (start <= span.start) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found < 0 ? undefined : inItem(items[found]);
}

/** Each item in turn, for a collection with an item that has no start (a pair without key or value). */
function scanItems(items: readonly unknown[], span: Span, inItem: (item: unknown) => unknown): unknown {
  for (const item of items) {
    const holds = isPair(item) ? partContaining(item, span) !== undefined : isNode(item) && contains(item, span);
    if (holds) return inItem(item);
  }
  return undefined;
}

function partContaining(pair: Pair, span: Span): Node | undefined {
  if (isNode(pair.key) && contains(pair.key, span)) return pair.key;
  if (isNode(pair.value) && contains(pair.value, span)) return pair.value;
  return undefined;
}

/** Where an item starts: its node's, or for a pair, its key's or value's. */
function itemStart(item: unknown): number | undefined {
  if (isNode(item)) return item.range?.[0];
  if (!isPair(item)) return undefined;
  if (isNode(item.key)) return item.key.range?.[0];
  return isNode(item.value) ? item.value.range?.[0] : undefined;
}
