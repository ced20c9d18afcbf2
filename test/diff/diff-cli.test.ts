import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffJson } from '../../server/src/diff/diff-json.js';
import { analyzePlan } from '../../server/src/analysis/analyze-plan.js';
import { runDiff } from './run-diff.js';

const CASES = path.join(__dirname, 'cases');
const SAMPLES = path.join(__dirname, '..', '..', 'samples');

/** `crmplan diff base head` in a case folder (or head base, to reverse it). */
function diffCase(name: string, args: readonly string[], reversed = false): ReturnType<typeof runDiff> {
  const files = reversed ? ['head.crmplan.yaml', 'base.crmplan.yaml'] : ['base.crmplan.yaml', 'head.crmplan.yaml'];
  return runDiff(path.join(CASES, name), [...files, ...args]);
}

describe('crmplan diff --fail-on', () => {
  const holds: readonly [string, string, boolean?][] = [
    ['finish-slip', 'longer-duration'],
    ['milestone-slip', 'longer-duration'],
    ['new-errors', 'findings'],
    ['new-warnings', 'overallocation'],
    ['new-overallocation', 'overallocation'],
  ];
  for (const [condition, caseName] of holds) {
    it(`exits 1 when ${condition} holds (${caseName}) and says so on stderr`, async () => {
      const result = await diffCase(caseName, ['--fail-on', condition]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`crmplan: --fail-on ${condition}: head.crmplan.yaml\n`);
      expect(result.stdout).toContain('## Plan changes');
    });
  }

  const absent: readonly [string, string, boolean][] = [
    ['finish-slip', 'budget', false],
    ['finish-slip', 'longer-duration', true], // the finish moved earlier
    ['milestone-slip', 'longer-duration', true],
    ['milestone-slip', 'phase-move', false],
    ['new-errors', 'longer-duration', false],
    ['new-errors', 'findings', true], // the error was fixed
    ['new-warnings', 'budget', false], // only an info appeared
    ['new-overallocation', 'people', false],
    ['new-overallocation', 'longer-duration', false],
  ];
  for (const [condition, caseName, reversed] of absent) {
    it(`exits 0 when ${condition} does not hold (${caseName}${reversed ? ', reversed' : ''})`, async () => {
      const result = await diffCase(caseName, ['--fail-on', condition], reversed);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    });
  }

  it('takes comma-separated and repeated conditions, and reports each that holds', async () => {
    const result = await diffCase('overallocation', ['--fail-on', 'finish-slip,new-warnings', '--fail-on', 'new-overallocation']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'crmplan: --fail-on new-warnings: head.crmplan.yaml\ncrmplan: --fail-on new-overallocation: head.crmplan.yaml\n',
    );
  });

  it('exits 0 without --fail-on, whatever the diff', async () => {
    expect((await diffCase('findings', [])).code).toBe(0);
  });

  it('exits 2 on an unknown condition, naming the known ones', async () => {
    const result = await diffCase('findings', ['--fail-on', 'new-errors,finish-slipped']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "crmplan: unknown --fail-on condition 'finish-slipped' (conditions: finish-slip, new-errors, new-warnings, new-overallocation, milestone-slip)\n",
    );
    expect(result.stdout).toBe('');
  });
});

