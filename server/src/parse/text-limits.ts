import { isMap, isPair, isSeq, Lexer, Scalar, type Document, type Node } from 'yaml';
import type { Span } from './span.js';

/**
 * Resource limits on what is read of a plan (docs/format.md, "Limits"), so
 * that no text makes the tools run out of time or memory: the YAML parser
 * needs about a kilobyte and several microseconds per node, and the parts of
 * the pipeline that walk a tree recurse once per level. What is over a limit
 * is left out of the document, reported by the `schema` rule on the text
 * that is over it, and the rest of the plan is analysed as usual.
 */

/** Longer texts are not parsed at all: one finding at the start of the file. */
export const MAX_TEXT_LENGTH = 10 * 1024 * 1024;
/**
 * More lines are not parsed at all: one finding on the first line over it.
 * The parser takes about a kilobyte and ten microseconds a line, blank and
 * comment lines too (a 750,000-line list took 10 s and 800 MB); the
 * largest plans of the benchmarks (10,000 tasks) have about 61,000 lines.
 */
export const MAX_LINES = 200_000;
/** Items of one flow collection (`[a, b, ...]`, `{a: 1, ...}`); a longer one is read as empty. */
export const MAX_FLOW_ITEMS = 10_000;
/**
 * Items of all flow collections of the file together: more are not parsed
 * at all (one finding on the first item over it). Each collection under
 * MAX_FLOW_ITEMS is no bound on their sum: 100 lines of 9,999-item lists
 * (1.9 MB) took the parser 29.5 s and 950 MB. The largest plans of the
 * benchmarks (10,000 tasks) have about 89,000 flow items.
 */
export const MAX_FLOW_ITEMS_IN_FILE = 300_000;
/** Levels of nested lists and mappings; what is deeper reads as null. */
export const MAX_NESTING_DEPTH = 100;

export type TextLimitProblem =
  | { readonly kind: 'text-length'; readonly span: Span; readonly length: number }
  | { readonly kind: 'line-count'; readonly span: Span; readonly lines: number }
  | { readonly kind: 'flow-items'; readonly span: Span; readonly items: number }
  | { readonly kind: 'flow-items-in-file'; readonly span: Span; readonly items: number }
  | { readonly kind: 'nesting-depth'; readonly span: Span }
  | { readonly kind: 'block-items'; readonly span: Span; readonly items: number; readonly collection: 'list' | 'mapping' };

/**
 * Why a text is not parsed at all, if it is: over MAX_TEXT_LENGTH
 * characters (one problem at its start), or over MAX_LINES lines (one
 * problem on the first line over it). (Over MAX_FLOW_ITEMS_IN_FILE flow
 * items is the third reason, checked once collections over MAX_FLOW_ITEMS
 * are emptied: see flowItemsInFileProblem.) Line breaks are what the YAML parser
 * counts as lines: `\n` (a lone `\r` does not start a line for it).
 */
export function unreadTextProblem(text: string): TextLimitProblem | undefined {
  if (text.length > MAX_TEXT_LENGTH) return { kind: 'text-length', span: { start: 0, end: 0 }, length: text.length };
  return lineCountProblem(text);
}

/**
 * Over MAX_FLOW_ITEMS_IN_FILE flow items in all: the problem on the first
 * one over it. Run on the text whose collections over MAX_FLOW_ITEMS are
 * emptied (withoutLongFlowCollections), so that one huge list stays a
 * finding of its own and the rest of the plan is still read. Counts brackets and commas without knowing about quotes or
 * comments (a comma in a quoted name inside brackets counts too), which
 * only matters far past any real plan's count.
 */
export function flowItemsInFileProblem(text: string): TextLimitProblem | undefined {
  let depth = 0;
  let items = 0;
  let over = -1;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 91 || code === 123) {
      // [ {: the collection's first item
      if (++items > MAX_FLOW_ITEMS_IN_FILE && over < 0) over = at;
      depth++;
    } else if ((code === 93 || code === 125) && depth > 0) depth--; // ] }
    else if (code === 44 && depth > 0 && ++items > MAX_FLOW_ITEMS_IN_FILE && over < 0) over = at; // ,
  }
  return over < 0 ? undefined : { kind: 'flow-items-in-file', span: { start: over, end: over + 1 }, items };
}

function lineCountProblem(text: string): TextLimitProblem | undefined {
  let newline = -1;
  for (let line = 0; line < MAX_LINES; line++) {
    newline = text.indexOf('\n', newline + 1);
    if (newline < 0) return undefined;
  }
  // MAX_LINES line breaks: any text after the last of them is a line too many.
  const start = newline + 1;
  if (start >= text.length) return undefined;
  let newlines = MAX_LINES;
  for (let next = text.indexOf('\n', start); next >= 0; next = text.indexOf('\n', next + 1)) newlines++;
  const end = text.indexOf('\n', start);
  return { kind: 'line-count', span: { start, end: end < 0 ? text.length : end }, lines: lineCount(text, newlines) };
}

