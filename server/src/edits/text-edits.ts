import { isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { contentEnd, contentSpan, isEmpty, isNodeValue, pairSpan } from '../parse/syntax-nodes.js';
import type { FixEdit } from './types.js';
import { scalarText, scalarTextLike } from '../yaml/scalar-text.js';
import { column, isCommentLine, lineBreak, lineBreakLength, lineEnd, lineStart, onlySpacesBetween } from '../yaml/lines.js';
import { colonEnd, dashOffset } from './fix-nodes.js';
import { escapeSnippet } from '../yaml/snippet-syntax.js';

/**
 * Builders of minimal edits over yaml node ranges. Each edit touches only
 * the text it changes: the rest of the line (a trailing comment), the other
 * lines, quotes and flow/block style elsewhere stay as written, and new text
 * follows the style of what is around it (indentation, line breaks, flow
 * or block siblings). The text is read only at offsets the nodes give, to
 * step over whitespace and to the end of a line, never searched.
 *
 * The rest of the YAML writing kit is in yaml/: lines (`lines.ts`), scalar
 * quoting (`scalar-text.ts`), snippet syntax (`snippet-syntax.ts`), the
 * file's indentation (`indent-style.ts`) and the node at a span
 * (`node-at-span.ts`).
 */

// ---------------------------------------------------------------------------
// Scalars

/** Replaces a scalar's value, keeping its quoting style. */
export function replaceScalar(text: string, scalar: Scalar, value: string): FixEdit | undefined {
  const span = contentSpan(text, scalar);
  return span ? { span, newText: scalarTextLike(scalar, value) } : undefined;
}

/**
 * Sorts edits and joins insertions at the same offset into one edit (in
 * the order given), so no client has to guess their order.
 */
export function joinEdits(edits: readonly FixEdit[]): FixEdit[] {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.span.start - b.edit.span.start || a.order - b.order);
  const joined: FixEdit[] = [];
  for (const { edit } of sorted) {
    const previous = joined[joined.length - 1];
    const bothInsertions = previous && previous.span.start === previous.span.end && edit.span.start === edit.span.end;
    if (previous && bothInsertions && previous.span.start === edit.span.start) {
      const snippet =
        previous.snippet !== undefined || edit.snippet !== undefined
          ? `${previous.snippet ?? escapeSnippet(previous.newText)}${edit.snippet ?? escapeSnippet(edit.newText)}`
          : undefined;
      joined[joined.length - 1] = { span: previous.span, newText: previous.newText + edit.newText, ...(snippet !== undefined ? { snippet } : {}) };
    } else {
      joined.push(edit);
    }
  }
  return joined;
}

// ---------------------------------------------------------------------------
// Mappings

/** A `key: value` to write; `value` is YAML text (use `scalarText` for strings). */
export interface NewEntry {
  readonly key: string;
  readonly value: string;
  /** The value as snippet text, when the entry has a placeholder. */
  readonly snippetValue?: string;
}

/** Builds an edit's text twice: plain, and (when any entry has one) as a snippet. */
function withSnippet(
  span: { start: number; end: number },
  entries: readonly NewEntry[],
  render: (entry: (entry: NewEntry) => string, literal: (text: string) => string) => string,
): FixEdit {
  const plain = render((entry) => `${entry.key}: ${entry.value}`, (text) => text);
  if (!entries.some((entry) => entry.snippetValue !== undefined)) return { span, newText: plain };
  const snippet = render(
    (entry) => `${escapeSnippet(entry.key)}: ${entry.snippetValue ?? escapeSnippet(entry.value)}`,
    escapeSnippet,
  );
  return { span, newText: plain, snippet };
}

/** Before a key on its line, only indentation and what belongs to the entry: an explicit key's `?`, tags, anchors. */
const ENTRY_PREFIX = /^( *)(?:(?:\?|![^\s]*|&[^\s]+) +)+$/;

/**
 * Where a pair begins, which is the column of its mapping: at its key, or
 * at the `?` of an explicit key (`? [a, b]`) or the tag or anchor before it
 * (`! Source: x`, `&a key: x`).
 */
