import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './cli-io.js';

const PLAN_FILE = /\.crmplan\.ya?ml$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/**
 * A `.crmplanignore` in a folder lists, one per line, files and folders
 * (relative to it; `*` matches within one name) that a folder search skips,
 * like plans kept broken on purpose. Paths given on the command line are
 * always checked.
 */
export const IGNORE_FILE = '.crmplanignore';

/**
 * Expands the command line's paths into plan files: a file is taken as it
 * is (whatever its name), a folder is searched for *.crmplan.yaml/.yml.
 * The result is sorted and free of repeats so output is stable.
 */
export async function findPlanFiles(cwd: string, paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths.length > 0 ? paths : ['.']) {
    const absolute = path.resolve(cwd, given);
    const stat = await fs.stat(absolute).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read '${given}': ${describeError(error)}`);
    });
    if (stat.isDirectory()) {
      const before = found.size;
      await collect(absolute, found);
      if (found.size === before) throw new UsageError(`no *.crmplan.yaml or *.crmplan.yml files under '${given}'`);
    } else {
      found.add(absolute);
    }
  }
  return [...found].sort();
}

async function collect(folder: string, found: Set<string>, ignored: readonly IgnorePattern[] = []): Promise<void> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const patterns = [...ignored, ...(await readIgnoreFile(folder))];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (patterns.some((pattern) => pattern.matches(full))) continue;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await collect(full, found, patterns);
    } else if (entry.isFile() && PLAN_FILE.test(entry.name)) {
      found.add(full);
    }
  }
}

interface IgnorePattern {
  matches(file: string): boolean;
}

async function readIgnoreFile(folder: string): Promise<IgnorePattern[]> {
  let text: string;
  try {
    text = await fs.readFile(path.join(folder, IGNORE_FILE), 'utf8');
  } catch {
    return [];
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const segments = line.replace(/^\/+|\/+$/g, '').split('/');
      const expected = segments.map((segment) => new RegExp(`^${segment.split('*').map(escapeRegExp).join('[^/]*')}$`));
      return {
        matches: (file: string): boolean => {
          const relative = path.relative(folder, file).split(path.sep);
          return relative.length === expected.length && expected.every((pattern, index) => pattern.test(relative[index] ?? ''));
        },
      };
    });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function readPlanFile(file: string, cwd: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read '${displayPath(file, cwd)}': ${describeError(error as NodeJS.ErrnoException)}`);
  }
}

/** Paths as the user would type them: relative to the current folder, with `/`. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}

function describeError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error.message;
  }
}

/**
 * The one plan file of a command that reads exactly one (`schedule`,
 * `gantt`): a folder is refused rather than searched, so the command never
 * picks one plan of many. `usage` is the command's synopsis for the message.
 */
export async function singlePlanFile(positionals: readonly string[], cwd: string, usage: string): Promise<string> {
  const command = usage.split(' ')[1] ?? 'this command';
  const [given, ...more] = positionals;
  if (given === undefined || more.length > 0) throw new UsageError(`${command} needs exactly one plan file: ${usage}`);
  const file = path.resolve(cwd, given);
  const isFolder = await fs.stat(file).then((stats) => stats.isDirectory(), () => false);
  if (isFolder) throw new UsageError(`'${given}' is a folder; ${command} needs one plan file: ${usage}`);
  const [found] = await findPlanFiles(cwd, [given]);
  if (!found) throw new UsageError(`${command} needs exactly one plan file: ${usage}`);
  return found;
}
