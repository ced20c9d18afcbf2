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
 * rules that ask about many tasks, which of a list of target tasks lie
 * upstream or downstream of every task at once. The second works on the
 * graph's strongly connected components, which `buildWorkGraph` numbers
 * prerequisites first, so one pass in that order (or its reverse) answers
 * for every task: whether any target lies beyond it is one bit per
 * component (O(nodes + edges)); which targets do is a bitset per component
 * (O((nodes + edges) x targets / 32)), computed only when a rule asks. To
 * ask about pairs from two lists, `upstreamPairs` puts the bitset on the
 * shorter list, which keeps a plan with thousands of go-lives linear.
 */

/** Indexes of the tasks `taskIndex` waits for, directly or through others. */
export function predecessorTasks(graph: WorkGraph, taskIndex: number): Set<number> {
  const { edgeStart, edgeTargets } = graph.structure;
  return walk(edgeStart, edgeTargets, taskIndex, graph.taskCount);
}

/** Indexes of the tasks that wait for `taskIndex`, directly or through others. */
export function successorTasks(graph: WorkGraph, taskIndex: number): Set<number> {
  const { start, sources } = incomingEdges(graph);
  return walk(start, sources, taskIndex, graph.taskCount);
}

/**
 * Every node (task or phase) that waits for one of `targets`, directly or
 * through others, and the targets themselves: what must not become a
 * dependency of a target, since depending on it would close a cycle.
 */