function keyStartOf(text: string, pair: Pair): number | undefined {
  const start = isNodeValue(pair.key) ? pair.key.range?.[0] : undefined;
  if (start === undefined) return undefined;
  const line = lineStart(text, start);
  const prefix = ENTRY_PREFIX.exec(text.slice(line, start));
  return prefix ? line + (prefix[1]?.length ?? 0) : start;
}

/**
 * Adds entries to a mapping: in a block mapping, one line each after its
 * last entry (and that entry's trailing comment; see `insertionAnchor`) at
 * the mapping's indentation; in a flow mapping, `, key: value` after its
 * last entry.
 */
export function insertMapEntries(text: string, map: YAMLMap, entries: readonly NewEntry[]): FixEdit | undefined {
  if (entries.length === 0) return undefined;
  const last = map.items[map.items.length - 1];
  if (map.flow) {
    if (!last) {
      const open = map.range?.[0];
      if (open === undefined) return undefined;
      return withSnippet({ start: open + 1, end: open + 1 }, entries, (entry) => entries.map(entry).join(', '));
    }
    const end = pairSpan(text, last)?.end;
    if (end === undefined) return undefined;
    return withSnippet({ start: end, end }, entries, (entry) => entries.map((item) => `, ${entry(item)}`).join(''));
  }
  const first = map.items[0];
  const keyStart = first && keyStartOf(text, first);
  const anchor = insertionAnchor(map);
  const end = anchor && pairSpan(text, anchor)?.end;
  if (keyStart === undefined || end === undefined) return undefined;
  const at = lineEnd(text, end);
  // Under the entry it follows, not the first: see insertNestedMap.
  const indent = ' '.repeat(column(text, (anchor && keyStartOf(text, anchor)) ?? keyStart));
  const eol = lineBreak(text);
  return withSnippet({ start: at, end: at }, entries, (entry) => entries.map((item) => `${eol}${indent}${entry(item)}`).join(''));
}

/**
 * The entry of a block mapping that new one-line entries follow: the last
 * one, unless the mapping ends with nested block lists or mappings (a
 * phase's `tasks:`, a task's `assign:`); then the last entry before them,
 * so that `owner: pm` does not land under forty lines of tasks.
 */
function insertionAnchor(map: YAMLMap): Pair | undefined {
  const isBlockCollection = (pair: Pair): boolean => (isMap(pair.value) || isSeq(pair.value)) && !pair.value.flow;
  let index = map.items.length - 1;
  while (index > 0 && isBlockCollection(map.items[index]!)) index--;
  const candidate = map.items[index];
  return candidate && !isBlockCollection(candidate) ? candidate : map.items[map.items.length - 1];
}

/**
 * Adds `key:` holding a nested mapping of `children`: in a block mapping,
 * `key:` on a new line and the children one indentation step (`unit`)
 * deeper; in a flow mapping, `, key: {child: value}`.
 */
export function insertNestedMap(
  text: string,
  map: YAMLMap,
  key: string,
  children: readonly NewEntry[],
  unit: number,
): FixEdit | undefined {
  const flowValue = `{${children.map((child) => `${child.key}: ${child.value}`).join(', ')}}`;
  const first = map.items[0];
  const keyStart = first && keyStartOf(text, first);
  if (map.flow || keyStart === undefined) return insertMapEntries(text, map, [{ key, value: flowValue }]);
  const last = map.items[map.items.length - 1];
  const end = last && pairSpan(text, last)?.end;
  if (end === undefined) return undefined;
  const at = lineEnd(text, end);
  const eol = lineBreak(text);
  // The new key goes under the last one: YAML lets the first key of a document sit
  // further right than the rest (` crmplan: 1` then `plan:`); the later keys line up.
  const indent = column(text, (last && keyStartOf(text, last)) ?? keyStart);
  const lines = [`${' '.repeat(indent)}${key}:`, ...children.map((child) => `${' '.repeat(indent + unit)}${child.key}: ${child.value}`)];
  return { span: { start: at, end: at }, newText: lines.map((line) => `${eol}${line}`).join('') };
}

