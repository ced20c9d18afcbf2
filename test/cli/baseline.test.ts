import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function crmplan(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function planFolder(text: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-baseline-'));
  writeFileSync(path.join(folder, 'plan.crmplan.yaml'), text);
  return folder;
}

// 2027-01-04 is a Monday. kickoff 1d: Jan 4; build 2w = 10d: Jan 5-18;
// go-live (milestone, FS build): Jan 19. Finish: Jan 19.
const BEFORE = `# Rollout plan: signed off by the steering committee
crmplan: 1
plan: {name: "Rollout", start: 2027-01-04}   # the kickoff Monday
phases:
  - id: p
    tasks:
      # kickoff first
      - {id: kickoff, name: Kickoff, duration: 1d}
      - {id: build, name: 'Build', duration: 2w, depends_on: [kickoff]}
      - {id: go-live, name: Go-live, milestone: true, depends_on: [build]}
rules:
  no-objectives: off # not yet
`;

const BLOCK = `baseline:
  date: 2027-01-01
  finish: 2027-01-19
  tasks:
    kickoff: {start: 2027-01-04, finish: 2027-01-04}
    build: {start: 2027-01-05, finish: 2027-01-18}
    go-live: {start: 2027-01-19, finish: 2027-01-19}
`;

describe('crmplan baseline', () => {
  it('appends a baseline block and changes nothing else (golden)', () => {
    const folder = planFolder(BEFORE);
    const result = crmplan(['baseline', 'plan.crmplan.yaml', '--date', '2027-01-01'], folder);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('plan.crmplan.yaml: Baseline set on 2027-01-01: 2 tasks and 1 milestone, finish 2027-01-19.\n');
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(folder, 'plan.crmplan.yaml'), 'utf8')).toBe(`${BEFORE}${BLOCK}`);
  });

  it('replaces an existing block in place, keeping its slip_threshold and the comments around it', () => {
    const old = `# signed off in January
baseline:
  date: 2026-12-01
  slip_threshold: 1w
  tasks:
    kickoff: {start: 2027-01-04, finish: 2027-01-04}
    removed-task: {start: 2027-01-05, finish: 2027-01-06}
# end of the baseline
`;
    const folder = planFolder(`${BEFORE}${old}`);
    const result = crmplan(['baseline', 'plan.crmplan.yaml', '--date', '2027-01-01'], folder);
    expect(result.stdout).toBe('plan.crmplan.yaml: Baseline replaced on 2027-01-01: 2 tasks and 1 milestone, finish 2027-01-19.\n');
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(folder, 'plan.crmplan.yaml'), 'utf8')).toBe(
      `${BEFORE}# signed off in January
baseline:
  date: 2027-01-01
  finish: 2027-01-19
  slip_threshold: 1w
  tasks:
    kickoff: {start: 2027-01-04, finish: 2027-01-04}
    build: {start: 2027-01-05, finish: 2027-01-18}
    go-live: {start: 2027-01-19, finish: 2027-01-19}
# end of the baseline
`,
    );
    // Set again: nothing moves.
    const again = readFileSync(path.join(folder, 'plan.crmplan.yaml'), 'utf8');
    crmplan(['baseline', 'plan.crmplan.yaml', '--date', '2027-01-01'], folder);
    expect(readFileSync(path.join(folder, 'plan.crmplan.yaml'), 'utf8')).toBe(again);
  });

  it('keeps CRLF line breaks and a file without a final line break', () => {
    const crlf = BEFORE.trimEnd().replace(/\n/g, '\r\n');
    const folder = planFolder(crlf);
    expect(crmplan(['baseline', 'plan.crmplan.yaml', '--date', '2027-01-01'], folder).status).toBe(0);
    expect(readFileSync(path.join(folder, 'plan.crmplan.yaml'), 'utf8')).toBe(`${crlf}\r\n${BLOCK.replace(/\n/g, '\r\n')}`);
  });

  it('appends after the last entry, before trailing comments and a document end marker', () => {
    const folder = planFolder(`${BEFORE}# notes at the end\n...\n`);
    expect(crmplan(['baseline', 'plan.crmplan.yaml', '--date', '2027-01-01'], folder).status).toBe(0);
    expect(readFileSync(path.join(folder, 'plan.crmplan.yaml'), 'utf8')).toBe(`${BEFORE}${BLOCK}# notes at the end\n...\n`);
  });

  it('refuses a plan with errors or without plan.start, leaving the file as it was', () => {
    const withError = BEFORE.replace('depends_on: [kickoff]', 'depends_on: [nowhere]');
    const folder = planFolder(withError);
    const result = crmplan(['baseline', 'plan.crmplan.yaml'], folder);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "crmplan: cannot set the baseline of 'plan.crmplan.yaml': the plan has 1 error; fix them before setting a baseline (run crmplan check plan.crmplan.yaml)\n",
    );
    expect(readFileSync(path.join(folder, 'plan.crmplan.yaml'), 'utf8')).toBe(withError);
    const noStart = planFolder(BEFORE.replace(', start: 2027-01-04', ''));
    const refused = crmplan(['baseline', 'plan.crmplan.yaml'], noStart);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('the plan has no valid plan.start');
  });

  it('reports bad usage on one line with exit 2', () => {
    const folder = planFolder(BEFORE);
    expect(crmplan(['baseline', 'plan.crmplan.yaml', '--date', '2027-13-01'], folder)).toMatchObject({
      status: 2,
      stderr: "crmplan: --date needs a date like 2027-01-04, not '2027-13-01'\n",
    });
    expect(crmplan(['baseline'], folder).status).toBe(2);
  });
});
