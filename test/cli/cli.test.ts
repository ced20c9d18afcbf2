import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, crmplan, ROOT } from './cli-process.js';

const FIXTURE = 'test/fixtures/every-core-problem.crmplan.yaml';

const CLEAN_PLAN = `crmplan: 1
plan: {name: Clean, start: 2027-01-04}
`;

describe('crmplan check', () => {
  it('prints each problem of a broken plan with its exact line and column, and exits 1', () => {
    const result = crmplan(['check', FIXTURE, '--rule', 'no-sponsor=off', '--rule', 'no-objectives=off', '--rule', 'no-communication-plan=off', '--rule', 'missing-owner=off']);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    const expected = [
      `${FIXTURE}:7:3 warning Unknown key 'sponsr' in plan. Did you mean 'sponsor'? [schema]`,
      `${FIXTURE}:10:10 error Duplicate id 'pm'`,
      `${FIXTURE}:17:22 error Dependency cycle: design -> test -> design.`,
      `${FIXTURE}:20:19 error Invalid duration '3 days' of task 'test'.`,
      `${FIXTURE}:21:22 error Dependency cycle: test -> design -> test.`,
      `${FIXTURE}:21:30 error Unknown task or phase 'kickof' in dependency`,
      `${FIXTURE}:25:15 error Name of task 'go-live' must be text, not a list. [schema]`,
    ];
    for (const start of expected) expect(lines.some((line) => line.startsWith(start))).toBe(true);
    expect(lines.some((line) => / error YAML: .*\[yaml-syntax\]$/.test(line))).toBe(true);
    expect(lines.every((line, index) => index === lines.length - 1 || /^\S+:\d+:\d+ (error|warning|info|hint) .+ \[[a-z-]+\]$/.test(line))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^1 plan checked: \d+ errors, 1 warning/);
  });

  it('prints JSON in the contract shape with 0-based LSP positions', () => {
    const result = crmplan(['check', '--format', 'json', FIXTURE]);
    expect(result.status).toBe(1);
    const output = JSON.parse(result.stdout) as {
      version: number;
      files: { path: string; diagnostics: { rule: string; severity: string; message: string; range: unknown }[] }[];
      summary: Record<string, number>;
    };
    expect(output.version).toBe(1);
    expect(Object.keys(output)).toEqual(['version', 'files', 'summary']);
    expect(output.files).toHaveLength(1);
    expect(output.files[0]?.path).toBe(FIXTURE);
    const unknown = output.files[0]?.diagnostics.find((diagnostic) => diagnostic.rule === 'unknown-reference');
    expect(unknown).toEqual({
      rule: 'unknown-reference',
      severity: 'error',
      message: expect.stringContaining("'kickof'"),
      range: { start: { line: 20, character: 29 }, end: { line: 20, character: 35 } },
    });
    for (const diagnostic of output.files[0]!.diagnostics) expect(Object.keys(diagnostic)).toEqual(['rule', 'severity', 'message', 'range']);
    expect(Object.keys(output.summary)).toEqual(['errors', 'warnings', 'infos', 'hints']);
    const errors = output.files[0]!.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    expect(output.summary.errors).toBe(errors);
  });

  it('exits 2 with one clear line for a missing file, a bad option or a bad format', () => {
    for (const args of [['check', 'no/such/plan.crmplan.yaml'], ['check', '--format', 'xml', FIXTURE], ['check', '--frobnicate', FIXTURE], ['lint']]) {
      const result = crmplan(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^crmplan: /);
    }
    expect(crmplan(['check', 'no/such/plan.crmplan.yaml']).stderr).toBe(
      "crmplan: cannot read 'no/such/plan.crmplan.yaml': no such file or directory\n",
    );
  });

  it('searches the current folder by default, skipping node_modules and .git', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-cli-'));
    mkdirSync(path.join(folder, 'plans', 'nested'), { recursive: true });
    mkdirSync(path.join(folder, 'node_modules', 'dep'), { recursive: true });
    mkdirSync(path.join(folder, '.git'), { recursive: true });
    writeFileSync(path.join(folder, 'plans', 'a.crmplan.yaml'), CLEAN_PLAN);
    writeFileSync(path.join(folder, 'plans', 'nested', 'b.crmplan.yml'), CLEAN_PLAN);
    writeFileSync(path.join(folder, 'plans', 'not-a-plan.yaml'), 'broken: [');
    writeFileSync(path.join(folder, 'node_modules', 'dep', 'c.crmplan.yaml'), 'broken: [');
    writeFileSync(path.join(folder, '.git', 'd.crmplan.yaml'), 'broken: [');
    const result = crmplan(['check', '--format', 'json'], folder);
    const output = JSON.parse(result.stdout) as { files: { path: string }[] };
    expect(output.files.map((file) => file.path)).toEqual(['plans/a.crmplan.yaml', 'plans/nested/b.crmplan.yml']);
  });

  it('fails on warnings over --max-warnings and honours --rule', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-cli-'));
    const file = path.join(folder, 'w.crmplan.yaml');
    writeFileSync(file, `${CLEAN_PLAN}  sponsr: x\n`.replace('plan: {name: Clean, start: 2027-01-04}\n  sponsr: x', 'plan:\n  name: W\n  start: 2027-01-04\n  sponsr: x'));
    const onlySchema = ['--rule', 'no-sponsor=off', '--rule', 'no-objectives=off', '--rule', 'no-communication-plan=off'];
    expect(crmplan(['check', file, ...onlySchema]).status).toBe(0);
    expect(crmplan(['check', file, ...onlySchema, '--max-warnings', '1']).status).toBe(0);
    const over = crmplan(['check', file, ...onlySchema, '--max-warnings', '0']);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('more than --max-warnings 0');
    const asError = crmplan(['check', file, ...onlySchema, '--rule', 'schema=error']);
    expect(asError.status).toBe(1);
    expect(crmplan(['check', file, '--rule', 'no-such-rule=off']).status).toBe(2);
  });
});

