import type { DueSpec, PlanModel, Quantity } from '../model/types.js';
import { formatDuration } from '../model/values.js';
import type { WorkingCalendar } from '../schedule/calendar.js';
import { scheduleToJson, type ScheduleJsonOverallocation, type ScheduleJsonTask } from '../schedule/schedule-json.js';
import type { PlanAnalysis } from '../analysis/analyze-plan.js';
import { quantityText } from '../render/schedule-text.js';
import { statusReport } from '../render/status-report.js';
import type { FieldValue, FindingSummary } from './diff-types.js';

/**
 * The parts of one analysed plan that `diffPlans` compares, as plain
 * values keyed by id. A missing plan (added or removed file) is the empty
 * snapshot, so "everything was added" needs no special case.
 */
export interface PlanSnapshot {
  readonly name: string | null;
  readonly planFields: Readonly<Record<string, FieldValue>>;
  /** The plan's working calendar; undefined without a schedule. */
  readonly calendar: WorkingCalendar | undefined;
  readonly finish: string | null;
  /** The schedule's status date (`plan.status_date`); null without one. */
  readonly statusDate: string | null;
  /** Duration-weighted work done, 0 to 100 (render/status-report.ts); null without a status date. */
  readonly percentComplete: number | null;
  /** Tasks with an id, first of each id, in document order. */
  readonly tasks: ReadonlyMap<string, TaskSnapshot>;
  readonly criticalPath: readonly string[];
  readonly overallocations: readonly ScheduleJsonOverallocation[];
  readonly findings: readonly (FindingSummary & { readonly rule: string })[];
  readonly people: ReadonlyMap<string, ItemSnapshot>;
  readonly objectives: ReadonlyMap<string, ItemSnapshot>;
  readonly risks: ReadonlyMap<string, ItemSnapshot>;
  readonly budgetFields: Readonly<Record<string, FieldValue>>;
  /** Amount per budget line category (summed when a category repeats). */
  readonly budgetLines: ReadonlyMap<string, number | null>;
}

export interface TaskSnapshot {
  /** Index in the head or base plan's `model.tasks`. */
  readonly index: number;
  readonly id: string;
  /** The compared fields, in report order: name, phase, duration, milestone, owner, status, start, finish. */
  readonly fields: {
    readonly name: string | null;
    readonly phase: string | null;
    readonly duration: number;
    readonly milestone: boolean;
    readonly owner: string | null;
    readonly status: string | null;
    readonly start: string | null;
    readonly finish: string | null;
  };
  /** What the task records of work done: `progress` (percent), `actual_start`, `actual_finish`. */
  readonly actuals: {
    readonly progress: number | null;
    readonly actualStart: string | null;
    readonly actualFinish: string | null;
  };
  readonly critical: boolean;
  /** Person id -> load as written (null: no load written). */
  readonly assignments: ReadonlyMap<string, string | null>;
}

export interface ItemSnapshot {
  readonly label: string | null;
  readonly fields: Readonly<Record<string, FieldValue>>;
}

export const EMPTY_SNAPSHOT: PlanSnapshot = {
  name: null,
  planFields: {},
  calendar: undefined,
  finish: null,
  statusDate: null,
  percentComplete: null,
  tasks: new Map(),
  criticalPath: [],
  overallocations: [],
  findings: [],
  people: new Map(),
  objectives: new Map(),
  risks: new Map(),
  budgetFields: {},
  budgetLines: new Map(),
};

