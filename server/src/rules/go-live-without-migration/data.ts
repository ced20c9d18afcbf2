import type { TaskFacts } from '../practice-finding-data.js';

/** The go-live does not wait for these data-migration tasks. */
export interface GoLiveWithoutMigrationData extends TaskFacts {
  readonly rule: 'go-live-without-migration';
  /**
   * Ids of the data-migration tasks the go-live does not wait for, in
   * document order; each can become a dependency without closing a cycle.
   */
  readonly migrations: readonly string[];
}
