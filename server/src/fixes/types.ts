import type { Span } from '../model/types.js';
import type { FindingData } from '../rules/finding-data.js';
import type { Finding, RuleContext } from '../rules/types.js';

/**
 * One replacement in the document, in offsets (the service turns it into an
 * LSP range). An insertion has an empty span.
 */
export interface FixEdit {
  readonly span: Span;
  readonly newText: string;
  /**
   * The same edit as LSP snippet text (`${1:TODO}` placeholders), for
   * clients that accept snippet edits in a code action. `newText` is always
   * usable on its own.
   */
  readonly snippet?: string;
}

/** A quick fix: a titled set of minimal, non-overlapping edits. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly FixEdit[];
  /** The fix an editor may apply on "auto fix" (one clear best choice). */
  readonly isPreferred?: boolean;
  /** Some edit carries a `snippet`: worth sending as a snippet edit where the client can. */
  readonly isSnippet?: boolean;
}

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
