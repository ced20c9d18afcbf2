import type { WorkingCalendar } from '../schedule/calendar.js';
import { workingDaysBetween } from '../schedule/baseline-slip.js';
import { countFindings, type PlanAnalysis } from '../analysis/analyze-plan.js';
import type {
  AssignmentChanges,
  BudgetDiff,
  DateMove,
  FieldChange,
  FieldValue,
  FindingGroup,
  FindingSummary,
  ItemChanges,
  MilestoneMove,
  OverallocationSummary,
  PlanDiff,
  ProgressDiff,
  RenameMatch,
  SeverityDelta,
  TaskChange,
  TaskSummary,
} from './diff-types.js';
import { taskKey } from '../render/timeline-model.js';
import { diffBaseline } from './baseline-diff.js';
import { snapshotPlan, type ItemSnapshot, type PlanSnapshot, type TaskSnapshot } from './plan-snapshot.js';

/**
 * The semantic difference between two versions of a plan. `undefined`
 * stands for a plan that does not exist on that side (an added or a
 * removed file). Pure: reads the analyses, never the file system.
 */
export function diffPlans(base: PlanAnalysis | undefined, head: PlanAnalysis | undefined): PlanDiff {
  const before = snapshotPlan(base);
  const after = snapshotPlan(head);
  // Moves are counted on the calendar the plan has now; a removed plan only has its old one.
  const calendar = after.calendar ?? before.calendar;
  const pairs = matchTasks(before, after);
  const tasks = diffTasks(before, after, pairs, calendar);
  const progress = diffProgress(before, after, pairs, calendar);
  const changedKeys = new Set([...tasks.added, ...tasks.changed, ...progress.tasks].map((task) => after.tasks.get(task.id)!.index));
  return {
    status: base === undefined ? 'added' : head === undefined ? 'removed' : 'modified',
    name: head === undefined ? before.name : after.name,
    plan: fieldChanges(before.planFields, after.planFields),
    finish: base && head && before.finish !== after.finish ? dateMove(before.finish, after.finish, calendar) : null,
    finishDates: { from: before.finish, to: after.finish },
    milestones: diffMilestones(pairs, calendar),
    tasks,
    criticalPath: diffCriticalPath(before, after, pairs),
    people: diffItems(before.people, after.people),
    overallocations: diffOverallocations(before, after, pairs),
    findings: diffFindings(before, after),
    budget: diffBudget(before, after),
    objectives: diffItems(before.objectives, after.objectives),
    risks: diffItems(before.risks, after.risks),
    baseline: diffBaseline(base, head),
    progress,
    highlightedTaskKeys: [...changedKeys].sort((a, b) => a - b).map(taskKey),
  };
}

/** Working days between two dates, as the baseline comparison counts them. */
export { workingDaysBetween };

function dateMove(from: string | null, to: string | null, calendar: WorkingCalendar | undefined): DateMove {
  const workingDays = from !== null && to !== null && calendar ? workingDaysBetween(calendar, from, to) : null;
  return { from, to, workingDays };
}

/** A base task and the head task it became. */
interface TaskPair {
  readonly base: TaskSnapshot;
  readonly head: TaskSnapshot;
  readonly renameMatch: RenameMatch | null;
}

interface TaskPairs {
  readonly pairs: readonly TaskPair[];
  /** Base id -> head id, for every pair. */
  readonly headIdOf: ReadonlyMap<string, string>;
  /** Head id -> base id, for every pair. */
  readonly baseIdOf: ReadonlyMap<string, string>;
}

/**
 * Tasks are the same task when they have the same id. Of the ids that
 * disappeared and the ids that appeared, a pair with the same name (and a
 * name at all) is one renamed task when it is in the same phase, or else
 * when it has the same duration. Base tasks are paired in document order
 * with the first fitting head task, each task at most once; same-phase
 * pairs are formed before same-duration ones.
 */
function matchTasks(before: PlanSnapshot, after: PlanSnapshot): TaskPairs {
  const pairs: TaskPair[] = [];
  for (const [id, base] of before.tasks) {
    const head = after.tasks.get(id);
    if (head) pairs.push({ base, head, renameMatch: null });
  }
  const disappeared = [...before.tasks.values()].filter((task) => !after.tasks.has(task.id));
  const appeared = [...after.tasks.values()].filter((task) => !before.tasks.has(task.id));
  const criteria: readonly [RenameMatch, (base: TaskSnapshot, head: TaskSnapshot) => boolean][] = [
    ['name+phase', (base, head) => base.fields.phase === head.fields.phase],
    ['name+duration', (base, head) => base.fields.duration === head.fields.duration],
  ];
  const taken = new Set<TaskSnapshot>();
  for (const [renameMatch, alsoSame] of criteria) {
    for (const base of disappeared) {
      if (taken.has(base) || base.fields.name === null) continue;
      const head = appeared.find(
        (candidate) => !taken.has(candidate) && candidate.fields.name === base.fields.name && alsoSame(base, candidate),
      );
      if (!head) continue;
      taken.add(base).add(head);
      pairs.push({ base, head, renameMatch });
    }
  }
  pairs.sort((a, b) => a.head.index - b.head.index);
  return {
    pairs,
    headIdOf: new Map(pairs.map((pair) => [pair.base.id, pair.head.id])),
    baseIdOf: new Map(pairs.map((pair) => [pair.head.id, pair.base.id])),
  };
}

