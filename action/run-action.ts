/**
 * The crmplan GitHub Action's program (action.yml runs it as
 * `node dist/action.js --cli dist/cli.js`, bundled by scripts/build.mjs):
 *
 * 1. `crmplan check --format github` on the `paths` input: annotations on
 *    stdout, which the runner shows on the pull request;
 * 2. `crmplan check --format sarif` into a file (the `sarif-file` output,
 *    which action.yml's upload-sarif step reads) and `--format json` for the
 *    counts;
 * 3. on a pull request (or with `base-ref`), `crmplan diff --git BASE`,
 *    posted as one sticky comment and added to the step summary;
 * 4. the outputs, and an exit status from `fail-on` and `max-warnings`.
 *
 * It reads the inputs from `INPUT_*` variables that action.yml's step sets,
 * and everything else from what the runner provides (`GITHUB_EVENT_PATH`,
 * `GITHUB_OUTPUT`, ...). crmplan runs as its CLI, a child process, exactly
 * as a workflow would run it. Exit status: 0 passed, 1 a `fail-on` or
 * `max-warnings` condition holds, 2 bad input or crmplan could not run.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { FAIL_ON_CONDITIONS, isFailOnCondition, type FailOnCondition } from '../server/src/diff/fail-on.js';
import { parseLinkBase } from '../server/src/diff/source-links.js';
import { markdownText } from '../server/src/render/markdown-text.js';
import { commentBody, GitHubApiError, upsertStickyComment, type PullRequestTarget } from './sticky-comment.js';
import { appendSummary, workflowCommand, writeOutputs, type CommandLevel } from './workflow-files.js';

/** The one `fail-on` name that is not a `crmplan diff --fail-on` condition: any error in the checked plans. */
const CHECK_ERRORS = 'errors';
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
const DEFAULT_API_URL = 'https://api.github.com';
/** A plan's `crmplan` output can be large (SARIF of many findings); execFile's default is 1 MB. */
const MAX_OUTPUT = 256 * 1024 * 1024;

type Env = Readonly<Record<string, string | undefined>>;

/** Bad input: one `::error::` line and exit 2, like the CLI's usage errors. */
class InputError extends Error {}

interface Inputs {
  readonly paths: readonly string[];
  readonly failOnErrors: boolean;
  readonly failOnDiff: readonly FailOnCondition[];
  readonly maxWarnings: number | undefined;
  readonly uploadSarif: boolean;
  readonly commentDiff: boolean;
  readonly token: string;
  readonly baseRef: string | undefined;
  readonly fullChart: boolean;
}

interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly hints: number;
}

interface CheckJson {
  readonly files: readonly { readonly path: string }[];
  readonly summary: Counts;
}

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface PlanDiffResult {
  readonly markdown: string;
  readonly changedPlans: number;
  /** `crmplan: --fail-on finish-slip: plans/a.crmplan.yaml` lines, without the `crmplan: ` prefix. */
  readonly failed: readonly string[];
}

interface PullRequest {
  readonly number: number;
  readonly baseSha: string;
}

function readInputs(env: Env): Inputs {
  const paths = (env['INPUT_PATHS'] ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const failOn = (env['INPUT_FAIL_ON'] ?? CHECK_ERRORS).split(/[\s,]+/).filter((name) => name !== '' && name !== 'none');
  const known = [CHECK_ERRORS, ...Object.keys(FAIL_ON_CONDITIONS)];
  for (const name of failOn) {
    if (name !== CHECK_ERRORS && !isFailOnCondition(name)) throw new InputError(`input 'fail-on': unknown condition '${name}' (conditions: ${known.join(', ')}, or none)`);
  }
  const maxWarnings = (env['INPUT_MAX_WARNINGS'] ?? '').trim();
  if (maxWarnings !== '' && !/^\d+$/.test(maxWarnings)) throw new InputError(`input 'max-warnings' needs a whole number, got '${maxWarnings}'`);
  const baseRef = (env['INPUT_BASE_REF'] ?? '').trim();
  return {
    paths: paths.length > 0 ? paths : ['.'],
    failOnErrors: failOn.includes(CHECK_ERRORS),
    failOnDiff: [...new Set(failOn.filter(isFailOnCondition))],
    maxWarnings: maxWarnings === '' ? undefined : Number(maxWarnings),
    uploadSarif: booleanInput(env, 'upload-sarif', 'INPUT_UPLOAD_SARIF', true),
    commentDiff: booleanInput(env, 'comment-diff', 'INPUT_COMMENT_DIFF', true),
    token: env['INPUT_GITHUB_TOKEN'] ?? '',
    baseRef: baseRef === '' ? undefined : baseRef,
    fullChart: booleanInput(env, 'full-chart', 'INPUT_FULL_CHART', false),
  };
}

/** `true` or `false`, as YAML booleans arrive; anything else is a typo worth stopping for. */
function booleanInput(env: Env, name: string, variable: string, fallback: boolean): boolean {
  const value = (env[variable] ?? '').trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new InputError(`input '${name}' needs true or false, got '${env[variable]}'`);
}

/** `--cli PATH`; by default the CLI bundle next to this one (dist/cli.js). */
function cliPath(argv: readonly string[]): string {
  const index = argv.indexOf('--cli');
  if (index >= 0) {
    const value = argv[index + 1];
    if (value === undefined) throw new InputError('--cli needs the path of crmplan\'s dist/cli.js');
    return path.resolve(value);
  }
  return path.join(__dirname, 'cli.js');
}

function run(command: string, args: readonly string[], cwd: string, env: Env): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, encoding: 'utf8', maxBuffer: MAX_OUTPUT, shell: false }, (error, stdout, stderr) => {
      const failure = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
      const status = failure === null ? 0 : typeof failure.code === 'number' ? failure.code : 2;
      resolve({ status, stdout, stderr: failure !== null && typeof failure.code !== 'number' && stderr === '' ? `${failure.message}\n` : stderr });
    });
  });
}

