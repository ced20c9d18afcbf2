import { describe, expect, it } from 'vitest';
import type { PlanModel, Task, Weekday } from '../model/types.js';
import { WEEKDAYS } from '../model/types.js';
import type { WorkGraph } from '../model/work-graph.js';
import { dateOfDayNumber, dayNumberOfDate } from './calendar.js';
import { computeSchedule, type Schedule } from './compute-schedule.js';
import { dayByDayOverallocations, overallocationLines, schedulePlanText, seededRandom, type ScheduledPlan } from './schedule-test-support.js';

/**
 * Property tests over random plans from a seeded PRNG. Dependencies only
 * point backwards in document order (tasks to earlier tasks, phases and
 * tasks to earlier phases), so the plans are acyclic unless `anyTarget` lets
 * some name later items.
 */
interface RandomPlanOptions {
  /** Chance that a dependency may name any task or phase, later ones included (cycles). */
  readonly anyTarget?: number;
  /** Allow SS links to phases (default true). */
  readonly phaseSs?: boolean;
}

function randomPlan(seed: number, options: RandomPlanOptions = {}): string {
  const random = seededRandom(seed);
  const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const chance = (p: number): boolean => random() < p;

  const workdays: Weekday[] = WEEKDAYS.filter(() => chance(0.7));
  if (workdays.length === 0) workdays.push('tue');
  const startDay = dayNumberOfDate('2027-01-01') + int(0, 10);
  const date = (offset: number): string => dateOfDayNumber(startDay + offset);
  const holidays = Array.from({ length: int(0, 6) }, () => date(int(-5, 90)));

  const lines: string[] = [
    'crmplan: 1',
    'plan:',
    `  name: Random ${seed}`,
    `  start: ${date(0)}`,
    `  calendar: {workdays: [${workdays.join(', ')}], hours_per_day: ${pick([6, 7.5, 8])}, holidays: [${holidays.join(', ')}]}`,
    'people:',
    '  - {id: p0}',
    '  - {id: p1, capacity: 50%}',
    '  - {id: p2, capacity: 30h/w}',
    'phases:',
  ];

  // Ids first, so that dependencies can name earlier items (acyclic) or,
  // with `anyTarget`, any item (cycles).
  const phaseCount = int(1, 5);
  const taskIdsByPhase: string[][] = [];
  let taskNumber = 0;
  for (let phase = 0; phase < phaseCount; phase++) {
    taskIdsByPhase.push(Array.from({ length: int(0, 7) }, () => `t${taskNumber++}`));
  }
  const allPhases = taskIdsByPhase.map((_, index) => `ph${index}`);
  const allTasks = taskIdsByPhase.flat();
  const dependency = (target: string): string => {
    const isPhase = target.startsWith('ph');
    const type = chance(0.3) && (!isPhase || options.phaseSs !== false) ? ', type: SS' : '';
    const lag = chance(0.4) ? `, lag: ${pick(['-3d', '-1d', '1d', '2d', '1w', '-1w', '0d'])}` : '';
    return type || lag || chance(0.5) ? `{task: ${target}${type}${lag}}` : target;
  };
  const targets = (earlier: readonly string[]): readonly string[] =>
    chance(options.anyTarget ?? 0) ? [...allTasks, ...allPhases] : earlier;

  taskIdsByPhase.forEach((ids, phase) => {
    const earlierPhases = allPhases.slice(0, phase);
    const earlierTasks = taskIdsByPhase.slice(0, phase).flat();
    const phaseDeps: string[] = [];
    if (chance(0.5)) {
      const candidates = targets(earlierPhases);
      if (candidates.length > 0) phaseDeps.push(dependency(pick(candidates)));
    }
    if (chance(0.2)) {
      const candidates = targets(earlierTasks);
      if (candidates.length > 0) phaseDeps.push(dependency(pick(candidates)));
    }
    lines.push(`  - id: ph${phase}`, `    depends_on: [${phaseDeps.join(', ')}]`, '    tasks:');
    ids.forEach((id) => {
      const fields = [`id: ${id}`];
      const shape = random();
      if (shape < 0.1) fields.push('milestone: true');
      else if (shape < 0.14) fields.push('name: no duration');
      else if (shape < 0.3) fields.push(`duration: ${int(1, 2)}w`);
      else fields.push(`duration: ${int(0, 6)}d`);
      const earlier = [...allTasks.slice(0, allTasks.indexOf(id)), ...earlierPhases];
      const deps: string[] = [];
      for (let d = int(0, 3); d > 0; d--) {
        const candidates = targets(earlier);
        if (candidates.length > 0) deps.push(dependency(pick(candidates)));
      }
      if (deps.length > 0) fields.push(`depends_on: [${deps.join(', ')}]`);
      if (chance(0.2)) fields.push(`start: ${date(int(-10, 60))}`);
      if (chance(0.2)) fields.push(`deadline: ${date(int(-5, 80))}`);
      const assignments: string[] = [];
      for (let a = int(0, 2); a > 0; a--) {
        assignments.push(`{person: ${pick(['p0', 'p1', 'p2', 'nobody'])}, load: ${pick(['25%', '50%', '100%', '8h/w', '20h/w'])}}`);
      }
      if (assignments.length > 0) fields.push(`assign: [${assignments.join(', ')}]`);
      lines.push(`      - {${fields.join(', ')}}`);
    });
  });
  return lines.join('\n') + '\n';
}

