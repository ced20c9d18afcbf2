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
import { reparsePlanText } from '../parse/incremental-parse.js';
import { parsePlanText, type ParsedDocument } from '../parse/parse-plan-text.js';
import type { RuleContext } from '../rules/types.js';
import { buildRuleContext, runRules, type AnalysisSettings, type PlanAnalysis } from '../analysis/analyze-plan.js';
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
import { exportDocument, type ExportJob } from './features/export.js';
import type { ExportResponse } from '../shared/export-protocol.js';
import type { SetBaselineResult, TimelineResult } from '../shared/protocol.js';
import { setBaselineAnswer } from './features/set-baseline.js';

export interface LanguageServiceOptions {
  /** Base URI of the rule pages, ending with a slash. */
  readonly ruleDocsBase?: string;
}

/** What is kept of one document: its latest parse, and the analysis of that parse if one was made. */
interface DocumentState {
  readonly version: number;
  readonly parsed: ParsedDocument;
  /** The settings the document was last analysed with (editor features use them too). */
  settings: AnalysisSettings;
  /**
   * Model, graph and schedule of this parse, once built: a request and the
   * validation analysing the same version in steps at the same time share it.
   */
  context?: RuleContext;
  /** The status-date options `context` was scheduled with (scheduleOptionsKey). */
  contextKey?: string;
  /** The context of the version before, until this one's is built: it lends what did not change (buildRuleContext). */
  previous?: RuleContext;
  analysis?: { readonly settingsKey: string; readonly analysis: PlanAnalysis };
}

/** Hands the event loop to waiting messages; false when the analysis should stop (a newer text arrived). */
export type StepCheck = () => Promise<boolean>;

/**
 * The language service facade: plain functions over a document. It holds
 * no connection and no settings; it keeps the latest parse and analysis of
 * each document, so that several requests on the same text share the work
 * and the next version is re-parsed from this one (see
 * parse/incremental-parse.ts).
 */
export class LanguageService {
  private readonly states = new Map<string, DocumentState>();
  private readonly ruleDocsBase: string;

  constructor(options: LanguageServiceOptions = {}) {
    this.ruleDocsBase = options.ruleDocsBase ?? defaultRuleDocsBase();
  }

  analyze(document: TextDocument, settings: AnalysisSettings = {}): PlanAnalysis {
    const done = this.cached(document, settings);
    if (done) return done;
    const state = this.parse(document);
    return this.finish(state, settings, this.context(state, settings));
  }

  /**
   * The same analysis in steps (parse; model, graph and schedule; rules),
   * calling `next` between them. When `next` says stop, because a newer
   * text arrived, the work ends there and undefined is returned: nothing
   * waits behind an analysis of a text that no longer exists. The parse is
   * kept either way, as the base of the next one.
   */
  async analyzeInSteps(document: TextDocument, settings: AnalysisSettings, next: StepCheck): Promise<PlanAnalysis | undefined> {
    const done = this.cached(document, settings);
    if (done) return done;
    const state = this.parse(document);
    if (!(await next())) return undefined;
    const context = this.context(state, settings);
    if (!(await next())) return undefined;
    // A request may have analysed the same version meanwhile.
    return this.cached(document, settings) ?? this.finish(state, settings, context);
  }

  validate(document: TextDocument, settings: AnalysisSettings = {}): Diagnostic[] {
    return this.diagnostics(document, this.analyze(document, settings));
  }

  /** Diagnostics after `analyzeInSteps`; undefined when it stopped. */
  async validateInSteps(document: TextDocument, settings: AnalysisSettings, next: StepCheck): Promise<Diagnostic[] | undefined> {
    const analysis = await this.analyzeInSteps(document, settings, next);
    return analysis && this.diagnostics(document, analysis);
  }

  private diagnostics(document: TextDocument, analysis: PlanAnalysis): Diagnostic[] {
    return analysis.findings.map((finding) => findingToDiagnostic(document, finding, this.ruleDocsBase));
  }

  private cached(document: TextDocument, settings: AnalysisSettings): PlanAnalysis | undefined {
    const state = this.states.get(document.uri);
    if (!state || state.version !== document.version || state.analysis?.settingsKey !== settingsKeyOf(settings)) return undefined;
    return state.analysis.analysis;
  }

  /** The parse of this version: kept, or re-parsed from the kept one, or parsed. */
  private parse(document: TextDocument): DocumentState {
    const state = this.states.get(document.uri);
    if (state && state.version === document.version) return state;
    // The kept parse is changed in place by the re-parse, so it leaves the
    // map first: if anything goes wrong the next parse starts from scratch
    // instead of from a half-shifted tree.
    this.states.delete(document.uri);
    const text = document.getText();
    const parsed = state ? reparsePlanText(state.parsed, text) : parsePlanText(text);
    const fresh: DocumentState = {
      version: document.version,
      parsed,
      settings: state?.settings ?? {},
      previous: state?.context ?? state?.previous,
    };
    this.states.set(document.uri, fresh);
    return fresh;
  }

  /** Model, graph and schedule of the state's parse, built once. */
  private context(state: DocumentState, settings: AnalysisSettings): RuleContext {
    const key = scheduleOptionsKey(settings);
    if (!state.context || state.contextKey !== key) {
      // Another status date schedules the same parse again; the old context lends what did not change.
      state.context = buildRuleContext(state.parsed, state.context ?? state.previous, settings);
      state.contextKey = key;
      state.previous = undefined;
    }
    return state.context;
  }

  private finish(state: DocumentState, settings: AnalysisSettings, context: RuleContext): PlanAnalysis {
    const settingsKey = settingsKeyOf(settings);
    const analysis = runRules(context, settings);
    state.settings = settings;
    state.analysis = { settingsKey, analysis };
    return analysis;
  }

  /**
   * The analysis editor features read: the kept one for this version
   * whatever settings produced it (severities do not change structure).
   */
  private current(document: TextDocument): PlanAnalysis {
    const state = this.states.get(document.uri);
    if (state && state.version === document.version && state.analysis) return state.analysis.analysis;
    // A request between an edit and its (debounced) validation: analyse the
    // new text with the settings this document was last validated with, so
    // rules turned off in the editor stay off in hovers and quick-fixes.
    return this.analyze(document, state?.settings ?? {});
  }

  /**
   * Makes the analysis editor features read ready in steps, calling `next`
   * between them, so that a request on a text that is not analysed yet can
   * be cancelled between parse, schedule and rules. False when `next` said
   * stop (the work done so far is kept: the parse, as the next base).
   */
  async prepareInSteps(document: TextDocument, next: StepCheck): Promise<boolean> {
    const state = this.states.get(document.uri);
    if (state && state.version === document.version && state.analysis) return true;
    return (await this.analyzeInSteps(document, state?.settings ?? {}, next)) !== undefined;
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

  /** `crmplan/export`: the document in one format, from the cached analysis. */
  exportPlan(document: TextDocument, job: ExportJob): ExportResponse {
    return exportDocument(this.current(document), document, job);
  }

  /** `crmplan/setBaseline`: the edit that writes the current dates into the `baseline:` block. */
  setBaseline(document: TextDocument, date: string): SetBaselineResult {
    return setBaselineAnswer(this.current(document), document, date);
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }
}

function settingsKeyOf(settings: AnalysisSettings): string {
  return `${JSON.stringify(settings.rules ?? {})} ${scheduleOptionsKey(settings)}`;
}

function scheduleOptionsKey(settings: AnalysisSettings): string {
  return `${settings.statusDate ?? ''} ${settings.today ?? ''}`;
}
