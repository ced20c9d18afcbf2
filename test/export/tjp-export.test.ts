import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../server/src/analysis/analyze-plan.js';
import { runCli } from '../../server/src/cli/run-cli.js';
import { tjpIdentifier, tjpString, workingWindow } from '../../server/src/export/tjp.js';
import { ROOT, runExport } from './export-test-support.js';

/**
 * The TaskJuggler export without TaskJuggler: the rewrites TaskJuggler needs
 * (negative lags, start-to-start links to milestones and phases, one link
 * per target, deadlines before the start), ids and strings, and the
 * examples of docs/export.md#taskjuggler. That tj3 schedules the files to
 * crmplan's dates is test/taskjuggler/ (it needs tj3).
 */

function exported(planLines: readonly string[]): string {
  return runExport('tjp', analyzePlan(`${planLines.join('\n')}\n`), 'x.crmplan.yaml').content;
}

/** The lines of one task block, from `task ID "` to its closing brace. */
function taskBlock(content: string, id: string): string {
  const start = content.indexOf(`task ${id} "`);
  expect(start, `task ${id} is in the file`).toBeGreaterThanOrEqual(0);
  return content.slice(start, content.indexOf('\n  }', start));
}

const PLAN = ['crmplan: 1', 'plan: {name: P, start: 2027-01-04}', 'phases:'];