/** The first non-empty line of a child's stderr, for a one-line message. */
function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '(no message)';
}

async function readPullRequest(env: Env): Promise<PullRequest | undefined> {
  const eventPath = env['GITHUB_EVENT_PATH'];
  if (!PULL_REQUEST_EVENTS.has(env['GITHUB_EVENT_NAME'] ?? '') || eventPath === undefined || eventPath === '') return undefined;
  let event: { pull_request?: { number?: unknown; base?: { sha?: unknown } } };
  try {
    event = JSON.parse(await readFile(eventPath, 'utf8')) as typeof event;
  } catch (error) {
    throw new InputError(`cannot read the event at GITHUB_EVENT_PATH: ${error instanceof Error ? error.message : String(error)}`);
  }
  const number = event.pull_request?.number;
  const baseSha = event.pull_request?.base?.sha;
  if (typeof number !== 'number' || typeof baseSha !== 'string' || !/^[0-9a-f]{40,64}$/.test(baseSha)) return undefined;
  return { number, baseSha };
}

/** Latest finish date of the checked plans, from `crmplan schedule --format json` (empty when none is scheduled). */
async function latestFinish(crmplan: (args: readonly string[]) => Promise<Run>, files: readonly string[]): Promise<string> {
  let latest = '';
  for (const file of files) {
    const schedule = await crmplan(['schedule', '--format', 'json', '--', file]);
    if (schedule.status !== 0) continue;
    try {
      const finish = (JSON.parse(schedule.stdout) as { finish?: unknown }).finish;
      if (typeof finish === 'string' && finish > latest) latest = finish;
    } catch {
      // A plan without a schedule has no finish to report.
    }
  }
  return latest;
}

/**
 * Makes sure the base commit is in the clone: actions/checkout fetches one
 * commit by default (the merge commit), not the pull request's base. The
 * checkout's credentials let `git fetch origin SHA` get it.
 */
