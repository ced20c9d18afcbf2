import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Span } from '../model/types.js';

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
}

/**
 * Parses a plan with eemeli/yaml. The parser recovers from errors, so a
 * half-typed file still yields a document whose valid parts are analysed.
 */
export function parsePlanText(text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    keepSourceTokens: true,
    prettyErrors: false,
    // Plans are YAML 1.2 core: dates stay strings, `no` stays a string.
    version: '1.2',
  });
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
  return { text, doc, lineCounter, problems };
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
