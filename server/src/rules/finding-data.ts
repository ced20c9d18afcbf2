import type { Span } from '../model/types.js';
import type { PracticeFindingData } from './practice-finding-data.js';
import type { QualityFindingData } from './quality-finding-data.js';
import type { ScheduleFindingData } from './schedule-finding-data.js';

/**
 * Typed data attached to findings, so quick-fixes read facts instead of
 * re-analysing the plan or parsing message text. Each variant is keyed by
 * the rule that produces it.
 */
export type FindingData =
  | { readonly rule: 'schema'; readonly kind: 'unknown-key'; readonly key: string; readonly suggestion?: string }
  | { readonly rule: 'schema'; readonly kind: 'invalid-value'; readonly allowed?: readonly string[] }
  | { readonly rule: 'schema'; readonly kind: 'missing-key'; readonly key: string }
  | {
      readonly rule: 'duplicate-id';
      readonly id: string;
      readonly namespace: string;
      readonly firstSpan: Span;
      readonly freeId: string;
    }
  | {
      readonly rule: 'unknown-reference';
      readonly id: string;
      readonly namespace: string;
      /** Declared ids closest to the unknown one, best first. */
      readonly candidates: readonly string[];
    }
  | {
      readonly rule: 'dependency-cycle';
      /** The cycle as ids, first id repeated at the end. */
      readonly cycle: readonly string[];
      /** The `depends_on` item this finding sits on, when there is one. */
      readonly dependencySpan?: Span;
    }
  | ScheduleFindingData
  | PracticeFindingData
  | QualityFindingData;
