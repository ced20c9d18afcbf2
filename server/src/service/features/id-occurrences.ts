import type { Declaration } from '../../model/symbols.js';
import type { Namespace, Reference } from '../../model/types.js';
import type { PlanAnalysis } from '../../analysis/analyze-plan.js';

/** Every place an id of one namespace is written, in document order. */
export interface IdOccurrences {
  /** All declarations of the id (more than one when it is a duplicate). */
  readonly declarations: readonly Declaration[];
  readonly references: readonly Reference[];
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
