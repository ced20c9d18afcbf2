import type { Severity } from '../model/types.js';
import { oneBasedRegion, type FileReport, type Summary } from './check-report.js';
import { summaryLine } from './format-text.js';

/** GitHub shows `notice` annotations for what crmplan calls info and hint. */
const WORKFLOW_COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: 'notice',
};

/**
 * GitHub Actions workflow commands, one per finding, so the runner turns
 * them into annotations on the pull request's diff:
 * `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=crmplan RULE::MESSAGE`.
 * The last line is the plain summary, which the runner just prints.
 */
export function formatGithub(reports: readonly FileReport[], summary: Summary): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const finding of report.findings) {
      const region = oneBasedRegion(report.document, finding.span);
      const properties: [string, string | number][] = [
        ['file', report.path],
        ['line', region.startLine],
        ['col', region.startColumn],
        ['endLine', region.endLine],
        ['endColumn', region.endColumn],
        ['title', `crmplan ${finding.rule}`],
      ];
      const propertyText = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
      lines.push(`::${WORKFLOW_COMMAND[finding.severity]} ${propertyText}::${escapeData(finding.message)}`);
    }
  }
  lines.push(summaryLine(reports.length, summary));
  return `${lines.join('\n')}\n`;
}

// As @actions/core's command.ts escapes them, which the runner undoes.

/** The message: `%` first, so the escapes it adds are not escaped again. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
