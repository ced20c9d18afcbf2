import type { Dependency } from '../../model/types.js';
import type { Finding, Rule, RuleContext } from '../types.js';
import { quotedNode } from '../schedule-rule-support.js';

/**
 * On the target of each `depends_on` item that names a task or phase of a
 * later phase (by the phases' written order): a task's own dependencies,
 * and a phase's dependencies (once, on the phase's item, not once per task
 * it applies to). Every dependency type counts: a start-to-start link to a
 * later phase inverts the order just as much. Silent on cycles (reported by
 * `dependency-cycle`) and without a schedule, like every schedule rule.
 */
export const phaseOrderRule: Rule<'phase-order'> = {
  name: 'phase-order',
  defaultSeverity: 'warning',
  summary: 'a task depends on a task of a later phase',
  *check(context): Iterable<Finding> {
    const { model, symbols, graph, schedule } = context;
    if (!schedule) return;
    for (const [phaseIndex, phase] of model.phases.entries()) {
      const node = graph.phaseNode(phaseIndex);
      for (const dependency of phase.dependsOn) {
        const declaration = symbols.lookup('work', dependency.target.id);
        if (!declaration) continue;
        const targetNode = declaration.kind === 'phase' ? graph.phaseNode(declaration.index) : declaration.index;
        const finding = check(context, 'phase', node, phaseIndex, dependency, targetNode);
        if (finding) yield finding;
      }
    }
    // A task's own dependencies as the graph resolved them (the ones naming nothing are not this
    // rule's), read from the flat arrays so that only a dependency on a later phase costs more.
    const { edgeStart, ownEdgeEnd, edgeTargets, phaseOf } = graph.structure;
    for (let taskIndex = 0; taskIndex < graph.taskCount; taskIndex++) {
      for (let edge = edgeStart[taskIndex]!; edge < ownEdgeEnd[taskIndex]!; edge++) {
        const targetNode = edgeTargets[edge]!;
        if (phaseOf[targetNode]! <= phaseOf[taskIndex]!) continue;
        const dependency = graph.edges[taskIndex]?.[edge - edgeStart[taskIndex]!]?.dependency;
        const finding = dependency && check(context, 'task', taskIndex, phaseOf[taskIndex]!, dependency, targetNode);
        if (finding) yield finding;
      }
    }
  },
};

function check(
  { model, graph }: RuleContext,
  dependentKind: 'task' | 'phase',
  node: number,
  phaseIndex: number,
  dependency: Dependency,
  targetNode: number,
): Finding | undefined {
  const targetKind = graph.isPhase(targetNode) ? 'phase' : 'task';
  const targetPhaseIndex = targetKind === 'phase' ? targetNode - graph.taskCount : model.tasks[targetNode]?.phaseIndex;
  if (targetPhaseIndex === undefined || targetPhaseIndex <= phaseIndex) return undefined;
  if (graph.cyclic.has(node) || graph.cyclic.has(targetNode)) return undefined;

  const phaseId = model.phases[phaseIndex]?.id?.value;
  const targetPhaseId = model.phases[targetPhaseIndex]?.id?.value;
  const phaseName = quotedNode(graph, graph.phaseNode(phaseIndex));
  const targetPhaseName = quotedNode(graph, graph.phaseNode(targetPhaseIndex));
  const dependent =
    dependentKind === 'phase' ? `Phase ${phaseName}` : `Task ${quotedNode(graph, node)} of phase ${phaseName}`;
  const target =
    targetKind === 'phase'
      ? `the later phase ${targetPhaseName}`
      : `'${dependency.target.id}' of the later phase ${targetPhaseName}`;
  const dependentId = dependentKind === 'phase' ? phaseId : model.tasks[node]?.id?.value;
  return {
    rule: 'phase-order',
    message:
      `${dependent} depends on ${target}: phases run in the order they are written, ` +
      'so the dependency or the phase of the dependent work is wrong.',
    span: dependency.target.span,
    data: {
      rule: 'phase-order',
      dependentKind,
      dependentId,
      taskId: dependentKind === 'task' ? dependentId : undefined,
      phaseId,
      phaseIndex,
      targetId: dependency.target.id,
      targetKind,
      targetPhaseId,
      targetPhaseIndex,
      dependencySpan: dependency.span,
    },
  };
}
