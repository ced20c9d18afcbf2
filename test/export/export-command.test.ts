import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../server/src/export/formats.js';
import { ROOT } from './export-test-support.js';
import { crmplan as spawnCli, crmplanInProcess as crmplan } from '../cli/cli-process.js';


/** A fresh folder holding a copy of the sample, as the current folder of a run. */
function workspace(sample = 'samples/connectsphere.crmplan.yaml'): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-export-'));
  copyFileSync(path.join(ROOT, sample), path.join(folder, 'plan.crmplan.yaml'));
  return folder;
}

const CYCLE_PLAN = `crmplan: 1
plan: {name: Cycle, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1d, depends_on: [b]}
      - {id: b, name: B, duration: 1d, depends_on: [a]}
      - {id: c, name: C, milestone: true}
`;

describe('crmplan export', () => {
  it('writes text formats to stdout, and the same bytes atomically to --output, leaving no temporary file', async () => {
    const cwd = workspace();
    for (const format of ['ics', 'csv', 'jira-csv']) {
      const printed = await crmplan(['export', 'plan.crmplan.yaml', '--format', format], cwd);
      expect(printed.status, printed.stderr).toBe(0);
      mkdirSync(path.join(cwd, 'out'), { recursive: true });
      const written = await crmplan(['export', 'plan.crmplan.yaml', '--format', format, '--output', `out/plan.${format}`], cwd);
      expect(written.status, written.stderr).toBe(0);
      expect(written.stdout).toBe('');
      expect(readFileSync(path.join(cwd, 'out', `plan.${format}`), 'utf8')).toBe(printed.stdout);
    }
    expect(readdirSync(path.join(cwd, 'out')).sort()).toEqual(['plan.csv', 'plan.ics', 'plan.jira-csv']);
    // The communications without a fixed frequency are listed, the exit status stays 0.
    const ics = await crmplan(['export', 'plan.crmplan.yaml', '--format=ics', '--every-task'], cwd);
    expect(ics.status).toBe(0);
    expect(ics.stderr).toContain("crmplan: omitted: communication 'ad-hoc': frequency 'as needed'");
  });

  it('a plan with errors exports what is scheduled, lists what was left out, and exits 1', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'crmplan-export-'));
    writeFileSync(path.join(cwd, 'cycle.crmplan.yaml'), CYCLE_PLAN);
    const run = await crmplan(['export', 'cycle.crmplan.yaml', '--format', 'csv', '--output', 'cycle.csv'], cwd);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "crmplan: omitted: task 'a': on a dependency cycle, so it has no dates\n" +
        "crmplan: omitted: task 'b': on a dependency cycle, so it has no dates\n" +
        "crmplan: 'cycle.crmplan.yaml' has 2 errors; the export may be incomplete (run crmplan check cycle.crmplan.yaml)\n",
    );
    expect(readFileSync(path.join(cwd, 'cycle.csv'), 'utf8').split('\r\n').filter((line) => line !== '').map((line) => line.split(',')[0])).toEqual(['\uFEFFID', 'c']);
  });

  it('plan text in an omitted line stays on its line', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'crmplan-export-'));
    writeFileSync(path.join(cwd, 'noid.crmplan.yaml'), 'crmplan: 1\nplan: {name: N, start: 2027-01-04}\nphases:\n  - id: p\n    tasks:\n      - {name: "two\\nlines\\u001b[31m", milestone: true}\n');
    const run = await crmplan(['export', 'noid.crmplan.yaml', '--format', 'ics'], cwd);
    expect(run.stderr.split('\n')[0]).toBe("crmplan: omitted: task 1 ('two\\u000alines\\u001b[31m', no id) has no id, so no stable calendar UID: left out of the calendar");
  });

  it('a plan without plan.start writes nothing and exits 1', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'crmplan-export-'));
    writeFileSync(path.join(cwd, 'nostart.crmplan.yaml'), 'crmplan: 1\nplan: {name: No start}\n');
    const run = await crmplan(['export', 'nostart.crmplan.yaml', '--format', 'ics', '--output', 'x.ics'], cwd);
    expect(run).toEqual({ status: 1, stdout: '', stderr: "crmplan: cannot export 'nostart.crmplan.yaml': the plan has no valid plan.start (run crmplan check nostart.crmplan.yaml)\n" });
    expect(readdirSync(cwd)).toEqual(['nostart.crmplan.yaml']);
  });

  it('--output outside the current folder, through a symbolic link, onto the plan or into a missing folder is refused with exit 2 and nothing written', async () => {
    const cwd = workspace();
    const outside = mkdtempSync(path.join(tmpdir(), 'crmplan-outside-'));
    symlinkSync(outside, path.join(cwd, 'link'));
    const before = readFileSync(path.join(cwd, 'plan.crmplan.yaml'), 'utf8');
    const cases: [string, string][] = [
      ['../escape.ics', "crmplan: --output '../escape.ics' is outside the current folder; crmplan export writes only inside it\n"],
      [path.join(outside, 'abs.ics'), `crmplan: --output '${path.join(outside, 'abs.ics')}' is outside the current folder; crmplan export writes only inside it\n`],
      ['link/through.ics', "crmplan: --output 'link/through.ics' is outside the current folder; crmplan export writes only inside it\n"],
      ['plan.crmplan.yaml', "crmplan: --output 'plan.crmplan.yaml' is the plan itself; choose another file\n"],
      ['missing/x.ics', "crmplan: cannot write 'missing/x.ics': its folder does not exist\n"],
    ];
    for (const [output, message] of cases) {
      expect(await crmplan(['export', 'plan.crmplan.yaml', '--format', 'ics', '--output', output], cwd)).toEqual({ status: 2, stdout: '', stderr: message });
    }
    expect(readdirSync(outside)).toEqual([]);
    expect(readFileSync(path.join(cwd, 'plan.crmplan.yaml'), 'utf8')).toBe(before);
  });

  it('a symbolic link at --output is replaced by the file; what it pointed to outside is not touched', async () => {
    const cwd = workspace();
    const outside = mkdtempSync(path.join(tmpdir(), 'crmplan-outside-'));
    writeFileSync(path.join(outside, 'victim.txt'), 'keep me');
    symlinkSync(path.join(outside, 'victim.txt'), path.join(cwd, 'plan.ics'));
    const run = await crmplan(['export', 'plan.crmplan.yaml', '--format', 'ics', '--output', 'plan.ics'], cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(outside, 'victim.txt'), 'utf8')).toBe('keep me');
    expect(lstatSync(path.join(cwd, 'plan.ics')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(cwd, 'plan.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  it('bad usage exits 2 with one line: no or unknown format, an option of another format, a flag with a value', async () => {
    const cwd = workspace();
    const names = EXPORT_FORMATS.map((format) => format.name).join(', ');
    const cases: [string[], string][] = [
      [['export', 'plan.crmplan.yaml'], `crmplan: export needs --format NAME (formats: ${names}): crmplan export FILE --format NAME [--output PATH] [format options]\n`],
      [['export', 'plan.crmplan.yaml', '--format', 'xls'], `crmplan: unknown format 'xls' (formats: ${names})\n`],
      [['export', 'plan.crmplan.yaml', '--format', 'csv', '--every-task'], "crmplan: format 'csv' has no option 'every-task' (it takes none)\n"],
      [['export', 'plan.crmplan.yaml', '--format', 'ics', '--every-task=yes'], "crmplan: option 'every-task' of format 'ics' is a flag and takes no value\n"],
      [['export', '--format', 'ics'], 'crmplan: export needs exactly one plan file: crmplan export FILE --format NAME [--output PATH] [format options]\n'],
      [['export', 'plan.crmplan.yaml', '--format', 'ics', '--colour', 'red'], expect.stringMatching(/^crmplan: unknown option '--colour' \(options: --format, --output, --every-task/) as unknown as string],
    ];
    for (const [args, message] of cases) expect(await crmplan(args, cwd)).toEqual({ status: 2, stdout: '', stderr: message });
  });

  it('binary formats need --output', async () => {
    const binary = EXPORT_FORMATS.filter((format) => format.binary);
    expect(binary.map((format) => format.name)).toContain('png');
    const cwd = workspace();
    for (const format of binary) {
      expect(await crmplan(['export', 'plan.crmplan.yaml', '--format', format.name], cwd)).toEqual({
        status: 2,
        stdout: '',
        stderr: `crmplan: format '${format.name}' writes binary data: give --output FILE.${format.extension}\n`,
      });
    }
  });

  it('the built CLI (dist/cli.js) prints the same export as the in-process one', async () => {
    const inProcess = await crmplan(['export', 'samples/launch-90-day.crmplan.yaml', '--format', 'csv'], ROOT);
    const built = spawnCli(['export', 'samples/launch-90-day.crmplan.yaml', '--format', 'csv']);
    expect(built).toEqual({ status: inProcess.status, stdout: inProcess.stdout, stderr: inProcess.stderr });
  });

  it('--help lists every format of the registry with its options', async () => {
    const help = (await crmplan(['--help'], ROOT)).stdout;
    for (const format of EXPORT_FORMATS) {
      expect(help).toContain(`${format.name.padEnd(9)}${format.description}`);
      for (const option of format.options ?? []) expect(help).toContain(`--${option.name}`);
    }
  });
});
