import { describe, expect, it } from 'vitest';
import { overallocationRule } from './rule.js';
import type { OverallocationData } from './data.js';
import { analyzePlan, type PlanAnalysis } from '../../analysis/analyze-plan.js';
import { seededRandom } from '../../schedule/schedule-test-support.js';
import { ruleFixes } from '../../fixes/index.js';
import { addDependenciesFix } from '../practice-fixes.js';
import { applyQuickFix as apply } from '../../testing/apply-fix.js';

// The "wait for the other task" fix of a plan in flight: the what-if
// schedules with the plan's progress, actual dates and status date, as the
// real schedule does (docs/format.md#scheduling-with-progress).

const analyze = (text: string): PlanAnalysis => analyzePlan(text, {}, [overallocationRule]);

function fixTitles(analysis: PlanAnalysis): Record<string, string[]> {
  const titles: Record<string, string[]> = {};
  for (const finding of analysis.findings) {
    if (finding.data?.rule !== 'overallocation') continue;
    titles[`${finding.data.personId} on ${finding.data.taskId ?? ''}`] = ruleFixes(finding, analysis).map((fix) => fix.title);
  }
  return titles;
}

function pairs(analysis: PlanAnalysis): Set<string> {
  return new Set(
    analysis.findings.flatMap((finding) => (finding.data?.rule === 'overallocation' ? [`${finding.data.personId}:${finding.data.taskId ?? ''}`] : [])),
  );
}

