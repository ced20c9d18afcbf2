import type { Dependency, PlanModel } from './types.js';
import type { Symbols } from './symbols.js';

/**
 * The dependency graph over tasks and phases. Node numbers: tasks are
 * 0..T-1 (their index in `model.tasks`), phases are T..T+P-1.
 *
 * An edge goes from a node to something it waits for:
 * - `own`: a task's own `depends_on` item;
 * - `phase`: a `depends_on` item of the task's phase, which applies to it;
 * - `contains`: a phase waits for each of its tasks (its span is theirs).
 */
export interface WorkEdge {
  readonly from: number;
  readonly to: number;
  readonly via: 'own' | 'phase' | 'contains';
  /** The written dependency for `own` and `phase` edges. */
  readonly dependency?: Dependency;
}

export interface WorkGraph {
  readonly taskCount: number;
  readonly phaseCount: number;
  /** Outgoing edges (what each node waits for), per node. */
  readonly edges: readonly (readonly WorkEdge[])[];
  /** Nodes on a dependency cycle (a non-trivial strongly connected component or a self-loop). */
  readonly cyclic: ReadonlySet<number>;
  /** The strongly connected components that are cycles, each in node order. */
  readonly cycles: readonly (readonly number[])[];
  /**
   * Every node that is not on a cycle, prerequisites before the nodes that
   * wait for them, ignoring edges to cyclic nodes.
   */
  readonly order: readonly number[];
  /** The same graph in flat arrays, for passes over every node (see `WorkGraphStructure`). */
  readonly structure: WorkGraphStructure;
  phaseNode(phaseIndex: number): number;
  /** The id of a node, or a readable stand-in when it has none. */
  nodeName(node: number): string;
  isPhase(node: number): boolean;
}

/**
 * The graph as flat arrays, built with it: passes that visit every node
 * (reachability, for each task of a kind at once) read these instead of the
 * edge objects, without allocating per node. Ranges are half-open: the
 * nodes `node` waits for are `edgeTargets[edgeStart[node]]` up to (not
 * including) `edgeTargets[edgeStart[node + 1]]`, in the order of `edges`.
 */
export interface WorkGraphStructure {
  readonly edgeStart: Int32Array;
  readonly edgeTargets: Int32Array;
  /**
   * Where a node's own `depends_on` edges end: a task's own edges come
   * first, from `edgeStart[node]` up to `ownEdgeEnd[node]`, then its phase's.
   * A phase has none (its `depends_on` applies through its tasks).
   */
  readonly ownEdgeEnd: Int32Array;
  /** The phase of each task (`Task.phaseIndex`); a phase node's own index. */
  readonly phaseOf: Int32Array;
  /**
   * The strongly connected component of each node. Components are numbered
   * prerequisites first (Tarjan's algorithm finishes a component after
   * everything it waits for): a component waits only for smaller numbers.
   */
  readonly componentOf: Int32Array;
  readonly componentCount: number;
  /** The nodes of component `c`: `componentNodes[componentStart[c]]` up to `componentNodes[componentStart[c + 1]]`. */
  readonly componentStart: Int32Array;
  readonly componentNodes: Int32Array;
  /** 1 for a component that is a cycle (several nodes, or one node that waits for itself). */
  readonly componentIsCycle: Uint8Array;
  /**
   * 1 for a task that depends, itself or through its phase, on an id that
   * names no task or phase, and for a phase that does: the graph cannot say
   * what it was meant to wait for.
   */
  readonly unresolvedDependency: Uint8Array;
}

interface ResolvedDependency {
  readonly to: number;
  readonly dependency: Dependency;
}