async function ensureCommit(workspace: string, revision: string, env: Env): Promise<string | undefined> {
  const git = (args: readonly string[]): Promise<Run> => run('git', ['-c', 'core.fsmonitor=false', '--no-pager', ...args], workspace, env);
  const present = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  if (present.status === 0 || !/^[0-9a-f]{40,64}$/.test(revision)) return undefined;
  const shallow = (await git(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
  const fetched = await git(['fetch', '--no-tags', '--quiet', ...(shallow ? ['--depth=1'] : []), 'origin', revision]);
  return fetched.status === 0 ? undefined : `git fetch origin ${revision} failed: ${firstLine(fetched.stderr)}`;
}

/** A commit's full hash, or undefined when git does not know the revision. */
async function commitSha(workspace: string, revision: string, env: Env): Promise<string | undefined> {
  const resolved = await run('git', ['-c', 'core.fsmonitor=false', '--no-pager', 'rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], workspace, env);
  const sha = resolved.stdout.trim();
  return resolved.status === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}

/**
 * `crmplan diff`'s link options: findings link to their line at
 * GITHUB_SERVER_URL/GITHUB_REPOSITORY/blob/SHA, the head's SHA being the
 * commit the job checked out (on a pull request, the merge commit GitHub
 * made, whose files are the ones diffed) and the base's the compared one,
 * for fixed findings. No head links when the plans in the working tree are
 * not as committed (an earlier step changed them): the lines would not match.
 */
async function linkOptions(workspace: string, base: string, paths: readonly string[], env: Env): Promise<string[]> {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = env;
  if (!server || !repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return [];
  const blobAt = (sha: string | undefined): string | undefined => (sha === undefined ? undefined : parseLinkBase(`${server.replace(/\/+$/, '')}/${repository}/blob/${sha}`));
  const changed = await run('git', ['-c', 'core.fsmonitor=false', '--no-pager', 'status', '--porcelain', '--untracked-files=all', '--', ...paths], workspace, env);
  const head = changed.status === 0 && changed.stdout.trim() === '' ? blobAt(await commitSha(workspace, 'HEAD', env)) : undefined;
  const fixed = blobAt(await commitSha(workspace, base, env));
  return [...(head === undefined ? [] : ['--link-base', head]), ...(fixed === undefined ? [] : ['--fixed-link-base', fixed])];
}

async function planDiff(crmplan: (args: readonly string[]) => Promise<Run>, base: string, inputs: Inputs, links: readonly string[]): Promise<PlanDiffResult> {
  const failOn = inputs.failOnDiff.length > 0 ? ['--fail-on', inputs.failOnDiff.join(',')] : [];
  const chart = inputs.fullChart ? ['--full-chart'] : [];
  const markdown = await crmplan(['diff', '--git', base, '--format', 'markdown', ...failOn, ...chart, ...links, '--', ...inputs.paths]);
  if (markdown.status !== 0 && markdown.status !== 1) throw new InputError(`crmplan diff --git ${base}: ${firstLine(markdown.stderr).replace(/^crmplan: /, '')}`);
  const json = await crmplan(['diff', '--git', base, '--format', 'json', '--', ...inputs.paths]);
  const changedPlans = json.status === 0 ? (JSON.parse(json.stdout) as { files: unknown[] }).files.length : 0;
  const failed = markdown.stderr
    .split('\n')
    .filter((line) => line.startsWith('crmplan: --fail-on '))
    .map((line) => line.slice('crmplan: '.length));
  return { markdown: markdown.stdout, changedPlans, failed };
}

function pullRequestTarget(env: Env, pullRequest: PullRequest, token: string): PullRequestTarget {
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new GitHubApiError(0, `GITHUB_REPOSITORY is not owner/name: '${repository}'`);
  if (token === '') throw new GitHubApiError(0, "the input 'github-token' is empty");
  const apiUrl = (env['GITHUB_API_URL'] || DEFAULT_API_URL).replace(/\/+$/, '');
  return { apiUrl, repository, number: pullRequest.number, token };
}

function runUrl(env: Env): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  return server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined;
}

/** Why posting failed, in one line: HTTP status and GitHub's message, or the network error's cause. */
function postingError(error: unknown): string {
  if (error instanceof GitHubApiError) {
    return error.status === 403 || error.status === 404
      ? `${error.message} (the job needs permissions: pull-requests: write; pull requests from forks get a read-only token)`
      : error.message;
  }
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: unknown; message?: unknown } }).cause;
    const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
    return detail === undefined ? error.message : `${error.message} (${detail})`;
  }
  return String(error);
}

