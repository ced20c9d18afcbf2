import type { Span } from '../../model/types.js';

export interface LowContingencyData {
  readonly rule: 'low-contingency';
  /** The contingency as written (`5%`); absent when the budget has none. */
  readonly current?: string;
  /** The contingency as a percentage number (5 for `5%`); absent when the budget has none. */
  readonly currentPercent?: number;
  readonly suggested: '10%';
  /** The `budget` mapping, where a quick-fix inserts `contingency:` when it is missing. */
  readonly budgetSpan: Span;
}