export function buildWorkGraph(model: PlanModel, symbols: Symbols): WorkGraph {
  const taskCount = model.tasks.length;
  const phaseCount = model.phases.length;
  const nodeCount = taskCount + phaseCount;
  const unresolvedDependency = new Uint8Array(nodeCount);

  // A phase's dependencies apply to each of its tasks: resolve them once per phase.
  const phaseDependencies: ResolvedDependency[][] = [];
  const phaseUnresolved: boolean[] = [];
  model.phases.forEach((phase, phaseIndex) => {
    const resolved: ResolvedDependency[] = [];
    for (const dependency of phase.dependsOn) {
      const to = resolveWork(symbols, taskCount, dependency);
      if (to === undefined) unresolvedDependency[taskCount + phaseIndex] = 1;
      else resolved.push({ to, dependency });
    }
    phaseDependencies.push(resolved);
    phaseUnresolved.push(resolved.length < phase.dependsOn.length);
  });

  let edgeCapacity = 0;
  for (const task of model.tasks) edgeCapacity += task.dependsOn.length + (phaseDependencies[task.phaseIndex]?.length ?? 0);
  for (const phase of model.phases) edgeCapacity += phase.taskIndexes.length;
  const edges: WorkEdge[][] = new Array<WorkEdge[]>(nodeCount);
  const edgeStart = new Int32Array(nodeCount + 1);
  const edgeTargets = new Int32Array(edgeCapacity);
  const ownEdgeEnd = new Int32Array(nodeCount);
  const phaseOf = new Int32Array(nodeCount);
  let edgeCount = 0;
  // Nodes are numbered tasks first, then phases, so the flat arrays fill in node order.
  model.tasks.forEach((task, taskIndex) => {
    const outgoing: WorkEdge[] = [];
    edgeStart[taskIndex] = edgeCount;
    for (const dependency of task.dependsOn) {
      const to = resolveWork(symbols, taskCount, dependency);
      if (to === undefined) {
        unresolvedDependency[taskIndex] = 1;
        continue;
      }
      outgoing.push({ from: taskIndex, to, via: 'own', dependency });
      edgeTargets[edgeCount++] = to;
    }
    ownEdgeEnd[taskIndex] = edgeCount;
    phaseOf[taskIndex] = task.phaseIndex;
    if (phaseUnresolved[task.phaseIndex] === true) unresolvedDependency[taskIndex] = 1;
    for (const { to, dependency } of phaseDependencies[task.phaseIndex] ?? []) {
      outgoing.push({ from: taskIndex, to, via: 'phase', dependency });
      edgeTargets[edgeCount++] = to;
    }
    edges[taskIndex] = outgoing;
  });
  model.phases.forEach((phase, phaseIndex) => {
    const from = taskCount + phaseIndex;
    const outgoing: WorkEdge[] = [];
    edgeStart[from] = edgeCount;
    ownEdgeEnd[from] = edgeCount;
    phaseOf[from] = phaseIndex;
    for (const taskIndex of phase.taskIndexes) {
      outgoing.push({ from, to: taskIndex, via: 'contains' });
      edgeTargets[edgeCount++] = taskIndex;
    }
    edges[from] = outgoing;
  });
  edgeStart[nodeCount] = edgeCount;

  const components = stronglyConnectedComponents(nodeCount, edgeStart, edgeTargets);
  const { componentStart, componentNodes, componentIsCycle } = components;
  const cycles: number[][] = [];
  const cyclic = new Set<number>();
  const isCyclic = new Uint8Array(nodeCount);
  for (let component = 0; component < components.componentCount; component++) {
    if (componentIsCycle[component] !== 1) continue;
    const members = Array.from(componentNodes.subarray(componentStart[component]!, componentStart[component + 1]!));
    for (const member of members) {
      cyclic.add(member);
      isCyclic[member] = 1;
    }
    cycles.push(members.sort((a, b) => a - b));
  }

  const nodeName = (node: number): string => {
    if (node < taskCount) return model.tasks[node]?.id?.value ?? `(task ${node + 1})`;
    return model.phases[node - taskCount]?.id?.value ?? `(phase ${node - taskCount + 1})`;
  };

  return {
    taskCount,
    phaseCount,
    edges,
    cyclic,
    cycles,
    order: prerequisitesFirst(nodeCount, edgeStart, edgeTargets, isCyclic),
    structure: { edgeStart, edgeTargets, ownEdgeEnd, phaseOf, ...components, unresolvedDependency },
    phaseNode: (phaseIndex) => taskCount + phaseIndex,
    nodeName,
    isPhase: (node) => node >= taskCount,
  };
}

/** The node a dependency names (a task, or a phase after the tasks), or undefined when it names nothing. */
function resolveWork(symbols: Symbols, taskCount: number, dependency: Dependency): number | undefined {
  const declaration = symbols.lookup('work', dependency.target.id);
  if (!declaration) return undefined;
  return declaration.kind === 'task' ? declaration.index : taskCount + declaration.index;
}

type Components = Pick<
  WorkGraphStructure,
  'componentOf' | 'componentCount' | 'componentStart' | 'componentNodes' | 'componentIsCycle'
>;

/**
 * Tarjan's algorithm, iterative so that long chains cannot overflow the
 * stack. Roots are taken in node order and edges in their order, and the
 * members of a component are listed in the order they leave the stack.
 */
