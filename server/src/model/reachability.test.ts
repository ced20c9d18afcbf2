import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../parse/parse-plan-text.js';
import { buildPlanModel } from './build-plan-model.js';
import { plainWalk, randomPlan } from './random-plan-test-support.js';
import { nodesWaitingFor, predecessorTasks, successorTasks, targetsDownstream, targetsUpstream, upstreamPairs } from './reachability.js';
import { seededRandom } from '../schedule/schedule-test-support.js';
import { collectSymbols } from './symbols.js';
import { buildWorkGraph, type WorkGraph } from './work-graph.js';

function analyse(text: string): { graph: WorkGraph; ids: (tasks: Iterable<number>) => string[]; index: (id: string) => number } {
  const model = buildPlanModel(parsePlanText(text));
  const graph = buildWorkGraph(model, collectSymbols(model));
  return {
    graph,
    ids: (tasks) => [...tasks].map((task) => model.tasks[task]?.id?.value ?? '?').sort(),
    index: (id) => model.tasks.findIndex((task) => task.id?.value === id),
  };
}

const HEAD = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n';

describe('predecessorTasks / successorTasks', () => {
  it('follows chains of task dependencies in both directions', () => {
    const { graph, ids, index } = analyse(`${HEAD}  - id: p
    tasks:
      - {id: a, name: A, duration: 1d}
      - {id: b, name: B, duration: 1d, depends_on: [a]}
      - {id: c, name: C, duration: 1d, depends_on: [{task: b, type: SS, lag: -1d}]}
      - {id: d, name: D, duration: 1d}
`);
    expect(ids(predecessorTasks(graph, index('c')))).toEqual(['a', 'b']);
    expect(ids(successorTasks(graph, index('a')))).toEqual(['b', 'c']);
    expect(ids(predecessorTasks(graph, index('d')))).toEqual([]);
    expect(ids(successorTasks(graph, index('d')))).toEqual([]);
  });

  it("treats a phase's depends_on as every task's, and a dependency on a phase as one on each of its tasks", () => {
    const { graph, ids, index } = analyse(`${HEAD}  - id: one
    tasks:
      - {id: a, name: A, duration: 1d}
      - {id: b, name: B, duration: 1d}
  - id: two
    depends_on: [one]
    tasks:
      - {id: c, name: C, duration: 1d}
  - id: three
    tasks:
      - {id: d, name: D, duration: 1d, depends_on: [two]}
      - {id: e, name: E, duration: 1d}
`);
    expect(ids(predecessorTasks(graph, index('c')))).toEqual(['a', 'b']);
    expect(ids(predecessorTasks(graph, index('d')))).toEqual(['a', 'b', 'c']);
    expect(ids(successorTasks(graph, index('a')))).toEqual(['c', 'd']);
    expect(ids(successorTasks(graph, index('c')))).toEqual(['d']);
  });

  it('does not make the siblings in a phase predecessors or successors of each other', () => {
    const { graph, ids, index } = analyse(`${HEAD}  - id: one
    depends_on: [zero]
    tasks:
      - {id: a, name: A, duration: 1d}
      - {id: b, name: B, duration: 1d}
  - id: zero
    tasks:
      - {id: z, name: Z, duration: 1d}
  - id: two
    tasks:
      - {id: c, name: C, duration: 1d, depends_on: [one]}
`);
    expect(ids(predecessorTasks(graph, index('b')))).toEqual(['z']);
    expect(ids(successorTasks(graph, index('a')))).toEqual(['c']);
    expect(ids(successorTasks(graph, index('z')))).toEqual(['a', 'b', 'c']);
  });

  it('reaches across phases through mixed chains of task and phase dependencies', () => {
    const { graph, ids, index } = analyse(`${HEAD}  - id: one
    tasks:
      - {id: a, name: A, duration: 1d}
  - id: two
    depends_on: [a]
    tasks:
      - {id: b, name: B, duration: 1d}
  - id: three
    tasks:
      - {id: c, name: C, duration: 1d, depends_on: [b]}
  - id: four
    depends_on: [three]
    tasks:
      - {id: d, name: D, duration: 1d}
`);
    expect(ids(predecessorTasks(graph, index('d')))).toEqual(['a', 'b', 'c']);
    expect(ids(successorTasks(graph, index('a')))).toEqual(['b', 'c', 'd']);
  });

  it('ends on cycles without listing a task as its own predecessor', () => {
    const { graph, ids, index } = analyse(`${HEAD}  - id: p
    tasks:
      - {id: a, name: A, duration: 1d, depends_on: [c]}
      - {id: b, name: B, duration: 1d, depends_on: [a]}
      - {id: c, name: C, duration: 1d, depends_on: [b]}
      - {id: d, name: D, duration: 1d, depends_on: [c]}
      - {id: e, name: E, duration: 1d, depends_on: [q]}
  - id: q
    tasks:
      - {id: f, name: F, duration: 1d, depends_on: [q]}
`);
    expect(ids(predecessorTasks(graph, index('a')))).toEqual(['b', 'c']);
    expect(ids(successorTasks(graph, index('a')))).toEqual(['b', 'c', 'd']);
    expect(ids(predecessorTasks(graph, index('d')))).toEqual(['a', 'b', 'c']);
    // f depends on its own phase: a cycle, but not a reason to list f.
    expect(ids(predecessorTasks(graph, index('f')))).toEqual([]);
    expect(ids(predecessorTasks(graph, index('e')))).toEqual(['f']);
  });

  it('ignores dependencies that name nothing and indexes that are not tasks', () => {
    const { graph, ids, index } = analyse(`${HEAD}  - id: p
    tasks:
      - {id: a, name: A, duration: 1d, depends_on: [nowhere]}
`);
    expect(ids(predecessorTasks(graph, index('a')))).toEqual([]);
    expect(ids(predecessorTasks(graph, graph.phaseNode(0)))).toEqual([]);
    expect(ids(successorTasks(graph, -1))).toEqual([]);
  });
});

