/**
 * The typed plan model. Every value the rules, the scheduler and the editor
 * features read keeps the source span (0-based UTF-16 offsets into the text)
 * of the YAML node it came from, so findings and edits point at exact text.
 *
 * The model builder is lenient: a value of the wrong type is left out of the
 * model (the `schema` rule reports it) so that everything else can still be
 * analysed on a half-typed plan.
 */

import type { Span } from '../parse/span.js';

export type { Span } from '../parse/span.js';

/** A value together with the span of the YAML node it was read from. */
export interface Spanned<T> {
  readonly value: T;
  readonly span: Span;
}

/** Durations and lags: `3d` (working days) or `2w` (weeks of the calendar). */
export interface Duration {
  readonly amount: number;
  readonly unit: 'd' | 'w';
}

/** Capacity and load: `50%` of hours_per_day, or `8h/w` hours per week. */
export type Quantity =
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'hoursPerWeek'; readonly value: number };

/**
 * Ids live in one of these namespaces. Phases and tasks share `work`
 * because a dependency may name either.
 */
export type Namespace = 'person' | 'objective' | 'work' | 'risk' | 'communication';

/** Where a reference sits, so rules and editor features know what it may name. */
export type ReferenceRole =
  | 'sponsor'
  | 'manager'
  | 'owner'
  | 'assignment'
  | 'depends-on'
  | 'due-after';

/** An id written somewhere to name a declared item. */
export interface Reference {
  readonly id: string;
  readonly span: Span;
  readonly namespace: Namespace;
  readonly role: ReferenceRole;
}

export const TASK_KINDS = [
  'kickoff',
  'requirements',
  'process-mapping',
  'vendor-selection',
  'data-audit',
  'data-cleansing',
  'data-backup',
  'data-mapping',
  'data-migration',
  'data-validation',
  'configuration',
  'customization',
  'integration',
  'reporting',
  'training',
  'uat',
  'pilot',
  'go-live',
  'hypercare',
  'review',
  'governance',
  'communication',
  'change-management',
  'other',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | 'off';

export type DependencyType = 'FS' | 'SS';

export interface Dependency {
  readonly target: Reference;
  readonly type: DependencyType;
  /** Lag in calendar units; negative lags are allowed. */
  readonly lag: Duration;
  /** The whole list item (`- id` or `- {task: ..., lag: ...}`). */
  readonly span: Span;
}

/** `due: 2027-06-30` or `due: 30d after go-live`. */
export type DueSpec =
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'after'; readonly offset: Duration; readonly target: Reference };

interface Item {
  /** Absent when the item has no usable `id` (reported by `schema`). */
  readonly id?: Spanned<string>;
  /** The whole mapping of the item. */
  readonly span: Span;
}

/** `leave: [{from, to, note}]`: days the person is away (both ends inclusive). */
export interface Leave {
  readonly from: Spanned<string>;
  readonly to: Spanned<string>;
  readonly note?: string;
  /** The whole list item. */
  readonly span: Span;
}

export interface Person extends Item {
  readonly name?: Spanned<string>;
  readonly role?: Spanned<string>;
  readonly capacity?: Spanned<Quantity>;
  readonly email?: Spanned<string>;
  /** Leaves with two real dates, `from` on or before `to` (the `schema` rule reports the others). */
  readonly leave: readonly Leave[];
  /** The person's own workdays; absent when not written or not one valid weekday. */
  readonly workdays?: Spanned<readonly Weekday[]>;
  /** Country and region whose public holidays the person does not work (codes as written). */
  readonly country?: Spanned<string>;
  readonly region?: Spanned<string>;
}

export interface Objective extends Item {
  readonly statement?: Spanned<string>;
  readonly metric?: Spanned<string>;
  readonly baseline?: Spanned<string>;
  readonly target?: Spanned<string>;
  readonly due?: Spanned<DueSpec>;
  readonly owner?: Reference;
}

export interface Assignment {
  readonly person: Reference;
  readonly load?: Spanned<Quantity>;
  readonly span: Span;
}

export interface Task extends Item {
  /** Index of the task's phase in `PlanModel.phases`. */
  readonly phaseIndex: number;
  readonly name?: Spanned<string>;
  readonly kind: TaskKind;
  readonly kindSpan?: Span;
  readonly owner?: Reference;
  readonly duration?: Spanned<Duration>;
  readonly milestone: boolean;
  readonly milestoneSpan?: Span;
  readonly dependsOn: readonly Dependency[];
  readonly assign: readonly Assignment[];
  /** Start no earlier than (ISO date). */
  readonly start?: Spanned<string>;
  /** Finish no later than (ISO date). */
  readonly deadline?: Spanned<string>;
  readonly complexity?: Spanned<'low' | 'medium' | 'high'>;
  readonly status?: Spanned<'planned' | 'in-progress' | 'done' | 'blocked'>;
  readonly rollback?: Spanned<string>;
  /** `progress: 60%` as a number from 0 to 100; absent when not a percentage up to 100% (`schema` reports it). */
  readonly progress?: Spanned<number>;
  /** The day work on the task really began (ISO date). */
  readonly actualStart?: Spanned<string>;
  /** The day the task really finished (ISO date). */
  readonly actualFinish?: Spanned<string>;
}

