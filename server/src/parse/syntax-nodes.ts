import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar } from 'yaml';
import type { Span } from './span.js';

/**
 * Read-only walks over the yaml AST that the editor features share. They use
 * node ranges only; the text is read solely to step back over whitespace at
 * the end of a node, never searched.
 *
 * eemeli/yaml gives a block mapping a range that runs on over the comments
 * and blank lines after its last entry (up to the next sibling's dash), so a
 * comment that introduces the *next* item would count as part of this one.
 * `contentEnd` therefore ends a block collection where its last entry's
 * value ends.
 */

/** End offset of the node's own content: no trailing comments, blank lines or newline. */
export function contentEnd(text: string, node: Node): number {
  const range = node.range;
  if (!range) return 0;
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    const end = isPair(last) ? pairEnd(text, last) : isNodeValue(last) ? contentEnd(text, last) : undefined;
    if (end !== undefined) return end;
  }
  return trimEnd(text, range[0], range[1]);
}

/** The node from its first character to its content end. */
export function contentSpan(text: string, node: Node): Span | undefined {
  const range = node.range;
  return range ? { start: range[0], end: contentEnd(text, node) } : undefined;
}

/** `key: value` from the key's first character to the value's content end. */
export function pairSpan(text: string, pair: Pair): Span | undefined {
  const key = isNodeValue(pair.key) ? pair.key : undefined;
  const start = key?.range?.[0];
  const end = pairEnd(text, pair);
  return start !== undefined && end !== undefined ? { start, end } : undefined;
}

function pairEnd(text: string, pair: Pair): number | undefined {
  const value = isNodeValue(pair.value) ? pair.value : undefined;
  // `key:` with nothing after it has an empty null scalar right after the colon.
  if (value?.range && !isEmpty(value)) return contentEnd(text, value);
  const key = isNodeValue(pair.key) ? pair.key : undefined;
  if (!key?.range) return value?.range?.[1];
  return Math.max(contentEnd(text, key), value?.range?.[1] ?? 0);
}

/** True for the empty null scalar of `key:` or a bare `-`. */
export function isEmpty(node: Node): boolean {
  const range = node.range;
  return !range || range[0] === range[1];
}

/**
 * True for a document with nothing in it: blanks and comments only, or the
 * empty value after a lone `---`. The file of a plan not started yet.
 */
export function isEmptyDocument(doc: Document): boolean {
  const contents = doc.contents;
  return contents === null || (isScalar(contents) && isEmpty(contents));
}

export function isNodeValue(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

/** `end` moved back over white space, not before `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  let result = Math.min(end, text.length);
  while (result > start && isWhitespace(text.charCodeAt(result - 1))) result--;
  return result;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** One step of the path from the root to the node at an offset. */
export type PathStep = { readonly kind: 'node'; readonly node: Node } | { readonly kind: 'pair'; readonly pair: Pair };

/**
 * The chain of nodes and pairs that contain `offset`, outermost first. A
 * node contains the offsets from its start up to and including its content
 * end, so a cursor just after an id still counts as on it.
 */
export function pathAtOffset(text: string, root: unknown, offset: number): PathStep[] {
  const path: PathStep[] = [];
  let current: Node | undefined = isNodeValue(root) && containsOffset(text, root, offset) ? root : undefined;
  while (current) {
    path.push({ kind: 'node', node: current });
    current = childAt(text, current, offset, path);
  }
  return path;
}

function childAt(text: string, node: Node, offset: number, path: PathStep[]): Node | undefined {
  if (isMap(node)) {
    // Entries are in document order and do not overlap: only the last one
    // that starts at or before the offset can hold it.
    const index = lastStartingAtOrBefore(node.items, offset, (pair) => (isNodeValue(pair.key) ? pair.key.range?.[0] : undefined));
    const candidates = index === undefined ? node.items : node.items.slice(index, index + 1);
    for (const pair of candidates) {
      const span = pairSpan(text, pair);
      if (!span || offset < span.start || offset > span.end) continue;
      path.push({ kind: 'pair', pair });
      if (isNodeValue(pair.key) && containsOffset(text, pair.key, offset)) return pair.key;
      if (isNodeValue(pair.value) && containsOffset(text, pair.value, offset)) return pair.value;
      return undefined;
    }
    return undefined;
  }
  if (isSeq(node)) {
    const index = lastStartingAtOrBefore(node.items, offset, (item) => (isNodeValue(item) ? item.range?.[0] : undefined));
    const candidates = index === undefined ? node.items : node.items.slice(index, index + 1);
    for (const item of candidates) {
      if (isNodeValue(item) && containsOffset(text, item, offset)) return item;
    }
  }
  return undefined;
}

/**
 * Binary search: the index of the last item that starts at or before
 * `offset` (-1 when none does), or undefined when an item on the way has no
 * start (then every item is looked at). Items without a start (a pair
 * without a key) never hold an offset, so jumping over them is safe.
 */
function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, startOf: (item: T) => number | undefined): number | undefined {
  let low = 0;
  let high = items.length - 1;
  let found: number | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = startOf(items[middle]!);
    if (start === undefined) return undefined;
    if (start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  // None starts that early: no item holds the offset (an empty slice).
  return found ?? -1;
}

function containsOffset(text: string, node: Node, offset: number): boolean {
  const range = node.range;
  if (!range || isEmpty(node)) return false;
  return range[0] <= offset && offset <= contentEnd(text, node);
}

/** The text an id edit may replace: inside the quotes of a quoted scalar. */
export function unquotedSpan(scalar: Scalar, span: Span): Span {
  if ((scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') && span.end - span.start >= 2) {
    return { start: span.start + 1, end: span.end - 1 };
  }
  return span;
}
