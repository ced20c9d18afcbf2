import { parsePlanText, type ParsedDocument } from '../parse/parse-plan-text.js';
import { seededRandom } from '../schedule/schedule-test-support.js';
import { buildPlanModel } from './build-plan-model.js';
import { collectSymbols, type Symbols } from './symbols.js';
import type { PlanModel } from './types.js';
import { buildWorkGraph, type WorkGraph } from './work-graph.js';

/**
 * Test support only: random plans from a seeded PRNG for the property tests
 * of the graph, reachability and the rules that walk it. Each plan draws how
 * wild it is: some are acyclic (dependencies name earlier work only), others
 * name any task or phase (cycles, dependencies on a task's own phase), name
 * nothing (broken links), reuse ids (duplicates) or write a kind that is no
 * kind (`UAT`).
 */
export interface RandomPlan {
  readonly text: string;
  readonly parsed: ParsedDocument;
  readonly model: PlanModel;
  readonly symbols: Symbols;
  readonly graph: WorkGraph;
}

/** The kinds the practice rules look for, and a few that no rule does. */
const KINDS = [
  'data-cleansing',
  'data-backup',
  'data-migration',
  'data-validation',
  'go-live',
  'uat',
  'training',
  'pilot',
  'hypercare',
  'review',
  'configuration',
  'customization',
  'other',
  'UAT',
] as const;

export function randomPlanText(seed: number, maxTasksPerPhase = 8): string {
  const random = seededRandom(seed);
  const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const chance = (p: number): boolean => random() < p;
  const wild = pick([0, 0, 0.05, 0.15, 0.4]);
  const broken = pick([0, 0, 0.03, 0.1]);

  const taskIdsByPhase: string[][] = [];
  let taskNumber = 0;
  for (let phase = int(1, 5); phase > 0; phase--) {
    taskIdsByPhase.push(
      Array.from({ length: int(0, maxTasksPerPhase) }, () =>
        chance(0.04) && taskNumber > 0 ? `t${int(0, taskNumber - 1)}` : `t${taskNumber++}`,
      ),
    );
  }
  const phaseIds = taskIdsByPhase.map((_, index) => (chance(wild / 4) ? `t${index}` : `ph${index}`));
  const allTasks = taskIdsByPhase.flat();
  // Acyclic unless `wild` lets a dependency name any task or phase.
  const target = (phase: number, position: number): string | undefined => {
    const roll = random();
    if (roll < broken) return `nowhere${int(0, 2)}`;
    if (roll < broken + wild / 2) return pick(phaseIds);
    if (roll < broken + wild && allTasks.length > 0) return pick(allTasks);
    const earlier = [...taskIdsByPhase.slice(0, phase).flat(), ...(taskIdsByPhase[phase] ?? []).slice(0, position)];
    if (position === 0 && phase > 0 && chance(0.3)) earlier.push(...phaseIds.slice(0, phase));
    return earlier.length > 0 ? pick(earlier) : undefined;
  };
  const dependencies = (phase: number, position: number, most: number): string[] =>
    Array.from({ length: int(1, most) }, () => target(phase, position))
      .filter((id): id is string => id !== undefined)
      .map((id) => (chance(0.3) ? `{task: ${id}, type: ${pick(['FS', 'SS'])}, lag: ${int(-1, 2)}d}` : id));

  const lines = ['crmplan: 1', 'plan:', `  name: Random ${seed}`, '  start: 2027-01-04', 'people:', '  - {id: p0}', 'phases:'];
  taskIdsByPhase.forEach((taskIds, phase) => {
    lines.push(`  - id: ${phaseIds[phase]}`);
    const phaseDependencies = chance(0.4) ? dependencies(phase, 0, 2) : [];
    if (phaseDependencies.length > 0) lines.push(`    depends_on: [${phaseDependencies.join(', ')}]`);
    lines.push('    tasks:');
    taskIds.forEach((id, position) => {
      lines.push(`      - id: ${id}`, `        kind: ${pick(KINDS)}`, `        duration: ${int(0, 4)}d`);
      const own = chance(0.7) ? dependencies(phase, position, 3) : [];
      if (own.length > 0) lines.push(`        depends_on: [${own.join(', ')}]`);
    });
  });
  return `${lines.join('\n')}\n`;
}

export function randomPlan(seed: number, maxTasksPerPhase?: number): RandomPlan {
  const text = randomPlanText(seed, maxTasksPerPhase);
  const parsed = parsePlanText(text);
  const model = buildPlanModel(parsed);
  const symbols = collectSymbols(model);
  return { text, parsed, model, symbols, graph: buildWorkGraph(model, symbols) };
}

/**
 * The reference for reachability: breadth-first over the edge objects,
 * forwards (the tasks `start` waits for) or backwards (those that wait for
 * it), in the order found, `start` left out.
 */
export function plainWalk(graph: WorkGraph, start: number, direction: 'upstream' | 'downstream'): number[] {
  const nodeCount = graph.taskCount + graph.phaseCount;
  const next: number[][] = Array.from({ length: nodeCount }, () => []);
  graph.edges.forEach((outgoing, from) => {
    for (const edge of outgoing) {
      if (direction === 'upstream') next[from]!.push(edge.to);
      else next[edge.to]!.push(from);
    }
  });
  const seen = new Set([start]);
  const queue = [start];
  const tasks: number[] = [];
  for (let head = 0; head < queue.length; head++) {
    for (const node of next[queue[head]!]!) {
      if (seen.has(node)) continue;
      seen.add(node);
      queue.push(node);
      if (node < graph.taskCount) tasks.push(node);
    }
  }
  return tasks;
}