export interface Phase extends Item {
  readonly name?: Spanned<string>;
  readonly owner?: Reference;
  readonly dependsOn: readonly Dependency[];
  /** Indexes into `PlanModel.tasks`. */
  readonly taskIndexes: readonly number[];
  /** Span of the `tasks:` key, for edits that insert a task. */
  readonly tasksKeySpan?: Span;
}

export type Level = 'low' | 'medium' | 'high';

export interface Risk extends Item {
  readonly title?: Spanned<string>;
  readonly description?: Spanned<string>;
  readonly likelihood?: Spanned<Level>;
  readonly impact?: Spanned<Level>;
  readonly mitigation?: Spanned<string>;
  readonly owner?: Reference;
}

export interface Communication extends Item {
  readonly audience?: Spanned<string>;
  readonly purpose?: Spanned<string>;
  readonly channel?: Spanned<string>;
  readonly frequency?: Spanned<string>;
  readonly owner?: Reference;
}

export interface Holiday {
  readonly date: string;
  readonly name?: string;
  readonly span: Span;
}

export interface Calendar {
  /** Defaults to mon..fri when absent or invalid. */
  readonly workdays: readonly Weekday[];
  readonly hoursPerDay: number;
  readonly holidays: readonly Holiday[];
  /** `country` / `region` as written: their public holidays are added by the scheduler (schedule/country-holidays.ts). */
  readonly country?: Spanned<string>;
  readonly region?: Spanned<string>;
  readonly span?: Span;
}

export interface BudgetLine {
  readonly category?: Spanned<string>;
  readonly amount?: Spanned<number>;
  readonly span: Span;
}

export interface Budget {
  readonly currency?: Spanned<string>;
  readonly total?: Spanned<number>;
  /** Contingency as a percentage number (10 for `10%`). */
  readonly contingency?: Spanned<number>;
  readonly lines: readonly BudgetLine[];
  readonly span: Span;
}

export interface PlanInfo {
  readonly name?: Spanned<string>;
  readonly organization?: Spanned<string>;
  readonly description?: Spanned<string>;
  readonly start?: Spanned<string>;
  readonly sponsor?: Reference;
  readonly manager?: Reference;
  readonly calendar: Calendar;
  readonly budget?: Budget;
  /** `status_date`: the day the plan's progress and actual dates are recorded as of (docs/format.md#progress-and-actual-dates). */
  readonly statusDate?: Spanned<string>;
  /** Span of the `plan` mapping, or of the `plan` key when it is not a map. */
  readonly span?: Span;
  readonly keySpan?: Span;
}

/** One entry of the plan's own `rules:` map. */
export interface RuleSettingEntry {
  readonly rule: Spanned<string>;
  readonly severity?: Spanned<SeveritySetting>;
}

/** Where a top-level section sits, for rules that report a missing section. */
export interface SectionSpans {
  readonly root?: Span;
  readonly people?: Span;
  readonly objectives?: Span;
  readonly phases?: Span;
  readonly risks?: Span;
  readonly communications?: Span;
  readonly rules?: Span;
}

/** One task's entry in `baseline.tasks`: `kickoff: {start: 2027-01-04, finish: 2027-01-05}`. */
export interface BaselineEntry {
  /** The task id the entry is keyed by (may name a task the plan no longer has: `baseline-slip` reports it). */
  readonly id: Spanned<string>;
  readonly start?: Spanned<string>;
  readonly finish?: Spanned<string>;
  /** The key and its value. */
  readonly span: Span;
}

/** The top-level `baseline:` block: the signed-off dates (docs/format.md#baseline). */
export interface Baseline {
  /** The day the baseline was set. */
  readonly date?: Spanned<string>;
  /** The plan's finish when the baseline was set. */
  readonly finish?: Spanned<string>;
  /** `slip_threshold`: working days of slip `baseline-slip` lets pass. */
  readonly slipThreshold?: Spanned<Duration>;
  /** Entries in document order, only those with a usable id key. */
  readonly tasks: readonly BaselineEntry[];
  /** The `baseline` mapping, or the key when it is not a map. */
  readonly span: Span;
  readonly keySpan: Span;
}

export interface PlanModel {
  readonly version?: Spanned<number>;
  readonly plan: PlanInfo;
  readonly people: readonly Person[];
  readonly objectives: readonly Objective[];
  readonly phases: readonly Phase[];
  /** Every task of every phase, in document order. */
  readonly tasks: readonly Task[];
  readonly risks: readonly Risk[];
  readonly communications: readonly Communication[];
  readonly ruleSettings: readonly RuleSettingEntry[];
  /** Every reference in the plan, in document order. */
  readonly references: readonly Reference[];
  /** Spans of the top-level keys (the key itself), present when written. */
  readonly sectionKeys: SectionSpans;
  /** The signed-off baseline, when the plan has a `baseline:` block. */
  readonly baseline?: Baseline;
}
