import type { FindingData } from './finding-data.js';
import type { Finding, RuleContext } from './types.js';
import type { QuickFix } from '../edits/types.js';

// A rule's fix reads these with the edit types in one import.
export type { FixEdit, QuickFix } from '../edits/types.js';

/**
 * Offers the fixes for one rule's findings. Providers read the finding's
 * typed `data` (never its message), the model and the yaml nodes of the
 * analysed text, and return edits over node spans.
 */
export interface FixProvider {
  readonly rule: string;
  provideFixes(finding: Finding, context: RuleContext): QuickFix[];
}

export type FindingDataOf<R extends FindingData['rule']> = Extract<FindingData, { readonly rule: R }>;

/** The finding's data when it is the variant of `rule`. */
export function findingData<R extends FindingData['rule']>(finding: Finding, rule: R): FindingDataOf<R> | undefined {
  const data = finding.data;
  return data !== undefined && data.rule === rule ? (data as FindingDataOf<R>) : undefined;
}