/** The lines of a text with `newlines` line breaks: a line break that ends the text starts no line. */
export function lineCount(text: string, newlines: number): number {
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/**
 * Without more commas than MAX_FLOW_ITEMS inside one stretch of flow
 * brackets, no flow collection can be too long. This counts brackets
 * without knowing about quotes or comments, so it may say yes for a text
 * whose collections are fine (the lexer then decides), never no for one
 * that has a long collection.
 */
export function mayHaveLongFlowCollection(text: string): boolean {
  let depth = 0;
  let commas = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 91 || code === 123) depth++; // [ {
    else if ((code === 93 || code === 125) && depth > 0) {
      // ] }
      depth--;
      if (depth === 0) commas = 0;
    } else if (code === 44 && depth > 0 && ++commas > MAX_FLOW_ITEMS - 1) return true; // ,
  }
  return false;
}

/** Lexer tokens that stand for no text of the source (document start, flow error end, scalar marker). */
const CONTROL_TOKENS: ReadonlySet<string> = new Set(['\x02', '\x18', '\x1f']);

interface OpenCollection {
  readonly start: number;
  items: number;
}
interface LongCollection {
  readonly start: number;
  readonly end: number;
  readonly items: number;
}

/**
 * The text with every flow collection of more than MAX_FLOW_ITEMS items
 * emptied (its contents turned to spaces, line breaks kept, so every offset
 * and line of the rest stays where it was), and one problem per collection.
 * The YAML lexer finds the collections, so brackets in quotes, comments,
 * block scalars and plain text are never mistaken for them.
 */
export function withoutLongFlowCollections(text: string): { text: string; problems: TextLimitProblem[] } {
  if (!mayHaveLongFlowCollection(text)) return { text, problems: [] };
  const long = longFlowCollections(text);
  if (long.length === 0) return { text, problems: [] };
  const parts: string[] = [];
  let from = 0;
  for (const collection of long) {
    parts.push(text.slice(from, collection.start + 1), text.slice(collection.start + 1, collection.end - 1).replace(/[^\n\r]/g, ' '));
    from = collection.end - 1;
  }
  parts.push(text.slice(from));
  const problems = long.map((collection): TextLimitProblem => ({ kind: 'flow-items', span: { start: collection.start, end: collection.start + 1 }, items: collection.items }));
  return { text: parts.join(''), problems };
}

/**
 * Lexes until a flow collection passes the limit; the rest of the open
 * collections is then read by `scanFlowRest` (the lexer takes microseconds
 * per token: millions of items would take seconds), and the lexer starts
 * again on the line after them, in block context.
 */
function longFlowCollections(text: string): LongCollection[] {
  const long: LongCollection[] = [];
  let base = 0;
  lexing: while (base < text.length) {
    const open: OpenCollection[] = [];
    let offset = base;
    for (const token of new Lexer().lex(base === 0 ? text : text.slice(base))) {
      if (CONTROL_TOKENS.has(token)) continue;
      if (token === '[' || token === '{') open.push({ start: offset, items: 1 });
      else if (token === ']' || token === '}') closeCollection(open, offset + 1, long);
      else if (token === ',') {
        const innermost = open.at(-1);
        if (innermost && ++innermost.items > MAX_FLOW_ITEMS) {
          const end = scanFlowRest(text, offset + 1, open, long);
          const newline = text.indexOf('\n', end);
          base = newline < 0 ? text.length : newline + 1;
          continue lexing;
        }
      }
      offset += token.length;
    }
    break;
  }
  return long.sort((a, b) => a.start - b.start);
}

function closeCollection(open: OpenCollection[], end: number, long: LongCollection[]): void {
  const closed = open.pop();
  // Inside one that is emptied anyway, a long one needs no report of its own.
  if (closed && closed.items > MAX_FLOW_ITEMS && !open.some((outer) => outer.items > MAX_FLOW_ITEMS)) {
    long.push({ start: closed.start, end, items: closed.items });
  }
}

/**
 * Reads on inside flow collections until all of `open` are closed, and
 * returns the offset after the last bracket. In flow context YAML is simple:
 * plain scalars cannot hold brackets or commas, a quote starts a quoted
 * scalar only where a scalar starts, and `#` after a blank starts a comment.
 */
