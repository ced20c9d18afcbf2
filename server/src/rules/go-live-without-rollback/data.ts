import type { TaskFacts } from '../practice-finding-data.js';

/** The go-live has no `rollback`. Fix: add a `rollback:` key to the task. */
export interface GoLiveWithoutRollbackData extends TaskFacts {
  readonly rule: 'go-live-without-rollback';
}
