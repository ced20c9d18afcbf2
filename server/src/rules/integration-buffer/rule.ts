import type { Span } from '../../model/types.js';
import type { WorkEdge } from '../../model/work-graph.js';
import type { Finding, Rule } from '../types.js';
import { quotedNode } from '../schedule-rule-support.js';
import { joinWords } from '../../util/phrases.js';

/**
 * On the `complexity: high` value of each integration task that is followed
 * by work starting right at its finish: a task with a finish-to-start
 * dependency on it (its own `depends_on` or its phase's) that starts no
 * later than the working day after its last day. A dependency on the
 * integration's phase counts when the integration is what ends the phase.
 * A positive lag that the schedule honours is a buffer; a negative lag is
 * less than none. Start-to-start links do not wait for its finish, so they
 * are not "what follows it". Silent when nothing follows it.
 */
export const integrationBufferRule: Rule<'integration-buffer'> = {
  name: 'integration-buffer',
  defaultSeverity: 'hint',
  summary: 'a high-complexity integration has no slack before what follows it',
  *check({ model, graph, schedule }): Iterable<Finding> {
    if (!schedule) return;
    const integrations: number[] = [];
    model.tasks.forEach((task, taskIndex) => {
      if (task.kind === 'integration' && task.complexity?.value === 'high' && schedule.tasks[taskIndex]) integrations.push(taskIndex);
    });
    if (integrations.length === 0) return;

    // Who waits for each integration, or for its phase: one pass over the edges.
    const watched = new Set<number>();
    for (const taskIndex of integrations) {
      watched.add(taskIndex);
      watched.add(graph.phaseNode(model.tasks[taskIndex]!.phaseIndex));
    }
    const waiting = new Map<number, { successor: number; edge: WorkEdge }[]>();
    for (let successor = 0; successor < graph.taskCount; successor++) {
      if (!schedule.tasks[successor]) continue;
      for (const edge of graph.edges[successor] ?? []) {
        if (!watched.has(edge.to) || edge.dependency?.type !== 'FS') continue;
        let list = waiting.get(edge.to);
        if (!list) waiting.set(edge.to, (list = []));
        list.push({ successor, edge });
      }
    }

    for (const taskIndex of integrations) {
      const task = model.tasks[taskIndex]!;
      const scheduled = schedule.tasks[taskIndex]!;
      const phaseNode = graph.phaseNode(task.phaseIndex);
      const endsPhase = schedule.phases[task.phaseIndex]?.e === scheduled.e;
      const links = [...(waiting.get(taskIndex) ?? []), ...(endsPhase ? (waiting.get(phaseNode) ?? []) : [])];
      const tight = new Set<number>();
      const spans = new Map<number, Span>();
      for (const { successor, edge } of links) {
        if (successor === taskIndex || schedule.tasks[successor]!.s > scheduled.e) continue;
        tight.add(successor);
        const span = edge.dependency!.span;
        spans.set(span.start, span);
      }
      if (tight.size === 0 || !task.complexity) continue;
      const successors = [...tight].sort((a, b) => a - b);
      const names = successors.map((successor) => quotedNode(graph, successor));
      const verb = successors.length === 1 ? 'starts' : 'start';
      yield {
        rule: 'integration-buffer',
        message:
          `High-complexity integration ${quotedNode(graph, taskIndex)} has no buffer before what follows it: ` +
          `${joinWords(names)} ${verb} as soon as it finishes on ${scheduled.finish}, so any slip in it delays ` +
          `${successors.length === 1 ? 'that task' : 'them'}. Add a lag or a buffer task.`,
        span: task.complexity.span,
        data: {
          rule: 'integration-buffer',
          taskId: task.id?.value,
          taskIndex,
          successors: successors.flatMap((successor) => {
            const id = model.tasks[successor]?.id?.value;
            return id === undefined ? [] : [id];
          }),
          dependencySpans: [...spans.values()].sort((a, b) => a.start - b.start),
        },
      };
    }
  },
};
