import type { DrivingDependency, TaskFacts } from '../schedule-finding-data.js';

/**
 * Dependencies push the task past its own `start:`. Fixes: move `start:` to
 * `computedStart`, or relax the driving dependency.
 */
export interface StartConflictData extends TaskFacts {
  readonly rule: 'start-conflict';
  /** The computed start date. */
  readonly computedStart: string;
  /** The `start:` date as written. */
  readonly requestedStart: string;
  /** Working days between the requested start (or the plan start when later) and the computed start. */
  readonly delayDays: number;
  /** The dependency whose bound set the start. */
  readonly driver: DrivingDependency;
}
