import type { Quantity, Span } from '../../model/types.js';
import type { TaskFacts } from '../schedule-finding-data.js';

/** One overallocation (same set of tasks on consecutive working days) a finding covers. */
export interface OverallocationRange {
  readonly from: string;
  readonly to: string;
  /**
   * Largest load / capacity ratio in the range (1.5 = 150%); null when the
   * person has no capacity then (a day off: leave, a weekday off, a holiday).
   * Finding data crosses the protocol as JSON, which has no Infinity.
   */
  readonly peak: number | null;
  /** Ids of every task the person works on in the range, in document order. */
  readonly tasks: readonly string[];
}

/** A load written the way the author wrote this assignment's load. */
export interface SuggestedLoad {
  readonly quantity: Quantity;
  /** As it would be written: `50%`, `12h/w`. */
  readonly text: string;
}

/**
 * A person is overallocated while working on this task. One finding per
 * (person, task) pair, on the `load` value of that task's `assign` item for
 * the person (on its `person` when no load is written), covering every
 * overallocation of the person the task takes part in. Fixes find the item
 * by `assignmentSpan`, not by the finding's range.
 *
 * Fixes: lower the load to `fittingLoad`; make the task wait for another
 * task of the ranges; hand the assignment to someone free. Which tasks to
 * wait for and who is free are not in the data: they take a reschedule per
 * candidate, so the quick fix searches them from `taskIndex` and
 * `personIndex` when the editor asks for code actions.
 */
export interface OverallocationData extends TaskFacts {
  readonly rule: 'overallocation';
  readonly personId: string;
  readonly personIndex: number;
  /** First overallocated day of the first range, last of the last. */
  readonly from: string;
  readonly to: string;
  /** The largest peak of the ranges; null when some range has no capacity at all. */
  readonly peak: number | null;
  /** Every task involved in any of the ranges (this one included), in document order. */
  readonly tasks: readonly string[];
  /** The ranges this finding covers, in date order. */
  readonly ranges: readonly OverallocationRange[];
  /** The `assign` item of this task for the person (the whole `{person, load}` mapping). */
  readonly assignmentSpan: Span;
  /** The `load` value of that item; absent when no load is written (it counts as 100%). */
  readonly loadSpan?: Span;
  /**
   * The largest whole load (in the unit the assignment uses; `%` when it has
   * none) that would remove every overallocation of this finding: the
   * capacity minus the other tasks' loads on the worst day. Absent when the
   * other tasks alone fill the capacity.
   */
  readonly fittingLoad?: SuggestedLoad;
}
