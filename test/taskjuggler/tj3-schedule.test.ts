import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate-plan.js';
import { analyzePlan, type PlanAnalysis } from '../../server/src/analysis/analyze-plan.js';
import { NO_TASKS, tjpFormat, tjpIds } from '../../server/src/export/tjp.js';
import { randomSchedulePlan } from '../../server/src/schedule/random-schedule-plan-test-support.js';
import { EXPORTED_PLANS, ROOT } from '../export/export-test-support.js';
import { findTj3, workingTime, type WorkingTime } from './tj3-support.js';

/**
 * The TaskJuggler export checked against the real TaskJuggler: Debian's
 * `tj3` schedules each exported file, and every task's (and phase's) start
 * and finish day must equal crmplan's, on every sample and on generated
 * plans (random calendars, holidays, milestones, FS/SS links with positive
 * and negative lags, `start:` and `deadline:` dates, cycles). The set of
 * tasks TaskJuggler warns about as too late (`maxend`) must be the set
 * crmplan reports as `deadline-missed`.
 *
 * This file needs `tj3`: `npm run test:taskjuggler` installs it and runs
 * it; the normal `vitest run` leaves the folder out when `tj3` is missing
 * (vitest.config.mts). It never skips: without `tj3` it fails.
 */

const run = promisify(execFile);

/** What the test appends to a copy of the export: TaskJuggler's computed instants as CSV. */
const DATES_REPORT = `
taskreport crmplan_dates "crmplan-dates" {
  formats csv
  columns id, start, end, name
  timeformat "%Y-%m-%d-%H:%M"
  hideresource 1
}
`;

const GENERATED_PLANS = 60;

let tj3: string;
let workDir: string;

beforeAll(() => {
  const found = findTj3();
  if (!found) throw new Error('tj3 is not installed: run `npm run test:taskjuggler` (scripts/install-taskjuggler.sh installs it)');
  tj3 = found;
  workDir = mkdtempSync(path.join(tmpdir(), 'crmplan-tj3-'));
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

interface Tj3Row {
  readonly start: string;
  readonly end: string;
  readonly name: string;
}

interface Tj3Run {
  readonly rows: ReadonlyMap<string, Tj3Row>;
  /** TaskJuggler ids of the tasks it reports as ending after `maxend`. */
  readonly late: ReadonlySet<string>;
  readonly stderr: string;
}

let runCount = 0;

/** Schedules an exported file with tj3 and reads its report. */
async function scheduleWithTj3(content: string): Promise<Tj3Run> {
  const dir = path.join(workDir, `run-${++runCount}`);
  const file = path.join(dir, 'plan.tjp');
  mkdirSync(dir);
  writeFileSync(file, content + DATES_REPORT);
  const { stderr } = await run(tj3, ['--no-color', '--silent', '-o', dir, file], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stderr?: string; message: string }) => {
      throw new Error(`tj3 failed on the export:\n${error.stderr ?? error.message}\n--- the file ---\n${content}`);
    },
  );
  // TaskJuggler quotes every field but does not double quotes inside them, so no CSV reader
  // takes a name with a quote; ids and dates have none, and the name is the last field.
  const rows = new Map<string, Tj3Row>();
  const lines = readFileSync(path.join(dir, 'crmplan-dates.csv'), 'utf8').split('\n').filter((line) => line !== '');
  expect(lines[0]).toBe('"Id";"Start";"End";"Name"');
  for (const line of lines.slice(1)) {
    const fields = /^"([^"]*)";"([^"]*)";"([^"]*)";"(.*)"$/.exec(line);
    if (!fields) throw new Error(`tj3 wrote a line that is not id;start;end;name: ${line}`);
    // The name is indented by its depth in the task tree.
    rows.set(fields[1]!, { start: fields[2]!, end: fields[3]!, name: fields[4]!.trimStart() });
  }
  const late = new Set([...stderr.matchAll(/of task (\S+) is too late/g)].map((match) => match[1]!));
  return { rows, late, stderr };
}

/** The working days TaskJuggler's instants stand for (see docs/export.md#taskjuggler). */
function daysOf(row: Tj3Row, time: WorkingTime): { start: string; finish: string } {
  const start = time.dayAtOrAfter(row.start);
  const last = time.dayBefore(row.end);
  // No working time between the two instants (a milestone): the span is the point's day.
  return { start, finish: last < start ? start : last };
}

interface Difference {
  readonly what: string;
  readonly crmplan: string;
  readonly tj3: string;
}

