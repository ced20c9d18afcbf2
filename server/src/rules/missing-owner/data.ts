import type { Span } from '../../model/types.js';

/** What kind of item `missing-owner` reports. */
export type OwnedItemKind = 'task' | 'objective' | 'risk';

export interface MissingOwnerData {
  readonly rule: 'missing-owner';
  readonly itemKind: OwnedItemKind;
  /** Absent when the item has no usable id. */
  readonly id?: string;
  /** The whole item mapping, where a quick-fix inserts `owner:`. */
  readonly itemSpan: Span;
  /** For a task: the id of its phase (which has no owner either). */
  readonly phaseId?: string;
  /**
   * Declared person ids a quick-fix can offer, best first, without
   * repeats: people whose role fits the task's kind, then the plan's
   * manager.
   */
  readonly suggestions: readonly string[];
}
