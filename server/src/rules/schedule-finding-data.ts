import type { Span } from '../model/types.js';

/**
 * What the schedule rules' finding data share; each rule's own variant is
 * in its folder's data.ts. Dates are ISO strings as the schedule reports
 * them; day counts are working days of the plan's calendar. Every variant
 * names its task by `taskIndex` (into `PlanModel.tasks`) and, when it has
 * one, by `taskId`.
 */
export interface TaskFacts {
  /** Absent when the task has no usable id. */
  readonly taskId?: string;
  readonly taskIndex: number;
}

/** What set a task's start: a dependency of the task itself, or one of its phase. */
export interface DrivingDependency {
  /** The id of the task or phase waited for. */
  readonly id: string;
  readonly kind: 'task' | 'phase';
  /** `own`: the task's `depends_on`; `phase`: its phase's `depends_on`. */
  readonly via: 'own' | 'phase';
  /** The `depends_on` item. */
  readonly dependencySpan: Span;
}
