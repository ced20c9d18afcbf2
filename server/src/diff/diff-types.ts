/**
 * What `crmplan diff` reports about one plan file: plain JSON data (the
 * `--format json` output is these objects, in this key order), computed by
 * `diffPlans` from two analyses. docs/diff.md describes every field.
 */
import type { Severity } from '../model/types.js';
import type { ScheduleJsonOverallocation } from '../schedule/schedule-json.js';
import type { PlanAnalysis } from '../analysis/analyze-plan.js';

/** A value as the diff prints it: text, a number, a flag, or null for "not written". */
export type FieldValue = string | number | boolean | null;

/** One field that differs between the base and the head. */
export interface FieldChange {
  readonly field: string;
  readonly from: FieldValue;
  readonly to: FieldValue;
}

/** A move of a date, counted in working days of the head plan's calendar (see `workingDaysBetween`). */
export interface DateMove {
  readonly from: string | null;
  readonly to: string | null;
  /** Positive: later (slipped); negative: earlier; null when a side has no date. */
  readonly workingDays: number | null;
}

export interface TaskSummary {
  readonly id: string;
  readonly name: string | null;
  /** Phase id (or name when the phase has no id); null when neither is written. */
  readonly phase: string | null;
  /** Working days. */
  readonly duration: number;
  readonly milestone: boolean;
  readonly start: string | null;
  readonly finish: string | null;
}

export interface AssignmentSummary {
  readonly person: string;
  /** As written (`50%`, `8h/w`); null when no load is written (full time). */
  readonly load: string | null;
}

export interface AssignmentChanges {
  readonly added: readonly AssignmentSummary[];
  readonly removed: readonly AssignmentSummary[];
  readonly changed: readonly { readonly person: string; readonly from: string | null; readonly to: string | null }[];
}

/** How a task whose id changed was recognised (see "Renamed tasks" in docs/diff.md). */
export type RenameMatch = 'name+phase' | 'name+duration';

export interface TaskChange {
  /** The id in the head plan. */
  readonly id: string;
  readonly name: string | null;
  /** The id in the base plan when the task was renamed; null otherwise. */
  readonly renamedFrom: string | null;
  readonly renameMatch: RenameMatch | null;
  /**
   * Changed fields among `name`, `phase`, `duration` (working days),
   * `milestone`, `owner` (the task's own or its phase's), `status`,
   * `start` and `finish` (scheduled dates).
   */
  readonly changes: readonly FieldChange[];
  /** The finish date's move in working days; null when the finish did not move or a side has none. */
  readonly finishMoved: number | null;
  readonly assignments: AssignmentChanges;
}

export interface MilestoneMove extends DateMove {
  readonly id: string;
  readonly name: string | null;
}

/**
 * An overallocation as `crmplan schedule --format json` writes it; the
 * `tasks` of a resolved one are base ids mapped through renames to head ids.
 */
export type OverallocationSummary = ScheduleJsonOverallocation;

export interface FindingSummary {
  readonly severity: Severity;
  readonly message: string;
  /** 1-based line in the plan the finding is in (the head for introduced, the base for fixed). */
  readonly line: number;
}

export interface FindingGroup {
  readonly rule: string;
  readonly findings: readonly FindingSummary[];
}

/** Introduced minus fixed findings, per severity. */
export interface SeverityDelta {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly hints: number;
}

/** A person, objective or risk as the diff lists it when added or removed. */
export interface ItemSummary {
  readonly id: string;
  /** Name (people), statement (objectives) or title (risks). */
  readonly label: string | null;
  /** Every compared field, as written (null when absent). */
  readonly fields: Readonly<Record<string, FieldValue>>;
}

export interface ItemChange {
  readonly id: string;
  readonly label: string | null;
  readonly changes: readonly FieldChange[];
}

export interface ItemChanges {
  readonly added: readonly ItemSummary[];
  readonly removed: readonly ItemSummary[];
  readonly changed: readonly ItemChange[];
}

export interface BudgetLineSummary {
  /** The line's category, or `line N` (1-based) when it has none. */
  readonly category: string;
  readonly amount: number | null;
}

export interface BudgetDiff {
  /** Changed among `currency`, `total`, `contingency` (percent) and `contingencyAmount` (total x contingency). */
  readonly changes: readonly FieldChange[];
  readonly lines: {
    readonly added: readonly BudgetLineSummary[];
    readonly removed: readonly BudgetLineSummary[];
    readonly changed: readonly { readonly category: string; readonly from: number | null; readonly to: number | null }[];
  };
}

