import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeActionContext,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  LocationLink,
  Range,
  SelectionRange,
} from 'vscode-languageserver-types';
import { analyzePlan, reanalyzePlan, type AnalysisSettings, type PlanAnalysis } from './analyze-plan.js';
import { defaultRuleDocsBase, findingToDiagnostic } from './diagnostics.js';
import { codeActions } from './features/code-actions.js';
import { complete } from './features/completion.js';
import { documentSymbols } from './features/document-symbols.js';
import { foldingRanges } from './features/folding-ranges.js';
import { hover } from './features/hover.js';
import { inlayHints } from './features/inlay-hints.js';
import {
  documentHighlights,
  findDefinition,
  findDefinitionLinks,
  findReferences,
  prepareRename,
  rename,
  type RenameResult,
} from './features/navigation.js';
import { selectionRanges } from './features/selection-ranges.js';
import { timeline } from './features/timeline.js';
import type { TimelineResult } from '../shared/protocol.js';

export interface LanguageServiceOptions {
  /** Base URI of the rule pages, ending with a slash. */
  readonly ruleDocsBase?: string;
}

/**
 * The language service facade: plain functions over a document. It holds
 * no connection and no settings; it caches one analysis per URI + version
 * so that several requests on the same text share the work.
 */
export class LanguageService {
  private readonly cache = new Map<
    string,
    { version: number; settingsKey: string; settings: AnalysisSettings; analysis: PlanAnalysis }
  >();
  private readonly ruleDocsBase: string;

  constructor(options: LanguageServiceOptions = {}) {
    this.ruleDocsBase = options.ruleDocsBase ?? defaultRuleDocsBase();
  }

  analyze(document: TextDocument, settings: AnalysisSettings = {}): PlanAnalysis {
    const settingsKey = JSON.stringify(settings.rules ?? {});
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version && cached.settingsKey === settingsKey) return cached.analysis;
    // The previous version's parse is re-used and changed in place by the
    // re-analysis, so it leaves the cache first: if anything goes wrong the
    // next analysis starts from scratch instead of from a half-shifted tree.
    this.cache.delete(document.uri);
    const text = document.getText();
    const analysis = cached ? reanalyzePlan(cached.analysis, text, settings) : analyzePlan(text, settings);
    this.cache.set(document.uri, { version: document.version, settingsKey, settings, analysis });
    return analysis;
  }

  validate(document: TextDocument, settings: AnalysisSettings = {}): Diagnostic[] {
    return this.analyze(document, settings).findings.map((finding) =>
      findingToDiagnostic(document, finding, this.ruleDocsBase),
    );
  }

  /**
   * The analysis editor features read: the cached one for this version
   * whatever settings produced it (severities do not change structure).
   */
  private current(document: TextDocument): PlanAnalysis {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    // A request between an edit and its (debounced) validation: analyse the
    // new text with the settings this document was last validated with, so
    // rules turned off in the editor stay off in hovers and quick-fixes.
    return this.analyze(document, cached?.settings ?? {});
  }

  definition(document: TextDocument, position: Position): Location | null {
    return findDefinition(this.current(document), document, position);
  }

  definitionLinks(document: TextDocument, position: Position): LocationLink[] {
    return findDefinitionLinks(this.current(document), document, position);
  }

  references(document: TextDocument, position: Position, includeDeclaration: boolean): Location[] {
    return findReferences(this.current(document), document, position, includeDeclaration);
  }

  documentHighlights(document: TextDocument, position: Position): DocumentHighlight[] {
    return documentHighlights(this.current(document), document, position);
  }

  prepareRename(document: TextDocument, position: Position): { range: Range; placeholder: string } | null {
    return prepareRename(this.current(document), document, position);
  }

  rename(document: TextDocument, position: Position, newName: string): RenameResult {
    return rename(this.current(document), document, position, newName);
  }

  documentSymbols(document: TextDocument): DocumentSymbol[] {
    return documentSymbols(this.current(document), document);
  }

  foldingRanges(document: TextDocument): FoldingRange[] {
    return foldingRanges(this.current(document), document);
  }

  selectionRanges(document: TextDocument, positions: Position[]): SelectionRange[] {
    return selectionRanges(this.current(document), document, positions);
  }

  completion(document: TextDocument, position: Position, triggerCharacter?: string): CompletionList {
    return complete(this.current(document), document, position, { triggerCharacter });
  }

  codeActions(document: TextDocument, range: Range, context: CodeActionContext, snippetEdits = false): CodeAction[] {
    return codeActions(this.current(document), document, range, context, { ruleDocsBase: this.ruleDocsBase, snippetEdits });
  }

  hover(document: TextDocument, position: Position): Hover | null {
    return hover(this.current(document), document, position, { ruleDocsBase: this.ruleDocsBase });
  }

  inlayHints(document: TextDocument, range: Range): InlayHint[] {
    return inlayHints(this.current(document), document, range);
  }

  /** The preview's timeline (`crmplan/timeline`), from the cached analysis. */
  timeline(document: TextDocument): TimelineResult {
    return timeline(this.current(document), document);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
