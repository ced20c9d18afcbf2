import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crmplanInProcess } from './cli-process.js';

/**
 * `crmplan gantt --baseline`. Default calendar (Mon-Fri), start Mon 2027-03-01:
 * a (3d) Mar 1-3, b (2d, after a) Mar 4-5, gate after b on Mon Mar 8. The
 * baseline has b on Mar 3-4 and the gate on Fri Mar 5: b finishes 1 working
 * day later (Fri 5 after Thu 4), the gate 1 later (Mon 8 after Fri 5), the
 * finish 1 later; a is on its baseline and gets no row.
 */
const PLAN = `crmplan: 1
plan: {name: Baselined, start: 2027-03-01}
phases:
  - id: work
    name: Work
    tasks:
      - {id: a, name: Analyse, duration: 3d}
      - {id: b, name: Build <b>, duration: 2d, depends_on: [a]}
      - {id: gate, name: Gate, milestone: true, depends_on: [b]}
baseline:
  date: 2027-02-20
  finish: 2027-03-05
  tasks:
    a: {start: 2027-03-01, finish: 2027-03-03}
    b: {start: 2027-03-03, finish: 2027-03-04}
    gate: {start: 2027-03-05, finish: 2027-03-05}
`;

function planFolder(text: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-gantt-baseline-'));
  writeFileSync(path.join(folder, 'plan.crmplan.yaml'), text);
  return folder;
}

describe('crmplan gantt --baseline', () => {
  it('draws a grey baseline row under each task off its baseline', async () => {
    const result = await crmplanInProcess(['gantt', 'plan.crmplan.yaml', '--baseline'], planFolder(PLAN));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').slice(6)).toEqual([
      'section Work',
      'Analyse :crit, t0, 2027-03-01, 2027-03-03',
      'Build #60;b#62; :crit, t1, 2027-03-04, 2027-03-05',
      'Build #60;b#62; (baseline) :done, b1, 2027-03-03, 2027-03-04',
      'Gate :crit, milestone, t2, 2027-03-08, 0d',
      'Gate (baseline) :done, milestone, b2, 2027-03-05, 0d',
      '',
    ]);
  });

  it('adds the table of what is off its baseline under the markdown chart, with plan text escaped', async () => {
    const result = await crmplanInProcess(['gantt', 'plan.crmplan.yaml', '--baseline', '--format', 'markdown'], planFolder(PLAN));
    expect(result.status).toBe(0);
    expect(result.stdout.slice(result.stdout.indexOf('\n```\n') + 5)).toBe(
      [
        '',
        '#### Baseline',
        '',
        'Against the baseline of 2027-02-20:',
        '',
        'Project finish: 2027-03-05 (baseline) → 2027-03-08, 1 working day later.',
        '',
        '|  | Task | Baseline | Now | Against the baseline |',
        '| --- | --- | --- | --- | --- |',
        '| milestone | `gate` Gate | 2027-03-05 | 2027-03-08 | 1 working day later |',
        '| task | `b` Build &lt;b&gt; | 2027-03-04 | 2027-03-05 | 1 working day later |',
        '',
      ].join('\n'),
    );
  });

  it('says on stderr when the plan has no baseline, and draws the chart as without --baseline', async () => {
    const folder = planFolder(PLAN.slice(0, PLAN.indexOf('baseline:')));
    const withFlag = await crmplanInProcess(['gantt', 'plan.crmplan.yaml', '--baseline', '--format', 'markdown'], folder);
    const without = await crmplanInProcess(['gantt', 'plan.crmplan.yaml', '--format', 'markdown'], folder);
    expect(withFlag.status).toBe(0);
    expect(withFlag.stdout).toBe(without.stdout);
    expect(withFlag.stderr).toBe(
      "crmplan: 'plan.crmplan.yaml' has no baseline: block, so there is nothing to compare with (crmplan baseline plan.crmplan.yaml writes one)\n",
    );
  });
});