function stronglyConnectedComponents(nodeCount: number, edgeStart: Int32Array, edgeTargets: Int32Array): Components {
  const index = new Int32Array(nodeCount).fill(-1);
  const lowLink = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  // The walk's own stack: each node is on it at most once, so its next edge can live with the node.
  const walk = new Int32Array(nodeCount);
  const nextEdge = new Int32Array(nodeCount);
  const componentOf = new Int32Array(nodeCount);
  const componentNodes = new Int32Array(nodeCount);
  const componentStart = new Int32Array(nodeCount + 1);
  const componentIsCycle = new Uint8Array(nodeCount);
  let stackSize = 0;
  let counter = 0;
  let componentCount = 0;
  let listed = 0;

  for (let root = 0; root < nodeCount; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    walk[depth++] = root;
    index[root] = lowLink[root] = counter++;
    nextEdge[root] = edgeStart[root]!;
    stack[stackSize++] = root;
    onStack[root] = 1;
    while (depth > 0) {
      const node = walk[depth - 1]!;
      const edge = nextEdge[node]!;
      if (edge < edgeStart[node + 1]!) {
        nextEdge[node] = edge + 1;
        const next = edgeTargets[edge]!;
        if (index[next] === -1) {
          index[next] = lowLink[next] = counter++;
          nextEdge[next] = edgeStart[next]!;
          stack[stackSize++] = next;
          onStack[next] = 1;
          walk[depth++] = next;
        } else if (onStack[next] === 1 && index[next]! < lowLink[node]!) {
          lowLink[node] = index[next]!;
        }
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = walk[depth - 1]!;
        if (lowLink[node]! < lowLink[parent]!) lowLink[parent] = lowLink[node]!;
      }
      if (lowLink[node] !== index[node]) continue;
      const component = componentCount++;
      const first = listed;
      componentStart[component] = first;
      let member: number;
      do {
        member = stack[--stackSize]!;
        onStack[member] = 0;
        componentOf[member] = component;
        componentNodes[listed++] = member;
      } while (member !== node);
      componentIsCycle[component] = listed - first > 1 || waitsForItself(node, edgeStart, edgeTargets) ? 1 : 0;
    }
  }
  componentStart[componentCount] = listed;
  return {
    componentOf,
    componentCount,
    componentStart: componentStart.subarray(0, componentCount + 1),
    componentNodes,
    componentIsCycle: componentIsCycle.subarray(0, componentCount),
  };
}

function waitsForItself(node: number, edgeStart: Int32Array, edgeTargets: Int32Array): boolean {
  for (let edge = edgeStart[node]!; edge < edgeStart[node + 1]!; edge++) if (edgeTargets[edge] === node) return true;
  return false;
}

/** Kahn's algorithm over the acyclic part; ties keep document order. */
function prerequisitesFirst(
  nodeCount: number,
  edgeStart: Int32Array,
  edgeTargets: Int32Array,
  isCyclic: Uint8Array,
): number[] {
  const waitingOn = new Int32Array(nodeCount);
  // Who waits for each node, as flat ranges: count, then fill in node order (the order of the edges).
  const dependentStart = new Int32Array(nodeCount + 1);
  for (let node = 0; node < nodeCount; node++) {
    if (isCyclic[node] === 1) continue;
    for (let edge = edgeStart[node]!; edge < edgeStart[node + 1]!; edge++) {
      const target = edgeTargets[edge]!;
      if (isCyclic[target] === 1) continue;
      waitingOn[node]!++;
      dependentStart[target + 1]!++;
    }
  }
  for (let node = 0; node < nodeCount; node++) dependentStart[node + 1]! += dependentStart[node]!;
  const dependents = new Int32Array(dependentStart[nodeCount]!);
  const filled = dependentStart.slice(0, nodeCount);
  for (let node = 0; node < nodeCount; node++) {
    if (isCyclic[node] === 1) continue;
    for (let edge = edgeStart[node]!; edge < edgeStart[node + 1]!; edge++) {
      const target = edgeTargets[edge]!;
      if (isCyclic[target] !== 1) dependents[filled[target]!++] = node;
    }
  }
  const order: number[] = [];
  for (let node = 0; node < nodeCount; node++) if (isCyclic[node] !== 1 && waitingOn[node] === 0) order.push(node);
  for (let head = 0; head < order.length; head++) {
    const node = order[head]!;
    for (let position = dependentStart[node]!; position < dependentStart[node + 1]!; position++) {
      const dependent = dependents[position]!;
      if (--waitingOn[dependent]! === 0) order.push(dependent);
    }
  }
  return order;
}

/**
 * The shortest way round the cycle from `start` back to itself, as nodes
 * with `start` at both ends, following only edges inside `members`.
 */
export function shortestCycleThrough(graph: WorkGraph, start: number, members: ReadonlySet<number>): number[] {
  const previous = new Map<number, number>();
  const queue: number[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const edge of graph.edges[node] ?? []) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [start];
        for (let step: number | undefined = node; step !== undefined && step !== start; step = previous.get(step)) {
          path.push(step);
        }
        path.push(start);
        // The path was collected backwards from the last node to the start.
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!previous.has(edge.to) && edge.to !== start) {
        previous.set(edge.to, node);
        queue.push(edge.to);
      }
    }
  }
  return [start, start];
}
