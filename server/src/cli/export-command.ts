import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { EXPORT_FORMATS, exportFormatNamed } from '../export/formats.js';
import { resolveExportOptions } from '../export/export-options.js';
import type { ExportFormat } from '../export/export-format.js';
import { parseOptions, singleOption, UsageError, type CliIo } from './cli-io.js';
import { displayPath, readPlanFile, singlePlanFile } from './plan-files.js';

const USAGE = 'crmplan export FILE --format NAME [--output PATH] [format options]';

/**
 * `crmplan export FILE --format NAME`: the plan in another tool's format
 * (export/formats.ts). Text goes to stdout unless `--output` names a file
 * in the current folder (or below), which is written whole or not at all:
 * to a temporary file beside it, then renamed. Binary formats need
 * `--output`. What the format left out is listed on stderr; exit 1 when the
 * plan has errors (what is scheduled is still exported), as `gantt` does.
 */
export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const formatOptions = new Map(EXPORT_FORMATS.flatMap((format) => (format.options ?? []).map((option) => [option.name, option] as const)));
  // Flags take no value: `--every-task` is read as `--every-task=true`.
  const normalized = args.map((arg) => (arg.startsWith('--') && formatOptions.get(arg.slice(2))?.flag === true ? `${arg}=true` : arg));
  const options = parseOptions(normalized, ['format', 'output', ...formatOptions.keys()]);
  const format = chosenFormat(singleOption(options, 'format'));
  const given = new Map<string, string>();
  for (const name of formatOptions.keys()) {
    const value = singleOption(options, name);
    if (value !== undefined) given.set(name, value);
  }
  const resolved = resolveExportOptions(format, given);
  if ('problem' in resolved) throw new UsageError(resolved.problem);
  const outputOption = singleOption(options, 'output');
  if (outputOption === undefined && format.binary) {
    throw new UsageError(`format '${format.name}' writes binary data: give --output FILE.${format.extension}`);
  }
  const file = await singlePlanFile(options.positionals, io.cwd, USAGE);
  const output = outputOption === undefined ? undefined : await outputPath(outputOption, file, io.cwd);
  const shown = displayPath(file, io.cwd);
  const analysis = analyzePlan(await readPlanFile(file, io.cwd));
  if (!analysis.schedule) {
    io.stderr(`crmplan: cannot export '${shown}': the plan has no valid plan.start (run crmplan check ${shown})\n`);
    return 1;
  }
  await format.prepare?.();
  const result = format.run(analysis, { fileName: path.basename(file), options: resolved.options });
  if (output === undefined) {
    io.stdout(typeof result.content === 'string' ? result.content : Buffer.from(result.content).toString('utf8'));
  } else {
    await writeAtomically(output, result.content, outputOption!);
  }
  for (const line of result.omitted) io.stderr(`crmplan: omitted: ${oneLine(line)}\n`);
  const errors = analysis.findings.filter((finding) => finding.severity === 'error').length;
  if (errors > 0) {
    io.stderr(`crmplan: '${shown}' has ${errors} error${errors === 1 ? '' : 's'}; the export may be incomplete (run crmplan check ${shown})\n`);
    return 1;
  }
  return 0;
}

/** Plan text inside a message stays on its line: control characters are written as `\uXXXX`. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  return text.replace(/[\u0000-\u001f\u007f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function chosenFormat(name: string | undefined): ExportFormat {
  const names = EXPORT_FORMATS.map((format) => format.name).join(', ');
  if (name === undefined) throw new UsageError(`export needs --format NAME (formats: ${names}): ${USAGE}`);
  const format = exportFormatNamed(name);
  if (!format) throw new UsageError(`unknown format '${name}' (formats: ${names})`);
  return format;
}

/**
 * Where `--output` writes: inside the current folder (after following
 * symbolic links of its folder), in a folder that exists, and never the
 * plan itself. Anything else is a usage error, before any work is done.
 */
async function outputPath(given: string, planFile: string, cwd: string): Promise<string> {
  const absolute = path.resolve(cwd, given);
  const folder = path.dirname(absolute);
  const realFolder = await fs.realpath(folder).catch(() => {
    throw new UsageError(`cannot write '${given}': its folder does not exist`);
  });
  const realCwd = await fs.realpath(cwd);
  const relative = path.relative(realCwd, realFolder);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError(`--output '${given}' is outside the current folder; crmplan export writes only inside it`);
  }
  const target = path.join(realFolder, path.basename(absolute));
  const stat = await fs.stat(target).catch(() => undefined);
  if (stat?.isDirectory()) throw new UsageError(`cannot write '${given}': it is a folder`);
  const realPlan = await fs.realpath(planFile).catch(() => planFile);
  if (stat && (await fs.realpath(target)) === realPlan) throw new UsageError(`--output '${given}' is the plan itself; choose another file`);
  return target;
}

/** Temp file in the same folder, then rename: a reader sees the old file or the whole new one, never a part. */
export async function writeAtomically(target: string, content: string | Uint8Array, shown: string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, content, { flag: 'wx' });
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new UsageError(`cannot write '${shown}': ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** The `--help` lines of `export`: the synopsis and every format of the registry with its options. */
export function exportHelp(): string {
  const lines = [
    `  ${USAGE}`,
    '      Write the plan in another format: to stdout, or atomically to PATH inside',
    '      the current folder (binary formats need --output). What is left out is',
    '      listed on stderr. See docs/export.md. Formats:',
  ];
  for (const format of EXPORT_FORMATS) {
    lines.push(`        ${format.name.padEnd(9)}${format.description}`);
    for (const option of format.options ?? []) lines.push(`          --${option.name}${option.flag ? '' : ' VALUE'}: ${option.description}`);
  }
  return `${lines.join('\n')}\n`;
}
