import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyzePlan, type AnalysisSettings, type PlanAnalysis } from './analyze-plan.js';
import { defaultRuleDocsBase, findingToDiagnostic } from './diagnostics.js';

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
  private readonly cache = new Map<string, { version: number; settingsKey: string; analysis: PlanAnalysis }>();
  private readonly ruleDocsBase: string;

  constructor(options: LanguageServiceOptions = {}) {
    this.ruleDocsBase = options.ruleDocsBase ?? defaultRuleDocsBase();
  }

  analyze(document: TextDocument, settings: AnalysisSettings = {}): PlanAnalysis {
    const settingsKey = JSON.stringify(settings.rules ?? {});
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version && cached.settingsKey === settingsKey) return cached.analysis;
    const analysis = analyzePlan(document.getText(), settings);
    this.cache.set(document.uri, { version: document.version, settingsKey, analysis });
    return analysis;
  }

  validate(document: TextDocument, settings: AnalysisSettings = {}): Diagnostic[] {
    return this.analyze(document, settings).findings.map((finding) =>
      findingToDiagnostic(document, finding, this.ruleDocsBase),
    );
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
