import { isMap, isScalar, isSeq, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Span } from '../model/types.js';
import { dashBefore } from '../parse/incremental-parse.js';

/**
 * Finds the yaml nodes a fix edits from the spans the model and the
 * findings carry (model spans are node ranges), and the few offsets the
 * AST does not keep, a pair's `:` and a block sequence item's `-`, from the
 * text next to the node ranges.
 */

export interface LocatedNode {
  readonly node: Node;
  /** The ancestors from the document down to the node's parent (documents, collections and pairs). */
  readonly ancestors: readonly unknown[];
}

/** The node whose range starts and ends where `span` does, with its ancestors. */
export function locateNode(doc: Document.Parsed, span: Span): LocatedNode | undefined {
  let found: LocatedNode | undefined;
  visit(doc, (_key, node, path) => {
    if (!isNodeWithRange(node)) return undefined;
    const range = node.range;
    // Nodes that start after the span or end before it cannot hold it.
    if (range[0] > span.start || range[2] < span.start) return visit.SKIP;
    if (range[0] === span.start && range[1] === span.end) {
      found = { node, ancestors: [...path] };
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

function isNodeWithRange(node: unknown): node is Node & { range: [number, number, number] } {
  return (isMap(node) || isSeq(node) || isScalar(node)) && Array.isArray(node.range);
}

/** The mapping whose range is `span` (an item's `span` in the model). */
export function mapAtSpan(doc: Document.Parsed, span: Span): YAMLMap | undefined {
  const located = locateNode(doc, span);
  return located && isMap(located.node) ? located.node : undefined;
}

/** The scalar whose range is `span` (ids and references are such scalars). */
export function scalarAtSpan(doc: Document.Parsed, span: Span): Scalar | undefined {
  const located = locateNode(doc, span);
  return located && isScalar(located.node) ? located.node : undefined;
}

/** A sequence item together with the sequence and its position in it. */
export interface SeqItem {
  readonly seq: YAMLSeq;
  readonly index: number;
  readonly node: Node;
}

/** The node at `span` when it is an item of a sequence. */
export function seqItemAtSpan(doc: Document.Parsed, span: Span): SeqItem | undefined {
  const located = locateNode(doc, span);
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

/** The entry of `map` whose key is the plain text `key`. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** The mapping a pair belongs to, found from the pair's key span. */
export function pairWithKeyAtSpan(doc: Document.Parsed, keySpan: Span): { readonly map: YAMLMap; readonly pair: Pair } | undefined {
  const located = locateNode(doc, keySpan);
  if (!located || !isScalar(located.node)) return undefined;
  const pair = located.ancestors[located.ancestors.length - 1];
  const map = located.ancestors[located.ancestors.length - 2];
  if (!isMap(map)) return undefined;
  const found = map.items.find((candidate) => candidate === pair && candidate.key === located.node);
  return found ? { map, pair: found } : undefined;
}

/** The offset just after the `:` of a pair (where a value goes in `key:`). */
export function colonEnd(text: string, pair: Pair): number | undefined {
  const key = isScalar(pair.key) ? pair.key.range : undefined;
  if (!key) return undefined;
  // Between a key and its `:` there is only white space (and, after an
  // explicit `? key`, line breaks and comments).
  let at = key[1];
  while (at < text.length) {
    const char = text[at];
    if (char === ':') return at + 1;
    if (char === '#') {
      const newline = text.indexOf('\n', at);
      if (newline < 0) return undefined;
      at = newline + 1;
    } else if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      at++;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** The offset of the `-` of a block sequence's item. */
export function dashOffset(text: string, seq: YAMLSeq, index: number): number | undefined {
  const item = seq.items[index];
  if (seq.flow || !isNodeWithRange(item)) return undefined;
  return dashBefore(text, item.range[0]);
}