describe('overallocation fixes on a plan in flight', () => {
  it('never makes a started or finished task wait: its actual start is what happened', () => {
    // Working days from Mon 2027-01-04: 0 Jan 04 .. 4 Jan 08, 5 Jan 11 .. 9 Jan 15. T = Jan 06 = 2.
    // a: started, D = 5, R = ceil(0.6 x 5) = 3: [0, max(5, 2 + 3)) = [0, 5).
    // b: started, R = ceil(0.8 x 5) = 4: [0, max(5, 6)) = [0, 6). pm is on both on days 0-4.
    // c: finished on its actual dates [0, 5); d: not started, 3d, from T: [2, 5). qa is on both on days 2-4.
    // Without progress a "wait" would move a after b (or b after a) and c after d.
    const text = `crmplan: 1
plan: {name: In flight, start: 2027-01-04, status_date: 2027-01-06}
people: [{id: pm}, {id: qa}]
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1w, actual_start: 2027-01-04, progress: 40%, assign: [{person: pm}]}
      - {id: b, name: B, duration: 1w, actual_start: 2027-01-04, progress: 20%, assign: [{person: pm}]}
      - {id: c, name: C, duration: 1w, actual_start: 2027-01-04, actual_finish: 2027-01-08, assign: [{person: qa}]}
      - {id: d, name: D, duration: 3d, assign: [{person: qa}]}
`;
    const analysis = analyze(text);
    const waits = Object.fromEntries(Object.entries(fixTitles(analysis)).map(([key, titles]) => [key, titles.filter((title) => title.startsWith('Make'))]));
    // d, not started, may wait for c: it moves to [5, 8), Jan 11-13, where qa is free.
    expect(waits).toEqual({ 'pm on a': [], 'pm on b': [], 'qa on c': [], 'qa on d': ["Make 'd' wait for 'c'"] });
    const fix = ruleFixes(analysis.findings.find((finding) => finding.data?.rule === 'overallocation' && finding.data.taskId === 'd')!, analysis)[0]!;
    const after = analyze(apply(text, fix));
    expect(pairs(after)).toEqual(new Set(['pm:a', 'pm:b']));
    expect(after.schedule?.tasks[3]).toMatchObject({ start: '2027-01-11', finish: '2027-01-13' });
  });

  it('schedules what follows the moved task no earlier than the status date, as the schedule does', () => {
    // T = Jan 11 = 5. z: finished Jan 04-08, [0, 5), dev. w: not started, 1w, from T: [5, 10), pm.
    // v: not started, 1d, pm: [5, 6): pm is overallocated on w and v on Jan 11.
    // y: not started, SS on w with lag -3d, 2d, dev: max(5 - 3, T) = [5, 7), after z.
    // "w waits for v" moves w to [6, 11); y stays at max(6 - 3, T) = 5. Without the status
    // date y would move to [3, 5), onto z's days, and dev would look overloaded anew.
    const text = `crmplan: 1
plan: {name: In flight, start: 2027-01-04, status_date: 2027-01-11}
people: [{id: pm}, {id: dev}]
phases:
  - id: p
    tasks:
      - {id: z, name: Z, duration: 1w, actual_start: 2027-01-04, actual_finish: 2027-01-08, assign: [{person: dev}]}
      - {id: w, name: W, duration: 1w, assign: [{person: pm}]}
      - {id: v, name: V, duration: 1d, assign: [{person: pm}]}
      - {id: y, name: Y, duration: 2d, depends_on: [{task: w, type: SS, lag: -3d}], assign: [{person: dev}]}
`;
    const analysis = analyze(text);
    expect(fixTitles(analysis)).toMatchObject({ 'pm on w': ["Make 'w' wait for 'v'"], 'pm on v': ["Make 'v' wait for 'w'"] });
    const fix = ruleFixes(analysis.findings.find((finding) => finding.data?.rule === 'overallocation' && finding.data.taskId === 'w')!, analysis)[0]!;
    const after = analyze(apply(text, fix));
    expect(pairs(after)).toEqual(new Set());
    expect(after.schedule?.tasks.map((task) => task && [task.start, task.finish])).toEqual([
      ['2027-01-04', '2027-01-08'],
      ['2027-01-12', '2027-01-18'],
      ['2027-01-11', '2027-01-11'],
      ['2027-01-11', '2027-01-12'],
    ]);
  });

  it('keeps a finished successor of the moved task on its actual dates, as the schedule does', () => {
    // T = Jan 11 = 5. w: 1w, pm, [5, 10); v: 1d, pm, [5, 6): overallocated on Jan 11.
    // f waits for w but finished on Jan 04-05, [0, 2) (actual-dates reports it; the dates stay).
    // g: 1w, dev, start Jan 18 = 10: [10, 15). "w waits for v": w [6, 11), f stays, nobody anew.
    // A what-if that moved f after w ([11, 13)) would put it on g's days and refuse the wait.
    const text = `crmplan: 1
plan: {name: In flight, start: 2027-01-04, status_date: 2027-01-11}
people: [{id: pm}, {id: dev}]
phases:
  - id: p
    tasks:
      - {id: w, name: W, duration: 1w, assign: [{person: pm}]}
      - {id: v, name: V, duration: 1d, assign: [{person: pm}]}
      - {id: f, name: F, duration: 2d, depends_on: [w], actual_start: 2027-01-04, actual_finish: 2027-01-05, assign: [{person: dev}]}
      - {id: g, name: G, duration: 1w, start: 2027-01-18, assign: [{person: dev}]}
`;
    const analysis = analyze(text);
    expect(fixTitles(analysis)['pm on w']).toContain("Make 'w' wait for 'v'");
    const fix = ruleFixes(analysis.findings.find((finding) => finding.data?.rule === 'overallocation' && finding.data.taskId === 'w')!, analysis)[0]!;
    const after = analyze(apply(text, fix));
    expect(pairs(after)).toEqual(new Set());
    expect(after.schedule?.tasks.map((task) => task && [task.start, task.finish])).toEqual([
      ['2027-01-12', '2027-01-18'],
      ['2027-01-11', '2027-01-11'],
      ['2027-01-04', '2027-01-05'],
      ['2027-01-18', '2027-01-22'],
    ]);
  });

  it('offers a wait exactly when adding the dependency removes the finding and overloads nobody anew, on random plans in flight', () => {
    let offered = 0;
    let refused = 0;
    let fixedTasks = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const text = randomPlanInFlight(seed);
      const before = analyze(text);
      const beforePairs = pairs(before);
      for (const finding of before.findings) {
        const data = finding.data;
        if (data?.rule !== 'overallocation') continue;
        const titles = new Set(ruleFixes(finding, before).map((fix) => fix.title));
        const fixed = before.schedule?.tasks[data.taskIndex]?.progress?.state !== 'not-started';
        if (fixed) fixedTasks++;
        for (const candidate of waitable(before, data)) {
          const id = before.model.tasks[candidate]!.id!.value;
          const title = `Make '${data.taskId}' wait for '${id}'`;
          const after = analyze(apply(text, addDependenciesFix(before, data.taskIndex, [id], title)!));
          const afterPairs = pairs(after);
          const resolves =
            !after.graph.cyclic.has(data.taskIndex) &&
            ![...afterPairs].some((pair) => !beforePairs.has(pair) || pair === `${data.personId}:${data.taskId ?? ''}`);
          // A started or finished task is never made to wait: what was done is done (even a
          // `status: done` without dates, which the scheduler would move with a new dependency).
          if (fixed) {
            expect(titles.has(title), `seed ${seed}: ${title}`).toBe(false);
            continue;
          }
          expect(titles.has(title), `seed ${seed}: ${title}`).toBe(resolves);
          if (resolves) offered++;
          else refused++;
        }
      }
    }
    expect(offered).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
    expect(fixedTasks).toBeGreaterThan(10);
  });
});

