import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { localToday, nextMonday, PLAN_TEMPLATES } from '../../server/src/shared/plan-templates.js';
import { crmplan } from './cli-process.js';

function emptyFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'crmplan-init-'));
}

/** `crmplan check --format json` in `cwd`: exit status and every finding. */
function check(cwd: string, file: string): { status: number | null; findings: string[] } {
  const result = crmplan(['check', '--format', 'json', file], cwd);
  const output = JSON.parse(result.stdout) as { files: { diagnostics: { rule: string; message: string }[] }[] };
  return { status: result.status, findings: output.files.flatMap((entry) => entry.diagnostics.map((d) => `${d.rule}: ${d.message}`)) };
}

function expectOneLineRefusal(result: { status: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^crmplan: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
}

describe('crmplan init', () => {
  it('writes plan.crmplan.yaml from the minimal template, starting next Monday, and crmplan check finds nothing', () => {
    const cwd = emptyFolder();
    const before = nextMonday(localToday());
    const result = crmplan(['init'], cwd);
    const after = nextMonday(localToday());
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Created plan\.crmplan\.yaml from the 'minimal' template/);
    expect(readdirSync(cwd)).toEqual(['plan.crmplan.yaml']);
    const doc = parseDocument(readFileSync(path.join(cwd, 'plan.crmplan.yaml'), 'utf8'));
    expect([before, after]).toContain(doc.getIn(['plan', 'start']));
    expect(doc.getIn(['plan', 'name'])).toBe('New CRM rollout');
    const plain = crmplan(['check', 'plan.crmplan.yaml'], cwd);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toBe('1 plan checked: no problems\n');
  });

  it('writes every template with any name and start, each clean under every rule', () => {
    const cwd = emptyFolder();
    const names = ['Acme: "CRM" rollout', "O'Brien # 2", 'Ünïcödé 日本語 🚀', '- yes'];
    const starts = ['2027-01-09', '2027-12-31', '2028-02-29', '2027-01-04'];
    PLAN_TEMPLATES.forEach((template, index) => {
      const file = `${template.id}.crmplan.yaml`;
      const name = names[index % names.length]!;
      const start = starts[index % starts.length]!;
      const result = crmplan(['init', file, '--template', template.id, '--name', name, '--start', start], cwd);
      expect(result.status, result.stderr).toBe(0);
      const doc = parseDocument(readFileSync(path.join(cwd, file), 'utf8'));
      expect(doc.getIn(['plan', 'name'])).toBe(name);
      expect(doc.getIn(['plan', 'start'])).toBe(start);
      expect(check(cwd, file)).toEqual({ status: 0, findings: [] });
    });
    // And as CI would run it: the whole folder.
    expect(crmplan(['check'], cwd).stdout).toBe(`${PLAN_TEMPLATES.length} plans checked: no problems\n`);
  });

  it('writes into a subfolder of the current folder, with --name=value forms', () => {
    const cwd = emptyFolder();
    mkdirSync(path.join(cwd, 'plans'));
    const result = crmplan(['init', 'plans/q3.crmplan.yml', '--template=launch-90-day', '--name=Q3 launch', '--start=2027-07-05'], cwd);
    expect(result.status, result.stderr).toBe(0);
    expect(check(cwd, 'plans/q3.crmplan.yml')).toEqual({ status: 0, findings: [] });
    // The next command it suggests can be pasted into a shell as it is.
    const spaced = crmplan(['init', "Q4 'big' launch.crmplan.yaml"], cwd);
    expect(spaced.stdout).toMatch(/Next: crmplan check 'Q4 '\\''big'\\'' launch\.crmplan\.yaml'\n$/);
    expect(check(cwd, "Q4 'big' launch.crmplan.yaml")).toEqual({ status: 0, findings: [] });
  });

  it('never overwrites a file: exit 2, one line, the file unchanged', () => {
    const cwd = emptyFolder();
    writeFileSync(path.join(cwd, 'plan.crmplan.yaml'), 'my work\n');
    expectOneLineRefusal(crmplan(['init'], cwd), /'plan\.crmplan\.yaml' already exists/);
    expect(readFileSync(path.join(cwd, 'plan.crmplan.yaml'), 'utf8')).toBe('my work\n');
    // Not through a dangling symbolic link either.
    symlinkSync(path.join(cwd, 'nowhere.txt'), path.join(cwd, 'link.crmplan.yaml'));
    expectOneLineRefusal(crmplan(['init', 'link.crmplan.yaml'], cwd), /already exists/);
    expect(existsSync(path.join(cwd, 'nowhere.txt'))).toBe(false);
  });

  it('refuses a FILE outside the current folder, also through a symbolic link, and writes nothing', () => {
    const cwd = emptyFolder();
    const elsewhere = emptyFolder();
    symlinkSync(elsewhere, path.join(cwd, 'out'));
    for (const file of ['../x.crmplan.yaml', path.join(elsewhere, 'x.crmplan.yaml'), 'out/x.crmplan.yaml']) {
      expectOneLineRefusal(crmplan(['init', file], cwd), /outside the current folder/);
    }
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(cwd)).toEqual(['out']);
  });

  it('refuses unknown templates (listing them), bad dates, bad names, odd file names and extra arguments', () => {
    const cwd = emptyFolder();
    const unknown = crmplan(['init', '--template', 'waterfall'], cwd);
    expectOneLineRefusal(unknown, /unknown template 'waterfall'/);
    for (const template of PLAN_TEMPLATES) expect(unknown.stderr).toContain(template.id);
    for (const date of ['2027-02-30', 'monday', '2027-1-4', '3000-01-01']) expectOneLineRefusal(crmplan(['init', '--start', date], cwd), /bad --start: .*not a date a plan can start on/);
    expectOneLineRefusal(crmplan(['init', '--name', '  '], cwd), /bad --name/);
    expectOneLineRefusal(crmplan(['init', '--name', 'two\nlines'], cwd), /bad --name/);
    expectOneLineRefusal(crmplan(['init', 'plan.yaml'], cwd), /must end in \.crmplan\.yaml/);
    expectOneLineRefusal(crmplan(['init', 'missing/plan.crmplan.yaml'], cwd), /does not exist/);
    expectOneLineRefusal(crmplan(['init', 'a.crmplan.yaml', 'b.crmplan.yaml'], cwd), /at most one FILE/);
    expectOneLineRefusal(crmplan(['init', '--template', 'minimal', '--template', 'minimal'], cwd), /more than once/);
    expectOneLineRefusal(crmplan(['init', '--frobnicate'], cwd), /unknown option/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('lists the templates with one line each for --list and --template list', () => {
    const cwd = emptyFolder();
    for (const args of [['init', '--list'], ['init', '--template', 'list']]) {
      const result = crmplan(args, cwd);
      expect(result.status).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(PLAN_TEMPLATES.length + 1);
      PLAN_TEMPLATES.forEach((template, index) => {
        expect(lines[index + 1]).toMatch(new RegExp(`^  ${template.id} +${template.title.replace(/[()]/g, '\\$&')} — `));
      });
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('is in --help, with its defaults', () => {
    const help = crmplan(['--help']).stdout;
    expect(help).toContain('crmplan init [FILE] [--template NAME] [--start YYYY-MM-DD] [--name TEXT]');
    expect(help).toContain('the next Monday');
    expect(help).toContain('plan.crmplan.yaml');
  });
});
