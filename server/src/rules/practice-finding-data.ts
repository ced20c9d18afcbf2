import type { TaskKind } from '../model/types.js';

/**
 * The finding data shapes the practice rules share; each rule names its own
 * variant in its folder (data.ts or index.ts). Every finding sits on the
 * `kind` value of a go-live or data-migration task; `taskId` and
 * `taskIndex` (into `PlanModel.tasks`) name that task so a quick-fix can
 * find its mapping, phase and `depends_on` without re-analysing the plan.
 */

export interface TaskFacts {
  readonly taskId: string;
  readonly taskIndex: number;
}

/**
 * No task of `neededKind` is among the task's predecessors. Fixes: "add a
 * dependency on <candidate>" or "insert a new task of `neededKind` before
 * it".
 */
export interface MissingPredecessorData extends TaskFacts {
  readonly rule:
    | 'migration-without-cleansing'
    | 'migration-without-backup'
    | 'go-live-without-uat'
    | 'go-live-without-training'
    | 'no-pilot';
  readonly neededKind: TaskKind;
  /**
   * Ids of existing tasks of `neededKind` that the task can depend on
   * without closing a cycle (none of them already waits for it), in
   * document order.
   */
  readonly candidates: readonly string[];
}

/**
 * No task of `neededKind` is among the task's successors. Fixes: "make
 * <candidate> depend on it" or "insert a new task of `neededKind` after it".
 */
export type MissingSuccessorData =
  | (MissingSuccessorFacts & { readonly rule: 'migration-without-validation' })
  | (MissingSuccessorFacts & {
      readonly rule: 'no-hypercare' | 'no-post-implementation-review';
      /** The go-live that nothing of `neededKind` follows (the same task as `taskId`). */
      readonly goLiveId: string;
    });

export interface MissingSuccessorFacts extends TaskFacts {
  readonly neededKind: TaskKind;
  /**
   * Ids of existing tasks of `neededKind` that can be made to depend on the
   * task without closing a cycle (the task does not already wait for them),
   * in document order.
   */
  readonly candidates: readonly string[];
}