/** Every task and phase whose days differ, and a differing set of late tasks. */
function compare(analysis: PlanAnalysis, content: string, result: Tj3Run): Difference[] {
  const { model, schedule } = analysis;
  const ids = tjpIds(analysis);
  const time = workingTime(content);
  const differences: Difference[] = [];
  const check = (what: string, tjId: string | undefined, expected: { start: string; finish: string } | undefined): void => {
    if (tjId === undefined || expected === undefined) return;
    const row = result.rows.get(tjId);
    if (!row) {
      differences.push({ what, crmplan: `${expected.start} -> ${expected.finish}`, tj3: 'not in the report' });
      return;
    }
    const actual = daysOf(row, time);
    if (actual.start !== expected.start || actual.finish !== expected.finish) {
      differences.push({ what, crmplan: `${expected.start} -> ${expected.finish}`, tj3: `${actual.start} -> ${actual.finish} (${row.start} .. ${row.end})` });
    }
  };
  model.tasks.forEach((task, taskIndex) => {
    check(`task ${task.id?.value ?? taskIndex}`, ids.tasks[taskIndex], schedule?.tasks[taskIndex]);
    const reported = result.rows.get(ids.tasks[taskIndex] ?? '')?.name.replace(/\u200b/g, '');
    // eslint-disable-next-line no-control-regex -- names are one line in the file: control characters are spaces
    const written = task.name?.value.replace(/[\u0000-\u001f\u007f]/g, ' ').trimStart();
    if (reported !== undefined && written !== undefined && reported !== written) differences.push({ what: `name of task ${task.id?.value ?? taskIndex}`, crmplan: written, tj3: reported });
  });
  model.phases.forEach((phase, phaseIndex) => check(`phase ${phase.id?.value ?? phaseIndex}`, ids.phases[phaseIndex], schedule?.phases[phaseIndex]));
  const missed = new Set(
    model.tasks.flatMap((_, taskIndex) => (schedule?.tasks[taskIndex]?.deadlineMissed === true ? [ids.tasks[taskIndex]!] : [])),
  );
  const late = [...result.late].sort().join(' ');
  if ([...missed].sort().join(' ') !== late) differences.push({ what: 'deadlines missed', crmplan: [...missed].sort().join(' '), tj3: late });
  return differences;
}

async function exportAndCompare(text: string, fileName: string): Promise<{ differences: Difference[]; result: Tj3Run; content: string }> {
  const analysis = analyzePlan(text);
  expect(analysis.schedule, `${fileName} has a schedule`).toBeDefined();
  const content = tjpFormat.run(analysis, { fileName, options: new Map() }).content as string;
  const result = await scheduleWithTj3(content);
  expect(result.stderr, `tj3 reports no error on ${fileName}`).not.toMatch(/error/i);
  return { differences: compare(analysis, content, result), result, content };
}

/** Runs `work` on each item, two at a time (tj3 is a Ruby process that takes about a second). */
async function eachTwoAtATime<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all([worker(), worker()]);
}

