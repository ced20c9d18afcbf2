import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { buildTimeline } from '../render/timeline-model.js';
import { ganttMermaid, phaseKeysToCollapse } from '../render/gantt-mermaid.js';
import { embedBlockContent, replaceEmbedBlocks, scanEmbedBlocks, type EmbedBlock } from '../render/markdown-embed.js';
import { UsageError, type CliIo } from './cli-io.js';
import { writeAtomically } from './export-command.js';
import { displayPath, readPlanFile } from './plan-files.js';

/**
 * `crmplan gantt --embed FILE.md [--check]`: rewrites every
 * `<!-- crmplan:gantt PLAN -->` block of a Markdown file with the plan's
 * current chart (render/markdown-embed.ts), written atomically and only when
 * something changed. With `--check` nothing is written: exit 1 naming each
 * stale block. The Markdown file and every plan must be inside the current
 * folder; a plan path is relative to the Markdown file.
 */
export async function ganttEmbedCommand(markdownPath: string, check: boolean, io: CliIo): Promise<number> {
  const root = await fs.realpath(io.cwd);
  const markdownFile = await insideRoot(path.resolve(root, markdownPath), root, () => `'${markdownPath}' is outside the current folder; crmplan gantt --embed reads and writes only inside it`);
  const shown = displayPath(markdownFile, root);
  const bytes = await fs.readFile(markdownFile).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read '${markdownPath}': ${error.code === 'ENOENT' ? 'no such file or directory' : error.message}`);
  });
  const text = bytes.toString('utf8');
  // Byte for byte outside the blocks: a file that is not UTF-8 would not survive the round trip.
  if (!Buffer.from(text, 'utf8').equals(bytes)) throw new UsageError(`'${shown}' is not UTF-8 text; crmplan gantt --embed leaves it alone`);
  const scan = scanEmbedBlocks(text);
  if ('problem' in scan) throw new UsageError(`${shown}:${scan.line}: ${scan.problem}`);
  if (scan.blocks.length === 0) throw new UsageError(`'${shown}' has no <!-- crmplan:gantt PLAN --> block`);

  const contents: string[] = [];
  let errors = 0;
  for (const block of scan.blocks) {
    const chart = await blockChart(block, markdownFile, root, shown);
    contents.push(embedBlockContent(chart.mermaid, block.lineBreak));
    if (chart.errors > 0) {
      errors++;
      io.stderr(`crmplan: ${shown}:${block.line}: '${block.plan}' has ${chart.errors} error${chart.errors === 1 ? '' : 's'}; the chart may be incomplete (run crmplan check)\n`);
    }
  }
  const stale = scan.blocks.filter((block, index) => text.slice(block.contentStart, block.contentEnd) !== contents[index]);
  const count = `${scan.blocks.length} timeline${scan.blocks.length === 1 ? '' : 's'}`;
  if (check) {
    for (const block of stale) {
      io.stderr(`crmplan: ${shown}:${block.line}: the timeline of '${block.plan}' is stale (run crmplan gantt --embed ${shown})\n`);
    }
    if (stale.length === 0) io.stdout(`${shown}: ${count} up to date\n`);
    return stale.length > 0 || errors > 0 ? 1 : 0;
  }
  if (stale.length > 0) await writeAtomically(markdownFile, replaceEmbedBlocks(text, scan.blocks, contents), shown);
  io.stdout(`${shown}: ${count}, ${stale.length} updated\n`);
  return errors > 0 ? 1 : 0;
}

/** One block's Mermaid text, from a plan that must exist inside the root and be schedulable. */
async function blockChart(block: EmbedBlock, markdownFile: string, root: string, shown: string): Promise<{ mermaid: string; errors: number }> {
  const where = `${shown}:${block.line}`;
  // An absolute path (POSIX, Windows drive or UNC) is refused as written, wherever it points.
  if (path.isAbsolute(block.plan) || path.win32.isAbsolute(block.plan) || /^[a-z]:/i.test(block.plan)) {
    throw new UsageError(`${where}: the plan '${block.plan}' is an absolute path; write it relative to the Markdown file`);
  }
  const planFile = await insideRoot(
    path.resolve(path.dirname(markdownFile), block.plan),
    root,
    () => `${where}: the plan '${block.plan}' is outside the current folder; crmplan reads only inside it`,
    () => `${where}: the plan '${block.plan}' does not exist`,
  );
  const stat = await fs.stat(planFile);
  if (!stat.isFile()) throw new UsageError(`${where}: the plan '${block.plan}' is not a file`);
  const timeline = buildTimeline(analyzePlan(await readPlanFile(planFile, root)));
  if (!timeline) throw new UsageError(`${where}: cannot draw '${block.plan}': the plan has no valid plan.start`);
  const mermaid = ganttMermaid(timeline, {
    collapsedPhaseKeys: block.collapseOver === undefined ? undefined : phaseKeysToCollapse(timeline, block.collapseOver),
  });
  return { mermaid, errors: timeline.findings.errors };
}

/**
 * The real path of `file` (symbolic links followed), when it lies inside
 * `root`; a usage error otherwise, before anything is read.
 */
async function insideRoot(file: string, root: string, outside: () => string, missing?: () => string): Promise<string> {
  const lexical = path.relative(root, file);
  if (lexical.startsWith('..') || path.isAbsolute(lexical)) throw new UsageError(outside());
  const real = await fs.realpath(file).catch(() => {
    throw new UsageError(missing ? missing() : `cannot read '${displayPath(file, root)}': no such file or directory`);
  });
  const relative = path.relative(root, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new UsageError(outside());
  return real;
}
