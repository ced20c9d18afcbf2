import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { diffToJson } from '../diff/diff-json.js';
import { diffToMarkdown } from '../diff/diff-markdown.js';
import { diffPlans } from '../diff/diff-plans.js';
import type { PlanFileDiff } from '../diff/diff-types.js';
import { FAIL_ON_CONDITIONS, failedConditions, isFailOnCondition, type FailOnCondition } from '../diff/fail-on.js';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { parseLinkBase } from '../diff/source-links.js';
import { formatOption, parseOptions, singleOption, UsageError, type CliIo, type ParsedOptions } from './cli-io.js';
import { displayPath, findPlanFiles, readPlanFile } from './plan-files.js';

const PLAN_FILE = /\.crmplan\.ya?ml$/;
/** `git show` of a large plan must not hit execFile's default 1 MB output limit. */
const GIT_MAX_BUFFER = 256 * 1024 * 1024;

/**
 * `crmplan diff BASE HEAD` and `crmplan diff --git REV [PATH...]`: what a
 * change does to plans, as a pull-request comment (markdown) or JSON.
 * Exit 0 whatever the diff, 1 when a `--fail-on` condition holds, 2 for
 * bad usage and unreadable input.
 */
export async function diffCommand(args: readonly string[], io: CliIo): Promise<number> {
  // `--full-chart` is a flag (no value), as gantt's `--check` is.
  const options = parseOptions(
    args.map((arg) => (arg === '--full-chart' ? '--full-chart=true' : arg)),
    ['format', 'fail-on', 'git', 'full-chart', 'link-base', 'fixed-link-base'],
  );
  const format = formatOption(options, ['markdown', 'json']);
  const failOn = parseFailOn(options.values.get('fail-on') ?? []);
  const revision = singleOption(options, 'git');
  const fullChart = singleOption(options, 'full-chart') !== undefined;
  const links = { head: linkBaseOption(options, 'link-base'), base: linkBaseOption(options, 'fixed-link-base') };
  const files =
    revision === undefined ? [await diffTwoFiles(options.positionals, io)] : await diffWorkingTree(revision, options.positionals, io);

  io.stdout(
    format === 'json'
      ? `${JSON.stringify(diffToJson(files, revision ?? null), null, 2)}\n`
      : diffToMarkdown(files, { ...(revision === undefined ? {} : { baseLabel: revision }), fullChart, links }),
  );
  const failed = failedConditions(files, failOn);
  for (const { condition, paths } of failed) io.stderr(`crmplan: --fail-on ${condition}: ${paths.join(', ')}\n`);
  return failed.length > 0 ? 1 : 0;
}

/**
 * `--link-base URL` (where the head's files are, e.g.
 * `https://github.com/OWNER/REPO/blob/SHA`) and `--fixed-link-base URL`
 * (the base's, for fixed findings): findings link to `URL/PATH#Lline`.
 */
function linkBaseOption(options: ParsedOptions, name: string): string | undefined {
  const given = singleOption(options, name);
  if (given === undefined) return undefined;
  const linkBase = parseLinkBase(given);
  if (linkBase === undefined) {
    throw new UsageError(`--${name} needs an http(s) address without credentials, query or fragment, such as https://github.com/OWNER/REPO/blob/SHA, not '${given}'`);
  }
  return linkBase;
}

/** `--fail-on a,b --fail-on c`; every name must be a known condition. */
function parseFailOn(values: readonly string[]): FailOnCondition[] {
  const names = values.flatMap((value) => value.split(',')).map((name) => name.trim());
  const conditions: FailOnCondition[] = [];
  for (const name of names) {
    if (!isFailOnCondition(name)) {
      throw new UsageError(`unknown --fail-on condition '${name}' (conditions: ${Object.keys(FAIL_ON_CONDITIONS).join(', ')})`);
    }
    if (!conditions.includes(name)) conditions.push(name);
  }
  return conditions;
}

