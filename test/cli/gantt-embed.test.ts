import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crmplanInProcess as crmplan } from './cli-process.js';

const ROLLOUT = `crmplan: 1
plan: {name: 'Rollout <b>1</b>', start: 2027-01-04}
phases:
  - id: build
    name: Build
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d}
      - {id: design, name: 'Design: data model', duration: 3d, depends_on: [kickoff]}
`;

const SUPPORT = `crmplan: 1
plan: {name: Support, start: 2027-02-01}
phases:
  - id: run
    name: Run
    tasks:
      - {id: hypercare, name: Hypercare, duration: 2d}
      - {id: handover, name: Handover, duration: 1d, depends_on: [hypercare]}
`;

// What `crmplan gantt` prints for ROLLOUT, by hand: kickoff Mon Jan 4, design Jan 5-7.
const ROLLOUT_CHART = [
  '```mermaid',
  'gantt',
  'dateFormat YYYY-MM-DD',
  'inclusiveEndDates',
  'title Rollout #60;b#62;1#60;/b#62;',
  'excludes saturday, sunday',
  'todayMarker off',
  'section Build',
  'Kickoff :crit, t0, 2027-01-04, 2027-01-04',
  'Design#58; data model :crit, t1, 2027-01-05, 2027-01-07',
  '```',
];

/** A folder (the current folder of the run) with the two plans under plans/ and docs/. */
function workspace(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-embed-'));
  mkdirSync(path.join(folder, 'plans'));
  mkdirSync(path.join(folder, 'docs'));
  writeFileSync(path.join(folder, 'plans', 'rollout.crmplan.yaml'), ROLLOUT);
  writeFileSync(path.join(folder, 'plans', 'support.crmplan.yaml'), SUPPORT);
  return folder;
}

/** A hand-written README: CRLF, two blocks (one stale, one empty), a marker inside a code fence, no final line break. */
const README = [
  '# Project',
  '',
  'Text   with  spaces\tand a tab, kept as is.',
  '<!-- crmplan:gantt plans/rollout.crmplan.yaml -->',
  '```mermaid',
  'gantt',
  'old chart',
  '```',
  '<!-- /crmplan:gantt -->',
  '',
  '```md',
  '<!-- crmplan:gantt ../../etc/passwd -->',
  '```',
  '<!--crmplan:gantt "plans/support.crmplan.yaml" collapse-over=1-->',
  '<!-- /crmplan:gantt -->',
  'The end',
].join('\r\n');

