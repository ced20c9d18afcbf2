import type { Span } from '../../model/types.js';

/**
 * A `depends_on` item names a task or phase of a later phase. Fixes: remove
 * the dependency, or move the dependent task into a later phase.
 */
export interface PhaseOrderData {
  readonly rule: 'phase-order';
  /** `task`: a task's own `depends_on`; `phase`: a phase's `depends_on` (it applies to each of its tasks). */
  readonly dependentKind: 'task' | 'phase';
  /** The id of the task (or phase) whose `depends_on` this is; absent when it has none. */
  readonly dependentId?: string;
  /** The task's id for a task's own dependency (same as dependentId); absent for a phase's. */
  readonly taskId?: string;
  /** The phase the dependent task (or the dependent phase itself) belongs to. */
  readonly phaseId?: string;
  readonly phaseIndex: number;
  /** The task or phase depended on. */
  readonly targetId: string;
  readonly targetKind: 'task' | 'phase';
  /** The (later) phase of the target: the target itself when it is a phase. */
  readonly targetPhaseId?: string;
  readonly targetPhaseIndex: number;
  /** The whole `depends_on` item, for a quick-fix that removes it. */
  readonly dependencySpan: Span;
}
