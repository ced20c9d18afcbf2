import { buildPlanModel } from '../model/build-plan-model.js';
import { collectSymbols, type Symbols } from '../model/symbols.js';
import type { PlanModel } from '../model/types.js';
import { buildWorkGraph, type WorkGraph } from '../model/work-graph.js';
import { parsePlanText } from '../parse/parse-plan-text.js';
import { computeSchedule, type Schedule, type TaskSchedule } from './compute-schedule.js';

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
