import type { WorkGraph } from './work-graph.js';

/**
 * Which tasks come before and after a task through any chain of
 * dependencies, as the practice rules need it ("among its predecessors
 * means anywhere upstream, through any chain of dependencies, including
 * phase dependencies").
 *
 * - Predecessors follow the edges (what a node waits for): a task's own
 *   dependencies and its phase's dependencies. Reaching a phase reaches all
 *   of its tasks (`contains`), because waiting for a phase waits for each of
 *   them. A task has no edge to its own phase, so its siblings are not its
 *   predecessors unless a dependency chain says so.
 * - Successors follow the edges backwards: the tasks that wait for the task,
 *   and, through its phase (which waits for it), everything that depends on
 *   the phase.
 *
 * Every dependency type counts (FS and SS, any lag): each one ties the
 * task's timing to the other. Cycles end the walk like anywhere else, and a
 * task is never listed as its own predecessor or successor.
 *
 * Two forms: a walk from one task (O(nodes + edges) per task), and, for
 * rules that ask about many tasks, which of a few target tasks lie upstream
 * or downstream of every node at once (one pass over the graph, with a
 * bitset of the targets per node: O((nodes + edges) x targets / 32)). The
 * second keeps a plan with thousands of go-lives linear.
 */

/** Indexes of the tasks `taskIndex` waits for, directly or through others. */
export function predecessorTasks(graph: WorkGraph, taskIndex: number): Set<number> {
  return walk(forwardNeighbours(graph), taskIndex, graph.taskCount);
}

/** Indexes of the tasks that wait for `taskIndex`, directly or through others. */
export function successorTasks(graph: WorkGraph, taskIndex: number): Set<number> {
  return walk(backwardNeighbours(graph), taskIndex, graph.taskCount);
}

/** Which of a fixed list of target tasks lie upstream (or downstream) of each task. */
export interface TargetReachability {
  /** The targets, as given. */
  readonly targets: readonly number[];
  /** Whether `target` (one of the targets) lies upstream (downstream) of `taskIndex`; never of itself. */
  reaches(taskIndex: number, target: number): boolean;
  /** Whether any target other than `taskIndex` itself lies upstream (downstream) of it. */
  any(taskIndex: number): boolean;
  /** The targets that lie upstream (downstream) of `taskIndex`, in the order of `targets`. */
  of(taskIndex: number): number[];
}

/** For every task: which of `targets` are among its predecessors. */
export function targetsUpstream(graph: WorkGraph, targets: readonly number[]): TargetReachability {
  return targetReachability(graph, targets, 'upstream');
}

/** For every task: which of `targets` are among its successors. */
export function targetsDownstream(graph: WorkGraph, targets: readonly number[]): TargetReachability {
  return targetReachability(graph, targets, 'downstream');
}

type Neighbours = readonly (readonly number[])[];

const FORWARD_BY_GRAPH = new WeakMap<WorkGraph, Neighbours>();
const BACKWARD_BY_GRAPH = new WeakMap<WorkGraph, Neighbours>();
const CONDENSATION_BY_GRAPH = new WeakMap<WorkGraph, Condensation>();

function forwardNeighbours(graph: WorkGraph): Neighbours {
  let neighbours = FORWARD_BY_GRAPH.get(graph);
  if (!neighbours) {
    neighbours = graph.edges.map((outgoing) => outgoing.map((edge) => edge.to));
    FORWARD_BY_GRAPH.set(graph, neighbours);
  }
  return neighbours;
}

function backwardNeighbours(graph: WorkGraph): Neighbours {
  let neighbours = BACKWARD_BY_GRAPH.get(graph);
  if (!neighbours) {
    const incoming: number[][] = Array.from({ length: graph.edges.length }, () => []);
    graph.edges.forEach((outgoing, from) => {
      for (const edge of outgoing) incoming[edge.to]?.push(from);
    });
    neighbours = incoming;
    BACKWARD_BY_GRAPH.set(graph, neighbours);
  }
  return neighbours;
}

/** Breadth-first from `start`; returns the task nodes reached, `start` excluded. */
function walk(neighbours: Neighbours, start: number, taskCount: number): Set<number> {
  const tasks = new Set<number>();
  if (start < 0 || start >= taskCount) return tasks;
  const seen = new Uint8Array(neighbours.length);
  seen[start] = 1;
  const queue: number[] = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const next of neighbours[queue[head]!] ?? []) {
      if (seen[next] === 1) continue;
      seen[next] = 1;
      queue.push(next);
      if (next < taskCount) tasks.add(next);
    }
  }
  return tasks;
}

/**
 * The graph with each cycle collapsed into one component, so that it is a
 * DAG: every member of a cycle reaches every member (itself included) and
 * everything any member reaches.
 */