/** The other tasks of the finding that a depends_on may name, in its phase or an earlier one. */
function waitable(analysis: PlanAnalysis, data: OverallocationData): number[] {
  const phaseIndex = analysis.model.tasks[data.taskIndex]!.phaseIndex;
  return data.tasks.flatMap((id) => {
    const declaration = analysis.symbols.lookup('work', id);
    if (declaration?.kind !== 'task' || declaration.index === data.taskIndex) return [];
    return analysis.model.tasks[declaration.index]!.phaseIndex <= phaseIndex ? [declaration.index] : [];
  });
}

/**
 * A random plan with a status date in its second or third week: tasks
 * finished (with actual dates or `status: done`), started (an actual start
 * and progress) or not, shared people, FS and SS links with lags.
 */
function randomPlanInFlight(seed: number): string {
  const random = seededRandom(seed);
  const people = ['pm', 'ba', 'dev'];
  const day = (index: number): string => `2027-01-${String(4 + index + 2 * Math.floor(index / 5)).padStart(2, '0')}`;
  const lines = [
    'crmplan: 1',
    `plan: {name: Random, start: 2027-01-04, status_date: ${day(3 + Math.floor(random() * 6))}}`,
    'people: [{id: pm}, {id: ba, capacity: 60%}, {id: dev, capacity: 32h/w}]',
    'phases:',
  ];
  const ids: string[] = [];
  for (let phase = 0; phase < 2; phase++) {
    lines.push(`  - id: phase-${phase}`, '    tasks:');
    const count = 3 + Math.floor(random() * 4);
    for (let index = 0; index < count; index++) {
      const id = `t${ids.length}`;
      const fields = [`id: ${id}`, `name: Task ${ids.length}`, `duration: ${1 + Math.floor(random() * 5)}d`];
      const dependencies = ids.filter(() => random() < 0.25).map((target) => (random() < 0.7 ? target : `{task: ${target}, type: SS, lag: ${Math.floor(random() * 4) - 2}d}`));
      if (dependencies.length > 0) fields.push(`depends_on: [${dependencies.join(', ')}]`);
      const roll = random();
      const actualStart = Math.floor(random() * 4);
      if (roll < 0.15) fields.push(`actual_start: ${day(actualStart)}`, `actual_finish: ${day(actualStart + Math.floor(random() * 3))}`);
      else if (roll < 0.25) fields.push('status: done');
      else if (roll < 0.45) fields.push(`actual_start: ${day(actualStart)}`, `progress: ${10 * (1 + Math.floor(random() * 9))}%`);
      const assignments = people.filter(() => random() < 0.5).map((person) => (random() < 0.5 ? `{person: ${person}}` : `{person: ${person}, load: 50%}`));
      if (assignments.length > 0) fields.push(`assign: [${assignments.join(', ')}]`);
      lines.push(`      - {${fields.join(', ')}}`);
      ids.push(id);
    }
  }
  return `${lines.join('\n')}\n`;
}
