/**
 * Runs action.yml's program step as the runner would: its `env:` evaluated
 * from the inputs (defaults from action.yml), its `run:` script in bash with
 * the variables GitHub provides, in a temporary Git repository; and a local
 * HTTP server standing in for GitHub's REST API, recording every request.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface ActionStep {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly if?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, unknown>;
}

export interface ActionMetadata {
  readonly name: string;
  readonly inputs: Record<string, { readonly description: string; readonly default?: string; readonly required?: boolean }>;
  readonly outputs: Record<string, { readonly description: string; readonly value: string }>;
  readonly runs: { readonly using: string; readonly steps: readonly ActionStep[] };
}

export function readActionMetadata(): ActionMetadata {
  return parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionMetadata;
}

/** The step that runs the program: the one with id `crmplan`. */
export function programStep(metadata: ActionMetadata): ActionStep {
  const step = metadata.runs.steps.find((candidate) => candidate.id === 'crmplan');
  if (!step?.run || !step.env) throw new Error('action.yml has no step with id crmplan, a run script and env');
  return step;
}

/**
 * `${{ inputs.NAME }}` and `${{ github.token }}`, the only expressions the
 * program step's env may hold here; anything else fails the test, so that
 * action.yml cannot grow an expression this harness silently gets wrong.
 */
export function evaluate(expression: string, inputs: Readonly<Record<string, string>>, githubToken: string): string {
  return expression.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_whole, inner: string) => {
    if (inner === 'github.token') return githubToken;
    const input = /^inputs\.([a-z-]+)$/.exec(inner);
    if (!input) throw new Error(`unsupported expression in action.yml: \${{ ${inner} }}`);
    if (!(input[1]! in inputs)) throw new Error(`action.yml uses inputs.${input[1]}, which it does not declare`);
    return inputs[input[1]!]!;
  });
}

export interface ActionRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** `$GITHUB_OUTPUT` parsed (`name=value` lines and `name<<DELIMITER` blocks). */
  readonly outputs: Record<string, string>;
  readonly outputsText: string;
  readonly summary: string;
}

export interface RunOptions {
  readonly workspace: string;
  readonly inputs?: Readonly<Record<string, string>>;
  readonly event?: { readonly name: string; readonly payload: unknown };
  readonly apiUrl: string;
  /** What `${{ github.token }}` is. */
  readonly githubToken: string;
  readonly scratch: string;
}

let runCount = 0;

/** Runs the program step in bash (as a composite `shell: bash` step does), asynchronously: the API server lives in this process. */
export async function runProgramStep(options: RunOptions): Promise<ActionRun> {
  const metadata = readActionMetadata();
  const step = programStep(metadata);
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(metadata.inputs)) inputs[name] = evaluate(input.default ?? '', {}, options.githubToken);
  Object.assign(inputs, options.inputs ?? {});
  const stepEnv = Object.fromEntries(Object.entries(step.env!).map(([name, value]) => [name, evaluate(value, inputs, options.githubToken)]));

  const id = ++runCount;
  const outputFile = path.join(options.scratch, `output-${id}`);
  const summaryFile = path.join(options.scratch, `summary-${id}`);
  const eventFile = path.join(options.scratch, `event-${id}.json`);
  const runnerTemp = path.join(options.scratch, `runner-temp-${id}`);
  await Promise.all([writeFile(outputFile, ''), writeFile(summaryFile, ''), writeFile(eventFile, JSON.stringify(options.event?.payload ?? {}))]);
  execFileSync('mkdir', ['-p', runnerTemp]);
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: options.scratch,
    LANG: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'octo-org/plans-repo',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: runnerTemp,
    ...stepEnv,
  };
  const { status, stdout, stderr } = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    // What a composite step's `shell: bash` runs: bash --noprofile --norc -eo pipefail {0}.
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
    child.once('error', reject);
    child.once('close', (code) => resolve({ status: code, stdout: out, stderr: err }));
  });
  const outputsText = await readFile(outputFile, 'utf8');
  return { status, stdout, stderr, outputs: parseOutputs(outputsText), outputsText, summary: await readFile(summaryFile, 'utf8') };
}

export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2]!, index + 1);
      outputs[block[1]!] = lines.slice(index + 1, end).join('\n');
      index = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

interface StoredComment {
  id: number;
  body: string;
  html_url: string;
}

/** GitHub's issue-comment endpoints, in memory; `failWith` makes every request fail with that status. */
export class FakeGitHubApi {
  readonly requests: RecordedRequest[] = [];
  readonly comments = new Map<number, StoredComment[]>();
  failWith: number | undefined;
  private nextId = 9001;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.handle(request).then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A comment somebody else wrote, so the action has to find its own among others. */
  addComment(issue: number, body: string): void {
    const list = this.comments.get(issue) ?? [];
    const id = this.nextId++;
    list.push({ id, body, html_url: `https://github.example/octo-org/plans-repo/pull/${issue}#issuecomment-${id}` });
    this.comments.set(issue, list);
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    const body = text === '' ? undefined : (JSON.parse(text) as unknown);
    const url = request.url ?? '';
    this.requests.push({ method: request.method ?? '', url, authorization: request.headers.authorization, body });
    if (this.failWith !== undefined) return { status: this.failWith, body: { message: 'Resource not accessible by integration' } };
    const list = /^\/repos\/octo-org\/plans-repo\/issues\/(\d+)\/comments(\?.*)?$/.exec(url);
    if (list && request.method === 'GET') {
      const page = Number(new URLSearchParams(list[2] ?? '').get('page') ?? '1');
      return { status: 200, body: (this.comments.get(Number(list[1])) ?? []).slice((page - 1) * 100, page * 100) };
    }
    if (list && request.method === 'POST') {
      this.addComment(Number(list[1]), (body as { body: string }).body);
      return { status: 201, body: this.comments.get(Number(list[1]))!.at(-1) };
    }
    const edit = /^\/repos\/octo-org\/plans-repo\/issues\/comments\/(\d+)$/.exec(url);
    if (edit && request.method === 'PATCH') {
      const comment = [...this.comments.values()].flat().find((candidate) => candidate.id === Number(edit[1]));
      if (!comment) return { status: 404, body: { message: 'Not Found' } };
      comment.body = (body as { body: string }).body;
      return { status: 200, body: comment };
    }
    return { status: 404, body: { message: 'Not Found' } };
  }
}

/** A Git repository with a base and a head commit (files given per commit); returns its folder and both shas. */
export async function gitRepository(
  parent: string,
  base: Readonly<Record<string, string>>,
  head: Readonly<Record<string, string>>,
): Promise<{ dir: string; baseSha: string; headSha: string }> {
  const dir = await mkdtemp(path.join(parent, 'repo-'));
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=Plan Author', '-c', 'user.email=author@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '--quiet', '--initial-branch=main');
  const commit = async (files: Readonly<Record<string, string>>, message: string): Promise<string> => {
    for (const [file, text] of Object.entries(files)) {
      execFileSync('mkdir', ['-p', path.dirname(path.join(dir, file))]);
      await writeFile(path.join(dir, file), text);
    }
    git('add', '--all');
    git('commit', '--quiet', '--message', message);
    return git('rev-parse', 'HEAD');
  };
  const baseSha = await commit(base, 'base');
  const headSha = await commit(head, 'head');
  return { dir, baseSha, headSha };
}

export async function scratchFolder(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'crmplan-action-'));
}

export async function removeFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
