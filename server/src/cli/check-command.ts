import { SEVERITIES, type SeveritySetting } from '../model/types.js';
import { findRule } from '../rules/index.js';
import { defaultRuleDocsBase } from '../service/diagnostics.js';
import { checkPlans, summarize, type FileReport, type Summary } from './check-report.js';
import { formatOption, parseOptions, singleOption, UsageError, type CliIo } from './cli-io.js';
import { formatGithub } from './format-github.js';
import { formatGitlab } from './format-gitlab.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';

type Formatter = (reports: readonly FileReport[], summary: Summary, cwd: string) => string;

/** `--format` values, the first being the default. */
const FORMATTERS: Record<string, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: (reports, _summary, cwd) => formatSarif(reports, { cwd, ruleDocsBase: defaultRuleDocsBase() }),
  github: formatGithub,
  gitlab: formatGitlab,
};

export async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, ['format', 'max-warnings', 'rule']);
  const format = formatOption(options, Object.keys(FORMATTERS));
  const maxWarnings = parseMaxWarnings(singleOption(options, 'max-warnings'));
  const rules = parseRuleOptions(options.values.get('rule') ?? []);

  const reports = await checkPlans(io.cwd, options.positionals, { rules });
  const summary = summarize(reports);
  io.stdout(FORMATTERS[format]!(reports, summary, io.cwd));
  const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
  // JSON's stderr stays as it always was: silent; the exit code says it.
  if (tooManyWarnings && format !== 'json') {
    io.stderr(`crmplan: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  }
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
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
