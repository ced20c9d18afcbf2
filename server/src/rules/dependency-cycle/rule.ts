import { shortestCycleThrough } from '../../model/work-graph.js';
import type { Finding, Rule } from '../types.js';

/**
 * Every member of every cycle is reported: on each `depends_on` item that
 * leads to another member (so a quick-fix can remove that link), or on the
 * member's id when its part in the cycle is implicit (a phase spanning a
 * task that waits for it).
 */
export const dependencyCycleRule: Rule<'dependency-cycle'> = {
  name: 'dependency-cycle',
  defaultSeverity: 'error',
  summary: 'tasks or phases that depend on themselves, directly or through others',
  *check({ model, graph }): Iterable<Finding> {
    for (const component of graph.cycles) {
      const members = new Set(component);
      for (const node of component) {
        const cycle = shortestCycleThrough(graph, node, members).map((member) => graph.nodeName(member));
        const described = cycle.join(' -> ');
        const item = graph.isPhase(node) ? model.phases[node - graph.taskCount] : model.tasks[node];
        const name = graph.nodeName(node);
        const explicitEdges = (graph.edges[node] ?? []).filter(
          (edge) => edge.via === 'own' && edge.dependency && members.has(edge.to),
        );
        const phaseEdges = graph.isPhase(node)
          ? (model.phases[node - graph.taskCount]?.dependsOn ?? []).filter((dependency) =>
              component.some((member) => graph.nodeName(member) === dependency.target.id),
            )
          : [];
        const spans = [
          ...explicitEdges.map((edge) => edge.dependency!.target.span),
          ...phaseEdges.map((dependency) => dependency.target.span),
        ];
        const dependencySpans = [
          ...explicitEdges.map((edge) => edge.dependency!.span),
          ...phaseEdges.map((dependency) => dependency.span),
        ];
        const message = `Dependency cycle: ${described}. '${name}' can never start because it waits for itself.`;
        if (spans.length === 0) {
          const span = item?.id?.span ?? item?.span;
          if (span) yield { rule: 'dependency-cycle', message, span, data: { rule: 'dependency-cycle', cycle } };
          continue;
        }
        for (const [position, span] of spans.entries()) {
          yield {
            rule: 'dependency-cycle',
            message,
            span,
            data: { rule: 'dependency-cycle', cycle, dependencySpan: dependencySpans[position] },
          };
        }
      }
    }
  },
};
