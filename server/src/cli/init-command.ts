import { realpath, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import {
  DEFAULT_TEMPLATE_ID,
  localToday,
  nextMonday,
  PLAN_TEMPLATES,
  planFromTemplate,
  planNameProblem,
  planTemplate,
  startDateProblem,
  templateName,
  type PlanTemplate,
} from '../shared/plan-templates.js';
import { parseOptions, singleOption, UsageError, type CliIo } from './cli-io.js';

/** What `crmplan init` writes when no FILE is given. */
export const DEFAULT_PLAN_FILE = 'plan.crmplan.yaml';

const PLAN_FILE_SUFFIXES = ['.crmplan.yaml', '.crmplan.yml'];

/**
 * `crmplan init [FILE] [--template NAME] [--start DATE] [--name TEXT]`: a new
 * plan from one of the templates, clean under every rule. It creates one new
 * file inside the current folder and nothing else: an existing file is never
 * overwritten, and a FILE outside the current folder is refused.
 * `--template list` (or `--list`) prints the templates.
 */
export async function initCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { list, rest } = takeListFlag(args);
  const options = parseOptions(rest, ['template', 'start', 'name']);
  const templateId = singleOption(options, 'template') ?? DEFAULT_TEMPLATE_ID;
  if (list || templateId === 'list') {
    if (options.positionals.length > 0) throw new UsageError('--template list prints the templates and takes no FILE');
    io.stdout(templateList());
    return 0;
  }
  const template = planTemplate(templateId);
  if (!template) throw new UsageError(`unknown template '${templateId}' (templates: ${PLAN_TEMPLATES.map((known) => known.id).join(', ')})`);
  if (options.positionals.length > 1) throw new UsageError('crmplan init takes at most one FILE');

  const name = singleOption(options, 'name') ?? templateName(template);
  const nameProblem = planNameProblem(name);
  if (nameProblem) throw new UsageError(`bad --name: ${nameProblem}`);
  const start = singleOption(options, 'start') ?? nextMonday(localToday()) ?? '';
  const startProblem = startDateProblem(start);
  if (startProblem) throw new UsageError(`bad --start: ${startProblem}`);

  const file = options.positionals[0] ?? DEFAULT_PLAN_FILE;
  const target = await newFileInside(io.cwd, file);
  try {
    // `wx`: fails when anything exists there, a dangling symbolic link included, even one created meanwhile.
    await writeFile(target, planFromTemplate(template, name, start), { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`'${file}' already exists: crmplan init never overwrites a file (choose another FILE)`);
    throw new UsageError(`cannot create '${file}': ${(error as Error).message}`);
  }
  io.stdout(`Created ${file} from the '${template.id}' template (${template.title}), starting ${start}. Next: crmplan check ${shellWord(file)}\n`);
  return 0;
}

/** `file` as one word for a POSIX shell, so the suggested next command can be pasted as it is. */
function shellWord(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, "'\\''")}'`;
}

/** `--list` is a flag (no value), which the option parser does not know; it may not follow `--`. */
function takeListFlag(args: readonly string[]): { list: boolean; rest: string[] } {
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  if (!options.includes('--list')) return { list: false, rest: [...args] };
  return { list: true, rest: [...options.filter((arg) => arg !== '--list'), ...(end < 0 ? [] : args.slice(end))] };
}

function templateList(): string {
  const width = Math.max(...PLAN_TEMPLATES.map((template) => template.id.length));
  const line = (template: PlanTemplate): string =>
    `  ${template.id.padEnd(width)}  ${template.title} — ${template.about}${template.id === DEFAULT_TEMPLATE_ID ? ' (default)' : ''}\n`;
  return `Templates (crmplan init --template NAME):\n${PLAN_TEMPLATES.map(line).join('')}`;
}

/**
 * The absolute path of a new plan file `file` inside `cwd`. Refused: a name
 * that is not a plan file, a path outside `cwd` (also through a symbolic
 * link to a folder elsewhere), a folder that does not exist.
 */
async function newFileInside(cwd: string, file: string): Promise<string> {
  if (!PLAN_FILE_SUFFIXES.some((suffix) => file.endsWith(suffix) && file.length > suffix.length)) {
    throw new UsageError(`'${file}' is not a plan file name: it must end in .crmplan.yaml or .crmplan.yml`);
  }
  const target = path.resolve(cwd, file);
  const folder = path.dirname(target);
  const outside = (candidate: string, root: string): boolean => {
    const relative = path.relative(root, candidate);
    return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  };
  if (outside(target, cwd)) throw new UsageError(`'${file}' is outside the current folder: crmplan init writes only below it`);
  let realFolder: string;
  try {
    realFolder = await realpath(folder);
    if (!(await stat(realFolder)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new UsageError(`cannot create '${file}': folder '${path.relative(cwd, folder) || '.'}' does not exist`);
  }
  if (outside(realFolder, await realpath(cwd))) throw new UsageError(`'${file}' is outside the current folder: crmplan init writes only below it`);
  return path.join(realFolder, path.basename(target));
}