export function snapshotPlan(analysis: PlanAnalysis | undefined): PlanSnapshot {
  if (!analysis) return EMPTY_SNAPSHOT;
  const { model, schedule, parsed } = analysis;
  const scheduleJson = schedule ? scheduleToJson(model, schedule) : undefined;
  const scheduled = new Map(scheduleJson?.tasks.map((task) => [task.id, task]));
  const plan = model.plan;
  const budget = plan.budget;
  const contingencyAmount =
    budget?.total && budget.contingency ? Math.round(budget.total.value * budget.contingency.value) / 100 : null;
  return {
    name: plan.name?.value ?? null,
    planFields: {
      name: plan.name?.value ?? null,
      start: plan.start?.value ?? null,
      sponsor: plan.sponsor?.id ?? null,
      manager: plan.manager?.id ?? null,
      workdays: plan.calendar.workdays.join(', ') || null,
      hoursPerDay: plan.calendar.hoursPerDay,
      holidays: plan.calendar.holidays.map((holiday) => holiday.date).join(', ') || null,
    },
    calendar: schedule?.calendar,
    finish: schedule?.finish ?? null,
    statusDate: schedule?.status?.date ?? plan.statusDate?.value ?? null,
    percentComplete: (schedule && statusReport(model, schedule)?.percentComplete) ?? null,
    tasks: snapshotTasks(model, scheduled),
    criticalPath: scheduleJson?.criticalPath ?? [],
    overallocations: scheduleJson?.overallocations ?? [],
    findings: analysis.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      line: parsed.lineCounter.linePos(finding.span.start).line,
    })),
    people: byId(model.people, (person) => ({
      label: person.name?.value ?? null,
      fields: {
        name: person.name?.value ?? null,
        role: person.role?.value ?? null,
        capacity: optionalQuantity(person.capacity?.value),
        email: person.email?.value ?? null,
      },
    })),
    objectives: byId(model.objectives, (objective) => ({
      label: objective.statement?.value ?? null,
      fields: {
        statement: objective.statement?.value ?? null,
        metric: objective.metric?.value ?? null,
        baseline: objective.baseline?.value ?? null,
        target: objective.target?.value ?? null,
        due: objective.due ? dueText(objective.due.value) : null,
        owner: objective.owner?.id ?? null,
      },
    })),
    risks: byId(model.risks, (risk) => ({
      label: risk.title?.value ?? null,
      fields: {
        title: risk.title?.value ?? null,
        description: risk.description?.value ?? null,
        likelihood: risk.likelihood?.value ?? null,
        impact: risk.impact?.value ?? null,
        mitigation: risk.mitigation?.value ?? null,
        owner: risk.owner?.id ?? null,
      },
    })),
    budgetFields: {
      currency: budget?.currency?.value ?? null,
      total: budget?.total?.value ?? null,
      contingency: budget?.contingency?.value ?? null,
      contingencyAmount,
    },
    budgetLines: budgetLines(model),
  };
}

function snapshotTasks(model: PlanModel, scheduled: ReadonlyMap<string, ScheduleJsonTask>): Map<string, TaskSnapshot> {
  const tasks = new Map<string, TaskSnapshot>();
  model.tasks.forEach((task, index) => {
    const id = task.id?.value;
    if (id === undefined || tasks.has(id)) return;
    const phase = model.phases[task.phaseIndex];
    const dates = scheduled.get(id);
    tasks.set(id, {
      index,
      id,
      fields: {
        name: task.name?.value ?? null,
        phase: phase?.id?.value ?? phase?.name?.value ?? null,
        // Without a schedule (no plan.start) there is no calendar to count
        // weeks in; the written days are the best figure left.
        duration: dates?.duration ?? (task.duration?.value.unit === 'd' ? task.duration.value.amount : 0),
        milestone: dates?.milestone ?? task.milestone,
        owner: task.owner?.id ?? phase?.owner?.id ?? null,
        status: task.status?.value ?? null,
        start: dates?.start ?? null,
        finish: dates?.finish ?? null,
      },
      actuals: {
        progress: task.progress?.value ?? null,
        actualStart: task.actualStart?.value ?? null,
        actualFinish: task.actualFinish?.value ?? null,
      },
      critical: dates?.critical ?? false,
      assignments: new Map(task.assign.map((assignment) => [assignment.person.id, optionalQuantity(assignment.load?.value)])),
    });
  });
  return tasks;
}

function byId<T extends { readonly id?: { readonly value: string } }>(
  items: readonly T[],
  snapshot: (item: T) => ItemSnapshot,
): Map<string, ItemSnapshot> {
  const result = new Map<string, ItemSnapshot>();
  for (const item of items) {
    const id = item.id?.value;
    if (id !== undefined && !result.has(id)) result.set(id, snapshot(item));
  }
  return result;
}

function budgetLines(model: PlanModel): Map<string, number | null> {
  const lines = new Map<string, number | null>();
  model.plan.budget?.lines.forEach((line, index) => {
    const category = line.category?.value ?? `line ${index + 1}`;
    const amount = line.amount?.value;
    const previous = lines.get(category) ?? null;
    lines.set(category, amount === undefined ? previous : (previous ?? 0) + amount);
  });
  return lines;
}

function optionalQuantity(quantity: Quantity | undefined): string | null {
  return quantity ? quantityText(quantity) : null;
}

function dueText(due: DueSpec): string {
  return due.kind === 'date' ? due.date : `${formatDuration(due.offset)} after ${due.target.id}`;
}
