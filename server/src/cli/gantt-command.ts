import { isIsoDate } from '../model/values.js';
import { buildTimeline } from '../render/timeline-model.js';
import { ganttMermaid, phaseKeysToCollapse } from '../render/gantt-mermaid.js';
import { markdownFence, markdownText } from '../render/markdown-text.js';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { asOfOption } from './as-of-option.js';
import { formatOption, parseOptions, singleOption, UsageError, type CliIo } from './cli-io.js';
import { displayPath, readPlanFile, singlePlanFile } from './plan-files.js';
import { ganttEmbedCommand } from './gantt-embed.js';
import { diffBaseline } from '../diff/baseline-diff.js';
import { baselineMarkdown } from '../diff/diff-markdown.js';

const USAGE =
  'crmplan gantt FILE [--format mermaid|markdown] [--today YYYY-MM-DD] [--as-of YYYY-MM-DD] [--collapse-over N] [--baseline] | crmplan gantt --embed FILE.md [--check]';
/** The flags (options without a value) of `crmplan gantt`. */
const FLAGS = new Set(['--check', '--baseline']);

/**
 * `crmplan gantt FILE`: the plan's schedule as a Mermaid Gantt chart (the
 * same text the timeline preview renders), or as a markdown fenced
 * `mermaid` block that GitHub renders. Without `--today` there is no today
 * line, so the output depends only on the file. Exit 1 when the plan has
 * errors (what could be scheduled is still printed).
 */
export async function ganttCommand(args: readonly string[], io: CliIo): Promise<number> {
  // `--check` and `--baseline` are flags (no value), as the export's flags are.
  const options = parseOptions(
    args.map((arg) => (FLAGS.has(arg) ? `${arg}=true` : arg)),
    ['format', 'today', 'collapse-over', 'embed', 'check', 'as-of', 'baseline'],
  );
  const embed = singleOption(options, 'embed');
  const check = singleOption(options, 'check') !== undefined;
  if (embed !== undefined) {
    const extra = [...options.values.keys()].find((name) => name !== 'embed' && name !== 'check');
    if (extra !== undefined || options.positionals.length > 0) {
      throw new UsageError(`--embed takes the Markdown file and --check only (the plans are named in its markers): ${USAGE}`);
    }
    return ganttEmbedCommand(embed, check, io);
  }
  if (check) throw new UsageError(`--check goes with --embed FILE.md: ${USAGE}`);
  const format = formatOption(options, ['mermaid', 'markdown']);
  const withBaseline = singleOption(options, 'baseline') !== undefined;
  const today = singleOption(options, 'today');
  const asOf = asOfOption(options);
  if (today !== undefined && !isIsoDate(today)) throw new UsageError(`--today needs a date like 2027-03-01, not '${today}'`);
  const collapseOverText = singleOption(options, 'collapse-over');
  const collapseOver = collapseOverText === undefined ? undefined : Number(collapseOverText);
  if (collapseOver !== undefined && !(Number.isInteger(collapseOver) && collapseOver >= 0)) {
    throw new UsageError(`--collapse-over needs a number of tasks (0 or more), not '${collapseOverText}'`);
  }
  const file = await singlePlanFile(options.positionals, io.cwd, USAGE);
  const shown = displayPath(file, io.cwd);
  const analysis = analyzePlan(await readPlanFile(file, io.cwd), asOf ? { statusDate: asOf } : {});
  const timeline = buildTimeline(analysis);
  if (!timeline) {
    io.stderr(`crmplan: cannot draw '${shown}': the plan has no valid plan.start (run crmplan check ${shown})\n`);
    return 1;
  }
  const mermaid = ganttMermaid(timeline, {
    collapsedPhaseKeys: collapseOver === undefined ? undefined : phaseKeysToCollapse(timeline, collapseOver),
    today,
    baselineRows: withBaseline,
  });
  // The same comparison as the diff's Baseline section: the plan against its own baseline.
  const baseline = withBaseline ? diffBaseline(undefined, analysis) : null;
  if (withBaseline && baseline === null) io.stderr(`crmplan: '${shown}' has no baseline: block, so there is nothing to compare with (crmplan baseline ${shown} writes one)\n`);
  const againstBaseline = baseline === null ? [] : ['', ...baselineMarkdown(baseline)];
  io.stdout(
    format === 'markdown'
      ? `${[markdownHeading(timeline.title, shown, timeline.finish), '', ...markdownFence('mermaid', mermaid), ...againstBaseline].join('\n')}\n`
      : mermaid,
  );
  const errors = timeline.findings.errors;
  if (errors > 0) {
    io.stderr(`crmplan: '${shown}' has ${errors} error${errors === 1 ? '' : 's'}; the chart may be incomplete (run crmplan check ${shown})\n`);
    return 1;
  }
  return 0;
}

/** The one-line heading above the fenced block; plan text stays text (render/markdown-text.ts). */
function markdownHeading(title: string | null, shown: string, finish: string | null): string {
  return `### Timeline: ${markdownText(title ?? shown)}${finish === null ? '' : ` (finishes ${finish})`}`;
}