async function diffTwoFiles(positionals: readonly string[], io: CliIo): Promise<PlanFileDiff> {
  if (positionals.length !== 2) {
    throw new UsageError('diff needs two plan files (crmplan diff BASE HEAD) or --git REV (crmplan diff --git REV [PATH...])');
  }
  // A folder fails here too: readPlanFile says "is a directory".
  const [baseFile, headFile] = positionals.map((given) => path.resolve(io.cwd, given)) as [string, string];
  const base = analyzePlan(await readPlanFile(baseFile, io.cwd));
  const head = analyzePlan(await readPlanFile(headFile, io.cwd));
  const shownHead = displayPath(headFile, io.cwd);
  const shownBase = displayPath(baseFile, io.cwd);
  // Links are made of paths relative to the current folder; a file outside it (shown absolute) gets none.
  const linkable = (shown: string): string | undefined => (path.isAbsolute(shown) ? undefined : shown);
  return {
    path: shownHead,
    basePath: shownBase === shownHead ? null : shownBase,
    diff: diffPlans(base, head),
    head,
    linkPath: linkable(shownHead),
    baseLinkPath: linkable(shownBase),
  };
}

/**
 * Every plan under PATHs that differs between the working tree and REV:
 * changed, added (new files, tracked or not), renamed (as Git's rename
 * detection sees it) and deleted. Plans are found as `check` finds them
 * (including `.crmplanignore`); deleted and renamed-away plans come from
 * `git diff --name-status -M REV`.
 */
async function diffWorkingTree(revision: string, given: readonly string[], io: CliIo): Promise<PlanFileDiff[]> {
  checkRevisionShape(revision);
  const root = await gitRoot(io.cwd);
  await verifyRevision(root, revision);
  const cwd = await fs.realpath(io.cwd).catch(() => io.cwd);
  const pathspecs = (given.length > 0 ? given : ['.']).map((entry) => toPathspec(root, path.resolve(cwd, entry)));

  const changes = parseNameStatus(
    await git(root, ['diff', '--no-ext-diff', '--no-textconv', '--name-status', '-z', '-M', '--end-of-options', revision, '--', ...pathspecs]),
  );
  const renamedFrom = new Map(changes.flatMap((change) => (change.kind === 'R' ? [[change.path, change.from] as const] : [])));

  const files: PlanFileDiff[] = [];
  const compared = new Set<string>();
  for (const file of await workingTreePlans(cwd, given)) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    const basePathInRepo = renamedFrom.get(relative) ?? relative;
    compared.add(basePathInRepo);
    const headText = await readPlanFile(file, io.cwd);
    const baseText = (await existsAt(root, revision, basePathInRepo)) ? await blobAt(root, revision, basePathInRepo) : undefined;
    if (baseText === headText && basePathInRepo === relative) continue;
    const head = analyzePlan(headText);
    files.push({
      path: displayPath(file, io.cwd),
      basePath: basePathInRepo === relative ? null : displayPath(path.join(root, basePathInRepo), io.cwd),
      diff: diffPlans(baseText === undefined ? undefined : analyzePlan(baseText), head),
      head,
      linkPath: relative,
      baseLinkPath: basePathInRepo,
    });
  }
  // Plans at REV that are gone: deleted, or renamed to something that is no longer a plan.
  for (const change of changes) {
    const removedPath = change.kind === 'D' ? change.path : change.kind === 'R' ? change.from : undefined;
    if (removedPath === undefined || compared.has(removedPath) || !PLAN_FILE.test(removedPath)) continue;
    if (await exists(path.join(root, removedPath))) continue;
    compared.add(removedPath);
    const baseText = await blobAt(root, revision, removedPath);
    files.push({
      path: displayPath(path.join(root, removedPath), io.cwd),
      basePath: null,
      diff: diffPlans(analyzePlan(baseText), undefined),
      baseLinkPath: removedPath,
    });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** The working tree's plans under the given paths; a path that no longer exists (or has no plans left) has none. */
async function workingTreePlans(cwd: string, given: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const entry of given.length > 0 ? given : ['.']) {
    const absolute = path.resolve(cwd, entry);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat === undefined) continue;
    if (!stat.isDirectory()) {
      found.add(absolute);
      continue;
    }
    // findPlanFiles refuses a folder without plans; here that only means every plan in it was deleted.
    const plans = await findPlanFiles(cwd, [entry]).catch((error: unknown) => {
      if (error instanceof UsageError) return [];
      throw error;
    });
    for (const plan of plans) found.add(plan);
  }
  return [...found].sort();
}

