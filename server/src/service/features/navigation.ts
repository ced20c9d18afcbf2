import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type Location,
  type LocationLink,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Declaration } from '../../model/symbols.js';
import type { Span } from '../../model/types.js';
import { ID_PATTERN } from '../../model/values.js';
import type { PlanAnalysis } from '../../analysis/analyze-plan.js';
import { spanToRange } from '../diagnostics.js';
import { occurrencesOf } from './id-occurrences.js';
import { locate, type IdAtOffset } from '../locate.js';
import { unquotedSpan } from '../../parse/syntax-nodes.js';
import { scalarAtSpan, trimmedSpan } from '../../yaml/node-at-span.js';

/**
 * Go to definition, find references, document highlights and rename for
 * the ids of a plan. Everything comes from the model's spans: the symbol
 * table for declarations and `model.references` (owners, sponsor, manager,
 * assignments, depends_on in every form, `due: <n>d after <id>`) for uses.
 * Other scalars that happen to spell an id (a `rules:` key, a description)
 * are not references and are never touched.
 */

/**
 * The declaration of the id under the cursor. On a declaration it returns
 * that declaration itself, so that VS Code, finding the cursor already at
 * the definition, runs its alternative command (Go to References) and Peek
 * shows the item. Null on an id that is declared nowhere.
 */
export function findDefinition(analysis: PlanAnalysis, document: TextDocument, position: Position): Location | null {
  const found = definitionAt(analysis, document, position);
  return found ? { uri: document.uri, range: spanToRange(document, found.declaration.span) } : null;
}

/**
 * The same as `findDefinition`, as a link for clients with `linkSupport`:
 * the origin is exactly the id (VS Code would otherwise underline only a
 * word of `go-live`) and the target range is the whole declaring item, which
 * Peek Definition shows.
 */
export function findDefinitionLinks(analysis: PlanAnalysis, document: TextDocument, position: Position): LocationLink[] {
  const found = definitionAt(analysis, document, position);
  if (!found) return [];
  const { target, declaration } = found;
  return [
    {
      originSelectionRange: spanToRange(document, target.span),
      targetUri: document.uri,
      targetRange: spanToRange(document, trimmedSpan(analysis.parsed.text, analysis.parsed.doc.contents, declaration.itemSpan)),
      targetSelectionRange: spanToRange(document, declaration.span),
    },
  ];
}

function definitionAt(
  analysis: PlanAnalysis,
  document: TextDocument,
  position: Position,
): { target: IdAtOffset; declaration: Declaration } | undefined {
  const target = locate(analysis, document.offsetAt(position)).id;
  if (!target) return undefined;
  const declaration = target.declaration ?? analysis.symbols.lookup(target.namespace, target.id);
  return declaration ? { target, declaration } : undefined;
}

/**
 * Every reference to the id under the cursor (on a declaration or on a
 * reference) in its namespace, plus its declaration(s) when asked, in
 * document order. Works on undeclared ids too: it lists the references
 * that share the unknown name.
 */
export function findReferences(
  analysis: PlanAnalysis,
  document: TextDocument,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const target = locate(analysis, document.offsetAt(position)).id;
  if (!target) return [];
  const { declarations, references } = occurrencesOf(analysis, target.namespace, target.id);
  const spans = references.map((reference) => reference.span);
  if (includeDeclaration) spans.push(...declarations.map((declaration) => declaration.span));
  return spans
    .sort((a, b) => a.start - b.start)
    .map((span) => ({ uri: document.uri, range: spanToRange(document, span) }));
}

/** Declarations are highlighted as writes, references as reads. */
export function documentHighlights(analysis: PlanAnalysis, document: TextDocument, position: Position): DocumentHighlight[] {
  const target = locate(analysis, document.offsetAt(position)).id;
  if (!target) return [];
  const { declarations, references } = occurrencesOf(analysis, target.namespace, target.id);
  return [
    ...declarations.map((declaration) => ({ span: declaration.span, kind: DocumentHighlightKind.Write })),
    ...references.map((reference) => ({ span: reference.span, kind: DocumentHighlightKind.Read })),
  ]
    .sort((a, b) => a.span.start - b.span.start)
    .map(({ span, kind }) => ({ range: spanToRange(document, span), kind }));
}

/** The id under the cursor and the text rename would replace (inside quotes). */
export function prepareRename(
  analysis: PlanAnalysis,
  document: TextDocument,
  position: Position,
): { range: Range; placeholder: string } | null {
  const target = locate(analysis, document.offsetAt(position)).id;
  if (!target) return null;
  const span = editableSpan(analysis, target.span);
  return span ? { range: spanToRange(document, span), placeholder: target.id } : null;
}

/** A rename either yields edits or a message the user sees (an LSP ResponseError). */
export type RenameResult = { readonly ok: true; readonly edit: WorkspaceEdit } | { readonly ok: false; readonly message: string };

/**
 * Renames the id under the cursor: every declaration of it and every
 * reference to it in its namespace. Each edit replaces only the id's own
 * text (inside quotes when it is quoted, only the id within
 * `due: 30d after <id>`), so comments and layout stay as they are.
 */
export function rename(analysis: PlanAnalysis, document: TextDocument, position: Position, newName: string): RenameResult {
  const target = locate(analysis, document.offsetAt(position)).id;
  if (!target) {
    return { ok: false, message: 'Place the cursor on an id (where it is declared or used) to rename it.' };
  }
  if (!ID_PATTERN.test(newName)) {
    return {
      ok: false,
      message: `\`${newName}\` is not a valid id: use lowercase letters, digits, ".", "_" and "-", starting with a letter or a digit.`,
    };
  }
  if (newName === target.id) return { ok: true, edit: { changes: { [document.uri]: [] } } };
  const taken = analysis.symbols.lookup(target.namespace, newName);
  if (taken) {
    const renamed = target.declaration ?? analysis.symbols.lookup(target.namespace, target.id);
    return { ok: false, message: takenMessage(target, renamed, taken) };
  }

  const { declarations, references } = occurrencesOf(analysis, target.namespace, target.id);
  const spans = [...declarations.map((declaration) => declaration.span), ...references.map((reference) => reference.span)];
  const edits: TextEdit[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    const editSpan = editableSpan(analysis, span);
    if (!editSpan) {
      return { ok: false, message: `\`${target.id}\` is written as a block scalar at least once; rename it by hand.` };
    }
    edits.push({ range: spanToRange(document, editSpan), newText: newName });
  }
  return { ok: true, edit: { changes: { [document.uri]: edits } } };
}

function takenMessage(target: IdAtOffset, renamed: Declaration | undefined, taken: Declaration): string {
  const shared =
    target.namespace === 'work' && renamed && renamed.kind !== taken.kind
      ? ` (phases and tasks share one namespace, so a ${renamed.kind} cannot take a ${taken.kind}'s id)`
      : '';
  return `Cannot rename \`${target.id}\` to \`${taken.id}\`: \`${taken.id}\` is already the id of a ${taken.kind}${shared}.`;
}

/**
 * The part of an id occurrence that an edit replaces: the span itself for
 * a plain scalar or an id inside `due: ... after <id>`, the text inside the
 * quotes for a quoted one, nothing for a block scalar (`id: |`), whose
 * layout an edit of the id alone cannot keep.
 */
function editableSpan(analysis: PlanAnalysis, span: Span): Span | undefined {
  const scalar = scalarAtSpan(analysis.parsed.doc.contents, span);
  if (!scalar) return span;
  if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') return undefined;
  return unquotedSpan(scalar, span);
}