function diffTasks(
  before: PlanSnapshot,
  after: PlanSnapshot,
  { pairs, headIdOf, baseIdOf }: TaskPairs,
  calendar: WorkingCalendar | undefined,
): PlanDiff['tasks'] {
  const changed: TaskChange[] = [];
  for (const { base, head, renameMatch } of pairs) {
    const changes = fieldChanges(base.fields, head.fields);
    const assignments = diffAssignments(base.assignments, head.assignments);
    const assignmentsChanged = assignments.added.length + assignments.removed.length + assignments.changed.length > 0;
    if (renameMatch === null && changes.length === 0 && !assignmentsChanged) continue;
    const finishMoved =
      base.fields.finish !== head.fields.finish ? dateMove(base.fields.finish, head.fields.finish, calendar).workingDays : null;
    changed.push({
      id: head.id,
      name: head.fields.name,
      renamedFrom: renameMatch === null ? null : base.id,
      renameMatch,
      changes,
      finishMoved,
      assignments,
    });
  }
  return {
    added: [...after.tasks.values()].filter((task) => !baseIdOf.has(task.id)).map(taskSummary),
    removed: [...before.tasks.values()].filter((task) => !headIdOf.has(task.id)).map(taskSummary),
    changed,
  };
}

/**
 * Progress recorded on tasks in both plans (`progress`, `actual_start`,
 * `actual_finish`), the status date's move and the share of work done. An
 * added plan's progress is all new, so it compares against nothing too.
 */
function diffProgress(before: PlanSnapshot, after: PlanSnapshot, { pairs }: TaskPairs, calendar: WorkingCalendar | undefined): ProgressDiff {
  const tasks = pairs.flatMap(({ base, head }) => {
    const changes = fieldChanges(base.actuals, head.actuals);
    return changes.length === 0 ? [] : [{ id: head.id, name: head.fields.name, changes }];
  });
  return {
    statusDate: before.statusDate !== after.statusDate ? dateMove(before.statusDate, after.statusDate, calendar) : null,
    percentComplete:
      before.percentComplete !== after.percentComplete ? { from: before.percentComplete, to: after.percentComplete } : null,
    tasks,
  };
}

function taskSummary(task: TaskSnapshot): TaskSummary {
  const { name, phase, duration, milestone, start, finish } = task.fields;
  return { id: task.id, name, phase, duration, milestone, start, finish };
}

function diffAssignments(
  base: ReadonlyMap<string, string | null>,
  head: ReadonlyMap<string, string | null>,
): AssignmentChanges {
  const keyed = diffKeyed(base, head, (a, b) => a === b);
  return {
    added: keyed.added.map(([person, load]) => ({ person, load })),
    removed: keyed.removed.map(([person, load]) => ({ person, load })),
    changed: keyed.changed.map(([person, from, to]) => ({ person, from, to })),
  };
}

/** Matched tasks that are milestones in the head and whose date moved. */
function diffMilestones({ pairs }: TaskPairs, calendar: WorkingCalendar | undefined): MilestoneMove[] {
  return pairs
    .filter(({ base, head }) => head.fields.milestone && base.fields.finish !== head.fields.finish)
    .map(({ base, head }) => ({ id: head.id, name: head.fields.name, ...dateMove(base.fields.finish, head.fields.finish, calendar) }));
}

function diffCriticalPath(before: PlanSnapshot, after: PlanSnapshot, { headIdOf, baseIdOf }: TaskPairs): PlanDiff['criticalPath'] {
  const wasCritical = (headId: string): boolean => {
    const baseId = baseIdOf.get(headId);
    return baseId !== undefined && before.tasks.get(baseId)?.critical === true;
  };
  const isCritical = (baseId: string): boolean => {
    const headId = headIdOf.get(baseId);
    return headId !== undefined && after.tasks.get(headId)?.critical === true;
  };
  return {
    joined: after.criticalPath.filter((id) => !wasCritical(id)),
    left: before.criticalPath.filter((id) => !isCritical(id)),
  };
}

/**
 * Overallocations are the same when the same person is overallocated on
 * the same set of tasks, wherever the schedule now puts them: a conflict
 * that only moved in time is neither introduced nor resolved. Compared as
 * a multiset (a person can be overallocated on one task set twice).
 */
