import { isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import {
  DIRECTIVE_OR_MARKER,
  hasAnchorsOrAliases,
  lineCounterFor,
  parsePlanText,
  PARSE_OPTIONS,
  type ParsedDocument,
} from './parse-plan-text.js';
import { flowItemsInFileProblem, lineCount, MAX_LINES, MAX_NESTING_DEPTH, MAX_TEXT_LENGTH, mayHaveLongFlowCollection, overFragmentLimits } from './text-limits.js';

/**
 * Re-parsing after an edit without parsing the whole text again.
 *
 * The edit is found by comparing the old and new text (common prefix and
 * suffix), so it works whatever the editor sent and however many changes
 * came between two analyses. The smallest *unit* that holds the edit is
 * parsed alone: a block-sequence item (a task, a person, a phase) or a
 * block-mapping entry (`duration: 3d`, the whole `plan:` section), from the
 * start of its line to the end of its last line. Parsed from its line start,
 * a unit gives the same nodes as in the whole document, offset by where it
 * starts; the result is accepted only when it is one entry of the same kind
 * at the same column, without errors, warnings, anchors or aliases, and (for
 * a mapping entry) with a key that no sibling has. Otherwise the next larger
 * unit is tried, and in the end the whole text is parsed, so the result
 * always equals `parsePlanText(text)` (the differential test in
 * test/incremental/ checks this on thousands of random edits).
 *
 * The new unit is put in place by copying its ancestors (path copying): a
 * node that the edit did not touch keeps its object identity, so caches
 * keyed by node stay valid, while every ancestor of the edit is a new
 * object. Nodes after the edit have their ranges shifted in place; the
 * previous document must not be used after it was re-parsed.
 */

/** One replacement that turns `before` into `after`: `before[start, end)` becomes `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** How many larger units are tried before the whole text is parsed. */
const MAX_ATTEMPTS = 3;
const CHUNK = 2048;

/** The change between two texts as one replacement (common prefix and suffix left out); undefined when equal. */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + CHUNK <= shorter && before.slice(prefix, prefix + CHUNK) === after.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const maxSuffix = shorter - prefix;
  let suffix = 0;
  while (
    suffix + CHUNK <= maxSuffix &&
    before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)
  ) {
    suffix += CHUNK;
  }
  while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

/**
 * The parse of `text`, re-using `previous` (the parse of an earlier
 * version of the same document) where the edit allows. `previous` is
 * changed in place and must not be used afterwards.
 */