describe('nodesWaitingFor', () => {
  it('lists the targets and every task and phase that waits for one of them, through phases too', () => {
    const { graph, index } = analyse(`${HEAD}  - id: one
    tasks:
      - {id: a, name: A, duration: 1d}
      - {id: b, name: B, duration: 1d}
  - id: two
    depends_on: [one]
    tasks:
      - {id: c, name: C, duration: 1d}
  - id: three
    tasks:
      - {id: d, name: D, duration: 1d, depends_on: [two]}
      - {id: e, name: E, duration: 1d}
`);
    const names = (nodes: Set<number>): string[] => [...nodes].map((node) => graph.nodeName(node)).sort();
    // Phase one finishes with a; c waits for phase one; phase two finishes with c; d waits for two; three with d.
    expect(names(nodesWaitingFor(graph, [index('a')]))).toEqual(['a', 'c', 'd', 'one', 'three', 'two']);
    expect(names(nodesWaitingFor(graph, [index('e'), graph.phaseNode(2)]))).toEqual(['e', 'three']);
    expect(names(nodesWaitingFor(graph, [-1, 0.5, graph.taskCount + graph.phaseCount]))).toEqual([]);
  });

  it('answers like a plain breadth-first search over the edges turned round, on random plans', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { graph } = randomPlan(seed);
      const nodeCount = graph.taskCount + graph.phaseCount;
      const waiters: number[][] = Array.from({ length: nodeCount }, () => []);
      graph.edges.forEach((edges, from) => edges.forEach((edge) => waiters[edge.to]!.push(from)));
      for (let node = 0; node < nodeCount; node++) {
        const found = new Set([node]);
        const queue = [node];
        for (let head = 0; head < queue.length; head++) {
          for (const waiter of waiters[queue[head]!]!) {
            if (found.has(waiter)) continue;
            found.add(waiter);
            queue.push(waiter);
          }
        }
        expect([...nodesWaitingFor(graph, [node])].sort((x, y) => x - y), `seed ${seed} node ${node}`).toEqual([...found].sort((x, y) => x - y));
      }
    }
  });
});

