import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { disableRuleFix, ruleFixes, type QuickFix } from '../../fixes/index.js';
import { writeHolidaysFix } from '../../fixes/write-holidays.js';
import type { Span } from '../../model/types.js';
import type { PlanAnalysis, ReportedFinding } from '../../analysis/analyze-plan.js';
import { DIAGNOSTIC_SOURCE, defaultRuleDocsBase, findingToDiagnostic, spanToRange } from '../diagnostics.js';

export interface CodeActionOptions {
  /**
   * The client takes snippet edits (LSP 3.18
   * `workspace.workspaceEdit.snippetEditSupport`): fixes with placeholders
   * are sent as `SnippetTextEdit`s in `documentChanges`.
   */
  readonly snippetEdits?: boolean;
  /** Base URI of the rule pages, for the diagnostics built here (as in `validate`). */
  readonly ruleDocsBase?: string;
}

/**
 * LSP 3.18's `SnippetTextEdit`, which vscode-languageserver-types 3.17
 * does not declare. It keeps the plain `newText` too, so a client that does
 * not know snippet edits still applies the placeholder text.
 */
export interface SnippetTextEdit extends TextEdit {
  readonly snippet: { readonly kind: 'snippet'; readonly value: string };
}

/**
 * Quick fixes for the findings at `range`: those that intersect it and those
 * the client sent in `context.diagnostics` (matched by rule name and range,
 * never by message). Each rule's fixes come first, then one "Disable <rule>
 * in this file" per rule present.
 */
export function codeActions(
  analysis: PlanAnalysis,
  document: TextDocument,
  range: Range,
  context: CodeActionContext,
  options: CodeActionOptions = {},
): CodeAction[] {
  if (context.only && !context.only.some((kind) => kind === '' || CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`))) {
    return [];
  }
  const requested: Span = { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
  const docsBase = options.ruleDocsBase ?? defaultRuleDocsBase();
  const matched: { finding: ReportedFinding; diagnostic: Diagnostic }[] = [];
  for (const finding of analysis.findings) {
    const findingRange = spanToRange(document, finding.span);
    const sent = context.diagnostics.find(
      (diagnostic) =>
        (diagnostic.source === undefined || diagnostic.source === DIAGNOSTIC_SOURCE) &&
        diagnostic.code === finding.rule &&
        sameRange(diagnostic.range, findingRange),
    );
    if (sent) matched.push({ finding, diagnostic: sent });
    else if (intersects(finding.span, requested)) {
      matched.push({ finding, diagnostic: findingToDiagnostic(document, finding, docsBase) });
    }
  }

  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  const add = (fix: QuickFix, diagnostics: Diagnostic[]): void => {
    const key = JSON.stringify([fix.title, fix.edits]);
    if (seen.has(key)) return;
    seen.add(key);
    actions.push(toCodeAction(document, fix, diagnostics, options));
  };
  for (const { finding, diagnostic } of matched) {
    for (const fix of ruleFixes(finding, analysis)) add(fix, [diagnostic]);
  }
  // Not about a finding: on the calendar's `country`, write its holidays out as dates.
  const holidays = writeHolidaysFix(analysis, requested);
  if (holidays) add(holidays, []);
  const rules = [...new Set(matched.map(({ finding }) => finding.rule))];
  for (const rule of rules) {
    const fix = disableRuleFix(rule, analysis);
    const diagnostics = matched.filter(({ finding }) => finding.rule === rule).map(({ diagnostic }) => diagnostic);
    if (fix) add(fix, diagnostics);
  }
  return actions;
}

function toCodeAction(document: TextDocument, fix: QuickFix, diagnostics: Diagnostic[], options: CodeActionOptions): CodeAction {
  const action: CodeAction = {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: workspaceEdit(document, fix, options),
  };
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}

function workspaceEdit(document: TextDocument, fix: QuickFix, options: CodeActionOptions): WorkspaceEdit {
  const edits: TextEdit[] = fix.edits.map((edit) => {
    const range = spanToRange(document, edit.span);
    if (options.snippetEdits && edit.snippet !== undefined) {
      const snippetEdit: SnippetTextEdit = { range, newText: edit.newText, snippet: { kind: 'snippet', value: edit.snippet } };
      return snippetEdit;
    }
    return { range, newText: edit.newText };
  });
  if (options.snippetEdits && fix.isSnippet) {
    // Snippet edits are only allowed in `documentChanges` (LSP 3.18).
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  }
  return { changes: { [document.uri]: edits } };
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** Touching counts: a cursor right after a finding's text still gets its fixes. */
function intersects(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
