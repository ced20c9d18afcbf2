import { appendFile } from 'node:fs/promises';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { statusReport, statusReportMarkdown } from '../render/status-report.js';
import { localToday } from '../shared/plan-templates.js';
import { asOfOption } from './as-of-option.js';
import { formatOption, parseOptions, type CliIo } from './cli-io.js';
import { displayPath, readPlanFile, singlePlanFile } from './plan-files.js';

/**
 * `crmplan status FILE [--as-of DATE] [--format markdown|json]`: the status
 * report of a plan in flight (docs/status.md). The status date is `--as-of`,
 * else the plan's `status_date`, else today. In a GitHub Actions job
 * (`GITHUB_STEP_SUMMARY` set) the markdown is also appended to the job
 * summary. Exit 1 when the plan has errors (the report is still printed) or
 * no valid `plan.start` (nothing printed).
 */
export async function statusCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, ['format', 'as-of']);
  const format = formatOption(options, ['markdown', 'json']);
  const asOf = asOfOption(options);
  const file = await singlePlanFile(options.positionals, io.cwd, 'crmplan status FILE');
  const shown = displayPath(file, io.cwd);
  const text = await readPlanFile(file, io.cwd);
  let analysis = analyzePlan(text, asOf ? { statusDate: asOf } : { today: localToday() });
  // A plan that records no progress and has no status_date is reported as of today too.
  if (analysis.schedule && !analysis.schedule.status) analysis = analyzePlan(text, { statusDate: localToday() });
  const report = analysis.schedule && statusReport(analysis.model, analysis.schedule);
  if (!report) {
    io.stderr(`crmplan: cannot report on '${shown}': the plan has no valid plan.start (run crmplan check ${shown})\n`);
    return 1;
  }
  const markdown = statusReportMarkdown(analysis.model, report);
  io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : markdown);
  const summaryFile = (io.env ?? process.env)['GITHUB_STEP_SUMMARY'];
  if (summaryFile) await appendFile(summaryFile, `${markdown}\n`, 'utf8');
  const errors = analysis.findings.filter((finding) => finding.severity === 'error').length;
  if (errors > 0) {
    io.stderr(`crmplan: '${shown}' has ${errors} error${errors === 1 ? '' : 's'}; the report may be incomplete (run crmplan check ${shown})\n`);
    return 1;
  }
  return 0;
}