describe('TaskJuggler export scheduled by tj3', () => {
  it('gives every task and phase of every sample the same days and names as crmplan', async () => {
    const report: string[] = [];
    let compared = 0;
    await eachTwoAtATime(EXPORTED_PLANS, async (file) => {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      if (!analyzePlan(text).schedule) return; // the YAML-syntax sample has nothing to schedule (tested below)
      const { differences, result } = await exportAndCompare(text, path.basename(file));
      compared += result.rows.size;
      for (const difference of differences) report.push(`${file}: ${difference.what}: crmplan ${difference.crmplan}, tj3 ${difference.tj3}`);
    });
    expect(report).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  }, 300_000);

  it(`gives every task and phase of ${GENERATED_PLANS} generated plans the same days as crmplan`, async () => {
    const seeds = Array.from({ length: GENERATED_PLANS }, (_, index) => index + 1);
    const report: string[] = [];
    const seen = { empty: 0, negativeLag: 0, ss: 0, startDates: 0, milestones: 0, holidays: 0, weekendWork: 0, cycles: 0, late: 0 };
    await eachTwoAtATime(seeds, async (seed) => {
      // Every fourth plan may name any task or phase, so some have cycles.
      const text = randomSchedulePlan(seed, seed % 4 === 0 ? { anyTarget: 0.1 } : {});
      const analysis = analyzePlan(text);
      if (!analysis.schedule?.tasks.some((scheduled) => scheduled !== undefined)) {
        // Nothing to compare: the export says why tj3 would refuse it.
        expect(tjpFormat.run(analysis, { fileName: 'x', options: new Map() }).omitted).toContain(NO_TASKS);
        seen.empty++;
        return;
      }
      const { differences, result, content } = await exportAndCompare(text, `random-${seed}.crmplan.yaml`);
      for (const difference of differences) report.push(`seed ${seed}: ${difference.what}: crmplan ${difference.crmplan}, tj3 ${difference.tj3}`);
      const { model, graph } = analysis;
      if (model.tasks.some((task) => task.dependsOn.some((dependency) => dependency.lag.amount < 0))) seen.negativeLag++;
      if (/onstart/.test(content)) seen.ss++;
      if (content.includes('task start_dates')) seen.startDates++;
      if (/^\s+milestone/m.test(content)) seen.milestones++;
      if (content.includes('leaves holiday')) seen.holidays++;
      if (/workinghours [^\n]*\b(sat|sun)\b[^\n]*\d:\d\d/.test(content)) seen.weekendWork++;
      if (graph.cyclic.size > 0) seen.cycles++;
      if (result.late.size > 0) seen.late++;
    });
    expect(report).toEqual([]);
    // The generated plans cover what the comparison is about.
    const { empty, ...features } = seen;
    expect(empty, 'plans without a scheduled task').toBeLessThan(GENERATED_PLANS / 10);
    for (const [feature, plans] of Object.entries(features)) expect(plans, `plans with ${feature}`).toBeGreaterThan(2);
  }, 600_000);

  it('gives every task and phase of a generated plan of 1,000 tasks the same days as crmplan', async () => {
    const { differences, result } = await exportAndCompare(generatePlan(1000), 'generated-1000.crmplan.yaml');
    expect(differences).toEqual([]);
    expect(result.rows.size).toBeGreaterThan(1000);
  }, 300_000);

  it('keeps names with quotes, backslashes, macros and environment variables as written, and makes ids valid and unique', async () => {
    const names = ['Say "hello" # not a comment', 'Costs $(HOME) and ${project} // too', 'ends with a backslash \\', "it's \\\" tricky", 'Ümlauts & ✓ emoji 🚀'];
    const text = [
      'crmplan: 1',
      'plan: {name: "Plan $(HOME) \\"quoted\\"", start: 2027-01-04}',
      'phases:',
      '  - id: project',
      '    tasks:',
      ...names.map((name, index) => `      - {id: ${['task', 'depends', 'milestone', '1st', 'a-b'][index]}, name: ${JSON.stringify(name)}, duration: ${index + 1}d}`),
      '      - {id: a_b, name: same id as a-b in TaskJuggler, duration: 1d, depends_on: [a-b]}',
      '      - {id: a.b, name: and again, duration: 1d, depends_on: [a_b]}',
    ].join('\n');
    const { differences, result } = await exportAndCompare(text, 'names.crmplan.yaml');
    expect(differences).toEqual([]);
    const analysis = analyzePlan(text);
    const ids = tjpIds(analysis);
    expect(new Set(ids.tasks).size).toBe(analysis.model.tasks.length);
    const reported = analysis.model.tasks.map((_, taskIndex) => result.rows.get(ids.tasks[taskIndex]!)?.name.replace(/\u200b/g, ''));
    expect(reported).toEqual(analysis.model.tasks.map((task) => task.name?.value));
    expect(result.rows.size).toBe(analysis.model.tasks.length + 1);
  }, 60_000);

  it('schedules a plan that ends in the last weeks TaskJuggler can date (the project interval ends on 2035-12-31)', async () => {
    const text = 'crmplan: 1\nplan: {name: Late, start: 2035-10-01}\nphases:\n  - id: p\n    tasks:\n      - {id: a, name: A, duration: 40d}\n      - {id: b, name: B, duration: 20d, depends_on: [a]}\n';
    const { differences, content } = await exportAndCompare(text, 'late.crmplan.yaml');
    expect(differences).toEqual([]);
    expect(content).toContain(' - 2035-12-31 {');
  }, 60_000);

  it('exports a plan without a start as a comment and says why', () => {
    const result = tjpFormat.run(analyzePlan('crmplan: 1\nplan: {name: No start}\nphases:\n  - id: p\n    tasks: [{id: a, name: A, duration: 1d}]\n'), {
      fileName: 'x.crmplan.yaml',
      options: new Map(),
    });
    expect(result.content).toMatch(/^# /);
    expect(result.omitted).toEqual(['all 1 tasks: the plan has no valid plan.start']);
  });

  it('notices a task whose dates tj3 computes differently (the comparison can fail)', async () => {
    const text = 'crmplan: 1\nplan: {name: Planted, start: 2027-01-04}\nphases:\n  - id: p\n    tasks:\n      - {id: a, name: A, duration: 3d}\n      - {id: b, name: B, duration: 2d, depends_on: [a]}\n';
    const analysis = analyzePlan(text);
    const content = tjpFormat.run(analysis, { fileName: 'planted.crmplan.yaml', options: new Map() }).content as string;
    // A file that says 4 days where crmplan scheduled 3: b moves by one day.
    const planted = content.replace('length 3d', 'length 4d');
    expect(planted).not.toBe(content);
    const differences = compare(analysis, planted, await scheduleWithTj3(planted));
    expect(differences.map((difference) => difference.what)).toEqual(['task a', 'task b', 'phase p']);
  }, 60_000);

  it('finds tj3', () => {
    expect(existsSync(tj3)).toBe(true);
  });
});