export function reparsePlanText(previous: ParsedDocument, text: string): ParsedDocument {
  if (previous.text === text) return previous;
  if (text.length > MAX_TEXT_LENGTH) return parsePlanText(text);
  // While the text is broken, edits are measured from the last clean parse,
  // so that the edit which repairs it is re-parsed as one unit again.
  const base = previous.reparseable ? previous : previous.cleanBase;
  if (base) {
    if (base.text === text) return base;
    const change = textChange(base.text, text);
    const reparsed = change && reparseUnit(base, text, change);
    // An edit that takes the text over the line limit, or (typing brackets
    // or commas) over the flow items limit: the whole parse reports it
    // instead of reading it.
    if (reparsed) {
      const overLines = lineCount(text, reparsed.lineCounter.lineStarts.length - 1) > MAX_LINES;
      const overFlowItems = /[[{,]/.test(change.text) && flowItemsInFileProblem(text) !== undefined;
      return overLines || overFlowItems ? parsePlanText(text) : reparsed;
    }
  }
  const parsed = parsePlanText(text);
  return parsed.reparseable || !base ? parsed : { ...parsed, cleanBase: base };
}

type Collection = YAMLMap | YAMLSeq;
type Entry = Pair | unknown;

/** One step down from the root: an entry of a collection. */
interface Step {
  readonly collection: Collection;
  readonly index: number;
}

/** A unit that can be parsed alone: the entry at the last step. */
export interface ReparseUnit {
  readonly steps: readonly Step[];
  readonly kind: 'item' | 'pair';
  /** Offset of the unit's line start (the fragment starts here). */
  readonly start: number;
  /** Column of the unit's dash or key. */
  readonly column: number;
  /** End of the unit's last line, after its line break. */
  readonly end: number;
}

interface Extent {
  readonly firstToken: number;
  readonly end: number;
}

function reparseUnit(previous: ParsedDocument, text: string, change: TextChange): ParsedDocument | undefined {
  const delta = change.text.length - (change.end - change.start);
  const units = reparseUnits(previous, change.start, change.end);
  for (const unit of units.slice(0, MAX_ATTEMPTS)) {
    // The trivia after the unit (blank and comment lines, the next line's
    // indentation) goes with it: node ends run over it in the whole text.
    const fragment = text.slice(unit.start, triviaEnd(text, unit.end + delta));
    const entry = parseUnitFragment(fragment, unit);
    // The ancestors' ends follow the unit's end: it must move with the edit.
    if (entry === undefined || !sameEnd(entryEndNode(entry), unit.start, entryEndNode(unitEntry(unit)), delta)) continue;
    return spliceUnit(previous, text, unit, entry, delta);
  }
  return undefined;
}

/**
 * The units that hold `[start, end)` of the parsed text, smallest first.
 * A unit starts its own line (only spaces before its dash or key) and the
 * change lies between its first token and the end of its last line, its
 * line break excluded.
 */
export function reparseUnits(parsed: ParsedDocument, start: number, end: number): ReparseUnit[] {
  const text = parsed.text;
  const units: ReparseUnit[] = [];
  const steps: Step[] = [];
  let node: unknown = parsed.doc.contents;
  while ((isMap(node) || isSeq(node)) && !node.flow) {
    const collection: Collection = node;
    let next: unknown;
    let found = false;
    for (let index = 0; index < collection.items.length; index++) {
      const entry: Entry = collection.items[index];
      const extent = entryExtent(text, entry, isSeq(collection));
      if (!extent) continue;
      if (extent.firstToken > start) break;
      const limit = text.charCodeAt(extent.end - 1) === 10 ? extent.end - 1 : extent.end;
      if (end > limit) continue;
      steps.push({ collection, index });
      const lineStart = text.lastIndexOf('\n', extent.firstToken - 1) + 1;
      if (onlySpaces(text, lineStart, extent.firstToken)) {
        units.push({
          steps: [...steps],
          kind: isSeq(collection) ? 'item' : 'pair',
          start: lineStart,
          column: extent.firstToken - lineStart,
          end: extent.end,
        });
      }
      next = isPair(entry) ? entry.value : entry;
      found = true;
      break;
    }
    if (!found) break;
    node = next;
  }
  return units.reverse();
}

function entryExtent(text: string, entry: Entry, inSeq: boolean): Extent | undefined {
  if (inSeq) {
    if (!isNode(entry) || !entry.range) return undefined;
    const dash = dashBefore(text, entry.range[0]);
    return dash === undefined ? undefined : { firstToken: dash, end: lastLineEnd(text, dash, entry.range[2]) };
  }
  if (!isPair(entry) || !isScalar(entry.key) || !entry.key.range) return undefined;
  const keyRange = entry.key.range;
  const valueEnd = isNode(entry.value) && entry.value.range ? entry.value.range[2] : keyRange[2];
  return { firstToken: keyRange[0], end: lastLineEnd(text, keyRange[0], Math.max(keyRange[2], valueEnd)) };
}

/** The offset of the `-` of the block-sequence item whose node starts at `nodeStart`. */
export function dashBefore(text: string, nodeStart: number): number | undefined {
  let at = nodeStart - 1;
  while (at >= 0) {
    const code = text.charCodeAt(at);
    if (code === 45 /* - */) return at;
    if (code === 32 || code === 9 || code === 10 || code === 13) {
      at--;
      continue;
    }
    // Something else: the end of a comment line (`- # note` above the value) or not a dash at all.
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let first = lineStart;
    while (text.charCodeAt(first) === 32) first++;
    const firstCode = text.charCodeAt(first);
    if (firstCode === 45 /* - */ && first < at) return first;
    if (firstCode !== 35 /* # */) return undefined;
    at = lineStart - 1;
  }
  return undefined;
}

/**
 * The end (after the line break) of the last line with content of the
 * entry from `start` to `nodeEnd`. A node's end may run over the line break
 * and the next line's indentation; those are not the entry's lines.
 */
function lastLineEnd(text: string, start: number, nodeEnd: number): number {
  let end = nodeEnd;
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  const newline = text.indexOf('\n', end);
  return newline < 0 ? text.length : newline + 1;
}

/** After `from` (a line start): past blank lines, comment lines and the next line's indentation. */
export function triviaEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    let first = at;
    while (text.charCodeAt(first) === 32) first++;
    const code = text.charCodeAt(first);
    if (code === 10 || (code === 13 && text.charCodeAt(first + 1) === 10) || code === 35 /* # */) {
      const newline = text.indexOf('\n', first);
      if (newline < 0) return text.length;
      at = newline + 1;
      continue;
    }
    return Math.min(first, text.length);
  }
  return at;
}

function isWhiteSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (text.charCodeAt(at) !== 32) return false;
  return true;
}

/** The unit's new node (an item) or pair, parsed alone; undefined when it is not one clean entry of the same kind and column. */
function parseUnitFragment(fragment: string, unit: ReparseUnit): Entry | undefined {
  // What may be over a limit is left to the whole parse, which bounds it (text-limits.ts).
  if (DIRECTIVE_OR_MARKER.test(fragment) || mayHaveLongFlowCollection(fragment)) return undefined;
  const doc = parseDocument(fragment, PARSE_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0 || overFragmentLimits(doc.contents, MAX_NESTING_DEPTH / 2)) return undefined;
  const contents = doc.contents;
  if (!(isMap(contents) || isSeq(contents)) || contents.flow || contents.items.length !== 1) return undefined;
  if (contents.range?.[0] !== unit.column || hasAnchorsOrAliases(contents)) return undefined;
  const entry: Entry = contents.items[0];
  if (unit.kind === 'item') return isSeq(contents) && isNode(entry) ? entry : undefined;
  if (!isMap(contents) || !isPair(entry) || !isScalar(entry.key) || entry.key.value === null) return undefined;
  const step = unit.steps[unit.steps.length - 1]!;
  const key = String(entry.key.value);
  const clash = step.collection.items.some(
    (sibling, index) => index !== step.index && isPair(sibling) && isScalar(sibling.key) && String(sibling.key.value) === key,
  );
  return clash ? undefined : entry;
}

function unitEntry(unit: ReparseUnit): Entry {
  const step = unit.steps[unit.steps.length - 1]!;
  return step.collection.items[step.index];
}

/** The node whose end is the entry's end: an item itself, a pair's value (or key). */
function entryEndNode(entry: Entry): [number, number, number] | undefined {
  if (isPair(entry)) {
    if (isNode(entry.value) && entry.value.range) return entry.value.range;
    return isNode(entry.key) ? (entry.key.range ?? undefined) : undefined;
  }
  return isNode(entry) ? (entry.range ?? undefined) : undefined;
}

function sameEnd(fresh: readonly number[] | undefined, offset: number, old: readonly number[] | undefined, delta: number): boolean {
  return fresh !== undefined && old !== undefined && fresh[1]! + offset === old[1]! + delta && fresh[2]! + offset === old[2]! + delta;
}

function spliceUnit(previous: ParsedDocument, text: string, unit: ReparseUnit, entry: Entry, delta: number): ParsedDocument {
  shiftEntry(entry, unit.start);
  let replacement: Entry = entry;
  let root: Collection | undefined;
  for (let level = unit.steps.length - 1; level >= 0; level--) {
    const { collection, index } = unit.steps[level]!;
    const copy = shallowCopy(collection);
    copy.items = collection.items.slice() as typeof copy.items;
    (copy.items as Entry[])[index] = replacement;
    for (let after = index + 1; after < copy.items.length; after++) shiftEntry(copy.items[after], delta);
    if (collection.range) copy.range = [collection.range[0], collection.range[1] + delta, collection.range[2] + delta];
    if (level === 0) {
      root = copy;
      break;
    }
    const parent = unit.steps[level - 1]!;
    const holder: Entry = parent.collection.items[parent.index];
    if (isPair(holder)) {
      const pairCopy = shallowCopy(holder);
      pairCopy.value = copy;
      replacement = pairCopy;
    } else {
      replacement = copy;
    }
  }
  const doc: Document.Parsed = shallowCopy(previous.doc);
  // The copy is parsed content like the original: only its items changed.
  doc.contents = (root ?? null) as Document.Parsed['contents'];
  doc.errors = [];
  doc.warnings = [];
  doc.range = [previous.doc.range[0], previous.doc.range[1] + delta, previous.doc.range[2] + delta];
  return { text, doc, lineCounter: lineCounterFor(text), problems: [], reparseable: true, origin: 'incremental' };
}

/** A copy of a yaml node, pair or document with the same prototype and own properties (its type tag included). */
function shallowCopy<T extends object>(value: T): T {
  return Object.create(Object.getPrototypeOf(value) as object | null, Object.getOwnPropertyDescriptors(value)) as T;
}

function shiftEntry(entry: Entry, delta: number): void {
  if (delta === 0) return;
  if (isPair(entry)) {
    shiftEntry(entry.key, delta);
    shiftEntry(entry.value, delta);
    return;
  }
  if (!isNode(entry)) return;
  const range = entry.range;
  if (range) {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
  if (isMap(entry) || isSeq(entry)) for (const item of entry.items) shiftEntry(item, delta);
}
