/**
 * The timeline: what the preview, `crmplan gantt` and the markdown of
 * `crmplan diff` draw. It is plain JSON (it crosses the LSP connection and
 * the webview's postMessage), built from a `PlanAnalysis` by
 * `buildTimeline` (render/timeline-model.ts) and turned into Mermaid text by
 * `ganttMermaid` (render/gantt-mermaid.ts). Nothing here is YAML: the
 * webview never parses the plan.
 *
 * `key`s are generated (`p0`, `t0`, ...): they are what Mermaid and the
 * webview's DOM see, so a hostile task id can never become a Mermaid token
 * or an HTML id. The plan's own strings (`id`, `name`) are carried only as
 * data, escaped by whoever draws them.
 */
import type { Span } from '../model/types.js';

export type TimelineTaskStatus = 'planned' | 'in-progress' | 'done' | 'blocked';

export interface TimelineTask {
  /** `t<task index>`: safe for Mermaid and the DOM. */
  readonly key: string;
  /** The plan's id; null when the task has none. */
  readonly id: string | null;
  /** The task's name, or its id, or "(unnamed task)". */
  readonly label: string;
  /** `key` of the task's phase. */
  readonly phaseKey: string;
  /** ISO dates; null for a task the schedule could not place (on a cycle). */
  readonly start: string | null;
  readonly finish: string | null;
  /** Working days. */
  readonly duration: number;
  readonly milestone: boolean;
  readonly critical: boolean;
  readonly totalFloat: number | null;
  readonly status: TimelineTaskStatus | null;
  /** Person id of the owner, when written. */
  readonly owner: string | null;
  /** Where the task's id (or, without one, the task item) is written: what the editor selects on click. */
  readonly span: Span;
  /** The task's dates in the plan's `baseline:` block (ISO dates), when it has an entry: the preview's ghost bar. */
  readonly baselineStart?: string;
  readonly baselineFinish?: string;
  /**
   * How much of the task is done, 0 to 100: its `progress`, else 100 for
   * `status: done`; absent when neither says (the preview's progress fill).
   */
  readonly progress?: number;
  /** `actual_start` / `actual_finish` (ISO dates), when written. */
  readonly actualStart?: string;
  readonly actualFinish?: string;
}

/**
 * One `depends_on` entry between two drawn items: the preview's dependency
 * arrow. `from` is the predecessor's key (a task `t3`, or a phase `p1` when
 * the entry names a phase), `to` the dependent task's or phase's key.
 */
export interface TimelineDependency {
  readonly from: string;
  readonly to: string;
  readonly type: 'FS' | 'SS';
  /** The lag as written, signed (`+2d`, `-1w`); absent when there is none. */
  readonly lag?: string;
}

export interface TimelinePhase {
  /** `p<phase index>`. */
  readonly key: string;
  readonly id: string | null;
  readonly label: string;
  readonly start: string | null;
  readonly finish: string | null;
  readonly critical: boolean;
  readonly taskKeys: readonly string[];
  readonly span: Span;
}

/** One person's load in one calendar week (weeks start on Monday). */
export interface TimelineWeekLoad {
  /** The Monday of the week (ISO date), even when Monday is not a working day. */
  readonly week: string;
  /** Hours assigned in the week's working days. */
  readonly loadHours: number;
  /** Hours available in the week's working days (capacity x working days). */
  readonly capacityHours: number;
  /** Some working day of the week is overallocated (as the `overallocation` rule sees it). */
  readonly overallocated: boolean;
  /** Keys of the tasks the person works on in the week. */
  readonly taskKeys: readonly string[];
  /**
   * The person's own days off among the week's working days (leave, their
   * country's holidays, weekdays they do not work); absent when none.
   * `capacityHours` leaves them out.
   */
  readonly daysOff?: number;
}

export interface TimelinePerson {
  /** `r<person index>`. */
  readonly key: string;
  readonly id: string | null;
  readonly label: string;
  /**
   * The weeks of `Timeline.weeks` in which the person works or is
   * overallocated, ascending; the other weeks have no load and are left out
   * (a large plan has far more empty person-weeks than busy ones).
   */
  readonly weeks: readonly TimelineWeekLoad[];
  /** The person's capacity in hours per working day (their `capacity`, else the plan's hours per day); 0 on their days off. */
  readonly hoursPerDay: number;
  /** The person's load day by day, for the preview's load rows (render/timeline-load.ts). */
  readonly days: TimelineDayLoads;
}

/** Why a person does not work on one of the project's working days (their capacity is 0 then). */
export type TimelineDayOff =
  | { readonly kind: 'leave'; readonly from: string; readonly to: string; readonly note?: string }
  | { readonly kind: 'holiday'; readonly date: string; readonly name: string }
  | { readonly kind: 'weekday'; readonly weekday: string };

/**
 * One person's load day by day as columns (run i is entry i of each): runs
 * of consecutive calendar days, each a working day of the project, on which
 * the person's hours, tasks, day off and overallocation are the same. Days
 * without work and not off are left out. Columns, not objects, because a
 * large plan has tens of thousands of runs (see timeline-wire.ts).
 */
export interface TimelineDayLoads {
  /** The run's first day, in days after `Timeline.start` (0 is the start date). */
  readonly start: readonly number[];
  /** Its number of days. */
  readonly days: readonly number[];
  /** Hours assigned on each of its days. */
  readonly hours: readonly number[];
  /** 1 when its days are overallocated (the `overallocation` rule's days), else 0. */
  readonly over: readonly number[];
  /** The tasks making the load, as task indexes (task i's key is `t<i>`), in plan order; at most MAX_LISTED_RUN_TASKS. */
  readonly tasks: readonly (readonly number[])[];
  /** How many tasks make the load (more than `tasks` lists when it was cut). */
  readonly taskCount: readonly number[];
  /** Why the person is off on its days, or null. */
  readonly off: readonly (TimelineDayOff | null)[];
}

export interface TimelineFindingCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly hints: number;
}

export interface Timeline {
  readonly version: 1;
  /** `plan.name`, when written. */
  readonly title: string | null;
  /** `plan.start`. */
  readonly start: string;
  readonly finish: string | null;
  readonly workingDays: number;
  /** Non-working weekdays as Mermaid writes them (`saturday`, `sunday`). */
  readonly weekends: readonly string[];
  /** Holiday dates (ISO). */
  readonly holidays: readonly string[];
  readonly phases: readonly TimelinePhase[];
  readonly tasks: readonly TimelineTask[];
  /** The Monday of every week from the plan start to the finish, at most `MAX_LOAD_WEEKS` (timeline-model.ts). */
  readonly weeks: readonly string[];
  readonly people: readonly TimelinePerson[];
  readonly findings: TimelineFindingCounts;
  /** Every resolved `depends_on` entry of the plan's tasks and phases, in plan order; absent when there is none. */
  readonly dependencies?: readonly TimelineDependency[];
  /** `plan.status_date` (ISO), when written: the day progress is recorded as of. */
  readonly statusDate?: string;
}
