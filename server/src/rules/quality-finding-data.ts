import type { Span } from '../model/types.js';

/** What kind of item `missing-owner` reports. */
export type OwnedItemKind = 'task' | 'objective' | 'risk';

/** The SMART criteria `objective-not-smart` checks (Relevant is `missing-owner`'s). */
export type SmartCriterion = 'specific' | 'measurable' | 'achievable' | 'time-bound';

export type ObjectiveField = 'statement' | 'metric' | 'baseline' | 'target' | 'due';

export type RiskField = 'likelihood' | 'impact' | 'mitigation';

/** Typed finding data of the quality rules; add one variant per rule that carries data. */
export type QualityFindingData =
  | {
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
  | {
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
  | {
      readonly rule: 'no-sponsor';
      /** Declared person ids whose role reads like an executive sponsor, best first. */
      readonly suggestions: readonly string[];
    }
  | {
      readonly rule: 'risk-incomplete';
      readonly id?: string;
      readonly itemSpan: Span;
      /** The missing fields, in the order likelihood, impact, mitigation. */
      readonly missingFields: readonly RiskField[];
    }
  | {
      readonly rule: 'low-contingency';
      /** The contingency as written (`5%`); absent when the budget has none. */
      readonly current?: string;
      /** The contingency as a percentage number (5 for `5%`); absent when the budget has none. */
      readonly currentPercent?: number;
      readonly suggested: '10%';
      /** The `budget` mapping, where a quick-fix inserts `contingency:` when it is missing. */
      readonly budgetSpan: Span;
    }
  | {
      readonly rule: 'customization-heavy';
      /** Total working days of `customization` tasks. */
      readonly customizationDays: number;
      /** Total working days of `configuration` tasks. */
      readonly configurationDays: number;
      /** Ids of the customization tasks, largest first. */
      readonly customizationTasks: readonly string[];
    };
