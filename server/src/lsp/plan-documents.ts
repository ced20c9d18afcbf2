import { Emitter, type Connection, type Event } from 'vscode-languageserver/node';
import { TextDocument, type Position, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

export interface DocumentEvent {
  readonly document: TextDocument;
}

/**
 * The open documents, kept in step with the client's incremental changes.
 *
 * It does what `TextDocuments` of vscode-languageserver does, with one
 * difference: a change whose range lies outside the document (a client's
 * stale range, after a race between an edit and a reload) is clamped to the
 * document first, as VS Code's own text model validates positions. Given
 * such a range as it is, `TextDocument.update` writes line offsets past the
 * end of its table: every later position is broken, and a range at line
 * 100,000,000 makes the table so large that the server runs out of memory.
 * A change that is not a change at all (no text, a range without numbers)
 * is left out and logged; the document stays as it was.
 */
export class PlanDocuments {
  private readonly documents = new Map<string, TextDocument>();
  private readonly changed = new Emitter<DocumentEvent>();
  private readonly closed = new Emitter<DocumentEvent>();

  constructor(private readonly log: (message: string) => void = () => undefined) {}

  /** After an open (with the opened text) and after each change. */
  get onDidChangeContent(): Event<DocumentEvent> {
    return this.changed.event;
  }

  get onDidClose(): Event<DocumentEvent> {
    return this.closed.event;
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return [...this.documents.values()];
  }

  open(uri: string, languageId: string, version: number, text: string): void {
    const document = TextDocument.create(uri, languageId, version, text);
    this.documents.set(uri, document);
    this.changed.fire({ document });
  }

  change(uri: string, version: number, changes: readonly unknown[]): void {
    const document = this.documents.get(uri);
    if (!document) {
      this.log(`crmplan: a change for a document that is not open was ignored: ${uri}`);
      return;
    }
    const valid = changes.filter(isContentChange);
    if (valid.length < changes.length) this.log(`crmplan: ${changes.length - valid.length} malformed change(s) to ${uri} were ignored`);
    if (valid.length === 0) return;
    applyChanges(document, valid, version);
    this.changed.fire({ document });
  }

  close(uri: string): void {
    const document = this.documents.get(uri);
    if (!document) return;
    this.documents.delete(uri);
    this.closed.fire({ document });
  }

  listen(connection: Connection): void {
    connection.onDidOpenTextDocument((params) => {
      const item: unknown = params?.textDocument;
      if (!isRecord(item) || typeof item['uri'] !== 'string' || typeof item['text'] !== 'string') {
        this.log('crmplan: a didOpen without a uri or text was ignored');
        return;
      }
      const version = typeof item['version'] === 'number' ? item['version'] : 0;
      const languageId = typeof item['languageId'] === 'string' ? item['languageId'] : 'crmplan';
      this.open(item['uri'], languageId, version, item['text']);
    });
    connection.onDidChangeTextDocument((params) => {
      const identifier: unknown = params?.textDocument;
      const changes: unknown = params?.contentChanges;
      if (!isRecord(identifier) || typeof identifier['uri'] !== 'string' || !Array.isArray(changes)) {
        this.log('crmplan: a didChange without a uri or changes was ignored');
        return;
      }
      const current = this.documents.get(identifier['uri']);
      const version = typeof identifier['version'] === 'number' ? identifier['version'] : (current?.version ?? 0) + 1;
      this.change(identifier['uri'], version, changes);
    });
    connection.onDidCloseTextDocument((params) => {
      const identifier: unknown = params?.textDocument;
      if (isRecord(identifier) && typeof identifier['uri'] === 'string') this.close(identifier['uri']);
    });
  }
}

/**
 * Applies the changes in order, each range clamped to the document as it is
 * when that change applies (a later change's positions refer to the text
 * after the earlier ones). Reversed ranges are taken from their smaller end.
 */
export function applyChanges(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
  for (const change of changes) {
    if (!('range' in change) || change.range === undefined) {
      TextDocument.update(document, [{ text: change.text }], version);
      continue;
    }
    const range = { start: clampPosition(document, change.range.start), end: clampPosition(document, change.range.end) };
    TextDocument.update(document, [{ range, text: change.text }], version);
  }
  return document;
}

/** The nearest position that exists in the document. */
export function clampPosition(document: TextDocument, position: Position): Position {
  return document.positionAt(document.offsetAt({ line: Math.trunc(position.line), character: Math.trunc(position.character) }));
}

function isContentChange(change: unknown): change is TextDocumentContentChangeEvent {
  if (!isRecord(change) || typeof change['text'] !== 'string') return false;
  const range = change['range'];
  if (range === undefined) return true;
  return isRecord(range) && isPosition(range['start']) && isPosition(range['end']);
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && Number.isFinite(value['line']) && Number.isFinite(value['character']);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