describe('crmplan diff usage', () => {
  it('exits 2 with one line for a missing file, a wrong number of files, a folder and an unknown format', async () => {
    const cases: readonly (readonly string[])[] = [
      ['base.crmplan.yaml', 'missing.crmplan.yaml'],
      ['base.crmplan.yaml'],
      ['.', 'head.crmplan.yaml'],
      ['base.crmplan.yaml', 'head.crmplan.yaml', '--format', 'html'],
    ];
    for (const args of cases) {
      const result = await runDiff(path.join(CASES, 'budget'), args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^crmplan: .+\n$/);
      expect(result.stdout).toBe('');
    }
  });

  it('exits 2 with one line for a --link-base that is not an http(s) address, or has credentials', async () => {
    for (const linkBase of ['javascript:alert(1)', 'https://user:token@github.com/a/b/blob/1', 'plans']) {
      const result = await runDiff(path.join(CASES, 'findings'), ['base.crmplan.yaml', 'head.crmplan.yaml', '--link-base', linkBase]);
      expect(result.code, linkBase).toBe(2);
      expect(result.stderr).toMatch(/^crmplan: --link-base needs an http\(s\) address without credentials, query or fragment, .+\n$/);
      expect(result.stdout).toBe('');
    }
  });

  it('reads a plan that is not YAML and reports its problems as introduced findings', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-diff-'));
    writeFileSync(path.join(folder, 'a.crmplan.yaml'), readFileSync(path.join(CASES, 'budget', 'base.crmplan.yaml')));
    writeFileSync(path.join(folder, 'b.crmplan.yaml'), 'crmplan: [1\nplan: {');
    const result = await runDiff(folder, ['a.crmplan.yaml', 'b.crmplan.yaml', '--fail-on', 'new-errors']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('`yaml-syntax`');
  });
});

