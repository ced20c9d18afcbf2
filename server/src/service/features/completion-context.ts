import { isMap, isPair, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Span } from '../../model/types.js';
import { reparseUnits, triviaEnd, type ReparseUnit } from '../../parse/incremental-parse.js';
import { PARSE_OPTIONS, parsePlanText, type ParsedDocument } from '../../parse/parse-plan-text.js';
import { parseDocument } from 'yaml';
import type { PathSegment } from '../schema-view.js';
import { lineStart as lineStartOf } from '../../yaml/lines.js';

/**
 * Where the cursor is, for completion. The cursor usually sits in text that
 * is not valid YAML yet (`own|` under a task, `depends_on: [a, |`, an empty
 * line), so the analysed document often has no node there at all. Two ways
 * to find out, in this order:
 *
 * 1. The yaml AST of a copy of the text with the word under the cursor
 *    replaced by a placeholder scalar. eemeli/yaml recovers from errors, so
 *    `own|` becomes a key without a value, `- |` a list item, `[a, |` a
 *    flow item and `due: 30d after |` a scalar that ends in the
 *    placeholder; the path from the root to the placeholder says which
 *    mapping or list the cursor is in. Only the phase, or the item or
 *    section of the root, that holds the cursor in the analysed document is
 *    parsed (from its line start, as incremental parsing does), so a
 *    request costs the same in a plan of ten thousand tasks as in a small
 *    one; the whole copy is parsed only when the cursor is in no such part
 *    (between the root's sections) or on a root key.
 * 2. Indentation, when the recovered AST puts the placeholder somewhere its
 *    column contradicts (an empty line at the column of a list's dashes
 *    becomes a key of the parent mapping) or swallows it into a scalar that
 *    starts on an earlier line (an unclosed quote): the lines above the
 *    cursor are read for their indentation, dashes and `key:` heads only
 *    (and the lines below, for the keys the mapping already has).
 */

/** Stands in for the word under the cursor in the re-parsed copy; a plain scalar that is no id or key a plan uses. */
export const CURSOR_PLACEHOLDER = 'crmplan__cursor__';

/** A list index that the indentation fallback cannot know. */
export const UNKNOWN_INDEX = -1;

export type CursorPlace =
  /** On a key of the mapping at `path` (the word may be empty: an empty line inside it). */
  | {
      readonly kind: 'key';
      readonly path: readonly PathSegment[];
      /** The other keys of that mapping. */
      readonly present: ReadonlySet<string>;
      readonly flow: boolean;
    }
  /** On the value of the key that ends `path`. */
  | {
      readonly kind: 'value';
      readonly path: readonly PathSegment[];
      /** The scalar's text before the word (`30d after ` in `due: 30d after go|`), without an opening quote. */
      readonly prefix: string;
      readonly flow: boolean;
      /** The value starts on a line after its key (`people:` then an indented line). */
      readonly nextLine: boolean;
    }
  /**
   * On a new or scalar item of the list at `path`. Without `dash` the
   * cursor is where an item belongs but no `- ` is written yet (an empty
   * line at the column of the list's dashes, or under `people:`).
   */
  | {
      readonly kind: 'item';
      readonly path: readonly PathSegment[];
      readonly dash: boolean;
      readonly flow: boolean;
      /** The list's other scalar items (`[mon, tue, |]`). */
      readonly siblings: readonly string[];
    }
  | { readonly kind: 'none' };

export interface CursorContext {
  /** The text the completion replaces: the partially typed word around the cursor. */
  readonly word: Span;
  /** The word up to the cursor. */
  readonly typed: string;
  /** Column of the word's first character. */
  readonly column: number;
  /** A `:` follows the word, so a key item must not write another. */
  readonly colonAfter: boolean;
  /** The cursor is right after `key:` without a space: values need one in front. */
  readonly spaceBefore: boolean;
  readonly place: CursorPlace;
  /**
   * Start offsets of the mappings that contain the cursor, by path (`phases/0/tasks/2`),
   * valid in the real text because they lie before the word. Empty when the
   * indentation fallback found the place.
   */
  readonly mapStarts: ReadonlyMap<string, number>;
  readonly source: 'ast' | 'indentation';
  /** The AST place came from a copy of one part of the plan, not of the whole text. */
  readonly fromPart: boolean;
}

