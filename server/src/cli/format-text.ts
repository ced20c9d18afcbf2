import { oneBasedRegion, type FileReport, type Summary } from './check-report.js';

/** `path:line:col severity message [rule]`, 1-based like a compiler's, then the summary line. */
export function formatText(reports: readonly FileReport[], summary: Summary): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const finding of report.findings) {
      const { startLine, startColumn } = oneBasedRegion(report.document, finding.span);
      lines.push(`${report.path}:${startLine}:${startColumn} ${finding.severity} ${finding.message} [${finding.rule}]`);
    }
  }
  lines.push(summaryLine(reports.length, summary));
  return `${lines.join('\n')}\n`;
}

/** `3 plans checked: 1 error, 2 warnings, 0 infos, 0 hints` (or `: no problems`). */
export function summaryLine(planCount: number, summary: Summary): string {
  const total = summary.errors + summary.warnings + summary.infos + summary.hints;
  const plans = `${planCount} plan${planCount === 1 ? '' : 's'}`;
  return total === 0
    ? `${plans} checked: no problems`
    : `${plans} checked: ${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')}, ${count(summary.infos, 'info')}, ${count(summary.hints, 'hint')}`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
