import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { SelectionRange } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import type { Span } from '../../model/types.js';
import type { PlanAnalysis } from '../../analysis/analyze-plan.js';
import { spanToRange } from '../diagnostics.js';
import { contentSpan, pairSpan, pathAtOffset, unquotedSpan } from '../../parse/syntax-nodes.js';

/**
 * Expand / shrink selection. From the innermost out, for each position:
 * the id inside `due: 30d after <id>` (a reference the model located), the
 * text inside quotes, the scalar, its `key: value` pair, the enclosing item
 * (mapping), the list, the section's pair, the root mapping, and finally the
 * whole document. Node ends are content ends, so an item never takes in the
 * comment that introduces the next one. A position outside every node (a
 * header comment) gets an empty range inside the whole document.
 */
export function selectionRanges(analysis: PlanAnalysis, document: TextDocument, positions: Position[]): SelectionRange[] {
  return positions.map((position) => selectionRangeAt(analysis, document, document.offsetAt(position)));
}

function selectionRangeAt(analysis: PlanAnalysis, document: TextDocument, offset: number): SelectionRange {
  const { text, doc } = analysis.parsed;
  const spans: Span[] = [{ start: 0, end: text.length }];
  for (const step of pathAtOffset(text, doc.contents, offset)) {
    const span = step.kind === 'pair' ? pairSpan(text, step.pair) : contentSpan(text, step.node);
    if (!span) continue;
    spans.push(span);
    if (step.kind === 'node' && isScalar(step.node)) {
      const inner = unquotedSpan(step.node, span);
      if (inner.start <= offset && offset <= inner.end) spans.push(inner);
    }
  }
  const reference = analysis.model.references.find(
    (candidate) => candidate.span.start <= offset && offset <= candidate.span.end,
  );
  if (reference) spans.push(reference.span);
  if (spans.length === 1) spans.push({ start: offset, end: offset });

  // Outermost first; keep each span once and only when it lies inside the previous one.
  let parent: SelectionRange | undefined;
  let previous: Span | undefined;
  for (const span of spans) {
    if (previous) {
      const same = span.start === previous.start && span.end === previous.end;
      const inside = previous.start <= span.start && span.end <= previous.end;
      if (same || !inside) continue;
    }
    parent = parent ? { range: spanToRange(document, span), parent } : { range: spanToRange(document, span) };
    previous = span;
  }
  return parent ?? { range: spanToRange(document, { start: offset, end: offset }) };
}