/** The head plan against its `baseline:` block (docs/diff.md, "Baseline"); moves go from the baselined date to the current one. */
export interface BaselineDiff {
  /** `baseline.date`: the day it was set; null when not written. */
  readonly date: string | null;
  /** True when this change set the baseline again (its dates differ from the base plan's baseline). */
  readonly rebaselined: boolean;
  /** The plan's finish against `baseline.finish`; null when either is missing. */
  readonly finish: DateMove | null;
  /** Every milestone with a baseline entry, on baseline or not. */
  readonly milestones: readonly MilestoneMove[];
  /** Other tasks whose finish is not on their baseline. */
  readonly tasks: readonly MilestoneMove[];
  /** Ids of baseline entries that name no task of the plan. */
  readonly unknownTasks: readonly string[];
}

/** A task whose recorded progress changed (docs/diff.md, "Progress"). */
export interface ProgressChange {
  readonly id: string;
  readonly name: string | null;
  /** Changed among `progress` (percent, 0 to 100), `actualStart` and `actualFinish` (ISO dates); null when not written. */
  readonly changes: readonly FieldChange[];
}

/** What a change records about work done: the status date, the share of work done, and each task's progress and actual dates. */
export interface ProgressDiff {
  /** The status date's move (`plan.status_date`); null when it did not change. */
  readonly statusDate: DateMove | null;
  /**
   * The duration-weighted share of work done (0 to 100, as `crmplan status`
   * computes it) on each side; null on a side without a status date, and
   * null as a whole when it did not change.
   */
  readonly percentComplete: { readonly from: number | null; readonly to: number | null } | null;
  readonly tasks: readonly ProgressChange[];
}

export type PlanFileStatus = 'added' | 'removed' | 'modified';

export interface PlanDiff {
  readonly status: PlanFileStatus;
  /** The head plan's `plan.name` (the base's when the plan was removed). */
  readonly name: string | null;
  /** Changed plan-level fields: `name`, `start`, `sponsor`, `manager`, `workdays`, `hoursPerDay`, `holidays`. */
  readonly plan: readonly FieldChange[];
  /** The project finish; null when it did not move. */
  readonly finish: DateMove | null;
  /** The project finish on each side, moved or not; null on a side without a schedule (or without the plan). */
  readonly finishDates: { readonly from: string | null; readonly to: string | null };
  readonly milestones: readonly MilestoneMove[];
  readonly tasks: {
    readonly added: readonly TaskSummary[];
    readonly removed: readonly TaskSummary[];
    /** Tasks in both plans (by id, or renamed) with at least one change. */
    readonly changed: readonly TaskChange[];
  };
  /** Head ids of tasks that became critical; base ids of tasks that stopped being critical (or were removed). */
  readonly criticalPath: { readonly joined: readonly string[]; readonly left: readonly string[] };
  readonly people: ItemChanges;
  readonly overallocations: {
    readonly introduced: readonly OverallocationSummary[];
    readonly resolved: readonly OverallocationSummary[];
  };
  readonly findings: {
    readonly introduced: readonly FindingGroup[];
    readonly fixed: readonly FindingGroup[];
    readonly delta: SeverityDelta;
  };
  readonly budget: BudgetDiff;
  readonly objectives: ItemChanges;
  readonly risks: ItemChanges;
  /** Against the head plan's baseline; null without one. */
  readonly baseline: BaselineDiff | null;
  /** Progress and actual dates recorded (or changed) by the change. */
  readonly progress: ProgressDiff;
  /**
   * Timeline keys (`t<task index>` in the head plan) of tasks that were
   * added or changed (progress included), for the Gantt chart. Not part of
   * the JSON output.
   */
  readonly highlightedTaskKeys: readonly string[];
}

/** One plan file of a diff report: where it is now, where it was, and its diff. */
export interface PlanFileDiff {
  /** The head path (the base path when the plan was removed), as displayed. */
  readonly path: string;
  /** The base path when it differs from `path` (a renamed file); null otherwise. */
  readonly basePath: string | null;
  readonly diff: PlanDiff;
  /** The head analysis, for the Gantt chart of the markdown report; absent for a removed plan. */
  readonly head?: PlanAnalysis;
  /**
   * The head file's path as links to it are made (relative to the Git
   * repository's root with `--git`, with `/`); absent for a removed plan.
   * Not part of the JSON output.
   */
  readonly linkPath?: string;
  /** The same for the base file, which fixed findings link to. */
  readonly baseLinkPath?: string;
}
