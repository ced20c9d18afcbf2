import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { Severity, Span } from '../model/types.js';
import type { ReportedFinding } from '../analysis/analyze-plan.js';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'crmplan';

/** The one place where offsets become LSP ranges. */
export function spanToRange(document: Pick<TextDocument, 'positionAt'>, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/**
 * Where rule pages live. The bundles sit in dist/, the pages in docs/rules/
 * next to it, both in the repository and in the packaged extension.
 */
export function defaultRuleDocsBase(): string {
  return pathToFileURL(path.join(__dirname, '..', 'docs', 'rules') + path.sep).href;
}

export function ruleDocsHref(rule: string, docsBase: string): string {
  return `${docsBase}${rule}.md`;
}

export function findingToDiagnostic(
  document: Pick<TextDocument, 'positionAt' | 'uri'>,
  finding: ReportedFinding,
  docsBase: string,
): Diagnostic {
  const diagnostic: Diagnostic = {
    range: spanToRange(document, finding.span),
    severity: LSP_SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocsHref(finding.rule, docsBase) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: document.uri, range: spanToRange(document, related.span) },
      message: related.message,
    }));
  }
  if (finding.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (finding.data) diagnostic.data = finding.data;
  return diagnostic;
}