type NameStatus =
  | { readonly kind: 'R'; readonly from: string; readonly path: string }
  | { readonly kind: 'A' | 'M' | 'D' | 'T' | 'other'; readonly path: string };

/** `git diff --name-status -z`: `STATUS\0PATH\0`, or `R<score>\0FROM\0TO\0` for a rename (and C for a copy). */
export function parseNameStatus(output: string): NameStatus[] {
  const fields = splitNul(output);
  const changes: NameStatus[] = [];
  for (let index = 0; index < fields.length; ) {
    const status = fields[index++]!;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[index++]!;
      const to = fields[index++]!;
      // A copy leaves its source in place: only its new file is a change.
      changes.push(status.startsWith('R') ? { kind: 'R', from, path: to } : { kind: 'A', path: to });
    } else {
      const kind = status === 'A' || status === 'M' || status === 'D' || status === 'T' ? status : 'other';
      changes.push({ kind, path: fields[index++]! });
    }
  }
  return changes;
}

function splitNul(output: string): string[] {
  return output.split('\0').filter((field) => field !== '');
}

/** A path as a pathspec relative to the repository root, which is where git runs. */
function toPathspec(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError(`'${absolute}' is outside the Git repository at '${root}'`);
  }
  // `:(literal)` so that a file name with `*` or `?` is not a glob.
  return `:(literal)${relative === '' ? '.' : relative.split(path.sep).join('/')}`;
}

async function gitRoot(cwd: string): Promise<string> {
  try {
    return (await runGit(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    throw new UsageError(`--git needs a Git repository: ${gitErrorLine(error)}`);
  }
}

/**
 * A revision is a name (`origin/main`, `HEAD~2`, a hash), never an option:
 * `--output=x` would make git write a file. Refused before git runs.
 */
function checkRevisionShape(revision: string): void {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (revision === '' || revision.startsWith('-') || /[\u0000-\u001f\u007f]/.test(revision)) {
    throw new UsageError(`--git takes a revision such as origin/main, not ${JSON.stringify(revision)}`);
  }
}

/** The raw content of a file at a revision: `cat-file blob` applies no textconv or filters. */
function blobAt(root: string, revision: string, file: string): Promise<string> {
  return git(root, ['cat-file', 'blob', `${revision}:${file}`]);
}

async function verifyRevision(root: string, revision: string): Promise<void> {
  try {
    // `--end-of-options` so that a revision starting with `-` is never read as an option.
    await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  } catch {
    throw new UsageError(`unknown Git revision '${revision}'`);
  }
}

async function existsAt(root: string, revision: string, file: string): Promise<boolean> {
  try {
    await runGit(root, ['cat-file', '-e', `${revision}:${file}`]);
    return true;
  } catch {
    return false;
  }
}

async function git(root: string, args: readonly string[]): Promise<string> {
  try {
    return await runGit(root, args);
  } catch (error) {
    throw new UsageError(`git ${args[0]} failed: ${gitErrorLine(error)}`);
  }
}

function runGit(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // No shell; no fsmonitor hook, pager or external diff from the repository's configuration.
    const safety = ['-c', 'core.quotepath=off', '-c', 'core.fsmonitor=false', '--no-pager'];
    execFile('git', [...safety, ...args], { cwd, maxBuffer: GIT_MAX_BUFFER, encoding: 'utf8', shell: false }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr }));
      else resolve(stdout);
    });
  });
}

/** The first line of what git said, or why git could not run. */
function gitErrorLine(error: unknown): string {
  const failure = error as NodeJS.ErrnoException & { stderr?: string };
  if (failure.code === 'ENOENT') return 'git is not installed or not on PATH';
  const said = failure.stderr?.trim().split('\n')[0];
  return said && said.length > 0 ? said.replace(/^fatal: /, '') : failure.message.split('\n')[0] ?? 'unknown error';
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
