import { isAlias, isMap, isNode, isPair, isSeq, LineCounter, parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import type { Span } from './span.js';
import { flowItemsInFileProblem, pruneDeepNesting, unreadTextProblem, withoutLongFlowCollections, type TextLimitProblem } from './text-limits.js';

/** A problem the YAML parser found, with the span it points at. */
export interface YamlProblem {
  readonly message: string;
  readonly span: Span;
  readonly severity: 'error' | 'warning';
  /** The parser's own error code (e.g. `BAD_INDENT`), for documentation. */
  readonly code: string;
}

export interface ParsedDocument {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  readonly problems: readonly YamlProblem[];
  /**
   * The next version may be re-parsed unit by unit (see incremental-parse.ts):
   * no problems, anchors, aliases, directives or document markers.
   */
  readonly reparseable: boolean;
  /** Parsed whole, or re-parsed from an earlier version. */
  readonly origin: 'full' | 'incremental';
  /** For a text with problems: the last reparseable parse of an earlier version, untouched since. */
  readonly cleanBase?: ParsedDocument;
  /**
   * What was left out for being over a limit (text-limits.ts): then `doc`
   * was parsed from the text without it (offsets and lines unchanged), and
   * the next version is parsed whole.
   */
  readonly limits?: readonly TextLimitProblem[];
}

/**
 * Plans are YAML 1.2 core: dates stay strings, `no` stays a string. No CST
 * source tokens: the few offsets the AST lacks (a pair's `:`, an item's
 * `-`) are read from the text next to the node ranges.
 */
export const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  prettyErrors: false,
  version: '1.2',
  // No library warnings on stderr (toJS on a complex key emits one): the
  // plan's problems are findings, such as the schema rule's on that key.
  logLevel: 'error',
};

/** Directives and document markers change how everything after them is read. */
export const DIRECTIVE_OR_MARKER = /^(?:---|\.\.\.)(?:\s|$)|^%/m;

/**
 * Parses a plan with eemeli/yaml. The parser recovers from errors, so a
 * half-typed file still yields a document whose valid parts are analysed.
 */
export function parsePlanText(text: string): ParsedDocument {
  const unread = unreadTextProblem(text);
  if (unread) return unreadText(text, unread);
  const bounded = withoutLongFlowCollections(text);
  const tooManyFlowItems = flowItemsInFileProblem(bounded.text);
  if (tooManyFlowItems) return unreadText(text, tooManyFlowItems);
  const lineCounter = new LineCounter();
  const doc = parseDocument(bounded.text, { ...PARSE_OPTIONS, lineCounter });
  const limits = [...bounded.problems, ...pruneDeepNesting(doc)];
  const problems: YamlProblem[] = [];
  for (const error of doc.errors) {
    problems.push({
      message: firstLine(error.message),
      span: clampSpan(error.pos, text.length),
      severity: 'error',
      code: error.code,
    });
  }
  for (const warning of doc.warnings) {
    problems.push({
      message: firstLine(warning.message),
      span: clampSpan(warning.pos, text.length),
      severity: 'warning',
      code: warning.code,
    });
  }
  const reparseable = limits.length === 0 && problems.length === 0 && !DIRECTIVE_OR_MARKER.test(text) && !hasAnchorsOrAliases(doc.contents);
  return { text, doc, lineCounter, problems, reparseable, origin: 'full', ...(limits.length > 0 ? { limits } : {}) };
}

/** A text over MAX_TEXT_LENGTH, MAX_LINES or MAX_FLOW_ITEMS_IN_FILE: not parsed, an empty document and the one problem. */
function unreadText(text: string, problem: TextLimitProblem): ParsedDocument {
  const limits: TextLimitProblem[] = [problem];
  const doc = parseDocument('', PARSE_OPTIONS);
  return { text, doc, lineCounter: lineCounterFor(text), problems: [], reparseable: false, origin: 'full', limits };
}

/** The line starts of `text`, as the parser's LineCounter records them. */
export function lineCounterFor(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
    lineCounter.addNewLine(newline + 1);
  }
  return lineCounter;
}

function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  const line = newline < 0 ? message : message.slice(0, newline);
  // eemeli/yaml appends " at line L, column C" when prettyErrors is on; it is
  // off here, but strip a trailing colon left by multi-line messages.
  return line.replace(/:\s*$/, '');
}

function clampSpan(pos: [number, number], length: number): Span {
  const start = Math.max(0, Math.min(pos[0], length));
  const end = Math.max(start, Math.min(pos[1], length));
  return { start, end };
}

/** Anchors and aliases tie distant nodes together, so a document with them is always parsed whole. */
export function hasAnchorsOrAliases(node: unknown): boolean {
  if (isPair(node)) return hasAnchorsOrAliases(node.key) || hasAnchorsOrAliases(node.value);
  if (isAlias(node)) return true;
  if (!isNode(node)) return false;
  if (node.anchor) return true;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) if (hasAnchorsOrAliases(item)) return true;
  }
  return false;
}