/**
 * Fills an empty `key:` of a block mapping with a nested mapping: the
 * children go on new lines one step (`unit`) deeper than the key (after a
 * comment on the key's line); in a flow mapping, ` {child: value}`.
 */
export function fillEmptyWithMap(
  text: string,
  map: YAMLMap,
  pair: Pair,
  children: readonly NewEntry[],
  unit: number,
): FixEdit | undefined {
  const colon = colonEnd(text, pair);
  const keyStart = keyStartOf(text, pair);
  if (colon === undefined || keyStart === undefined) return undefined;
  if (map.flow) {
    const value = `{${children.map((child) => `${child.key}: ${child.value}`).join(', ')}}`;
    return { span: { start: colon, end: colon }, newText: ` ${value}` };
  }
  const at = lineEnd(text, colon);
  const indent = ' '.repeat(column(text, keyStart) + unit);
  const eol = lineBreak(text);
  return { span: { start: at, end: at }, newText: children.map((child) => `${eol}${indent}${child.key}: ${child.value}`).join('') };
}

/**
 * Sets `key` of a mapping to a string: replaces the scalar that is there
 * (keeping its quotes), fills an empty `key:`, or adds the entry.
 * Undefined when the key holds a list or a mapping.
 */
export function setMapValue(text: string, map: YAMLMap, key: string, value: string, snippetValue?: string): FixEdit | undefined {
  const pair = map.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === key);
  if (!pair) return insertMapEntries(text, map, [{ key, value: scalarText(value), snippetValue }]);
  const current = pair.value;
  if (current === null || current === undefined || (isScalar(current) && isEmpty(current))) {
    const at = colonEnd(text, pair);
    if (at === undefined) return undefined;
    const newText = ` ${scalarText(value)}`;
    return snippetValue === undefined ? { span: { start: at, end: at }, newText } : { span: { start: at, end: at }, newText, snippet: ` ${snippetValue}` };
  }
  if (!isScalar(current)) return undefined;
  const edit = replaceScalar(text, current, value);
  return edit && snippetValue !== undefined ? { ...edit, snippet: snippetValue } : edit;
}

/**
 * Removes one entry of a mapping. In a flow mapping, the entry and one
 * separating comma (the only entry leaves `{}`); in a block mapping, the
 * entry's whole lines with their trailing comment when its key starts its
 * line, else (the first key of a list item, `- start: ...`) the text up to
 * the next key, which moves up onto the dash's line. Undefined where that
 * would remove more than the entry: the only key of a list item, or a flow
 * entry whose separator runs over a line break (a comment may sit there).
 */
export function removeMapEntry(text: string, map: YAMLMap, pair: Pair): FixEdit | undefined {
  const index = map.items.indexOf(pair);
  const span = pairSpan(text, pair);
  if (index < 0 || !span) return undefined;
  const next = map.items[index + 1];
  const nextStart = next && keyStartOf(text, next);
  if (map.flow) {
    const previous = map.items[index - 1];
    const previousEnd = previous && pairSpan(text, previous)?.end;
    const removed =
      nextStart !== undefined
        ? { start: span.start, end: nextStart }
        : previousEnd !== undefined
          ? { start: previousEnd, end: span.end }
          : span;
    return text.slice(removed.start, removed.end).includes('\n') ? undefined : { span: removed, newText: '' };
  }
  const start = lineStart(text, span.start);
  if (onlySpacesBetween(text, start, span.start)) {
    const end = lineEnd(text, span.end);
    return { span: { start, end: end + lineBreakLength(text, end) }, newText: '' };
  }
  return nextStart === undefined ? undefined : { span: { start: span.start, end: nextStart }, newText: '' };
}

/**
 * Turns a scalar into a flow mapping that holds it under `key`, followed by
 * `entries`: `erp-sync` -> `{task: erp-sync, lag: 2d}` (the scalar's text is
 * kept as written, quotes included). With `asList`, the mapping goes into
 * a one-item flow list (`[{...}]`), for a key that takes a single scalar or
 * a list but not a mapping.
 */
