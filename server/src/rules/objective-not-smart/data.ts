import type { Span } from '../../model/types.js';

/** The SMART criteria `objective-not-smart` checks (Relevant is `missing-owner`'s). */
export type SmartCriterion = 'specific' | 'measurable' | 'achievable' | 'time-bound';

export type ObjectiveField = 'statement' | 'metric' | 'baseline' | 'target' | 'due';

export interface ObjectiveNotSmartData {
  readonly rule: 'objective-not-smart';
  readonly id?: string;
  readonly itemSpan: Span;
  /** The failed criteria, in SMART order. */
  readonly failed: readonly SmartCriterion[];
  /** Keys that are not written at all: a quick-fix inserts them as a snippet. */
  readonly missingFields: readonly ObjectiveField[];
  /** Keys that are written but fail their criterion (a vague statement, a target without a number, a baseline equal to the target). */
  readonly weakFields: readonly ObjectiveField[];
}
