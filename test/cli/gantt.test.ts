import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crmplan } from './cli-process.js';

function writePlan(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'crmplan-gantt-')), 'plan.crmplan.yaml');
  writeFileSync(file, text);
  return file;
}

// Hand-computed: kickoff Jan 4; design Jan 5-7 (in progress); docs SS +1d
// Jan 6-7, ending with design, so critical too; go-live a milestone on Fri
// Jan 8; run starts when build ends: hypercare (done) Fri Jan 8 and Mon
// Jan 11 over the weekend. Jan 12 is a holiday (excluded, after the finish).
const PLAN = `crmplan: 1
plan:
  name: 'Rollout: <b>phase 1</b>'
  start: 2027-01-04
  calendar:
    holidays: [2027-01-12]
phases:
  - id: build
    name: Build & test
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d}
      - {id: design, name: 'Design: data model', duration: 3d, depends_on: [kickoff], status: in-progress}
      - {id: docs, name: Docs, duration: 2d, depends_on: [{task: design, type: SS, lag: 1d}]}
      - {id: go-live, name: Go-live, milestone: true, depends_on: [design]}
  - id: run
    name: Run
    depends_on: [build]
    tasks:
      - {id: hypercare, name: Hypercare, duration: 2d, status: done}
`;

const GANTT = `gantt
dateFormat YYYY-MM-DD
inclusiveEndDates
title Rollout#58; #60;b#62;phase 1#60;/b#62;
excludes saturday, sunday, 2027-01-12
todayMarker off
section Build #38; test
Kickoff :crit, t0, 2027-01-04, 2027-01-04
Design#58; data model :active, crit, t1, 2027-01-05, 2027-01-07
Docs :crit, t2, 2027-01-06, 2027-01-07
Go-live :crit, milestone, t3, 2027-01-08, 0d
section Run
Hypercare :done, crit, t4, 2027-01-08, 2027-01-11
`;

describe('crmplan gantt', () => {
  it('prints the Mermaid Gantt chart of the schedule (golden), the same on every run', () => {
    const file = writePlan(PLAN);
    const result = crmplan(['gantt', file]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(GANTT);
    expect(crmplan(['gantt', file, '--format', 'mermaid']).stdout).toBe(GANTT);
  });

  it('wraps it in a fenced mermaid block under a one-line heading for markdown', () => {
    const result = crmplan(['gantt', writePlan(PLAN), '--format=markdown']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`### Timeline: Rollout: &lt;b&gt;phase 1&lt;/b&gt; (finishes 2027-01-11)\n\n\`\`\`mermaid\n${GANTT}\`\`\`\n`);
  });

  it('draws the today line of --today and collapses phases over --collapse-over tasks', () => {
    const file = writePlan(PLAN);
    expect(crmplan(['gantt', file, '--today', '2027-01-06']).stdout).toBe(`${GANTT}Today :vert, today, 2027-01-06, 0d\n`);
    const collapsed = crmplan(['gantt', file, '--collapse-over', '4']).stdout;
    expect(collapsed.split('\n').slice(6)).toEqual([
      'section Build #38; test',
      'Build #38; test (4 tasks) :active, crit, p0, 2027-01-04, 2027-01-07',
      'section Run',
      'Run (1 task) :done, crit, p1, 2027-01-08, 2027-01-11',
      '',
    ]);
    expect(crmplan(['gantt', file, '--collapse-over', '5']).stdout).toBe(GANTT);
  });

  it('exits 1 with one line on stderr when the plan cannot be scheduled', () => {
    const result = crmplan(['gantt', writePlan('crmplan: 1\nplan: {name: No start}\n')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^crmplan: cannot draw '.*plan\.crmplan\.yaml': the plan has no valid plan\.start \(run crmplan check .*\)\n$/);
  });

  it('exits 1 when the plan has errors, still printing what could be scheduled', () => {
    const result = crmplan(['gantt', writePlan(`${PLAN}      - {id: stuck, duration: 1d, depends_on: [loop]}\n      - {id: loop, duration: 1d, depends_on: [stuck]}\n`)]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`${GANTT}%% 2 tasks without dates (on a dependency cycle) left out\n`);
    expect(result.stderr).toMatch(/^crmplan: '.*' has \d+ errors?; the chart may be incomplete \(run crmplan check .*\)\n$/);
  });

  it('treats bad usage as exit 2 with a clear message', () => {
    const file = writePlan(PLAN);
    const cases: [string[], RegExp][] = [
      [['gantt'], /gantt needs exactly one plan file/],
      [['gantt', file, file], /gantt needs exactly one plan file/],
      [['gantt', file, '--format', 'svg'], /unknown format 'svg' \(formats: mermaid, markdown\)/],
      [['gantt', file, '--today', '2027-02-30'], /--today needs a date like 2027-03-01, not '2027-02-30'/],
      [['gantt', file, '--collapse-over', 'many'], /--collapse-over needs a number of tasks \(0 or more\), not 'many'/],
      [['gantt', file, '--collapse-over', '-1'], /--collapse-over needs a number of tasks/],
      [['gantt', file, '--zoom', '2'], /unknown option '--zoom'/],
      // A folder holds many plans: refused, not searched for the first one.
      [['gantt', 'samples'], /'samples' is a folder; gantt needs one plan file/],
    ];
    for (const [args, message] of cases) {
      const result = crmplan(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('is listed in --help', () => {
    expect(crmplan(['--help']).stdout).toContain('crmplan gantt FILE [--format mermaid|markdown] [--today YYYY-MM-DD] [--collapse-over N]');
  });
});
