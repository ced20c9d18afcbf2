import type { Span } from '../model/types.js';

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