/** D as the contract defines it, computed from the model independently of the scheduler. */
function expectedDuration(task: Task, workdaysPerWeek: number): number {
  if (task.milestone || !task.duration) return 0;
  const { amount, unit } = task.duration.value;
  return unit === 'w' ? amount * workdaysPerWeek : amount;
}

interface Span2 {
  readonly s: number;
  readonly e: number;
}

function spanOfNode(schedule: Schedule, graph: WorkGraph, node: number): Span2 | undefined {
  return node < graph.taskCount ? schedule.tasks[node] : schedule.phases[node - graph.taskCount];
}

/** Checks every contract property of a schedule; returns the problems found (empty when all hold). */
function checkSchedule({ model, graph, schedule }: ScheduledPlan): string[] {
  const problems: string[] = [];
  const calendar = schedule.calendar;
  const check = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  let projectEnd = 0;
  let criticalCount = 0;
  model.tasks.forEach((task, index) => {
    const scheduled = schedule.tasks[index];
    const name = task.id?.value ?? `#${index}`;
    check((scheduled === undefined) === graph.cyclic.has(index), `${name}: scheduled iff not on a cycle`);
    if (!scheduled) return;
    const d = expectedDuration(task, calendar.workdaysPerWeek);
    check(scheduled.e === scheduled.s + d, `${name}: e = s + D`);
    const startBound = task.start ? calendar.indexOnOrAfter(task.start.value) : 0;
    check(scheduled.s >= Math.max(0, startBound), `${name}: s >= start bound`);
    // As early as possible: s is exactly the largest bound.
    let tightest = Math.max(0, startBound);
    for (const edge of graph.edges[index] ?? []) {
      const dependency = edge.dependency;
      if (!dependency || graph.cyclic.has(edge.to)) continue;
      const predecessor = spanOfNode(schedule, graph, edge.to);
      if (!predecessor) continue;
      const lag = calendar.workingDays(dependency.lag);
      const bound = (dependency.type === 'SS' ? predecessor.s : predecessor.e) + lag;
      check(scheduled.s >= bound, `${name}: ${dependency.type} link to ${graph.nodeName(edge.to)} satisfied`);
      tightest = Math.max(tightest, bound);
    }
    check(scheduled.s === tightest, `${name}: starts as early as possible`);
    check(calendar.isWorkingDate(scheduled.start) && calendar.isWorkingDate(scheduled.finish), `${name}: working dates`);
    check(scheduled.start === calendar.dateOf(scheduled.s), `${name}: start date`);
    check(scheduled.finish === calendar.dateOf(d > 0 ? scheduled.e - 1 : scheduled.s), `${name}: finish date`);
    check(scheduled.totalFloat >= 0, `${name}: float >= 0`);
    check(scheduled.freeFloat >= 0 && scheduled.freeFloat <= scheduled.totalFloat, `${name}: 0 <= free float <= total float`);
    check(scheduled.critical === (scheduled.totalFloat === 0), `${name}: critical iff float 0`);
    check(scheduled.lateEnd <= schedule.projectEnd, `${name}: late end <= E`);
    if (scheduled.critical) criticalCount++;
    projectEnd = Math.max(projectEnd, scheduled.e);
  });
  check(schedule.projectEnd === projectEnd, 'E = max e');
  const scheduledTasks = schedule.tasks.filter((task) => task !== undefined);
  if (scheduledTasks.length > 0) {
    check(criticalCount > 0, 'at least one critical task');
    check(
      scheduledTasks.some((task) => task.critical && task.e === projectEnd),
      'the project end is reached by a critical task',
    );
  }
  // The latest dates form a feasible schedule too.
  model.tasks.forEach((task, index) => {
    const scheduled = schedule.tasks[index];
    if (!scheduled) return;
    for (const edge of graph.edges[index] ?? []) {
      const dependency = edge.dependency;
      if (!dependency || graph.cyclic.has(edge.to)) continue;
      const lag = calendar.workingDays(dependency.lag);
      const predecessors =
        edge.to < graph.taskCount
          ? [schedule.tasks[edge.to]!]
          : model.phases[edge.to - graph.taskCount]!.taskIndexes.flatMap((t) => schedule.tasks[t] ?? []);
      if (predecessors.length === 0) continue;
      const anchor =
        dependency.type === 'SS'
          ? Math.min(...predecessors.map((p) => p.lateStart))
          : Math.max(...predecessors.map((p) => p.lateEnd));
      check(anchor + lag <= scheduled.lateStart, `${task.id?.value}: late dates keep the link to ${graph.nodeName(edge.to)}`);
    }
  });
  return problems;
}

