import { spanToRange } from '../service/diagnostics.js';
import type { FileReport, Summary } from './check-report.js';

/** The contract's `check --format json` object; positions are 0-based, as in LSP. */
export function formatJson(reports: readonly FileReport[], summary: Summary): string {
  const output = {
    version: 1,
    files: reports.map((report) => ({
      path: report.path,
      diagnostics: report.findings.map((finding) => ({
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
        range: spanToRange(report.document, finding.span),
      })),
    })),
    summary,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