describe('crmplan check folder search with .crmplanignore', () => {
  it('skips what a .crmplanignore lists when searching, but checks it when named', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-ignore-'));
    mkdirSync(path.join(folder, 'broken-on-purpose'), { recursive: true });
    writeFileSync(path.join(folder, 'good.crmplan.yaml'), CLEAN_PLAN);
    writeFileSync(path.join(folder, 'draft-1.crmplan.yaml'), 'broken: [');
    writeFileSync(path.join(folder, 'broken-on-purpose', 'bad.crmplan.yaml'), 'broken: [');
    writeFileSync(path.join(folder, '.crmplanignore'), '# comment\nbroken-on-purpose/\ndraft-*.crmplan.yaml\n');
    const searched = JSON.parse(crmplan(['check', '--format', 'json', '.'], folder).stdout) as { files: { path: string }[] };
    expect(searched.files.map((file) => file.path)).toEqual(['good.crmplan.yaml']);
    const named = crmplan(['check', 'broken-on-purpose/bad.crmplan.yaml', 'draft-1.crmplan.yaml'], folder);
    expect(named.status).toBe(1);
    expect(named.stdout).toContain('2 plans checked');
  });

  it('keeps samples/ clean while samples/with-problems shows every rule', () => {
    expect(crmplan(['check', 'samples']).status).toBe(0);
    expect(crmplan(['check', 'samples/with-problems']).status).toBe(1);
  });
});

describe('crmplan writing into a pipe that closes early', () => {
  it('stops quietly, without an EPIPE stack trace (crmplan check --format sarif | head -c 1)', () => {
    // Large output (SARIF with every rule's page) so the reader is gone before the CLI is done.
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check --format sarif samples/with-problems | head -c 1 >/dev/null`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
  });
});