describe('crmplan gantt --embed', () => {
  it('rewrites every block with the plan\'s chart, keeping the rest byte for byte (CRLF included), and --check then passes', async () => {
    const cwd = workspace();
    const readme = path.join(cwd, 'README.md');
    writeFileSync(readme, README);

    const stale = await crmplan(['gantt', '--check', '--embed', 'README.md'], cwd);
    expect(stale).toEqual({
      status: 1,
      stdout: '',
      stderr:
        "crmplan: README.md:4: the timeline of 'plans/rollout.crmplan.yaml' is stale (run crmplan gantt --embed README.md)\n" +
        "crmplan: README.md:14: the timeline of 'plans/support.crmplan.yaml' is stale (run crmplan gantt --embed README.md)\n",
    });
    expect(readFileSync(readme, 'utf8')).toBe(README);

    expect(await crmplan(['gantt', '--embed', 'README.md'], cwd)).toEqual({ status: 0, stdout: 'README.md: 2 timelines, 2 updated\n', stderr: '' });
    const written = readFileSync(readme, 'utf8');
    const support = (await crmplan(['gantt', 'plans/support.crmplan.yaml', '--collapse-over', '1', '--format', 'markdown'], cwd)).stdout;
    const supportFence = support.slice(support.indexOf('```')).replace(/\n$/, '').split('\n');
    expect(supportFence).toContain('Run (2 tasks) :crit, p0, 2027-02-01, 2027-02-03');
    expect(written).toBe(
      [
        '# Project',
        '',
        'Text   with  spaces\tand a tab, kept as is.',
        '<!-- crmplan:gantt plans/rollout.crmplan.yaml -->',
        ...ROLLOUT_CHART,
        '<!-- /crmplan:gantt -->',
        '',
        '```md',
        '<!-- crmplan:gantt ../../etc/passwd -->',
        '```',
        '<!--crmplan:gantt "plans/support.crmplan.yaml" collapse-over=1-->',
        ...supportFence,
        '<!-- /crmplan:gantt -->',
        'The end',
      ].join('\r\n'),
    );
    // The chart is the same text `crmplan gantt` prints.
    expect((await crmplan(['gantt', 'plans/rollout.crmplan.yaml'], cwd)).stdout).toBe(`${ROLLOUT_CHART.slice(1, -1).join('\n')}\n`);

    expect(await crmplan(['gantt', '--embed', 'README.md', '--check'], cwd)).toEqual({ status: 0, stdout: 'README.md: 2 timelines up to date\n', stderr: '' });
    expect(await crmplan(['gantt', '--embed', 'README.md'], cwd)).toEqual({ status: 0, stdout: 'README.md: 2 timelines, 0 updated\n', stderr: '' });
    expect(readFileSync(readme, 'utf8')).toBe(written);
    // Written through a temporary file that is gone afterwards.
    expect(readdirSync(cwd).sort()).toEqual(['README.md', 'docs', 'plans']);

    // A plan that changes makes its block stale again.
    writeFileSync(path.join(cwd, 'plans', 'rollout.crmplan.yaml'), ROLLOUT.replace('duration: 3d', 'duration: 4d'));
    const check = await crmplan(['gantt', '--embed', 'README.md', '--check'], cwd);
    expect(check.status).toBe(1);
    expect(check.stderr).toBe("crmplan: README.md:4: the timeline of 'plans/rollout.crmplan.yaml' is stale (run crmplan gantt --embed README.md)\n");
  });

  it('resolves plans relative to the Markdown file and keeps LF files LF', async () => {
    const cwd = workspace();
    const doc = path.join(cwd, 'docs', 'plan.md');
    writeFileSync(doc, 'Intro\n<!-- crmplan:gantt ../plans/rollout.crmplan.yaml -->\n<!-- /crmplan:gantt -->\n');
    expect((await crmplan(['gantt', '--embed', 'docs/plan.md'], cwd)).status).toBe(0);
    expect(readFileSync(doc, 'utf8')).toBe(`Intro\n<!-- crmplan:gantt ../plans/rollout.crmplan.yaml -->\n${ROLLOUT_CHART.join('\n')}\n<!-- /crmplan:gantt -->\n`);
  });

  it('refuses plans outside the current folder, missing plans, bad markers and unschedulable plans: exit 2, one line naming the marker, nothing written', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'plans', 'nostart.crmplan.yaml'), 'crmplan: 1\nplan: {name: No start}\n');
    symlinkSync('/etc/passwd', path.join(cwd, 'plans', 'link.crmplan.yaml'));
    const cases: [string, string][] = [
      ['../../etc/passwd', "README.md:3: the plan '../../etc/passwd' is outside the current folder; crmplan reads only inside it"],
      ['/etc/passwd', "README.md:3: the plan '/etc/passwd' is an absolute path; write it relative to the Markdown file"],
      ['C:\\Windows\\win.ini', "README.md:3: the plan 'C:\\Windows\\win.ini' is an absolute path; write it relative to the Markdown file"],
      ['plans/link.crmplan.yaml', "README.md:3: the plan 'plans/link.crmplan.yaml' is outside the current folder; crmplan reads only inside it"],
      ['plans/missing.crmplan.yaml', "README.md:3: the plan 'plans/missing.crmplan.yaml' does not exist"],
      ['plans', "README.md:3: the plan 'plans' is not a file"],
      ['plans/nostart.crmplan.yaml', "README.md:3: cannot draw 'plans/nostart.crmplan.yaml': the plan has no valid plan.start"],
      ['plans/rollout.crmplan.yaml zoom=2', 'README.md:3: the crmplan:gantt marker of line 3: unknown option \'zoom=2\' (options: collapse-over=N)'],
    ];
    for (const [plan, message] of cases) {
      const text = `# Title\n\n<!-- crmplan:gantt ${plan} -->\nold\n<!-- /crmplan:gantt -->\n`;
      writeFileSync(path.join(cwd, 'README.md'), text);
      for (const args of [['gantt', '--embed', 'README.md'], ['gantt', '--embed', 'README.md', '--check']]) {
        expect(await crmplan(args, cwd)).toEqual({ status: 2, stdout: '', stderr: `crmplan: ${message}\n` });
      }
      expect(readFileSync(path.join(cwd, 'README.md'), 'utf8')).toBe(text);
    }
    const markers: [string, string][] = [
      ['a\n<!-- crmplan:gantt plans/rollout.crmplan.yaml -->\nold\n', 'README.md:2: the crmplan:gantt marker of line 2 is not closed (add <!-- /crmplan:gantt -->)'],
      ['<!-- crmplan:gantt plans/rollout.crmplan.yaml -->\n<!-- crmplan:gantt plans/support.crmplan.yaml -->\n<!-- /crmplan:gantt -->\n', 'README.md:1: the crmplan:gantt marker of line 1 is not closed before the next one (add <!-- /crmplan:gantt -->)'],
      ['x\n\n<!-- /crmplan:gantt -->\n', 'README.md:3: line 3 closes a crmplan:gantt block that was never opened'],
      ['<!-- crmplan:gantt -->\n<!-- /crmplan:gantt -->\n', 'README.md:1: the crmplan:gantt marker of line 1: it names no plan (<!-- crmplan:gantt PATH -->)'],
      ['no markers here\n', "'README.md' has no <!-- crmplan:gantt PLAN --> block"],
    ];
    for (const [text, message] of markers) {
      writeFileSync(path.join(cwd, 'README.md'), text);
      expect(await crmplan(['gantt', '--embed', 'README.md'], cwd)).toEqual({ status: 2, stdout: '', stderr: `crmplan: ${message}\n` });
      expect(readFileSync(path.join(cwd, 'README.md'), 'utf8')).toBe(text);
    }
  });

  it('writes the chart of a plan with errors, says so on stderr naming the block, and exits 1; --help describes --embed', async () => {
    const cwd = workspace();
    const cyclic = `${ROLLOUT}      - {id: a, name: A, duration: 1d, depends_on: [b]}\n      - {id: b, name: B, duration: 1d, depends_on: [a]}\n`;
    writeFileSync(path.join(cwd, 'plans', 'rollout.crmplan.yaml'), cyclic);
    writeFileSync(path.join(cwd, 'README.md'), 'x\n<!-- crmplan:gantt plans/rollout.crmplan.yaml -->\n<!-- /crmplan:gantt -->\n');
    const run = await crmplan(['gantt', '--embed', 'README.md'], cwd);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('README.md: 1 timeline, 1 updated\n');
    expect(run.stderr).toMatch(/^crmplan: README\.md:2: 'plans\/rollout\.crmplan\.yaml' has \d+ errors?; the chart may be incomplete \(run crmplan check\)\n$/);
    const written = readFileSync(path.join(cwd, 'README.md'), 'utf8');
    expect(written).toContain('Kickoff :crit, t0, 2027-01-04, 2027-01-04\n');
    expect(written).toContain('%% 2 tasks without dates (on a dependency cycle) left out\n');
    expect((await crmplan(['--help'], cwd)).stdout).toContain('crmplan gantt --embed FILE.md [--check]');
  });

  it('refuses a Markdown file outside the current folder, bytes that are not UTF-8, and options that do not go with --embed', async () => {
    const cwd = workspace();
    const inner = path.join(cwd, 'docs');
    expect(await crmplan(['gantt', '--embed', '../README.md'], inner)).toEqual({
      status: 2,
      stdout: '',
      stderr: "crmplan: '../README.md' is outside the current folder; crmplan gantt --embed reads and writes only inside it\n",
    });
    const latin1 = Buffer.from('caf\xe9\n<!-- crmplan:gantt plans/rollout.crmplan.yaml -->\n<!-- /crmplan:gantt -->\n', 'latin1');
    writeFileSync(path.join(cwd, 'README.md'), latin1);
    expect((await crmplan(['gantt', '--embed', 'README.md'], cwd)).stderr).toBe("crmplan: 'README.md' is not UTF-8 text; crmplan gantt --embed leaves it alone\n");
    expect(readFileSync(path.join(cwd, 'README.md')).equals(latin1)).toBe(true);
    expect((await crmplan(['gantt', '--embed', 'README.md', '--today', '2027-01-05'], cwd)).status).toBe(2);
    expect((await crmplan(['gantt', '--embed', 'README.md', 'plans/rollout.crmplan.yaml'], cwd)).status).toBe(2);
    expect(await crmplan(['gantt', 'plans/rollout.crmplan.yaml', '--check'], cwd)).toMatchObject({ status: 2, stderr: expect.stringContaining('crmplan: --check goes with --embed FILE.md') });
  });
});
