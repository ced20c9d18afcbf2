import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { withCursor } from '../../testing/fixtures.js';
import { analyzePlan, type PlanAnalysis } from '../../analysis/analyze-plan.js';

/** Test support for the editor features: a plan with a `|` cursor, analysed. */
export interface CursorFixture {
  readonly text: string;
  readonly analysis: PlanAnalysis;
  readonly document: TextDocument;
  readonly position: Position;
}

export function planWithCursor(textWithCursor: string): CursorFixture {
  const { text, offset } = withCursor(textWithCursor);
  const { analysis, document } = plan(text);
  return { text, analysis, document, position: document.positionAt(offset) };
}

export function plan(text: string): { analysis: PlanAnalysis; document: TextDocument } {
  return { analysis: analyzePlan(text), document: TextDocument.create('file:///test.crmplan.yaml', 'crmplan', 1, text) };
}

/** `12:kickoff` — the 1-based line and the text of a range, for readable assertions. */
export function describeRange(document: TextDocument, range: Range): string {
  return `${range.start.line + 1}:${document.getText(range)}`;
}