export async function runAction(argv: readonly string[], env: Env, out: (text: string) => void): Promise<number> {
  const say = (level: CommandLevel, message: string): void => out(workflowCommand(level, `crmplan: ${message}`));
  let inputs: Inputs;
  let cli: string;
  let pullRequest: PullRequest | undefined;
  try {
    inputs = readInputs(env);
    cli = cliPath(argv);
    pullRequest = await readPullRequest(env);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    say('error', error.message);
    return 2;
  }
  const workspace = env['GITHUB_WORKSPACE'] || process.cwd();
  // The children never see the token: crmplan does not need it, and git fetch uses the checkout's credentials.
  const childEnv: Env = Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'INPUT_GITHUB_TOKEN'));
  const crmplan = (args: readonly string[]): Promise<Run> => run(process.execPath, [cli, ...args], workspace, childEnv);

  // 1. Annotations, as the runner reads them from stdout.
  const annotations = await crmplan(['check', '--format', 'github', '--', ...inputs.paths]);
  if (annotations.status !== 0 && annotations.status !== 1) {
    say('error', `crmplan check failed: ${firstLine(annotations.stderr).replace(/^crmplan: /, '')}`);
    return 2;
  }
  out(annotations.stdout);

  // 2. Counts and SARIF.
  const json = await crmplan(['check', '--format', 'json', '--', ...inputs.paths]);
  const report = JSON.parse(json.stdout) as CheckJson;
  const sarif = await crmplan(['check', '--format', 'sarif', '--', ...inputs.paths]);
  const sarifFile = path.join(await mkdtemp(path.join(env['RUNNER_TEMP'] || os.tmpdir(), 'crmplan-')), 'crmplan.sarif');
  await writeFile(sarifFile, sarif.stdout, 'utf8');
  const finish = await latestFinish(
    crmplan,
    report.files.map((file) => file.path),
  );

  // 3. The plan diff, on a pull request or against base-ref.
  const base = inputs.baseRef ?? pullRequest?.baseSha;
  let diff: PlanDiffResult | undefined;
  let diffProblem: string | undefined;
  if (base !== undefined) {
    diffProblem = await ensureCommit(workspace, base, childEnv);
    try {
      diff = await planDiff(crmplan, base, inputs, await linkOptions(workspace, base, inputs.paths, childEnv));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      diffProblem = diffProblem ?? error.message;
    }
  }
  if (diffProblem !== undefined) say(inputs.failOnDiff.length > 0 ? 'error' : 'warning', `no plan diff: ${diffProblem}`);

  // 4. The sticky comment. A failure here is reported, never the job's result.
  let commentUrl = '';
  if (inputs.commentDiff && pullRequest !== undefined && diff !== undefined) {
    try {
      const result = await upsertStickyComment(pullRequestTarget(env, pullRequest, inputs.token), commentBody(diff.markdown, runUrl(env)), diff.changedPlans > 0);
      if (result.action === 'skipped') out(`crmplan: no plan changed in pull request #${pullRequest.number}: no comment\n`);
      else {
        commentUrl = result.url ?? '';
        out(`crmplan: ${result.action} the plan diff comment on pull request #${pullRequest.number}${result.url ? `: ${result.url}` : ''}\n`);
      }
    } catch (error) {
      say('warning', `could not post the plan diff comment on pull request #${pullRequest.number}: ${postingError(error)}`);
    }
  }

  // 5. The verdict.
  const failures: string[] = [];
  const { summary } = report;
  if (inputs.failOnErrors && summary.errors > 0) failures.push(`${summary.errors} error${summary.errors === 1 ? '' : 's'} in the checked plans (fail-on: errors)`);
  if (inputs.maxWarnings !== undefined && summary.warnings > inputs.maxWarnings) failures.push(`${summary.warnings} warnings, more than max-warnings ${inputs.maxWarnings}`);
  for (const line of diff?.failed ?? []) failures.push(line.replace(/^--fail-on /, 'fail-on: '));
  if (diff === undefined && base === undefined && inputs.failOnDiff.length > 0) {
    say('notice', `fail-on ${inputs.failOnDiff.join(',')} compares with a base: not checked outside a pull request without base-ref`);
  }
  for (const failure of failures) say('error', failure);

  await writeOutputs(env['GITHUB_OUTPUT'], {
    errors: String(summary.errors),
    warnings: String(summary.warnings),
    'sarif-file': sarifFile,
    finish,
    'comment-url': commentUrl,
  });
  // The CLI's own summary line (`1 plan checked: ...`) ends its annotations.
  const checked = annotations.stdout.trimEnd().split('\n').at(-1) ?? '';
  await appendSummary(env['GITHUB_STEP_SUMMARY'], stepSummary(checked, finish, diff, failures));

  if (diffProblem !== undefined && inputs.failOnDiff.length > 0) return 2;
  return failures.length > 0 ? 1 : 0;
}

function stepSummary(checked: string, finish: string, diff: PlanDiffResult | undefined, failures: readonly string[]): string {
  const lines = ['## crmplan', '', `**${checked}.**${finish === '' ? '' : ` Latest finish: ${finish}.`}`];
  if (failures.length > 0) lines.push('', '**Failed:**', '', ...failures.map((failure) => `- ${markdownText(failure)}`));
  if (diff !== undefined) lines.push('', diff.markdown.trimEnd());
  return `${lines.join('\n')}\n\n`;
}

if (require.main === module) {
  runAction(process.argv.slice(2), process.env, (text) => process.stdout.write(text)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stdout.write(workflowCommand('error', `crmplan action: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
      process.exitCode = 2;
    },
  );
}