/** Reschedules with one task forced to start no earlier than index `at`. */
function rescheduleWithStart(scheduled: ScheduledPlan, taskIndex: number, at: number): Schedule {
  const { model, graph, schedule } = scheduled;
  const forced: PlanModel = {
    ...model,
    tasks: model.tasks.map((task, index) =>
      index === taskIndex ? { ...task, start: { value: schedule.calendar.dateOf(at), span: { start: 0, end: 0 } } } : task,
    ),
  };
  return computeSchedule(forced, graph)!;
}

const SEEDS = Array.from({ length: 60 }, (_, index) => 1000 + index);

describe('schedule properties over random acyclic plans', () => {
  it('satisfies every link, bound and float property', () => {
    const failures: string[] = [];
    let tasksSeen = 0;
    for (const seed of SEEDS) {
      const scheduled = schedulePlanText(randomPlan(seed));
      expect(scheduled.graph.cyclic.size, `seed ${seed} is acyclic`).toBe(0);
      tasksSeen += scheduled.model.tasks.length;
      for (const problem of checkSchedule(scheduled)) failures.push(`seed ${seed}: ${problem}`);
    }
    expect(failures).toEqual([]);
    expect(tasksSeen).toBeGreaterThan(300);
  });

  it('gives each task exactly the float it has: slipping by it keeps E, one more day moves E', () => {
    const failures: string[] = [];
    // SS links to phases bound only a phase's first tasks, which can
    // understate the float of tied first tasks; keep them out here.
    for (const seed of SEEDS.slice(0, 40)) {
      const scheduled = schedulePlanText(randomPlan(seed, { phaseSs: false }));
      const { schedule } = scheduled;
      schedule.tasks.forEach((task, index) => {
        if (!task) return;
        const slipped = rescheduleWithStart(scheduled, index, task.s + task.totalFloat);
        if (slipped.projectEnd !== schedule.projectEnd) failures.push(`seed ${seed}: t${index} slipping by its float moves E`);
        const tooFar = rescheduleWithStart(scheduled, index, task.s + task.totalFloat + 1);
        if (tooFar.projectEnd !== schedule.projectEnd + 1) failures.push(`seed ${seed}: t${index} slipping past its float`);
        const free = rescheduleWithStart(scheduled, index, task.s + task.freeFloat);
        const moved = free.tasks.some((other, o) => o !== index && other?.s !== schedule.tasks[o]?.s);
        if (moved || free.projectEnd !== schedule.projectEnd) failures.push(`seed ${seed}: t${index} free float moves others`);
      });
    }
    expect(failures).toEqual([]);
  });

  it('never overstates float, with start-to-start links to phases too', () => {
    const failures: string[] = [];
    for (const seed of SEEDS) {
      const scheduled = schedulePlanText(randomPlan(seed));
      scheduled.schedule.tasks.forEach((task, index) => {
        if (!task) return;
        const slipped = rescheduleWithStart(scheduled, index, task.s + task.totalFloat);
        if (slipped.projectEnd !== scheduled.schedule.projectEnd) failures.push(`seed ${seed}: t${index}`);
      });
    }
    expect(failures).toEqual([]);
  });
});

describe('schedule properties with cycles', () => {
  it('schedules every task off the cycles as if the links to cycles were absent', () => {
    const failures: string[] = [];
    let cyclicSeen = 0;
    for (const seed of SEEDS) {
      const scheduled = schedulePlanText(randomPlan(seed, { anyTarget: 0.1 }));
      cyclicSeen += scheduled.graph.cyclic.size;
      for (const problem of checkSchedule(scheduled)) failures.push(`seed ${seed}: ${problem}`);
    }
    expect(failures).toEqual([]);
    expect(cyclicSeen).toBeGreaterThan(20);
  });
});

describe('overallocation properties', () => {
  it('matches a day-by-day count of loads', () => {
    const failures: string[] = [];
    let found = 0;
    for (const seed of SEEDS) {
      const { model, schedule } = schedulePlanText(randomPlan(seed));
      const expected = dayByDayOverallocations(model, schedule);
      const actual = overallocationLines(schedule);
      found += actual.length;
      if (actual.join('\n') !== expected.join('\n')) failures.push(`seed ${seed}:\n${actual.join('\n')}\n---\n${expected.join('\n')}`);
    }
    expect(failures).toEqual([]);
    expect(found).toBeGreaterThan(30);
  });
});
