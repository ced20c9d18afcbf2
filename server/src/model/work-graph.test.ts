import { describe, expect, it } from 'vitest';
import { randomPlan } from './random-plan-test-support.js';
import type { Symbols } from './symbols.js';
import type { PlanModel } from './types.js';
import type { WorkEdge, WorkGraph } from './work-graph.js';

/**
 * The reference: the graph built the plain way (edge objects, a recursive
 * Tarjan, Kahn's algorithm over arrays), to compare the flat-array
 * implementation with on random plans.
 */
interface ReferenceGraph {
  readonly edges: WorkEdge[][];
  readonly cycles: number[][];
  readonly cyclic: number[];
  readonly order: number[];
  readonly unresolved: boolean[];
}

function referenceGraph(model: PlanModel, symbols: Symbols): ReferenceGraph {
  const taskCount = model.tasks.length;
  const nodeCount = taskCount + model.phases.length;
  const edges: WorkEdge[][] = Array.from({ length: nodeCount }, () => []);
  const unresolved: boolean[] = new Array<boolean>(nodeCount).fill(false);
  const resolve = (id: string): number | undefined => {
    const declaration = symbols.lookup('work', id);
    if (!declaration) return undefined;
    return declaration.kind === 'task' ? declaration.index : taskCount + declaration.index;
  };
  model.tasks.forEach((task, from) => {
    const phase = model.phases[task.phaseIndex];
    for (const [via, dependencies] of [['own', task.dependsOn], ['phase', phase?.dependsOn ?? []]] as const) {
      for (const dependency of dependencies) {
        const to = resolve(dependency.target.id);
        if (to === undefined) unresolved[from] = true;
        else edges[from]!.push({ from, to, via, dependency });
      }
    }
  });
  model.phases.forEach((phase, phaseIndex) => {
    const from = taskCount + phaseIndex;
    if (phase.dependsOn.some((dependency) => resolve(dependency.target.id) === undefined)) unresolved[from] = true;
    for (const to of phase.taskIndexes) edges[from]!.push({ from, to, via: 'contains' });
  });

  const index = new Map<number, number>();
  const lowLink = new Map<number, number>();
  const stack: number[] = [];
  const components: number[][] = [];
  const connect = (node: number): void => {
    index.set(node, index.size);
    lowLink.set(node, index.get(node)!);
    stack.push(node);
    for (const { to } of edges[node]!) {
      if (!index.has(to)) {
        connect(to);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(to)!));
      } else if (stack.includes(to)) {
        lowLink.set(node, Math.min(lowLink.get(node)!, index.get(to)!));
      }
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const component: number[] = [];
    let member: number;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== node);
    components.push(component);
  };
  for (let node = 0; node < nodeCount; node++) if (!index.has(node)) connect(node);
  const cycleComponents = components.filter(
    (component) => component.length > 1 || edges[component[0]!]!.some((edge) => edge.to === component[0]),
  );
  const cyclic = cycleComponents.flat();

  const order: number[] = [];
  const waitingOn = edges.map((outgoing, node) =>
    cyclic.includes(node) ? -1 : outgoing.filter((edge) => !cyclic.includes(edge.to)).length,
  );
  const ready = waitingOn.flatMap((count, node) => (count === 0 ? [node] : []));
  while (ready.length > 0) {
    const node = ready.shift()!;
    order.push(node);
    edges.forEach((outgoing, dependent) => {
      if (waitingOn[dependent]! <= 0) return;
      for (const edge of outgoing) if (edge.to === node && --waitingOn[dependent]! === 0) ready.push(dependent);
    });
  }
  return { edges, cycles: cycleComponents.map((component) => [...component].sort((a, b) => a - b)), cyclic, order, unresolved };
}

function nodesOfComponent(graph: WorkGraph, component: number): number[] {
  const { componentStart, componentNodes } = graph.structure;
  return Array.from(componentNodes.subarray(componentStart[component]!, componentStart[component + 1]!));
}

describe('buildWorkGraph on random plans', () => {
  it('builds the same edges, cycles, order and broken links as the plain algorithms, cycles included', () => {
    let plansWithCycles = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { model, symbols, graph } = randomPlan(seed);
      const reference = referenceGraph(model, symbols);
      expect(graph.edges, `seed ${seed}`).toEqual(reference.edges);
      expect(graph.cycles, `seed ${seed}`).toEqual(reference.cycles);
      expect([...graph.cyclic], `seed ${seed}`).toEqual(reference.cyclic);
      expect(graph.order, `seed ${seed}`).toEqual(reference.order);
      expect(Array.from(graph.structure.unresolvedDependency, (flag) => flag === 1), `seed ${seed}`).toEqual(
        reference.unresolved,
      );
      if (graph.cycles.length > 0) plansWithCycles++;
    }
    // The generator must exercise both kinds of plan.
    expect(plansWithCycles).toBeGreaterThan(50);
    expect(plansWithCycles).toBeLessThan(350);
  });

  it('lays out the same graph in flat arrays, components numbered prerequisites first', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const { model, graph } = randomPlan(seed);
      const { edgeStart, edgeTargets, ownEdgeEnd, phaseOf, componentOf, componentCount, componentIsCycle } = graph.structure;
      const nodeCount = graph.taskCount + graph.phaseCount;
      graph.edges.forEach((outgoing, node) => {
        expect(Array.from(edgeTargets.subarray(edgeStart[node]!, edgeStart[node + 1]!))).toEqual(
          outgoing.map((edge) => edge.to),
        );
        expect(ownEdgeEnd[node]! - edgeStart[node]!).toBe(outgoing.filter((edge) => edge.via === 'own').length);
        expect(outgoing.slice(0, ownEdgeEnd[node]! - edgeStart[node]!).every((edge) => edge.via === 'own')).toBe(true);
        expect(phaseOf[node]).toBe(graph.isPhase(node) ? node - graph.taskCount : model.tasks[node]!.phaseIndex);
        // What a node waits for is in its component or an earlier one.
        for (const edge of outgoing) expect(componentOf[edge.to]).toBeLessThanOrEqual(componentOf[node]!);
      });
      const members = Array.from({ length: componentCount }, (_, component) => nodesOfComponent(graph, component));
      expect(members.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: nodeCount }, (_, node) => node));
      const cycles = members
        .filter((_, component) => componentIsCycle[component] === 1)
        .map((nodes) => [...nodes].sort((a, b) => a - b));
      expect(cycles, `seed ${seed}`).toEqual(graph.cycles);
      members.forEach((nodes, component) => {
        for (const node of nodes) expect(componentOf[node]).toBe(component);
      });
    }
  });
});