export function scalarToFlowMap(text: string, scalar: Scalar, key: string, entries: readonly NewEntry[], asList = false): FixEdit | undefined {
  const span = contentSpan(text, scalar);
  if (!span) return undefined;
  const written = text.slice(span.start, span.end);
  if (written === '' || /[\r\n]/.test(written)) return undefined;
  const map = `{${[`${key}: ${written}`, ...entries.map((entry) => `${entry.key}: ${entry.value}`)].join(', ')}}`;
  return { span, newText: asList ? `[${map}]` : map };
}

// ---------------------------------------------------------------------------
// Sequences

/**
 * `[a, b]` -> `[a, b, c]`; in a block list, a new `- c` line per item at
 * the list's indentation. Items are YAML text.
 */
export function appendSeqItems(text: string, seq: YAMLSeq, items: readonly string[]): FixEdit | undefined {
  if (items.length === 0) return undefined;
  const last = seq.items[seq.items.length - 1];
  if (seq.flow) {
    if (!isNodeValue(last)) {
      const open = seq.range?.[0];
      if (open === undefined || last !== undefined) return undefined;
      return { span: { start: open + 1, end: open + 1 }, newText: items.join(', ') };
    }
    const end = contentEnd(text, last);
    return { span: { start: end, end }, newText: items.map((item) => `, ${item}`).join('') };
  }
  const dash = dashOffset(text, seq, 0) ?? seq.range?.[0];
  if (dash === undefined || !isNodeValue(last) || !last.range) return undefined;
  const at = lineEnd(text, isEmpty(last) ? last.range[0] : contentEnd(text, last));
  const prefix = `${lineBreak(text)}${' '.repeat(column(text, dash))}- `;
  return { span: { start: at, end: at }, newText: items.map((item) => `${prefix}${item}`).join('') };
}

/**
 * Adds items to the list under `key`, whatever its form: a flow or block
 * list, a single scalar (`depends_on: a` becomes `[a, b]`), an empty `key:`,
 * or no key at all (`key: [b]` is added to the mapping in its style).
 */
export function appendToList(text: string, map: YAMLMap, key: string, items: readonly string[]): FixEdit | undefined {
  if (items.length === 0) return undefined;
  const flowList = `[${items.join(', ')}]`;
  const pair = map.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === key);
  if (!pair) return insertMapEntries(text, map, [{ key, value: flowList }]);
  const value = pair.value;
  if (isSeq(value)) return appendSeqItems(text, value, items);
  if (value === null || value === undefined || (isScalar(value) && isEmpty(value))) {
    const at = colonEnd(text, pair);
    return at === undefined ? undefined : { span: { start: at, end: at }, newText: ` ${flowList}` };
  }
  if (isScalar(value) && value.range) {
    const span = { start: value.range[0], end: contentEnd(text, value) };
    return { span, newText: `[${[text.slice(span.start, span.end), ...items].join(', ')}]` };
  }
  return undefined;
}

/**
 * Removes one item of a list. In a flow list, the item and one separating
 * comma (the last item leaves `[]`); in a block list, the item's whole lines
 * including its trailing comment. When that empties a block list that is
 * the value of `holder`, `key: []` keeps the key well-typed.
 */
export function removeSeqItem(
  text: string,
  seq: YAMLSeq,
  index: number,
  holder?: { readonly map: YAMLMap; readonly pair: Pair },
): FixEdit[] {
  const item = seq.items[index];
  if (!isNodeValue(item) || !item.range) return [];
  const itemStart = item.range[0];
  const itemEnd = isEmpty(item) ? itemStart : contentEnd(text, item);
  if (seq.flow) {
    const range = seq.range;
    if (!range) return [];
    if (seq.items.length === 1) {
      // Inside the brackets: `[x]` -> `[]`.
      return text[range[1] - 1] === ']' ? [{ span: { start: range[0] + 1, end: range[1] - 1 }, newText: '' }] : [];
    }
    const next = seq.items[index + 1];
    if (isNodeValue(next) && next.range) return [{ span: { start: itemStart, end: next.range[0] }, newText: '' }];
    const previous = seq.items[index - 1];
    if (!isNodeValue(previous)) return [];
    return [{ span: { start: contentEnd(text, previous), end: itemEnd }, newText: '' }];
  }
  const dash = dashOffset(text, seq, index);
  if (dash === undefined) return [];
  const start = lineStart(text, dash);
  if (!onlySpacesBetween(text, start, dash)) return [{ span: { start: dash, end: itemEnd }, newText: '' }];
  const end = lineEnd(text, itemEnd);
  const removal: FixEdit = { span: { start, end: end + lineBreakLength(text, end) }, newText: '' };
  if (seq.items.length > 1 || !holder) return [removal];
  const colon = colonEnd(text, holder.pair);
  return colon === undefined ? [removal] : [{ span: { start: colon, end: colon }, newText: ' []' }, removal];
}

