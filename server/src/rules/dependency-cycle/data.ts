import type { Span } from '../../model/types.js';

export interface DependencyCycleData {
  readonly rule: 'dependency-cycle';
  /** The cycle as ids, first id repeated at the end. */
  readonly cycle: readonly string[];
  /** The `depends_on` item this finding sits on, when there is one. */
  readonly dependencySpan?: Span;
}