function diffOverallocations(before: PlanSnapshot, after: PlanSnapshot, { headIdOf }: TaskPairs): PlanDiff['overallocations'] {
  const base = before.overallocations.map((entry) => ({ ...entry, tasks: entry.tasks.map((id) => headIdOf.get(id) ?? id) }));
  const head = after.overallocations;
  const key = (entry: OverallocationSummary): string => JSON.stringify([entry.person, [...entry.tasks].sort()]);
  return { introduced: multisetMinus(head, base, key), resolved: multisetMinus(base, head, key) };
}

/**
 * Findings match by rule and message as a multiset; their positions are
 * ignored, and so are the dates in their messages, so that a finding the
 * schedule only moved in time (an overallocation, a missed deadline) is
 * neither introduced nor fixed.
 */
function diffFindings(before: PlanSnapshot, after: PlanSnapshot): PlanDiff['findings'] {
  const key = (finding: { rule: string; message: string }): string =>
    `${finding.rule}\u0000${finding.message.replace(/\b\d{4}-\d{2}-\d{2}\b/g, 'YYYY-MM-DD')}`;
  const introduced = multisetMinus(after.findings, before.findings, key);
  const fixed = multisetMinus(before.findings, after.findings, key);
  const added = countFindings(introduced);
  const removed = countFindings(fixed);
  const delta: SeverityDelta = {
    errors: added.errors - removed.errors,
    warnings: added.warnings - removed.warnings,
    infos: added.infos - removed.infos,
    hints: added.hints - removed.hints,
  };
  return { introduced: groupByRule(introduced), fixed: groupByRule(fixed), delta };
}

function groupByRule(findings: readonly (FindingSummary & { readonly rule: string })[]): FindingGroup[] {
  const groups = new Map<string, FindingSummary[]>();
  for (const { rule, severity, message, line } of findings) {
    groups.set(rule, [...(groups.get(rule) ?? []), { severity, message, line }]);
  }
  return [...groups.keys()].sort().map((rule) => ({ rule, findings: groups.get(rule)! }));
}

/** The entries of `items` left after taking away, per key, as many as `others` has. */
function multisetMinus<T>(items: readonly T[], others: readonly T[], key: (item: T) => string): T[] {
  const available = new Map<string, number>();
  for (const other of others) available.set(key(other), (available.get(key(other)) ?? 0) + 1);
  return items.filter((item) => {
    const count = available.get(key(item)) ?? 0;
    if (count === 0) return true;
    available.set(key(item), count - 1);
    return false;
  });
}

function diffBudget(before: PlanSnapshot, after: PlanSnapshot): BudgetDiff {
  const lines = diffKeyed(before.budgetLines, after.budgetLines, (a, b) => a === b);
  return {
    changes: fieldChanges(before.budgetFields, after.budgetFields),
    lines: {
      added: lines.added.map(([category, amount]) => ({ category, amount })),
      removed: lines.removed.map(([category, amount]) => ({ category, amount })),
      changed: lines.changed.map(([category, from, to]) => ({ category, from, to })),
    },
  };
}

function diffItems(before: ReadonlyMap<string, ItemSnapshot>, after: ReadonlyMap<string, ItemSnapshot>): ItemChanges {
  const keyed = diffKeyed(before, after, (a, b) => fieldChanges(a.fields, b.fields).length === 0);
  return {
    added: keyed.added.map(([id, item]) => ({ id, label: item.label, fields: item.fields })),
    removed: keyed.removed.map(([id, item]) => ({ id, label: item.label, fields: item.fields })),
    changed: keyed.changed.map(([id, from, to]) => ({ id, label: to.label, changes: fieldChanges(from.fields, to.fields) })),
  };
}

/** Entries only in `after` (added, in its order), only in `before` (removed), and in both but not `same`. */
function diffKeyed<T>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  same: (a: T, b: T) => boolean,
): { added: [string, T][]; removed: [string, T][]; changed: [string, T, T][] } {
  const added: [string, T][] = [];
  const changed: [string, T, T][] = [];
  for (const [key, value] of after) {
    const old = before.get(key);
    if (!before.has(key)) added.push([key, value]);
    else if (!same(old as T, value)) changed.push([key, old as T, value]);
  }
  const removed = [...before].filter(([key]) => !after.has(key));
  return { added, removed, changed };
}

/**
 * The fields whose values differ, in the order of `after`'s keys (then any
 * only `before` has). A field absent on one side counts as null, so an
 * added or removed plan compares against nothing.
 */
function fieldChanges(before: Readonly<Record<string, FieldValue>>, after: Readonly<Record<string, FieldValue>>): FieldChange[] {
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return fields
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }))
    .filter((change) => change.from !== change.to);
}
