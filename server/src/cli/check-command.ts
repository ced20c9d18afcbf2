import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SEVERITIES, type Severity, type SeveritySetting } from '../model/types.js';
import { findRule } from '../rules/index.js';
import { analyzePlan, type ReportedFinding } from '../service/analyze-plan.js';
import { spanToRange } from '../service/diagnostics.js';
import { formatOption, parseOptions, singleOption, UsageError, type CliIo } from './cli-io.js';
import { displayPath, findPlanFiles, readPlanFile } from './plan-files.js';

interface FileReport {
  readonly path: string;
  readonly document: TextDocument;
  readonly findings: readonly ReportedFinding[];
}

type Summary = Record<'errors' | 'warnings' | 'infos' | 'hints', number>;

const SUMMARY_KEY: Record<Severity, keyof Summary> = {
  error: 'errors',
  warning: 'warnings',
  info: 'infos',
  hint: 'hints',
};

export async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, ['format', 'max-warnings', 'rule']);
  const format = formatOption(options, ['text', 'json']);
  const maxWarnings = parseMaxWarnings(singleOption(options, 'max-warnings'));
  const rules = parseRuleOptions(options.values.get('rule') ?? []);

  const files = await findPlanFiles(io.cwd, options.positionals);
  const reports: FileReport[] = [];
  for (const file of files) {
    const text = await readPlanFile(file, io.cwd);
    const document = TextDocument.create(pathToFileURL(file).href, 'crmplan', 1, text);
    reports.push({ path: displayPath(file, io.cwd), document, findings: analyzePlan(text, { rules }).findings });
  }

  const summary: Summary = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const report of reports) for (const finding of report.findings) summary[SUMMARY_KEY[finding.severity]]++;

  io.stdout(format === 'json' ? formatJson(reports, summary) : formatText(reports, summary));
  const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
  if (tooManyWarnings && format === 'text') {
    io.stderr(`crmplan: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  }
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

function formatJson(reports: readonly FileReport[], summary: Summary): string {
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

/** `path:line:col severity message [rule]`, 1-based like a compiler's. */
function formatText(reports: readonly FileReport[], summary: Summary): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const finding of report.findings) {
      const position = report.document.positionAt(finding.span.start);
      lines.push(`${report.path}:${position.line + 1}:${position.character + 1} ${finding.severity} ${finding.message} [${finding.rule}]`);
    }
  }
  const total = summary.errors + summary.warnings + summary.infos + summary.hints;
  const plans = `${reports.length} plan${reports.length === 1 ? '' : 's'}`;
  lines.push(
    total === 0
      ? `${plans} checked: no problems`
      : `${plans} checked: ${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')}, ${count(summary.infos, 'info')}, ${count(summary.hints, 'hint')}`,
  );
  return `${lines.join('\n')}\n`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number, got '${value}'`);
  return Number(value);
}

/** `--rule no-pilot=off`, like eslint's `--rule`; the plan's own `rules:` still wins. */
function parseRuleOptions(values: readonly string[]): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  for (const value of values) {
    const [name, severity] = value.split('=');
    if (!name || !severity) throw new UsageError(`--rule needs NAME=SEVERITY, got '${value}'`);
    if (!findRule(name)) throw new UsageError(`unknown rule '${name}' in --rule`);
    if (severity !== 'off' && !(SEVERITIES as readonly string[]).includes(severity)) {
      throw new UsageError(`unknown severity '${severity}' in --rule (use error, warning, info, hint or off)`);
    }
    rules[name] = severity as SeveritySetting;
  }
  return rules;
}