/** A list item that is a single scalar (`depends_on: a`): replaced by `[]`. */
export function emptyScalarList(text: string, scalar: Scalar): FixEdit | undefined {
  const span = contentSpan(text, scalar);
  return span ? { span, newText: '[]' } : undefined;
}

// ---------------------------------------------------------------------------
// Items of a list of mappings (tasks)

/**
 * Inserts a new mapping item next to `seq.items[anchorIndex]`, in the style
 * of that sibling: in a flow list `{k: v, ...}` items; in a block list, a
 * `- {k: v}` line next to flow-mapping siblings, or `- k: v` lines with the
 * sibling's dash and key columns. Inserted before the anchor, it goes above
 * the comment lines that sit right over the anchor (they describe it).
 */
export function insertMappingItem(
  text: string,
  seq: YAMLSeq,
  anchorIndex: number,
  where: 'before' | 'after',
  entries: readonly NewEntry[],
): FixEdit | undefined {
  const anchor = seq.items[anchorIndex];
  if (!isNodeValue(anchor) || !anchor.range || entries.length === 0) return undefined;
  const flowItem = (entry: (entry: NewEntry) => string, literal: (text: string) => string): string =>
    `{${entries.map(entry).join(', ')}${literal('}')}`;
  if (seq.flow) {
    if (where === 'before') {
      const at = anchor.range[0];
      return withSnippet({ start: at, end: at }, entries, (entry, literal) => `${flowItem(entry, literal)}, `);
    }
    const at = contentEnd(text, anchor);
    return withSnippet({ start: at, end: at }, entries, (entry, literal) => `, ${flowItem(entry, literal)}`);
  }
  const dash = dashOffset(text, seq, anchorIndex);
  if (dash === undefined || !onlySpacesBetween(text, lineStart(text, dash), dash)) return undefined;
  const dashColumn = column(text, dash);
  const eol = lineBreak(text);
  const lines = (entry: (entry: NewEntry) => string, literal: (text: string) => string): string[] => {
    if (!isMap(anchor) || anchor.flow) return [`${' '.repeat(dashColumn)}- ${flowItem(entry, literal)}`];
    const firstKey = anchor.items[0] ? keyStartOf(text, anchor.items[0]) : undefined;
    const keyColumn = firstKey !== undefined && column(text, firstKey) > dashColumn ? column(text, firstKey) : dashColumn + 2;
    return entries.map((item, position) =>
      position === 0
        ? `${' '.repeat(dashColumn)}-${' '.repeat(keyColumn - dashColumn - 1)}${entry(item)}`
        : `${' '.repeat(keyColumn)}${entry(item)}`,
    );
  };
  if (where === 'after') {
    const at = lineEnd(text, contentEnd(text, anchor));
    return withSnippet({ start: at, end: at }, entries, (entry, literal) =>
      lines(entry, literal).map((line) => `${eol}${line}`).join(''),
    );
  }
  const previous = seq.items[anchorIndex - 1];
  const floor = isNodeValue(previous) ? contentEnd(text, previous) : 0;
  let at = lineStart(text, dash);
  while (at > 0) {
    const above = lineStart(text, at - 1);
    if (above < floor || !isCommentLine(text, above)) break;
    at = above;
  }
  return withSnippet({ start: at, end: at }, entries, (entry, literal) =>
    lines(entry, literal).map((line) => `${line}${eol}`).join(''),
  );
}