describe('crmplan diff --git', () => {
  const gitIdentity = ['-c', 'user.name=crmplan test', '-c', 'user.email=test@example.com'];
  const git = (cwd: string, ...args: string[]): string => execFileSync('git', [...gitIdentity, ...args], { cwd, encoding: 'utf8' });
  const caseFile = (name: string, side: 'base' | 'head'): string => readFileSync(path.join(CASES, name, `${side}.crmplan.yaml`), 'utf8');
  // Distinct plans, so that Git's rename detection pairs only the renamed file.
  const sample = (name: string): string => readFileSync(path.join(SAMPLES, `${name}.crmplan.yaml`), 'utf8');
  const deletedTaskCount = analyzePlan(sample('launch-90-day')).model.tasks.length;

  /** A repository with four committed plans, then: one edited, one renamed, one deleted, one left alone, one new. */
  function makeRepository(): string {
    const repository = mkdtempSync(path.join(tmpdir(), 'crmplan diff git '));
    git(repository, 'init', '--quiet', '--initial-branch=main');
    mkdirSync(path.join(repository, 'plans'));
    writeFileSync(path.join(repository, 'plans', 'edited plan.crmplan.yaml'), caseFile('longer-duration', 'base'));
    writeFileSync(path.join(repository, 'plans', 'old name.crmplan.yaml'), sample('mid-market-8-week'));
    writeFileSync(path.join(repository, 'plans', 'deleted.crmplan.yaml'), sample('launch-90-day'));
    writeFileSync(path.join(repository, 'plans', 'untouched.crmplan.yaml'), sample('five-phase-project'));
    writeFileSync(path.join(repository, 'README.md'), 'not a plan\n');
    git(repository, 'add', '.');
    git(repository, 'commit', '--quiet', '-m', 'plans');

    writeFileSync(path.join(repository, 'plans', 'edited plan.crmplan.yaml'), caseFile('longer-duration', 'head'));
    git(repository, 'mv', 'plans/old name.crmplan.yaml', 'plans/new name.crmplan.yaml');
    rmSync(path.join(repository, 'plans', 'deleted.crmplan.yaml'));
    writeFileSync(path.join(repository, 'plans', 'added.crmplan.yaml'), caseFile('findings', 'head'));
    return repository;
  }

  it('reports modified, renamed, deleted and added plans, and leaves unchanged ones out', async () => {
    const repository = makeRepository();
    const result = await runDiff(repository, ['--git', 'HEAD', '--format', 'json', '--fail-on', 'finish-slip']);
    expect(result.stderr).toBe('crmplan: --fail-on finish-slip: plans/edited plan.crmplan.yaml\n');
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout) as DiffJson;
    expect(output.base).toBe('HEAD');
    expect(output.files.map((file) => [file.path, file.basePath, file.status])).toEqual([
      ['plans/added.crmplan.yaml', null, 'added'],
      ['plans/deleted.crmplan.yaml', null, 'removed'],
      ['plans/edited plan.crmplan.yaml', null, 'modified'],
      ['plans/new name.crmplan.yaml', 'plans/old name.crmplan.yaml', 'modified'],
    ]);
    const edited = output.files.find((file) => file.path === 'plans/edited plan.crmplan.yaml')!;
    expect(edited.finish).toEqual({ from: '2027-04-01', to: '2027-04-06', workingDays: 3 });
    // The renamed plan's content is unchanged: a rename and nothing else.
    const renamed = output.files.find((file) => file.path === 'plans/new name.crmplan.yaml')!;
    expect(renamed.tasks).toEqual({ added: [], removed: [], changed: [] });
    const deleted = output.files.find((file) => file.path === 'plans/deleted.crmplan.yaml')!;
    expect(deleted.tasks.removed).toHaveLength(deletedTaskCount);
  });

  it('writes a markdown report with a section per plan, from a subfolder with a path argument', async () => {
    const repository = makeRepository();
    const result = await runDiff(path.join(repository, 'plans'), ['--git', 'HEAD', '.']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Compared with HEAD.');
    expect(result.stdout).toContain('### edited plan.crmplan.yaml — modified\n\n**Finish moved +3 working days** (2027-04-01 → 2027-04-06)');
    expect(result.stdout).toContain('### new name.crmplan.yaml — modified (renamed from old name.crmplan.yaml)\n\nNo changes');
    expect(result.stdout).toContain(`### deleted.crmplan.yaml — removed\n\n**Plan removed**: it had ${deletedTaskCount} tasks.`);
    expect(result.stdout).toContain('### added.crmplan.yaml — added\n\n**New plan**: 13 tasks, finishing 2027-04-01; errors 1.');
    expect(result.stdout).not.toContain('untouched');
    expect(result.stdout.match(/```mermaid/g)).toHaveLength(2); // edited and added
  });

  it('links findings to their line by the path in the repository, from a subfolder too', async () => {
    const repository = makeRepository();
    const linkBase = 'https://github.com/acme/plans/blob/0123456789abcdef0123456789abcdef01234567';
    const result = await runDiff(path.join(repository, 'plans'), ['--git', 'HEAD', '.', '--link-base', linkBase]);
    expect(result.code).toBe(0);
    // findings' head has the unknown reference on line 54.
    expect(result.stdout).toContain(`  - error, [line 54](${linkBase}/plans/added.crmplan.yaml#L54): Unknown task or phase 'kickof'`);
    // Without --fixed-link-base, a fixed finding's line (in the base) stays text.
    expect(result.stdout).not.toMatch(/\[line \d+\]\([^)]*deleted/);
  });

  it('reports a plan whose folder was deleted', async () => {
    const repository = makeRepository();
    renameSync(path.join(repository, 'plans'), path.join(repository, 'elsewhere'));
    const result = await runDiff(repository, ['--git', 'HEAD', 'plans', '--format', 'json']);
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout) as DiffJson;
    expect(output.files.map((file) => [file.path, file.status])).toEqual([
      ['plans/deleted.crmplan.yaml', 'removed'],
      ['plans/edited plan.crmplan.yaml', 'removed'],
      ['plans/old name.crmplan.yaml', 'removed'],
      ['plans/untouched.crmplan.yaml', 'removed'],
    ]);
  });

  it('exits 2 with one line for an unknown revision and outside a repository', async () => {
    const repository = makeRepository();
    const unknown = await runDiff(repository, ['--git', 'no-such-branch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("crmplan: unknown Git revision 'no-such-branch'\n");
    const outside = await runDiff(mkdtempSync(path.join(tmpdir(), 'crmplan-not-a-repo-')), ['--git', 'HEAD']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^crmplan: --git needs a Git repository: .+\n$/);
  });

  it('refuses an option-shaped or control-character revision before git runs, and writes no file', async () => {
    const repository = makeRepository();
    for (const revision of ['--output=written-by-git', '-p', 'HEAD\nx']) {
      const result = await runDiff(repository, ['--git', revision]);
      expect(result.code, revision).toBe(2);
      expect(result.stderr).toMatch(/^crmplan: --git takes a revision such as origin\/main, not .+\n$/);
      expect(result.stdout).toBe('');
    }
    expect(existsSync(path.join(repository, 'written-by-git'))).toBe(false);
  });
});