export function pathKey(path: readonly PathSegment[]): string {
  return path.join('/');
}

/** Characters that belong to a word being completed: ids, keys, dates, `50%`, `8h/w`, `-2d`. */
function isWordChar(char: string | undefined): boolean {
  return char !== undefined && !/[\s,[\]{}:#"'`]/.test(char);
}

/** `whole` parses the whole copy, as before parts were parsed; tests compare the two. */
export type ContextStrategy = 'part' | 'whole';

export function cursorContext(parsed: ParsedDocument, offset: number, strategy: ContextStrategy = 'part'): CursorContext {
  const text = parsed.text;
  let start = offset;
  while (start > 0 && isWordChar(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && isWordChar(text[end])) end++;
  // Not lastIndexOf('\n', start - 1): at offset 0 that finds a newline at 0 and puts the line after it.
  const lineStart = lineStartOf(text, start);
  const linePrefix = text.slice(lineStart, start);
  const base = {
    word: { start, end },
    typed: text.slice(start, offset),
    column: start - lineStart,
    colonAfter: text[end] === ':',
    spaceBefore: text[start - 1] === ':',
  };
  if (isInComment(linePrefix)) return { ...base, place: { kind: 'none' }, mapStarts: new Map(), source: 'ast', fromPart: false };

  // A word alone on its line is a key being typed: without a colon the
  // parser would read it and the next line's key as one multi-line key.
  const lineEndIndex = text.indexOf('\n', end);
  const lineRest = text.slice(end, lineEndIndex < 0 ? text.length : lineEndIndex);
  const aloneOnLine = linePrefix.trim() === '' && lineRest.trim() === '';
  const insert = (base.spaceBefore ? ' ' : '') + CURSOR_PLACEHOLDER + (aloneOnLine ? ':' : '');
  const placeholderStart = start + (base.spaceBefore ? 1 : 0);
  const units = strategy === 'part' ? reparseUnits(parsed, start, end) : [];
  const fromPart =
    strategy !== 'part'
      ? undefined
      : units.length === 0
        ? aloneOnLine && start === lineStart
          ? rootKeyPlace(parsed, start, end)
          : undefined
        : locateInUnit(parsed, units, start, end, insert, placeholderStart);
  if (fromPart) return { ...base, place: fromPart.place, mapStarts: fromPart.mapStarts, source: 'ast', fromPart: true };
  const found = locatePlaceholder(text.slice(0, start) + insert + text.slice(end), placeholderStart, placeholderStart + CURSOR_PLACEHOLDER.length);
  if (found && found.place.kind !== 'none') {
    return { ...base, place: found.place, mapStarts: found.mapStarts, source: 'ast', fromPart: false };
  }
  const place = indentationPlace(text, lineStart, linePrefix, base.column);
  return { ...base, place: place ?? { kind: 'none' }, mapStarts: new Map(), source: 'indentation', fromPart: false };
}

/** A `#` at the line start or after whitespace starts a comment (quoted `#`s are rare enough in plans). */
function isInComment(linePrefix: string): boolean {
  return /(^|\s)#/.test(linePrefix);
}

interface Located {
  readonly place: CursorPlace;
  readonly mapStarts: ReadonlyMap<string, number>;
}

/**
 * The placeholder located in a copy of one part of the document: a phase, an
 * item of a root list or a root section (its value, not its key). Paths and
 * offsets are those of the whole document.
 */
function locateInUnit(
  parsed: ParsedDocument,
  units: readonly ReparseUnit[],
  start: number,
  end: number,
  insert: string,
  placeholderStart: number,
): Located | undefined {
  const unit = units.find((candidate) => isSection(candidate));
  if (!unit) return undefined;
  const text = parsed.text;
  const delta = insert.length - (end - start);
  const copy = text.slice(0, start) + insert + text.slice(end);
  const fragment = copy.slice(unit.start, triviaEnd(copy, unit.end + delta));
  const rootStep = unit.steps[0]!;
  const rootPair = rootStep.collection.items[rootStep.index];
  const rootKey = isPair(rootPair) && isScalar(rootPair.key) ? String(rootPair.key.value) : undefined;
  if (rootKey === undefined) return undefined;
  const itemIndex = unit.steps.length === 2 ? unit.steps[1]!.index : undefined;
  const located = locatePlaceholder(fragment, placeholderStart - unit.start, placeholderStart - unit.start + CURSOR_PLACEHOLDER.length, {
    offset: unit.start,
    ...(itemIndex !== undefined ? { itemOf: { path: [rootKey], index: itemIndex } } : {}),
  });
  if (!located || located.place.kind === 'none') return undefined;
  // The other keys or items of the part's own container are outside the copy.
  const ownLevel = itemIndex !== undefined ? 1 : 0;
  if (located.place.kind !== 'value' && located.place.path.length <= ownLevel) return undefined;
  const root = parsed.doc.contents;
  if (isMap(root) && root.range) located.mapStarts.set(pathKey([]), root.range[0]);
  return located;
}

/**
 * A word alone on its line at column 0, in no root section (between or
 * after them) of a document without errors: a root key being typed (`ri|` for `risks:`). The other root keys come from the
 * analysed document; nothing needs parsing.
 */
function rootKeyPlace(parsed: ParsedDocument, start: number, end: number): Located | undefined {
  const root = parsed.doc.contents;
  if (!isMap(root) || root.flow || !root.range || parsed.problems.length > 0) return undefined;
  const present = new Set<string>();
  for (const pair of root.items) {
    const key = pair.key;
    if (!isScalar(key) || key.value === null || !key.range) continue;
    // The word itself, when it already is a key of the analysed document.
    if (key.range[0] === start && key.range[1] === end) continue;
    present.add(String(key.value));
  }
  // Above the first key, the word becomes the root mapping's first key.
  return { place: { kind: 'key', path: [], present, flow: false }, mapStarts: new Map([[pathKey([]), Math.min(root.range[0], start)]]) };
}

/** A root section (`plan:`) or an item of a root list (a phase, a person): big enough that recovery from errors in it stays in it. */
function isSection(unit: ReparseUnit): boolean {
  return unit.steps.length === 1 || (unit.steps.length === 2 && unit.kind === 'item');
}

interface FragmentOptions {
  /** Where the fragment starts in the document. */
  readonly offset: number;
  /** The fragment is one item, at `index` of the list at `path`. */
  readonly itemOf?: { readonly path: readonly PathSegment[]; readonly index: number };
}

function locatePlaceholder(copy: string, from: number, to: number, fragment?: FragmentOptions): Located & { mapStarts: Map<string, number> } | undefined {
  const parsed = fragment ? { doc: parseDocument(copy, PARSE_OPTIONS) } : parsePlanText(copy);
  const offset = fragment?.offset ?? 0;
  const mapStarts = new Map<string, number>();
  const contains = (node: Node): boolean => {
    const range = node.range;
    return range !== undefined && range !== null && range[0] <= from && to <= range[1];
  };
  const column = (offset: number): number => offset - lineStartOf(copy, offset);
  const lineStartIn = (offset: number): number => lineStartOf(copy, offset);
  const cursorLineStart = lineStartIn(from);

  /** A scalar holding the placeholder must start on the cursor's line, or it is a multi-line scalar that swallowed it. */
  const scalarPlace = (scalar: Node, place: CursorPlace): CursorPlace => {
    const range = scalar.range;
    if (!range || lineStartIn(range[0]) !== cursorLineStart) return { kind: 'none' };
    return place;
  };

  const visit = (node: unknown, path: PathSegment[], flow: boolean, keyStart: number | undefined): CursorPlace | undefined => {
    if (isMap(node)) return visitMap(node, path, flow);
    if (isSeq(node)) return visitSeq(node, path, flow);
    if (isScalar(node) && contains(node)) {
      if (path.length === 0) return scalarPlace(node, { kind: 'key', path: [], present: new Set(), flow: false });
      const range = node.range!;
      let prefix = copy.slice(range[0], from);
      if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') prefix = prefix.slice(1);
      const nextLine = keyStart !== undefined && lineStartIn(keyStart) !== lineStartIn(range[0]);
      return scalarPlace(node, { kind: 'value', path, prefix, flow, nextLine });
    }
    return undefined;
  };

  const visitMap = (map: YAMLMap, path: PathSegment[], flow: boolean): CursorPlace | undefined => {
    const inFlow = flow || map.flow === true;
    if (map.range) mapStarts.set(pathKey(path), map.range[0] + offset);
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      if (isScalar(key) && contains(key)) {
        const present = new Set<string>();
        for (const other of map.items) {
          if (other !== pair && isScalar(other.key) && other.key.value !== null) present.add(String(other.key.value));
        }
        const first = map.items[0]?.key;
        const firstStart = isScalar(first) ? first.range?.[0] : undefined;
        // A block mapping's keys share one column; a placeholder at another column was misplaced by recovery.
        if (!inFlow && firstStart !== undefined && column(firstStart) !== column(from)) return { kind: 'none' };
        return { kind: 'key', path, present, flow: inFlow };
      }
      if (!isScalar(key)) continue;
      const keyStart = key.range?.[0];
      const found = visit(pair.value, [...path, String(key.value)], inFlow, keyStart);
      if (found) return found;
    }
    if (path.length > 0) mapStarts.delete(pathKey(path));
    return undefined;
  };

  const visitSeq = (seq: YAMLSeq, path: PathSegment[], flow: boolean, firstIndex = 0): CursorPlace | undefined => {
    const inFlow = flow || seq.flow === true;
    for (let at = 0; at < seq.items.length; at++) {
      const index = firstIndex + at;
      const item = seq.items[at];
      if (isScalar(item) && contains(item)) {
        const siblings = seq.items.flatMap((other) =>
          other !== item && isScalar(other) && typeof other.value === 'string' ? [other.value] : [],
        );
        return scalarPlace(item, { kind: 'item', path, dash: !inFlow, flow: inFlow, siblings });
      }
      const found = visit(item, [...path, index], inFlow, undefined);
      if (found) return found;
    }
    return undefined;
  };

  const contents = parsed.doc.contents;
  // Recovery from an error may spill over the part's edge (two items where
  // the document has one): then only the whole copy says where the cursor is.
  if (fragment && !((isSeq(contents) || isMap(contents)) && contents.items.length === 1)) return undefined;
  const itemOf = fragment?.itemOf;
  const place =
    itemOf && isSeq(contents) ? visitSeq(contents, [...itemOf.path], false, itemOf.index) : visit(contents, [], false, undefined);
  return place ? { place, mapStarts } : undefined;
}

/** The structure of one line as indentation shows it: dashes, then maybe a `key:` head. */
interface LineShape {
  readonly indent: number;
  /** Columns of the `- ` indicators at the start of the line. */
  readonly dashes: readonly number[];
  /** Column of the first character after the indentation and dashes. */
  readonly contentColumn: number;
  readonly key?: string;
  /** Something other than a comment follows `key:` on the line. */
  readonly hasValue: boolean;
}

const KEY_HEAD = /^([^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)\s*:(?:\s+(.*))?$/;

function lineShape(rawLine: string): LineShape | undefined {
  const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
  if (/^\s*(#.*)?$/.test(line) || line.includes('\t')) return undefined;
  let position = 0;
  while (line[position] === ' ') position++;
  const indent = position;
  const dashes: number[] = [];
  while (line[position] === '-' && (line[position + 1] === ' ' || position + 1 === line.length)) {
    dashes.push(position);
    position++;
    while (line[position] === ' ') position++;
  }
  const rest = line.slice(position);
  const match = KEY_HEAD.exec(rest);
  const value = match?.[2]?.trim() ?? '';
  return {
    indent,
    dashes,
    contentColumn: position,
    ...(match?.[1] !== undefined ? { key: match[1] } : {}),
    hasValue: value !== '' && !value.startsWith('#'),
  };
}

/**
 * The fallback: walks up from the cursor's line, following indentation from
 * the cursor's column out to the root. A line whose key sits at the current
 * column is a sibling; a `key:` head with nothing after it at a smaller
 * column is the parent; a `- ` at the current column makes the current
 * mapping (or the cursor itself) an item of a list. Returns undefined when
 * the lines do not nest consistently.
 */
function indentationPlace(
  text: string,
  lineStart: number,
  linePrefix: string,
  column: number,
): CursorPlace | undefined {
  const lines = text.slice(0, Math.max(0, lineStart - 1)).split('\n');
  if (lineStart === 0) lines.length = 0;
  const dashMatch = /^(\s*)-\s+$/.exec(linePrefix);
  if (!dashMatch && linePrefix.trim() !== '') return undefined;

  type State = { kind: 'key' | 'dash'; column: number };
  let state: State = dashMatch ? { kind: 'dash', column: dashMatch[1]!.length } : { kind: 'key', column };
  const startedOnDash = dashMatch !== null;
  let newItemWithoutDash = false;
  let initial = true;
  const present = new Set<string>();
  const segments: PathSegment[] = [];

  const enterParentKey = (shape: LineShape): State => {
    segments.push(shape.key!);
    initial = false;
    const lastDash = shape.dashes[shape.dashes.length - 1];
    if (lastDash !== undefined) {
      segments.push(UNKNOWN_INDEX);
      return { kind: 'dash', column: lastDash };
    }
    return { kind: 'key', column: shape.contentColumn };
  };

  for (let index = lines.length - 1; index >= 0; index--) {
    const shape = lineShape(lines[index]!);
    if (!shape) continue;
    if (state.kind === 'key') {
      const k = state.column;
      if (shape.key !== undefined && shape.contentColumn === k) {
        if (initial) present.add(shape.key);
        const lastDash = shape.dashes[shape.dashes.length - 1];
        if (lastDash !== undefined) {
          segments.push(UNKNOWN_INDEX);
          state = { kind: 'dash', column: lastDash };
          initial = false;
        }
        continue;
      }
      if (initial && shape.dashes.includes(k)) {
        // An empty line at the column of a list's dashes: a new item belongs here.
        newItemWithoutDash = true;
        state = { kind: 'dash', column: k };
        initial = false;
        continue;
      }
      // Deeper lines (and anything else at this column) belong to siblings.
      if (shape.indent >= k) continue;
      if (shape.key !== undefined && !shape.hasValue && shape.contentColumn < k) {
        state = enterParentKey(shape);
        continue;
      }
      return undefined;
    }
    const d = state.column;
    if (shape.dashes.includes(d)) continue;
    if (shape.indent > d) continue;
    if (shape.key !== undefined && !shape.hasValue && shape.contentColumn <= d) {
      state = enterParentKey(shape);
      continue;
    }
    return undefined;
  }
  if (state.kind !== 'key' || state.column !== 0) return undefined;
  const path = segments.reverse();
  if (startedOnDash || newItemWithoutDash) {
    return { kind: 'item', path, dash: startedOnDash, flow: false, siblings: [] };
  }
  // Siblings below the cursor count too, up to the end of the mapping.
  for (const line of text.slice(lineStart).split('\n').slice(1)) {
    const shape = lineShape(line);
    if (!shape) continue;
    if (shape.indent < column || (shape.dashes.length > 0 && shape.dashes[0]! < column)) break;
    if (shape.key !== undefined && shape.contentColumn === column) present.add(shape.key);
  }
  return { kind: 'key', path, present, flow: false };
}
