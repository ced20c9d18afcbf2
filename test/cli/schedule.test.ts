import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function crmplan(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writePlan(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'crmplan-schedule-')), 'plan.crmplan.yaml');
  writeFileSync(file, text);
  return file;
}

// Hand-computed. Working-day indexes: Jan 4 = 0 ... Jan 15 = 9; Jan 18 is a
// holiday, so index 10 is Tue Jan 19.
// kickoff 1d [0,1) Jan 4; design 3d FS [1,4) Jan 5-7; docs 2d SS design +1d
// [2,4) Jan 6-7; build 1w = 5d FS [4,9) Jan 8-14 over the weekend; go-live
// milestone FS build +1d at 10 = Jan 19. E = 10 working days. docs' latest
// end is E (nothing waits for it): float = (10 - 2) - 2 = 6. pm carries
// 60% + 60% on Jan 6-7: peak 1.2.
const PLAN = `crmplan: 1
plan:
  name: Hand-computed
  start: 2027-01-04
  calendar:
    holidays: [2027-01-18]
people:
  - {id: pm, name: Dana, capacity: 100%}
phases:
  - id: p
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d, assign: [{person: pm, load: 100%}]}
      - {id: design, name: Design, duration: 3d, depends_on: [kickoff], assign: [{person: pm, load: 60%}]}
      - {id: docs, name: Docs, duration: 2d, depends_on: [{task: design, type: SS, lag: 1d}], assign: [{person: pm, load: 60%}]}
      - {id: build, name: Build, duration: 1w, depends_on: [design]}
      - {id: go-live, name: Go-live, milestone: true, depends_on: [{task: build, lag: 1d}]}
`;

describe('crmplan schedule', () => {
  it('prints the contract JSON, exact to the day', () => {
    const result = crmplan(['schedule', writePlan(PLAN), '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      plan: 'Hand-computed',
      start: '2027-01-04',
      finish: '2027-01-19',
      workingDays: 10,
      criticalPath: ['kickoff', 'design', 'build', 'go-live'],
      tasks: [
        { id: 'kickoff', phase: 'p', start: '2027-01-04', finish: '2027-01-04', duration: 1, totalFloat: 0, critical: true, milestone: false },
        { id: 'design', phase: 'p', start: '2027-01-05', finish: '2027-01-07', duration: 3, totalFloat: 0, critical: true, milestone: false },
        { id: 'docs', phase: 'p', start: '2027-01-06', finish: '2027-01-07', duration: 2, totalFloat: 6, critical: false, milestone: false },
        { id: 'build', phase: 'p', start: '2027-01-08', finish: '2027-01-14', duration: 5, totalFloat: 0, critical: true, milestone: false },
        { id: 'go-live', phase: 'p', start: '2027-01-19', finish: '2027-01-19', duration: 0, totalFloat: 0, critical: true, milestone: true },
      ],
      overallocations: [{ person: 'pm', from: '2027-01-06', to: '2027-01-07', peak: 1.2, tasks: ['design', 'docs'] }],
    });
  });

  it('prints a readable table with critical tasks marked and the overallocations', () => {
    const result = crmplan(['schedule', writePlan(PLAN)]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Hand-computed: 2027-01-04 -> 2027-01-19, 10 working days');
    expect(lines).toContain('*  build    p      2027-01-08  2027-01-14     5      0');
    expect(lines).toContain('   docs     p      2027-01-06  2027-01-07     2      6');
    expect(lines).toContain('  pm  2027-01-06 -> 2027-01-07  peak 120%  design, docs');
  });

  it('leaves tasks on a cycle without dates, schedules the rest, and exits 1', () => {
    const cyclic = PLAN.replace('depends_on: [kickoff]', 'depends_on: [kickoff, build]');
    const result = crmplan(['schedule', writePlan(cyclic), '--format', 'json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^crmplan: .* has \d+ errors?; the schedule may be incomplete/);
    const json = JSON.parse(result.stdout) as { tasks: { id: string; start: string | null; totalFloat: number | null }[] };
    expect(json.tasks.find((task) => task.id === 'design')).toMatchObject({ start: null, totalFloat: null });
    expect(json.tasks.find((task) => task.id === 'kickoff')?.start).toBe('2027-01-04');
  });

  it('rejects bad usage with exit 2 and one line', () => {
    for (const args of [['schedule'], ['schedule', 'a.crmplan.yaml', 'b.crmplan.yaml'], ['schedule', 'missing.crmplan.yaml'], ['schedule', 'samples'], []]) {
      const result = crmplan(args);
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('schedules every sample in the contract shape', () => {
    for (const sample of ['mid-market-8-week', 'launch-90-day', 'connectsphere', 'five-phase-project', 'eight-stage-transformation']) {
      const result = crmplan(['schedule', `samples/${sample}.crmplan.yaml`, '--format', 'json']);
      expect(result.status).toBe(0);
      const json = JSON.parse(result.stdout) as Record<string, unknown>;
      // The contract's keys first; a plan in flight or with a baseline adds only these (docs/format.md#schedule-json).
      expect(Object.keys(json).slice(0, 8)).toEqual(['version', 'plan', 'start', 'finish', 'workingDays', 'criticalPath', 'tasks', 'overallocations']);
      for (const extra of Object.keys(json).slice(8)) expect(['statusDate', 'planned', 'baseline']).toContain(extra);
      expect(json['overallocations']).toEqual([]);
    }
  });
});
