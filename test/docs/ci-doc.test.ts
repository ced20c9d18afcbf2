import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { runCli } from '../../server/src/cli/run-cli.js';

/**
 * docs/ci.md must not drift from the CLI: its YAML blocks parse, and every
 * `crmplan` command in their scripts uses a subcommand, flags and values
 * that `crmplan --help` lists.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const PAGE = readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');
/** Keys whose values are shell scripts: GitHub's `run`, GitLab's `script`s. */
const SCRIPT_KEYS = new Set(['run', 'script', 'before_script', 'after_script']);

interface YamlBlock {
  readonly line: number;
  readonly value: unknown;
  readonly errors: readonly string[];
}

function yamlBlocks(markdown: string): YamlBlock[] {
  const blocks: YamlBlock[] = [];
  for (const match of markdown.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```$/gm)) {
    const indent = match[1]!.length;
    const source = match[2]!
      .split('\n')
      .map((line) => line.slice(indent))
      .join('\n');
    const document = parseDocument(source);
    const line = markdown.slice(0, match.index).split('\n').length;
    blocks.push({ line, value: document.toJS() as unknown, errors: document.errors.map((error) => error.message) });
  }
  return blocks;
}

function scriptsIn(value: unknown, key?: string): string[] {
  if (typeof value === 'string') return key !== undefined && SCRIPT_KEYS.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => scriptsIn(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([childKey, child]) => scriptsIn(child, childKey));
  }
  return [];
}

/** Shell words of one command, quotes removed, up to a redirection. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  for (const match of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const word = match[1] ?? match[2] ?? match[3]!;
    if (match[3] !== undefined && /^\d*>/.test(word)) break;
    words.push(word);
  }
  return words;
}

/** The argument lists of every `crmplan ...` command in a script. */
function crmplanCommands(script: string): string[][] {
  return script
    .replace(/\\\n/g, ' ')
    .split('\n')
    .flatMap((line) => line.split(/&&|\|\||[;|()]/))
    .map((command) => shellWords(command.trim()))
    .filter((words) => words[0] === 'crmplan')
    .map((words) => words.slice(1));
}

interface Usage {
  /** Flag -> allowed values, or undefined for a placeholder such as N or REV. */
  readonly flags: Map<string, readonly string[] | undefined>;
}

let help = '';
const usages = new Map<string, Usage>();

beforeAll(async () => {
  let output = '';
  const status = await runCli(['--help'], { cwd: ROOT, stdout: (text) => (output += text), stderr: () => undefined });
  expect(status).toBe(0);
  help = output;
  for (const match of help.matchAll(/^ {2}crmplan (\S+)(.*)$/gm)) {
    const flags = new Map<string, readonly string[] | undefined>();
    for (const flag of match[2]!.matchAll(/--([a-z-]+)(?:[ =]([^\]\s|]+(?:\|[^\]\s|]+)*))?/g)) {
      const value = flag[2];
      flags.set(flag[1]!, value === undefined || /^[A-Z][A-Z_=.-]*$/.test(value) ? undefined : value.split('|'));
    }
    usages.set(match[1]!, { flags });
  }
});

function problemsOf(args: readonly string[]): string[] {
  const [subcommand, ...rest] = args;
  if (subcommand === '--help' || subcommand === '--version') return rest.length === 0 ? [] : [`unexpected arguments after ${subcommand}`];
  const usage = subcommand === undefined ? undefined : usages.get(subcommand);
  if (!usage) return [`unknown subcommand '${subcommand}' (help lists: ${[...usages.keys()].join(', ')})`];
  const problems: string[] = [];
  for (let index = 0; index < rest.length; index++) {
    const word = rest[index]!;
    if (!word.startsWith('--')) continue;
    const [name, inlineValue] = word.slice(2).split(/=(.*)/s);
    if (!usage.flags.has(name!)) {
      problems.push(`'${subcommand}' has no option --${name}`);
      continue;
    }
    const value = inlineValue ?? rest[++index];
    const allowed = usage.flags.get(name!);
    if (value === undefined) problems.push(`--${name} needs a value`);
    else if (allowed && !allowed.includes(value)) problems.push(`--${name} ${value}: help lists ${allowed.join('|')}`);
    else if (!allowed && name === 'fail-on') {
      // --fail-on LIST: the conditions are named in the help text.
      for (const condition of value.split(',')) if (!new RegExp(`\\b${condition}\\b`).test(help)) problems.push(`--fail-on ${condition} is not in the help`);
    }
  }
  return problems;
}

describe('docs/ci.md', () => {
  const blocks = yamlBlocks(PAGE);
  const commands = blocks.flatMap((block) => scriptsIn(block.value).flatMap((script) => crmplanCommands(script).map((args) => ({ line: block.line, args }))));

  it('has YAML blocks that parse, with crmplan commands in their scripts', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) expect(block.errors, `YAML block at docs/ci.md line ${block.line}`).toEqual([]);
    expect(commands.length).toBeGreaterThanOrEqual(6);
  });

  it('uses only subcommands, flags and values that crmplan --help lists', () => {
    expect(usages.has('check')).toBe(true);
    const problems = commands.flatMap(({ line, args }) => problemsOf(args).map((problem) => `block at line ${line}: crmplan ${args.join(' ')}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('would notice drift: an unknown flag, format or subcommand is reported', () => {
    expect(problemsOf(['check', '--format', 'xml'])).toHaveLength(1);
    expect(problemsOf(['check', '--formats', 'github'])).toHaveLength(1);
    expect(problemsOf(['lint'])).toHaveLength(1);
    expect(problemsOf(['check', '--format=github', '--max-warnings', '3'])).toEqual([]);
    expect(crmplanCommands('cd x && crmplan check --format sarif > out.sarif\nnpm install --global /tmp/crmplan')).toEqual([['check', '--format', 'sarif']]);
  });

  it('shows the GitHub annotations, the SARIF upload and the plan diff comment', () => {
    const lines = commands.map(({ args }) => args.join(' '));
    expect(lines).toContain('check --format github --max-warnings 20');
    expect(lines).toContain('check --format sarif');
    expect(lines).toContain('check --format gitlab');
    expect(lines).toContain('diff --git origin/${{ github.base_ref }} --format markdown');
    expect(lines).toContain('diff --git origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME --format markdown');

    // The workflow that runs the CLI itself (the action's workflow is checked by test/action/).
    const workflow = blocks.find((block) => JSON.stringify(block.value).includes('github/codeql-action/upload-sarif')) as { value: GithubWorkflow } | undefined;
    expect(workflow).toBeDefined();
    const { check, diff } = workflow!.value.jobs;
    expect(check!.permissions['security-events']).toBe('write');
    const upload = check!.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@v4'));
    expect(upload).toMatchObject({ if: 'always()', with: { sarif_file: 'crmplan.sarif' } });
    expect(diff!.steps.find((step) => step.uses === 'actions/checkout@v4')?.with).toMatchObject({ 'fetch-depth': 0 });
    expect(diff!.steps.some((step) => step.uses === 'marocchino/sticky-pull-request-comment@v2')).toBe(true);
  });
});

interface GithubWorkflow {
  readonly jobs: Record<string, { readonly permissions: Record<string, string>; readonly steps: readonly { readonly uses?: string; readonly if?: string; readonly with?: Record<string, unknown> }[] }>;
}