function scanFlowRest(text: string, from: number, open: OpenCollection[], long: LongCollection[]): number {
  let previous = ',';
  for (let at = from; at < text.length; at++) {
    const char = text[at]!;
    if ((char === "'" || char === '"') && '[{,:?'.includes(previous)) {
      at = quotedEnd(text, at);
      previous = char;
      continue;
    }
    if (char === '#' && /\s/.test(text[at - 1] ?? ' ')) {
      const newline = text.indexOf('\n', at);
      at = newline < 0 ? text.length : newline;
      continue;
    }
    if (char === '[' || char === '{') open.push({ start: at, items: 1 });
    else if (char === ',') {
      const innermost = open.at(-1);
      if (innermost) innermost.items++;
    } else if (char === ']' || char === '}') {
      closeCollection(open, at + 1, long);
      if (open.length === 0) return at + 1;
    }
    if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') previous = char;
  }
  // Never closed: the parser reports that; what is open runs to the end.
  while (open.length > 0) closeCollection(open, text.length, long);
  return text.length;
}

/** The offset of the quote that closes the quoted scalar opening at `at` (or the last offset). */
function quotedEnd(text: string, at: number): number {
  const quote = text[at];
  for (let next = at + 1; next < text.length; next++) {
    if (quote === '"' && text[next] === '\\') next++;
    else if (text[next] === quote) {
      if (quote === "'" && text[next + 1] === "'") next++;
      else return next;
    }
  }
  return text.length - 1;
}

/**
 * Replaces every list or mapping deeper than MAX_NESTING_DEPTH by a null
 * scalar at its start, and drops the items of a (block) collection past
 * MAX_FLOW_ITEMS, in place (the document was just parsed and nobody holds
 * its nodes yet), and reports each: the walks after the parser then never
 * go deeper or longer. Walks iteratively: the depth is the point.
 */
export function pruneDeepNesting(doc: Document.Parsed): TextLimitProblem[] {
  const problems: TextLimitProblem[] = [];
  const pending: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, depth } = next;
    if (!isMap(node) && !isSeq(node)) continue;
    const items: unknown[] = node.items;
    // Block collections are not emptied before parsing (the parser copes with them, slowly); past the limit their items are dropped.
    if (items.length > MAX_FLOW_ITEMS) {
      problems.push({ kind: 'block-items', span: itemSpan(items[MAX_FLOW_ITEMS], node), items: items.length, collection: isMap(node) ? 'mapping' : 'list' });
      items.length = MAX_FLOW_ITEMS;
    }
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if (isPair(item)) {
        for (const side of ['key', 'value'] as const) {
          const child: unknown = item[side];
          if (!isMap(child) && !isSeq(child)) continue;
          if (depth + 1 > MAX_NESTING_DEPTH) item[side] = nullAt(child, problems);
          else pending.push({ node: child, depth: depth + 1 });
        }
      } else if (isMap(item) || isSeq(item)) {
        if (depth + 1 > MAX_NESTING_DEPTH) items[index] = nullAt(item, problems);
        else pending.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return problems.sort((a, b) => a.span.start - b.span.start);
}

/** The text of a collection's item: a node's, or a pair's from its key to its value. */
function itemSpan(item: unknown, collection: Node): Span {
  const first = isPair(item) ? (item.key as Node | null) : (item as Node);
  const last = isPair(item) ? ((item.value as Node | null) ?? first) : first;
  const start = first?.range?.[0] ?? collection.range?.[0] ?? 0;
  return { start, end: Math.max(start, last?.range?.[1] ?? start) };
}

function nullAt(node: Node, problems: TextLimitProblem[]): Scalar {
  const start = node.range?.[0] ?? 0;
  problems.push({ kind: 'nesting-depth', span: { start, end: start + 1 } });
  const replacement = new Scalar(null);
  replacement.range = [start, start, start];
  return replacement;
}

/**
 * True when lists and mappings nest deeper than `depthLimit` levels under
 * `node` (itself counted), or one holds more than MAX_FLOW_ITEMS items: a
 * fragment the whole parse would have to bound.
 */
export function overFragmentLimits(node: unknown, depthLimit: number): boolean {
  const pending: { node: unknown; depth: number }[] = [{ node, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (!isMap(next.node) && !isSeq(next.node)) continue;
    if (next.depth > depthLimit || next.node.items.length > MAX_FLOW_ITEMS) return true;
    for (const item of next.node.items as unknown[]) {
      if (isPair(item)) pending.push({ node: item.key, depth: next.depth + 1 }, { node: item.value, depth: next.depth + 1 });
      else pending.push({ node: item, depth: next.depth + 1 });
    }
  }
  return false;
}
