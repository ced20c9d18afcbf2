import type { Span } from '../../model/types.js';

export type RiskField = 'likelihood' | 'impact' | 'mitigation';

export interface RiskIncompleteData {
  readonly rule: 'risk-incomplete';
  readonly id?: string;
  readonly itemSpan: Span;
  /** The missing fields, in the order likelihood, impact, mitigation. */
  readonly missingFields: readonly RiskField[];
}
