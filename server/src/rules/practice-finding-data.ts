import type { TaskKind } from '../model/types.js';

/**
 * Typed finding data of the practice rules, one variant per rule (keyed by
 * `rule`). Every finding sits on the `kind` value of a go-live or
 * data-migration task; `taskId` and `taskIndex` (into `PlanModel.tasks`)
 * name that task so a quick-fix can find its mapping, phase and
 * `depends_on` without re-analysing the plan.
 */
export type PracticeFindingData = MissingPredecessorData | MissingSuccessorData | GoLiveWithoutMigrationData | GoLiveWithoutRollbackData;

interface TaskFacts {
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

interface MissingSuccessorFacts extends TaskFacts {
  readonly neededKind: TaskKind;
  /**
   * Ids of existing tasks of `neededKind` that can be made to depend on the
   * task without closing a cycle (the task does not already wait for them),
   * in document order.
   */
  readonly candidates: readonly string[];
}

/** The go-live does not wait for these data-migration tasks. */
export interface GoLiveWithoutMigrationData extends TaskFacts {
  readonly rule: 'go-live-without-migration';
  /**
   * Ids of the data-migration tasks the go-live does not wait for, in
   * document order; each can become a dependency without closing a cycle.
   */
  readonly migrations: readonly string[];
}

/** The go-live has no `rollback`. Fix: add a `rollback:` key to the task. */
export interface GoLiveWithoutRollbackData extends TaskFacts {
  readonly rule: 'go-live-without-rollback';
}
