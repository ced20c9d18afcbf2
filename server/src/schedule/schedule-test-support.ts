import { buildPlanModel } from '../model/build-plan-model.js';
import { collectSymbols, type Symbols } from '../model/symbols.js';
import type { PlanModel } from '../model/types.js';
import { buildWorkGraph, type WorkGraph } from '../model/work-graph.js';
import { parsePlanText } from '../parse/parse-plan-text.js';
import { computeSchedule, type Schedule, type TaskSchedule } from './compute-schedule.js';
import { assignmentDailyLoad, dailyCapacity, LOAD_EPSILON } from './load.js';

/** Test support only: a plan text through the whole pipeline up to the schedule. */
export interface ScheduledPlan {
  readonly model: PlanModel;
  readonly symbols: Symbols;
  readonly graph: WorkGraph;
  readonly schedule: Schedule;
  /** The schedule of the task with this id; throws when it has none. */
  task(id: string): TaskSchedule;
  /** The task index of an id. */
  indexOf(id: string): number;
}

export function schedulePlanText(text: string): ScheduledPlan {
  const model = buildPlanModel(parsePlanText(text));
  const symbols = collectSymbols(model);
  const graph = buildWorkGraph(model, symbols);
  const schedule = computeSchedule(model, graph);
  if (!schedule) throw new Error('the plan has no start');
  const indexOf = (id: string): number => {
    const index = model.tasks.findIndex((task) => task.id?.value === id);
    if (index < 0) throw new Error(`no task ${id}`);
    return index;
  };
  return {
    model,
    symbols,
    graph,
    schedule,
    indexOf,
    task: (id) => {
      const task = schedule.tasks[indexOf(id)];
      if (!task) throw new Error(`task ${id} is not scheduled`);
      return task;
    },
  };
}

/** Small seeded PRNG (mulberry32) so property tests are reproducible without a dependency. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The reference for the load sweep: each person's overallocations found by
 * adding up loads day by day, one line per range as `overallocationLines`
 * writes the schedule's.
 */
export function dayByDayOverallocations(model: PlanModel, schedule: Schedule): string[] {
  const calendar = schedule.calendar;
  const expected: string[] = [];
  model.people.forEach((person, personIndex) => {
    // The first declaration of an id is the person, as in the load sweep.
    if (model.people.findIndex((other) => other.id?.value === person.id?.value) !== personIndex) return;
    const capacity = dailyCapacity(person, calendar);
    let previous: { key: string; to: number } | undefined;
    const ranges: { from: number; to: number; key: string; peak: number }[] = [];
    for (let day = 0; day < schedule.projectEnd; day++) {
      let load = 0;
      const taskIndexes = new Set<number>();
      model.tasks.forEach((task, taskIndex) => {
        const scheduled = schedule.tasks[taskIndex];
        if (!scheduled || day < scheduled.s || day >= scheduled.e) return;
        for (const assignment of task.assign) {
          if (assignment.person.id !== person.id?.value) continue;
          load += assignmentDailyLoad(assignment, calendar);
          taskIndexes.add(taskIndex);
        }
      });
      if (load <= capacity + LOAD_EPSILON) {
        previous = undefined;
        continue;
      }
      const key = [...taskIndexes].sort((a, b) => a - b).join(',');
      const last = ranges[ranges.length - 1];
      if (previous && last && previous.key === key && previous.to === day - 1) {
        last.to = day;
        last.peak = Math.max(last.peak, load / capacity);
      } else {
        ranges.push({ from: day, to: day, key, peak: load / capacity });
      }
      previous = { key, to: day };
    }
    for (const range of ranges) {
      expected.push(`${personIndex} ${range.from}-${range.to} [${range.key}] ${range.peak.toFixed(9)}`);
    }
  });
  return expected;
}

/** The schedule's overallocations, one line each, comparable with `dayByDayOverallocations`. */
export function overallocationLines(schedule: Schedule): string[] {
  return schedule.overallocations.map(
    (o) => `${o.personIndex} ${o.fromIndex}-${o.toIndex} [${o.taskIndexes.join(',')}] ${o.peak.toFixed(9)}`,
  );
}

// The worked example of docs/format.md#progress-and-actual-dates with a
// baseline. Working days from Monday 2027-01-04 (no holidays):
//  0 Jan 04   5 Jan 11   10 Jan 18   15 Jan 25
//  1 Jan 05   6 Jan 12   11 Jan 19
//  2 Jan 06   7 Jan 13   12 Jan 20
//  3 Jan 07   8 Jan 14   13 Jan 21
//  4 Jan 08   9 Jan 15   14 Jan 22
// Status date Jan 13: T = 7.
/** Test support: the in-flight worked example with a baseline. */
export const IN_FLIGHT_WITH_BASELINE = `crmplan: 1
plan:
  name: In flight
  start: 2027-01-04
  status_date: 2027-01-13
phases:
  - id: p
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d, status: done}
      - {id: design, name: Design, duration: 5d, actual_start: 2027-01-04, actual_finish: 2027-01-12}
      - {id: config, name: Configuration, duration: 10d, actual_start: 2027-01-04, progress: 40%}
      - {id: reports, name: Reports, duration: 4d, actual_start: 2027-01-12, progress: 50%}
      - {id: build, name: Build, duration: 3d, depends_on: [design]}
      - {id: training, name: Training, duration: 2d}
      - {id: uat, name: UAT, duration: 2d, depends_on: [config]}
      - {id: go-live, name: Go-live, milestone: true, depends_on: [uat, build]}
baseline:
  date: 2027-01-01
  finish: 2027-01-20
  slip_threshold: 2d
  tasks:
    design: {start: 2027-01-05, finish: 2027-01-11}
    go-live: {start: 2027-01-20, finish: 2027-01-20}
    removed: {start: 2027-01-04, finish: 2027-01-04}
`;
