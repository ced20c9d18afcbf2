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
  phaseNode(phaseIndex: number): number;
  /** The id of a node, or a readable stand-in when it has none. */
  nodeName(node: number): string;
  isPhase(node: number): boolean;
}

export function buildWorkGraph(model: PlanModel, symbols: Symbols): WorkGraph {
  const taskCount = model.tasks.length;
  const phaseCount = model.phases.length;
  const nodeCount = taskCount + phaseCount;
  const edges: WorkEdge[][] = Array.from({ length: nodeCount }, () => []);

  const resolve = (dependency: Dependency): number | undefined => {
    const declaration = symbols.lookup('work', dependency.target.id);
    if (!declaration) return undefined;
    return declaration.kind === 'task' ? declaration.index : taskCount + declaration.index;
  };

  model.tasks.forEach((task, taskIndex) => {
    for (const dependency of task.dependsOn) {
      const to = resolve(dependency);
      if (to !== undefined) edges[taskIndex]?.push({ from: taskIndex, to, via: 'own', dependency });
    }
    const phase = model.phases[task.phaseIndex];
    for (const dependency of phase?.dependsOn ?? []) {
      const to = resolve(dependency);
      if (to !== undefined) edges[taskIndex]?.push({ from: taskIndex, to, via: 'phase', dependency });
    }
  });
  model.phases.forEach((phase, phaseIndex) => {
    const from = taskCount + phaseIndex;
    for (const taskIndex of phase.taskIndexes) edges[from]?.push({ from, to: taskIndex, via: 'contains' });
  });

  const components = stronglyConnectedComponents(nodeCount, edges);
  const cycles = components.filter(
    (component) =>
      component.length > 1 || (edges[component[0] ?? 0] ?? []).some((edge) => edge.to === component[0]),
  );
  const cyclic = new Set(cycles.flat());
  const sortedCycles = cycles.map((component) => [...component].sort((a, b) => a - b));

  const nodeName = (node: number): string => {
    if (node < taskCount) return model.tasks[node]?.id?.value ?? `(task ${node + 1})`;
    return model.phases[node - taskCount]?.id?.value ?? `(phase ${node - taskCount + 1})`;
  };

  return {
    taskCount,
    phaseCount,
    edges,
    cyclic,
    cycles: sortedCycles,
    order: prerequisitesFirst(nodeCount, edges, cyclic),
    phaseNode: (phaseIndex) => taskCount + phaseIndex,
    nodeName,
    isPhase: (node) => node >= taskCount,
  };
}

/** Tarjan's algorithm, iterative so that long chains cannot overflow the stack. */
function stronglyConnectedComponents(nodeCount: number, edges: readonly (readonly WorkEdge[])[]): number[][] {
  const index = new Array<number>(nodeCount).fill(-1);
  const lowLink = new Array<number>(nodeCount).fill(0);
  const onStack = new Array<boolean>(nodeCount).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  for (let root = 0; root < nodeCount; root++) {
    if (index[root] !== -1) continue;
    const work: { node: number; edge: number }[] = [{ node: root, edge: 0 }];
    index[root] = lowLink[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const outgoing = edges[frame.node] ?? [];
      if (frame.edge < outgoing.length) {
        const next = outgoing[frame.edge++]!.to;
        if (index[next] === -1) {
          index[next] = lowLink[next] = counter++;
          stack.push(next);
          onStack[next] = true;
          work.push({ node: next, edge: 0 });
        } else if (onStack[next]) {
          lowLink[frame.node] = Math.min(lowLink[frame.node]!, index[next]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink[parent.node] = Math.min(lowLink[parent.node]!, lowLink[frame.node]!);
      if (lowLink[frame.node] === index[frame.node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = false;
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** Kahn's algorithm over the acyclic part; ties keep document order. */
function prerequisitesFirst(
  nodeCount: number,
  edges: readonly (readonly WorkEdge[])[],
  cyclic: ReadonlySet<number>,
): number[] {
  const waitingOn = new Array<number>(nodeCount).fill(0);
  const dependents: number[][] = Array.from({ length: nodeCount }, () => []);
  for (let node = 0; node < nodeCount; node++) {
    if (cyclic.has(node)) continue;
    for (const edge of edges[node] ?? []) {
      if (cyclic.has(edge.to)) continue;
      waitingOn[node]!++;
      dependents[edge.to]!.push(node);
    }
  }
  const ready: number[] = [];
  for (let node = 0; node < nodeCount; node++) if (!cyclic.has(node) && waitingOn[node] === 0) ready.push(node);
  const order: number[] = [];
  for (let head = 0; head < ready.length; head++) {
    const node = ready[head]!;
    order.push(node);
    for (const dependent of dependents[node]!) {
      if (--waitingOn[dependent]! === 0) ready.push(dependent);
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