interface Condensation {
  /** Component of each node. */
  readonly componentOf: Int32Array;
  /** Components, prerequisites before the components that wait for them. */
  readonly order: readonly number[];
  /** Distinct components each component waits for (itself excluded). */
  readonly waitsFor: readonly (readonly number[])[];
  /** Distinct components that wait for each component (itself excluded). */
  readonly waitedOnBy: readonly (readonly number[])[];
  /** Whether a component is a cycle (its members reach themselves). */
  readonly cyclic: readonly boolean[];
}

function condensation(graph: WorkGraph): Condensation {
  const cached = CONDENSATION_BY_GRAPH.get(graph);
  if (cached) return cached;
  const nodeCount = graph.edges.length;
  const componentOf = new Int32Array(nodeCount).fill(-1);
  const cyclic: boolean[] = [];
  for (const cycle of graph.cycles) {
    for (const node of cycle) componentOf[node] = cyclic.length;
    cyclic.push(true);
  }
  for (let node = 0; node < nodeCount; node++) {
    if (componentOf[node] !== -1) continue;
    componentOf[node] = cyclic.length;
    cyclic.push(false);
  }
  const componentCount = cyclic.length;
  const waitsForSets = Array.from({ length: componentCount }, () => new Set<number>());
  graph.edges.forEach((outgoing, from) => {
    const source = componentOf[from]!;
    for (const edge of outgoing) {
      const target = componentOf[edge.to]!;
      if (target !== source) waitsForSets[source]!.add(target);
    }
  });
  const waitsFor = waitsForSets.map((targets) => [...targets]);
  const waitedOnBy: number[][] = Array.from({ length: componentCount }, () => []);
  waitsFor.forEach((targets, source) => {
    for (const target of targets) waitedOnBy[target]!.push(source);
  });
  // Kahn's algorithm: the condensation has no cycles, so every component is ordered.
  const pending = waitsFor.map((targets) => targets.length);
  const order: number[] = [];
  for (let component = 0; component < componentCount; component++) if (pending[component] === 0) order.push(component);
  for (let head = 0; head < order.length; head++) {
    for (const waiting of waitedOnBy[order[head]!]!) {
      if (--pending[waiting]! === 0) order.push(waiting);
    }
  }
  const result: Condensation = { componentOf, order, waitsFor, waitedOnBy, cyclic };
  CONDENSATION_BY_GRAPH.set(graph, result);
  return result;
}

function targetReachability(
  graph: WorkGraph,
  targets: readonly number[],
  direction: 'upstream' | 'downstream',
): TargetReachability {
  const { componentOf, order, waitsFor, waitedOnBy, cyclic } = condensation(graph);
  const words = Math.ceil(targets.length / 32);
  const componentCount = cyclic.length;
  // Which targets each component contains, and which lie beyond it in the chosen direction.
  const own = new Uint32Array(componentCount * words);
  const beyond = new Uint32Array(componentCount * words);
  const position = new Map<number, number>();
  targets.forEach((target, bit) => {
    if (target < 0 || target >= graph.taskCount || position.has(target)) return;
    position.set(target, bit);
    const component = componentOf[target]!;
    own[component * words + (bit >>> 5)]! |= 1 << (bit & 31);
  });
  if (words > 0) {
    const next = direction === 'upstream' ? waitsFor : waitedOnBy;
    const sequence = direction === 'upstream' ? order : [...order].reverse();
    for (const component of sequence) {
      const base = component * words;
      if (cyclic[component]) for (let word = 0; word < words; word++) beyond[base + word]! |= own[base + word]!;
      for (const other of next[component]!) {
        const otherBase = other * words;
        for (let word = 0; word < words; word++) beyond[base + word]! |= beyond[otherBase + word]! | own[otherBase + word]!;
      }
    }
  }
  const reaches = (taskIndex: number, target: number): boolean => {
    const bit = position.get(target);
    if (bit === undefined || taskIndex === target || taskIndex < 0 || taskIndex >= graph.taskCount) return false;
    return (beyond[componentOf[taskIndex]! * words + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
  };
  return {
    targets,
    reaches,
    any: (taskIndex) => {
      if (taskIndex < 0 || taskIndex >= graph.taskCount) return false;
      const base = componentOf[taskIndex]! * words;
      const self = position.get(taskIndex);
      for (let word = 0; word < words; word++) {
        let bits = beyond[base + word]!;
        // A task on a cycle reaches itself; it is not its own predecessor.
        if (self !== undefined && self >>> 5 === word) bits &= ~(1 << (self & 31));
        if (bits !== 0) return true;
      }
      return false;
    },
    of: (taskIndex) => targets.filter((target) => reaches(taskIndex, target)),
  };
}
