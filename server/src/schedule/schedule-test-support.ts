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
