import type { Dependency, PlanModel, Span } from './types.js';

/**
 * Whether what an earlier version's symbols and work graph were built from
 * is unchanged in a new version's model, so that they can be reused as they
 * are. Most keystrokes (a duration, a name, a load) leave every id, item
 * span and dependency where it was; rebuilding the symbol tables and the
 * graph for them is work that gives the same result. Untouched items keep
 * their objects after an incremental re-parse (model/build-plan-model.ts),
 * so the comparison is mostly identity checks; an item that was re-read or
 * moved is compared by content, spans included (the symbols and the graph
 * hand their spans to findings, hovers and renames).
 */

/** collectSymbols would give the same declarations for `next` as for `previous`. */
export function sameDeclarations(previous: PlanModel, next: PlanModel): boolean {
  return (
    sameDeclaringItems(previous.people, next.people) &&
    sameDeclaringItems(previous.objectives, next.objectives) &&
    sameDeclaringItems(previous.phases, next.phases) &&
    sameDeclaringItems(previous.tasks, next.tasks) &&
    sameDeclaringItems(previous.risks, next.risks) &&
    sameDeclaringItems(previous.communications, next.communications)
  );
}

/**
 * buildWorkGraph would give the same graph for `next` as for `previous`,
 * given the same symbols (check `sameDeclarations` first): the same tasks
 * in the same phases, the same phases with the same tasks, and the same
 * dependencies, spans included.
 */
export function sameWorkGraphInput(previous: PlanModel, next: PlanModel): boolean {
  if (previous.tasks.length !== next.tasks.length || previous.phases.length !== next.phases.length) return false;
  for (let index = 0; index < next.tasks.length; index++) {
    const before = previous.tasks[index]!;
    const after = next.tasks[index]!;
    if (before === after) continue;
    if (before.phaseIndex !== after.phaseIndex || !sameDependencies(before.dependsOn, after.dependsOn)) return false;
  }
  for (let index = 0; index < next.phases.length; index++) {
    const before = previous.phases[index]!;
    const after = next.phases[index]!;
    if (before === after) continue;
    if (!sameNumbers(before.taskIndexes, after.taskIndexes) || !sameDependencies(before.dependsOn, after.dependsOn)) return false;
  }
  return true;
}

interface DeclaringItem {
  readonly id?: { readonly value: string; readonly span: Span };
  readonly span: Span;
}

function sameDeclaringItems(previous: readonly DeclaringItem[], next: readonly DeclaringItem[]): boolean {
  if (previous.length !== next.length) return false;
  for (let index = 0; index < next.length; index++) {
    const before = previous[index]!;
    const after = next[index]!;
    if (before === after) continue;
    if (!sameSpan(before.span, after.span)) return false;
    if (before.id === after.id) continue;
    if (!before.id || !after.id || before.id.value !== after.id.value || !sameSpan(before.id.span, after.id.span)) return false;
  }
  return true;
}

function sameDependencies(previous: readonly Dependency[], next: readonly Dependency[]): boolean {
  if (previous === next) return true;
  if (previous.length !== next.length) return false;
  for (let index = 0; index < next.length; index++) {
    const before = previous[index]!;
    const after = next[index]!;
    if (before === after) continue;
    if (
      before.type !== after.type ||
      before.lag.amount !== after.lag.amount ||
      before.lag.unit !== after.lag.unit ||
      !sameSpan(before.span, after.span) ||
      before.target.id !== after.target.id ||
      before.target.namespace !== after.target.namespace ||
      before.target.role !== after.target.role ||
      !sameSpan(before.target.span, after.target.span)
    ) {
      return false;
    }
  }
  return true;
}

function sameNumbers(previous: readonly number[], next: readonly number[]): boolean {
  if (previous === next) return true;
  if (previous.length !== next.length) return false;
  for (let index = 0; index < next.length; index++) if (previous[index] !== next[index]) return false;
  return true;
}

function sameSpan(previous: Span, next: Span): boolean {
  return previous.start === next.start && previous.end === next.end;
}