describe('targetsUpstream / targetsDownstream', () => {
  const PLAN = `${HEAD}  - id: one
    tasks:
      - {id: a, name: A, duration: 1d}
      - {id: b, name: B, duration: 1d}
  - id: two
    depends_on: [one]
    tasks:
      - {id: c, name: C, duration: 1d}
      - {id: d, name: D, duration: 1d, depends_on: [e]}
      - {id: e, name: E, duration: 1d, depends_on: [d]}
  - id: three
    tasks:
      - {id: f, name: F, duration: 1d, depends_on: [two]}
      - {id: g, name: G, duration: 1d}
`;

  it('answers for every task at once what the walk from each task answers, cycles included', () => {
    const { graph, index } = analyse(PLAN);
    const all = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(index);
    const upstream = targetsUpstream(graph, all);
    const downstream = targetsDownstream(graph, all);
    for (const task of all) {
      expect(new Set(upstream.of(task))).toEqual(predecessorTasks(graph, task));
      expect(new Set(downstream.of(task))).toEqual(successorTasks(graph, task));
      expect(upstream.any(task)).toBe(predecessorTasks(graph, task).size > 0);
      expect(downstream.any(task)).toBe(successorTasks(graph, task).size > 0);
    }
  });

  it('answers only about the targets, and never calls a task on a cycle its own predecessor', () => {
    const { graph, index } = analyse(PLAN);
    const upstream = targetsUpstream(graph, [index('a'), index('d')]);
    expect(upstream.of(index('f'))).toEqual([index('a'), index('d')]);
    expect(upstream.reaches(index('e'), index('d'))).toBe(true);
    expect(upstream.reaches(index('d'), index('d'))).toBe(false);
    expect(upstream.of(index('d'))).toEqual([index('a')]);
    expect(upstream.reaches(index('f'), index('b'))).toBe(false);
    expect(upstream.any(index('g'))).toBe(false);
    const none = targetsDownstream(graph, []);
    expect(none.any(index('a'))).toBe(false);
    expect(none.of(index('a'))).toEqual([]);
  });

  it('handles more than 32 targets', () => {
    const lines = [HEAD, '  - id: p\n    tasks:\n'];
    for (let task = 0; task < 70; task++) {
      lines.push(`      - {id: t${task}, name: T, duration: 1d${task > 0 ? `, depends_on: [t${task - 1}]` : ''}}\n`);
    }
    const { graph } = analyse(lines.join(''));
    const all = Array.from({ length: 70 }, (_, task) => task);
    expect(targetsUpstream(graph, all).of(69)).toEqual(all.slice(0, 69));
    expect(targetsDownstream(graph, all).of(0)).toEqual(all.slice(1));
    expect(targetsUpstream(graph, all).reaches(40, 33)).toBe(true);
    expect(targetsDownstream(graph, all).reaches(40, 33)).toBe(false);
  });

  it('answers on a 10,000-task plan: single walks, and 1,000 targets at once', () => {
    const lines = [HEAD];
    for (let phase = 0; phase < 100; phase++) {
      lines.push(`  - id: p${phase}\n`);
      if (phase > 0) lines.push(`    depends_on: [p${phase - 1}]\n`);
      lines.push('    tasks:\n');
      for (let task = 0; task < 100; task++) {
        const id = `t${phase * 100 + task}`;
        const dependency = task > 0 ? `, depends_on: [t${phase * 100 + task - 1}]` : '';
        lines.push(`      - {id: ${id}, name: T, duration: 1d${dependency}}\n`);
      }
    }
    const { graph, index } = analyse(lines.join(''));
    // How fast is the benchmarks' business (bench/), never a test's: a busy machine must not fail it.
    for (let round = 0; round < 10; round++) {
      expect(predecessorTasks(graph, index('t9999')).size).toBe(9999);
      expect(successorTasks(graph, index('t0')).size).toBe(9999);
    }
    const everyTenth = Array.from({ length: 1000 }, (_, position) => position * 10);
    const upstream = targetsUpstream(graph, everyTenth);
    const downstream = targetsDownstream(graph, everyTenth);
    expect(upstream.of(index('t9999'))).toHaveLength(1000);
    expect(downstream.of(index('t5000'))).toHaveLength(499);
  });
});

