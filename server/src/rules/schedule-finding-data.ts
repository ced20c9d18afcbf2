import type { Quantity, Span } from '../model/types.js';

/**
 * Typed finding data of the schedule rules, one variant per rule (keyed by
 * `rule`). Dates are ISO strings as the schedule reports them; day counts
 * are working days of the plan's calendar. Every variant names its task by
 * `taskIndex` (into `PlanModel.tasks`) and, when it has one, by `taskId`.
 */
export type ScheduleFindingData =
  | DeadlineMissedData
  | StartConflictData
  | PhaseOrderData
  | OverallocationData
  | IntegrationBufferData;

interface TaskFacts {
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

/**
 * A high-complexity integration is followed by work that starts right at
 * its finish. Fix: add a lag (or a buffer task) to `dependencySpans`.
 */
export interface IntegrationBufferData extends TaskFacts {
  readonly rule: 'integration-buffer';
  /** Ids of the tasks that start with no gap after the integration, in document order. */
  readonly successors: readonly string[];
  /** The `depends_on` items of those successors that name the integration (or its phase). */
  readonly dependencySpans: readonly Span[];
}