export function nodesWaitingFor(graph: WorkGraph, targets: readonly number[]): Set<number> {
  const { start, sources } = incomingEdges(graph);
  const nodeCount = start.length - 1;
  const found = new Set<number>();
  const queue: number[] = [];
  for (const target of targets) {
    if (!Number.isInteger(target) || target < 0 || target >= nodeCount || found.has(target)) continue;
    found.add(target);
    queue.push(target);
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (let position = start[node]!; position < start[node + 1]!; position++) {
      const waiter = sources[position]!;
      if (found.has(waiter)) continue;
      found.add(waiter);
      queue.push(waiter);
    }
  }
  return found;
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

/**
 * Whether a task of `earlierTasks` is among the predecessors of a task of
 * `laterTasks`, for rules that ask about many such pairs. Ask only about
 * tasks of those lists (anything else answers false). The bitset is over
 * the shorter list: "a is upstream of b" is "b is downstream of a".
 */
export function upstreamPairs(
  graph: WorkGraph,
  earlierTasks: readonly number[],
  laterTasks: readonly number[],
): (earlier: number, later: number) => boolean {
  if (laterTasks.length <= earlierTasks.length) {
    const laterBelow = targetsDownstream(graph, laterTasks);
    return (earlier, later) => laterBelow.reaches(earlier, later);
  }
  const earlierAbove = targetsUpstream(graph, earlierTasks);
  return (earlier, later) => earlierAbove.reaches(later, earlier);
}

/** Per node, the nodes that wait for it, as flat ranges like `WorkGraphStructure`'s edges. */
interface IncomingEdges {
  readonly start: Int32Array;
  readonly sources: Int32Array;
}

const INCOMING_BY_GRAPH = new WeakMap<WorkGraph, IncomingEdges>();

/** The edges turned round, in the order of their sources (then of the edges). */
function incomingEdges(graph: WorkGraph): IncomingEdges {
  const cached = INCOMING_BY_GRAPH.get(graph);
  if (cached) return cached;
  const { edgeStart, edgeTargets } = graph.structure;
  const nodeCount = edgeStart.length - 1;
  const start = new Int32Array(nodeCount + 1);
  for (let edge = 0; edge < edgeStart[nodeCount]!; edge++) start[edgeTargets[edge]! + 1]!++;
  for (let node = 0; node < nodeCount; node++) start[node + 1]! += start[node]!;
  const sources = new Int32Array(start[nodeCount]!);
  const filled = start.slice(0, nodeCount);
  for (let from = 0; from < nodeCount; from++) {
    for (let edge = edgeStart[from]!; edge < edgeStart[from + 1]!; edge++) sources[filled[edgeTargets[edge]!]!++] = from;
  }
  const incoming = { start, sources };
  INCOMING_BY_GRAPH.set(graph, incoming);
  return incoming;
}

/** Breadth-first from `start` along flat ranges; returns the task nodes reached, `start` excluded. */
function walk(rangeStart: Int32Array, neighbours: Int32Array, start: number, taskCount: number): Set<number> {
  const tasks = new Set<number>();
  if (start < 0 || start >= taskCount || !Number.isInteger(start)) return tasks;
  const seen = new Uint8Array(rangeStart.length - 1);
  seen[start] = 1;
  const queue = new Int32Array(rangeStart.length - 1);
  let queued = 0;
  queue[queued++] = start;
  for (let head = 0; head < queued; head++) {
    const node = queue[head]!;
    for (let position = rangeStart[node]!; position < rangeStart[node + 1]!; position++) {
      const next = neighbours[position]!;
      if (seen[next] === 1) continue;
      seen[next] = 1;
      queue[queued++] = next;
      if (next < taskCount) tasks.add(next);
    }
  }
  return tasks;
}

/**
 * Calls `visit(component, other)` for every edge between two components,
 * in the order that has `other` done before `component`: upstream, a
 * component waits for smaller numbers, so ascending over its own edges;
 * downstream, larger numbers wait for it, so descending over its incoming
 * edges. Returns early for a component as soon as `visit` returns true.
 */
function forEachComponentEdge(
  graph: WorkGraph,
  direction: 'upstream' | 'downstream',
  visit: (component: number, other: number) => boolean,
): void {
  const { componentOf, componentCount, componentStart, componentNodes, edgeStart, edgeTargets } = graph.structure;
  const incoming = direction === 'downstream' ? incomingEdges(graph) : undefined;
  const rangeStart = incoming ? incoming.start : edgeStart;
  const neighbours = incoming ? incoming.sources : edgeTargets;
  const step = incoming ? -1 : 1;
  for (let component = incoming ? componentCount - 1 : 0; component >= 0 && component < componentCount; component += step) {
    members: for (let member = componentStart[component]!; member < componentStart[component + 1]!; member++) {
      const node = componentNodes[member]!;
      for (let position = rangeStart[node]!; position < rangeStart[node + 1]!; position++) {
        const other = componentOf[neighbours[position]!]!;
        if (other !== component && visit(component, other)) break members;
      }
    }
  }
}

function targetReachability(
  graph: WorkGraph,
  targets: readonly number[],
  direction: 'upstream' | 'downstream',
): TargetReachability {
  const { taskCount } = graph;
  const { componentOf, componentCount, componentIsCycle } = graph.structure;
  // Each distinct target task gets a bit, in the order of `targets`; -1 for tasks that are not targets.
  const bitOf = new Int32Array(targets.length > 0 ? taskCount : 0).fill(-1);
  let bits = 0;
  for (const target of targets) {
    if (target >= 0 && target < taskCount && Number.isInteger(target) && bitOf[target] === -1) bitOf[target] = bits++;
  }
  const isTask = (node: number): boolean => node >= 0 && node < taskCount && Number.isInteger(node);

  // One bit per component: whether a target lies in a component beyond it.
  let targetBeyond: Uint8Array | undefined;
  let targetsWithin: Int32Array | undefined;
  const anyTarget = (taskIndex: number): boolean => {
    if (bits === 0 || !isTask(taskIndex)) return false;
    if (!targetBeyond || !targetsWithin) {
      const within = new Int32Array(componentCount);
      for (let task = 0; task < taskCount; task++) if (bitOf[task] !== -1) within[componentOf[task]!]!++;
      const beyond = new Uint8Array(componentCount);
      forEachComponentEdge(graph, direction, (component, other) => {
        if (beyond[other] === 0 && within[other] === 0) return false;
        beyond[component] = 1;
        return true;
      });
      targetBeyond = beyond;
      targetsWithin = within;
    }
    const component = componentOf[taskIndex]!;
    if (targetBeyond[component] === 1) return true;
    // A task on a cycle reaches the other members of its cycle; it is not its own predecessor.
    const othersWithin = targetsWithin[component]! - (bitOf[taskIndex] === -1 ? 0 : 1);
    return componentIsCycle[component] === 1 && othersWithin > 0;
  };

  // A bitset of targets per component: those in it and in every component beyond it.
  const words = Math.ceil(bits / 32);
  let closure: Int32Array | undefined;
  const closed = (): Int32Array => {
    if (closure) return closure;
    const sets = new Int32Array(componentCount * words);
    for (let task = 0; task < taskCount; task++) {
      const bit = bitOf[task]!;
      if (bit !== -1) sets[componentOf[task]! * words + (bit >>> 5)]! |= 1 << (bit & 31);
    }
    forEachComponentEdge(graph, direction, (component, other) => {
      const base = component * words;
      const otherBase = other * words;
      for (let word = 0; word < words; word++) sets[base + word]! |= sets[otherBase + word]!;
      return false;
    });
    closure = sets;
    return sets;
  };
  const reaches = (taskIndex: number, target: number): boolean => {
    if (bits === 0 || !isTask(taskIndex) || !isTask(target) || taskIndex === target) return false;
    const bit = bitOf[target]!;
    if (bit === -1) return false;
    const component = componentOf[taskIndex]!;
    // Two tasks share a component only on a cycle, where each reaches the other.
    if (componentOf[target] === component) return true;
    return (closed()[component * words + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
  };
  return {
    targets,
    reaches,
    any: anyTarget,
    of: (taskIndex) => targets.filter((target) => reaches(taskIndex, target)),
  };
}