describe('TaskJuggler export', () => {
  it('writes TaskJuggler identifiers, unique in the file', () => {
    const taken = new Set<string>();
    expect(['a-b', 'a_b', 'a.b', '1st', 'x'].map((id) => tjpIdentifier(id, taken))).toEqual(['a_b', 'a_b_2', 'a_b_3', '_1st', 'x']);
  });

  it('writes strings that TaskJuggler reads back as written: no macro, no environment variable, no open quote', () => {
    expect(tjpString('Say "hi"')).toBe('"Say \\"hi\\""');
    expect(tjpString('$(HOME) ${x} $5')).toBe('"$\u200b(HOME) $\u200b{x} $5"');
    expect(tjpString('ends with \\')).toBe('"ends with \\\u200b"');
    expect(tjpString('two\nlines\r\tand a tab')).toBe('"two lines  and a tab"');
  });

  it('makes one working window per day from hours_per_day, in the largest resolution that divides it', () => {
    expect(workingWindow(8)).toEqual({ from: 540, to: 1020, resolution: 60 });
    expect(workingWindow(7.5)).toEqual({ from: 540, to: 990, resolution: 30 });
    expect(workingWindow(6.25)).toEqual({ from: 540, to: 915, resolution: 15 });
    expect(workingWindow(24)).toEqual({ from: 0, to: 1440, resolution: 60 });
    expect(workingWindow(20)).toEqual({ from: 240, to: 1440, resolution: 60 });
    expect(workingWindow(0.01)).toEqual({ from: 540, to: 545, resolution: 5 });
  });

  it('rewrites negative lags into links TaskJuggler has', () => {
    const content = exported([
      ...PLAN,
      '  - id: p',
      '    tasks:',
      '      - {id: a, name: A, duration: 5d}',
      '      - {id: b, name: B, duration: 1d, depends_on: [{task: a, lag: -2d}]}',
      '      - {id: c, name: C, duration: 1d, depends_on: [{task: a, lag: -7d}]}',
      '      - {id: x, name: X, duration: 2d}',
      '      - {id: y, name: Y, duration: 1d, depends_on: [{task: x, lag: 3d}]}',
      '      - {id: d, name: D, duration: 1d, depends_on: [{task: y, type: SS, lag: -2d}]}',
      '      - {id: s, name: S, duration: 1d, start: 2027-01-20}',
      '      - {id: e, name: E, duration: 1d, depends_on: [{task: s, type: SS, lag: -1w}]}',
    ]);
    // Finish-to-start -2d on 5 days: start-to-start +3d.
    expect(taskBlock(content, 'b')).toContain('depends p.a { onstart gaplength 3d }');
    // -7d on a task of 5 days that waits for nothing: it bounds nothing.
    expect(taskBlock(content, 'c')).not.toContain('depends');
    // y starts 3 days after x ends, so 2 days before y's start is 1 day after x's end.
    expect(taskBlock(content, 'd')).toContain('depends p.x { gaplength 1d }');
    // s starts on 2027-01-20 at the earliest, so e waits for the working day a week before.
    expect(taskBlock(content, 's')).toContain('depends start_dates.on_2027_01_20');
    expect(taskBlock(content, 'e')).toContain('depends start_dates.on_2027_01_13');
    expect(content).toContain('task on_2027_01_13 "2027-01-13" { milestone start 2027-01-13 }');
  });

  it("links to a milestone's or a phase's start as TaskJuggler's loop check accepts, and one link per target", () => {
    const content = exported([
      ...PLAN,
      '  - id: p',
      '    tasks:',
      '      - {id: m, name: M, milestone: true}',
      '      - {id: a, name: A, duration: 2d, depends_on: [m]}',
      '  - id: q',
      '    tasks:',
      '      - {id: n, name: N, milestone: true, depends_on: [{task: p, type: SS}, {task: m, type: SS, lag: 1d}, a]}',
      '      - {id: b, name: B, duration: 1d, depends_on: [{task: a, lag: 1d}, {task: a, type: SS, lag: 4d}]}',
    ]);
    // SS on phase p is SS on its first task, the milestone m, which is FS on m; with SS +1d on m: one link.
    expect(taskBlock(content, 'n')).toContain('depends p.m { gaplength 1d }, p.a');
    // FS +1d and SS +4d on a task of 2 days: SS +4d binds (2 + 1 < 4).
    expect(taskBlock(content, 'b')).toContain('depends p.a { onstart gaplength 4d }');
  });

  it("writes a phase's links on each of its tasks when a task also names the same target", () => {
    const content = exported([
      ...PLAN,
      '  - id: p',
      '    tasks: [{id: a, name: A, duration: 2d}]',
      '  - id: q',
      '    depends_on: [a]',
      '    tasks:',
      '      - {id: b, name: B, duration: 1d, depends_on: [{task: a, lag: 1d}]}',
      '      - {id: c, name: C, duration: 1d}',
    ]);
    expect(content).not.toMatch(/task q "q" \{\n {2}depends/);
    expect(taskBlock(content, 'b')).toContain('depends p.a { gaplength 1d }');
    expect(taskBlock(content, 'c')).toMatch(/depends p\.a$/m);
  });

  it('starts the project on a deadline before the plan start, and keeps every phase waiting for plan.start', () => {
    const content = exported([
      ...PLAN,
      '  - id: p',
      '    tasks:',
      '      - {id: a, name: A, milestone: true, deadline: 2027-01-01}',
      '      - {id: b, name: B, duration: 2d, deadline: 2027-01-05}',
    ]);
    expect(content).toContain('project crmplan "P" 2027-01-01 - ');
    expect(content).toContain('task plan_start "2027-01-04" { milestone start 2027-01-04 }');
    expect(content).toMatch(/task p "p" \{\n {2}depends start_dates\.plan_start\n/);
    // A milestone may be at the opening of the deadline's working day, a task end at its close.
    expect(taskBlock(content, 'a')).toContain('maxend 2027-01-01-09:00');
    expect(taskBlock(content, 'b')).toContain('maxend 2027-01-05-17:00');
  });

  it('says what TaskJuggler cannot take', () => {
    const noTasks = runExport('tjp', analyzePlan(`${[...PLAN, '  - id: p', '    tasks: []'].join('\n')}\n`), 'x.crmplan.yaml');
    expect(noTasks.omitted).toEqual(['no task is scheduled, and TaskJuggler refuses a project without tasks']);
    const zero = runExport(
      'tjp',
      analyzePlan('crmplan: 1\nplan: {name: P, start: 2027-01-04}\npeople: [{id: z, capacity: 0%}]\nphases:\n  - id: p\n    tasks: [{id: a, name: A, duration: 1d}]\n'),
      'x.crmplan.yaml',
    );
    expect(zero.omitted).toEqual(["person 'z' has a capacity of 0, which TaskJuggler cannot express: exported without a limit"]);
    expect(zero.content).toContain('resource z "z"\n');
  });

  it('says when the plan runs past the dates TaskJuggler reads', () => {
    const late = (start: string): readonly string[] =>
      runExport('tjp', analyzePlan(`crmplan: 1\nplan: {name: P, start: ${start}}\nphases:\n  - id: p\n    tasks: [{id: a, name: A, duration: 60d}]\n`), 'x.crmplan.yaml').omitted;
    expect(late('2035-06-04')).toEqual([]);
    expect(late('2035-11-05')).toEqual(['TaskJuggler 3 reads dates from 1970-01-01 to 2035-12-31 only, and this plan runs from 2035-11-05 to 2036-01-25: tj3 will refuse the file']);
  });

  it('has the examples of docs/export.md#taskjuggler as crmplan prints them', async () => {
    const page = readFileSync(path.join(ROOT, 'docs', 'export.md'), 'utf8');
    const excerpts = [...page.matchAll(/<!-- tjp excerpt of: crmplan (.+?) -->\n```\w*\n([\s\S]*?)^```$/gm)];
    expect(excerpts.length).toBe(2);
    for (const [, args, text] of excerpts) {
      let stdout = '';
      const status = await runCli(args!.split(' '), { cwd: ROOT, stdout: (chunk) => (stdout += chunk), stderr: () => undefined });
      expect(status).toBe(0);
      expect(`\n${stdout}`).toContain(`\n${text}`);
    }
  });
});
