import type { Declaration } from '../../model/symbols.js';
import type { Namespace, Reference, Span } from '../../model/types.js';
import type { PlanAnalysis } from '../../analysis/analyze-plan.js';

/** The id under the cursor: a declaration's `id` or a reference to one. */
export interface IdAtOffset {
  readonly id: string;
  readonly namespace: Namespace;
  /** The id text under the cursor (inside `due: 30d after <id>` only the id). */
  readonly span: Span;
  /** Set when the cursor is on a declaration rather than on a reference. */
  readonly declaration?: Declaration;
}

/** Every place an id of one namespace is written, in document order. */
export interface IdOccurrences {
  /** All declarations of the id (more than one when it is a duplicate). */
  readonly declarations: readonly Declaration[];
  readonly references: readonly Reference[];
}

/**
 * Finds the declaration or reference at `offset` from the model's spans. A
 * cursor right after the last character still counts (that is where it
 * sits after typing or double-clicking an id); a span that strictly
 * contains the offset wins over one that merely ends there.
 */
export function idAtOffset(analysis: Pick<PlanAnalysis, 'model' | 'symbols'>, offset: number): IdAtOffset | undefined {
  let touching: IdAtOffset | undefined;
  const consider = (candidate: IdAtOffset): IdAtOffset | undefined => {
    if (candidate.span.start <= offset && offset < candidate.span.end) return candidate;
    if (offset === candidate.span.end && !touching) touching = candidate;
    return undefined;
  };
  for (const declaration of analysis.symbols.declarations) {
    const hit = consider({ id: declaration.id, namespace: declaration.namespace, span: declaration.span, declaration });
    if (hit) return hit;
  }
  for (const reference of analysis.model.references) {
    const hit = consider({ id: reference.id, namespace: reference.namespace, span: reference.span });
    if (hit) return hit;
  }
  return touching;
}

export function occurrencesOf(
  analysis: Pick<PlanAnalysis, 'model' | 'symbols'>,
  namespace: Namespace,
  id: string,
): IdOccurrences {
  return {
    declarations: analysis.symbols.declarations.filter(
      (declaration) => declaration.namespace === namespace && declaration.id === id,
    ),
    references: analysis.model.references.filter(
      (reference) => reference.namespace === namespace && reference.id === id,
    ),
  };
}