describe('reachability on random plans', () => {
  /** Targets as rules pass them, and as they should not: repeats, phases, indexes out of range. */
  function randomTargets(graph: WorkGraph, random: () => number): number[] {
    const nodeCount = graph.taskCount + graph.phaseCount;
    const count = Math.floor(random() * (graph.taskCount + 3));
    const targets = Array.from({ length: count }, () => Math.floor(random() * (nodeCount + 2)) - 1);
    if (random() < 0.2) return Array.from({ length: graph.taskCount }, (_, task) => task);
    return targets;
  }

  it('walks from one task like the plain breadth-first search, in the same order, cycles included', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { graph } = randomPlan(seed);
      for (let task = 0; task < graph.taskCount; task++) {
        expect([...predecessorTasks(graph, task)], `seed ${seed} task ${task}`).toEqual(plainWalk(graph, task, 'upstream'));
        expect([...successorTasks(graph, task)], `seed ${seed} task ${task}`).toEqual(plainWalk(graph, task, 'downstream'));
      }
      for (const notATask of [-1, graph.taskCount, graph.taskCount + graph.phaseCount, 0.5]) {
        expect(predecessorTasks(graph, notATask).size).toBe(0);
        expect(successorTasks(graph, notATask).size).toBe(0);
      }
    }
  });

  it('answers any, reaches and of for every task as the walk from each task does', () => {
    const random = seededRandom(7);
    for (let seed = 1; seed <= 300; seed++) {
      const { graph } = randomPlan(seed);
      const queried = [-1, 0.5, ...Array.from({ length: graph.taskCount + graph.phaseCount + 1 }, (_, node) => node)];
      for (const direction of ['upstream', 'downstream'] as const) {
        const targets = randomTargets(graph, random);
        const reachability = direction === 'upstream' ? targetsUpstream(graph, targets) : targetsDownstream(graph, targets);
        // The answers are computed lazily: ask in a different order each time.
        const anyFirst = random() < 0.5;
        for (const node of queried) {
          const isTask = Number.isInteger(node) && node >= 0 && node < graph.taskCount;
          const reached = new Set(isTask ? plainWalk(graph, node, direction) : []);
          const where = `seed ${seed} ${direction} node ${node} targets ${targets.join(',')}`;
          const expectedAny = targets.some((target) => reached.has(target));
          if (anyFirst) expect(reachability.any(node), where).toBe(expectedAny);
          expect(reachability.of(node), where).toEqual(targets.filter((target) => reached.has(target)));
          expect(
            queried.map((other) => reachability.reaches(node, other)),
            where,
          ).toEqual(queried.map((other) => targets.includes(other) && reached.has(other)));
          if (!anyFirst) expect(reachability.any(node), where).toBe(expectedAny);
        }
      }
    }
  });

  it('answers upstreamPairs like the walk, whichever list is shorter', () => {
    const random = seededRandom(11);
    for (let seed = 1; seed <= 300; seed++) {
      const { graph } = randomPlan(seed);
      const tasks = Array.from({ length: graph.taskCount }, (_, task) => task);
      const earlier = tasks.filter(() => random() < 0.3);
      const later = tasks.filter(() => random() < (random() < 0.5 ? 0.1 : 0.6));
      for (const [first, second] of [[earlier, later], [later, earlier]] as const) {
        const upstream = upstreamPairs(graph, first, second);
        for (const b of second) {
          const predecessors = new Set(plainWalk(graph, b, 'upstream'));
          expect(
            first.map((a) => upstream(a, b)),
            `seed ${seed} before ${b}`,
          ).toEqual(first.map((a) => predecessors.has(a)));
        }
      }
    }
  });
});
