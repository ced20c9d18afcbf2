import type { TaskFacts } from '../schedule-finding-data.js';

/**
 * The computed finish is after `deadline:`. Fixes: move the deadline to
 * `finish`, or look at `drivingChain` to shorten the work before it.
 */
export interface DeadlineMissedData extends TaskFacts {
  readonly rule: 'deadline-missed';
  /** The computed finish date. */
  readonly finish: string;
  /** The `deadline:` date as written. */
  readonly deadline: string;
  /** Working days between the deadline (or the last working day before it) and the finish. */
  readonly overrunDays: number;
  /**
   * The chain of dependencies that sets the task's start, earliest first,
   * ending with the one the task waits for directly (ids of tasks and
   * phases); empty when the task starts at the plan's start or at its own
   * `start:`. At most DRIVING_CHAIN_LIMIT entries (the earliest are cut).
   */
  readonly drivingChain: readonly string[];
}
