import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { findingToDiagnostic } from '../diagnostics.js';
import { codeActions, type SnippetTextEdit } from './code-actions.js';
import { planWithCursor } from './feature-test-support.js';

const DOCS = 'file:///docs/rules/';

const PLAN = `crmplan: 1
plan:
  name: Code actions
  start: 2027-01-04
  manager: pm
people:
  - {id: pm, name: Dana Lee, role: Project Manager}
objectives:
  - id: adoption
    statement: 85% of the sales team log in every week after launch
    target: 85%
    owner: pm
phases:
  - id: build
    owner: pm
    tasks:
      - id: kickoff
        name: Kickoff
        duration: 1d
      - id: design
        name: Design
        duration: 2d
        depends_on: [kick|of, kickof]
`;

function at(textWithCursor: string): ReturnType<typeof planWithCursor> & { cursor: { start: { line: number; character: number }; end: { line: number; character: number } } } {
  const fixture = planWithCursor(textWithCursor);
  return { ...fixture, cursor: { start: fixture.position, end: fixture.position } };
}

function titles(actions: readonly CodeAction[]): string[] {
  return actions.map((action) => action.title);
}

function applied(document: TextDocument, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[document.uri] ?? [];
  return TextDocument.applyEdits(document, edits);
}

describe('codeActions', () => {
  it('offers the rule fixes of the finding under the cursor, then "Disable"', () => {
    const { analysis, document, cursor } = at(PLAN);
    const actions = codeActions(analysis, document, cursor, { diagnostics: [] }, { ruleDocsBase: DOCS });
    expect(titles(actions)).toEqual(["Change 'kickof' to 'kickoff'", 'Disable unknown-reference in this file']);
    const [change, disable] = actions;
    expect(change?.kind).toBe(CodeActionKind.QuickFix);
    expect(change?.isPreferred).toBe(true);
    expect(change?.diagnostics?.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([['unknown-reference', 22]]);
    expect(applied(document, change!)).toContain('depends_on: [kickoff, kickof]');
    expect(disable?.isPreferred).toBeUndefined();
    expect(applied(document, disable!)).toMatch(/\nrules:\n {2}unknown-reference: off\n$/);
  });

  it('matches the diagnostics the client sends by rule and range, not by message', () => {
    const { analysis, document } = at(PLAN);
    const second = analysis.findings.filter((finding) => finding.rule === 'unknown-reference')[1]!;
    const sent: Diagnostic = { ...findingToDiagnostic(document, second, DOCS), message: 'reworded by the client' };
    const elsewhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = codeActions(analysis, document, elsewhere, { diagnostics: [sent] }, { ruleDocsBase: DOCS });
    const change = actions.find((action) => action.title === "Change 'kickof' to 'kickoff'");
    expect(change?.diagnostics).toEqual([sent]);
    expect(applied(document, change!)).toContain('depends_on: [kickof, kickoff]');
  });

  it('ignores diagnostics of other sources and codes', () => {
    const { analysis, document } = at(PLAN);
    const finding = analysis.findings.find((candidate) => candidate.rule === 'unknown-reference')!;
    const diagnostic = findingToDiagnostic(document, finding, DOCS);
    const elsewhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const foreign = [{ ...diagnostic, source: 'yaml' }, { ...diagnostic, code: 'schema' }];
    expect(codeActions(analysis, document, elsewhere, { diagnostics: foreign })).toEqual([]);
  });

  it('offers one "Disable" per rule for several findings in the range', () => {
    const { analysis, document } = at(PLAN);
    const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
    const actions = codeActions(analysis, document, whole, { diagnostics: [] }, { ruleDocsBase: DOCS });
    const disable = actions.filter((action) => action.title === 'Disable unknown-reference in this file');
    expect(disable).toHaveLength(1);
    expect(disable[0]?.diagnostics).toHaveLength(2);
    // Rule fixes come before every "Disable".
    const firstDisable = actions.findIndex((action) => action.title.startsWith('Disable'));
    expect(actions.slice(firstDisable).every((action) => action.title.startsWith('Disable'))).toBe(true);
  });

  it('answers only when quick fixes are asked for', () => {
    const { analysis, document, cursor } = at(PLAN);
    expect(codeActions(analysis, document, cursor, { diagnostics: [], only: [CodeActionKind.Source] })).toEqual([]);
    expect(codeActions(analysis, document, cursor, { diagnostics: [], only: [CodeActionKind.QuickFix] })).not.toEqual([]);
  });

  it('sends snippet fixes as snippet edits where the client takes them, plain text elsewhere', () => {
    const { analysis, document, cursor } = at(PLAN.replace('  - id: adoption', '  - id: adop|tion').replace('kick|of', 'kickof'));
    const plain = codeActions(analysis, document, cursor, { diagnostics: [] }, { ruleDocsBase: DOCS });
    const smart = plain.find((action) => action.title.startsWith('Add the missing SMART fields'));
    expect(smart?.title).toBe('Add the missing SMART fields: metric, baseline, due');
    expect(applied(document, smart!)).toContain('    owner: pm\n    metric: TODO\n    baseline: TODO\n    due: 30d after design\n');

    const withSnippets = codeActions(analysis, document, cursor, { diagnostics: [] }, { ruleDocsBase: DOCS, snippetEdits: true });
    const snippet = withSnippets.find((action) => action.title === smart?.title);
    const change = snippet?.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
    expect(change?.textDocument).toEqual({ uri: document.uri, version: document.version });
    const edit = change?.edits[0] as SnippetTextEdit | undefined;
    expect(edit?.snippet).toEqual({ kind: 'snippet', value: '\n    metric: ${1:TODO}\n    baseline: ${2:TODO}\n    due: ${3:30d after design}' });
    // A client without snippet edits still applies the plain text.
    expect(edit?.newText).toBe('\n    metric: TODO\n    baseline: TODO\n    due: 30d after design');
  });
});
