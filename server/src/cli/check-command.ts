import { SEVERITIES, type SeveritySetting } from '../model/types.js';
import { findRule } from '../rules/index.js';
import { checkPlans, summarize, type FileReport, type Summary } from './check-report.js';
import { formatOption, parseOptions, singleOption, UsageError, type CliIo } from './cli-io.js';
import { asOfOption } from './as-of-option.js';
import { formatGithub } from './format-github.js';
import { formatGitlab } from './format-gitlab.js';
import { formatJson } from './format-json.js';
import { defaultSarifDocsBase, formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';

interface FormatContext {
  readonly cwd: string;
  /** `--docs-url`, checked: where SARIF links each rule's page. */
  readonly docsUrl: string | undefined;
}

type Formatter = (reports: readonly FileReport[], summary: Summary, context: FormatContext) => string;

/** `--format` values, the first being the default. */
const FORMATTERS: Record<string, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: (reports, _summary, { cwd, docsUrl }) => formatSarif(reports, { cwd, ruleDocsBase: docsUrl ?? packageDocsBase() }),
  github: formatGithub,
  gitlab: formatGitlab,
};

export async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, ['format', 'max-warnings', 'rule', 'docs-url', 'as-of']);
  const format = formatOption(options, Object.keys(FORMATTERS));
  const docsUrl = parseDocsUrl(singleOption(options, 'docs-url'));
  const maxWarnings = parseMaxWarnings(singleOption(options, 'max-warnings'));
  const rules = parseRuleOptions(options.values.get('rule') ?? []);

  const asOf = asOfOption(options);

  const reports = await checkPlans(io.cwd, options.positionals, asOf ? { rules, statusDate: asOf } : { rules });
  const summary = summarize(reports);
  io.stdout(FORMATTERS[format]!(reports, summary, { cwd: io.cwd, docsUrl }));
  const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
  // JSON's stderr stays as it always was: silent; the exit code says it.
  if (tooManyWarnings && format !== 'json') {
    io.stderr(`crmplan: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  }
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * `--docs-url URL`: where the rule pages are published, for the links in SARIF. An
 * http(s) URL, never a local path (no reader of code scanning could open one); a
 * missing final `/` is added, since each page is `<URL><rule>.md`.
 */
function parseDocsUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--docs-url needs an http or https URL, got '${value}'`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--docs-url needs an http or https URL, got '${value}'`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function packageDocsBase(): string {
  const base = defaultSarifDocsBase();
  if (base === undefined) {
    throw new UsageError("cannot find the rule pages' address in crmplan's package.json (repository); pass --docs-url URL");
  }
  return base;
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
