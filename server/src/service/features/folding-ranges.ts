import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../../model/types.js';
import type { PlanAnalysis } from '../../analysis/analyze-plan.js';
import { contentEnd, isEmpty, isNodeValue } from '../../parse/syntax-nodes.js';

const COMMENT_LINE = /^[ \t]*#/;

/**
 * Folding ranges from the yaml AST, replacing VS Code's indentation folding
 * for plans:
 *
 * - every value that spans more than one line folds: a block or flow
 *   mapping or sequence, or a multi-line scalar such as `description: >`.
 *   The fold starts on the line of its key (`tasks:` folds its list; a
 *   `- id: x` item folds from its dash line) and ends on the last line of
 *   the value's own content, so the blank lines and the comment that
 *   introduce the next item stay visible;
 * - two or more consecutive full-line comments fold as a Comment range
 *   (a `#` line inside a block scalar is text, not a comment).
 *
 * The document's root mapping does not fold: folding it would hide the whole
 * plan behind its first key.
 */
export function foldingRanges(analysis: PlanAnalysis, document: TextDocument): FoldingRange[] {
  const { text, doc, lineCounter } = analysis.parsed;
  const endLineByStart = new Map<number, number>();
  const multiLineScalars: Span[] = [];
  const lineOf = (offset: number): number => document.positionAt(offset).line;

  const fold = (startOffset: number, node: Node): void => {
    const range = node.range;
    if (!range || isEmpty(node)) return;
    const end = contentEnd(text, node);
    if (end <= range[0]) return;
    const startLine = lineOf(startOffset);
    const endLine = lineOf(end - 1);
    if (endLine <= startLine) return;
    if (isScalar(node)) multiLineScalars.push({ start: range[0], end });
    endLineByStart.set(startLine, Math.max(endLine, endLineByStart.get(startLine) ?? endLine));
  };

  const visit = (node: Node): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isNodeValue(pair.value)) continue;
        const keyStart = isNodeValue(pair.key) ? pair.key.range?.[0] : undefined;
        fold(keyStart ?? pair.value.range?.[0] ?? 0, pair.value);
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (!isNodeValue(item)) continue;
        fold(item.range?.[0] ?? 0, item);
        visit(item);
      }
    }
  };
  if (isNodeValue(doc.contents)) visit(doc.contents);

  const ranges: FoldingRange[] = [...endLineByStart].map(([startLine, endLine]) => ({ startLine, endLine }));
  ranges.push(...commentRanges(text, lineCounter.lineStarts, multiLineScalars));
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Runs of two or more consecutive full-line comments. */
function commentRanges(text: string, lineStarts: readonly number[], scalars: readonly Span[]): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  let runStart: number | undefined;
  const close = (lastLine: number): void => {
    if (runStart !== undefined && lastLine > runStart) {
      ranges.push({ startLine: runStart, endLine: lastLine, kind: FoldingRangeKind.Comment });
    }
    runStart = undefined;
  };
  lineStarts.forEach((start, line) => {
    const end = lineStarts[line + 1] ?? text.length;
    const insideScalar = scalars.some((scalar) => scalar.start < start && start < scalar.end);
    if (!insideScalar && COMMENT_LINE.test(text.slice(start, end))) {
      runStart ??= line;
    } else {
      close(line - 1);
    }
  });
  close(lineStarts.length - 1);
  return ranges;
}
