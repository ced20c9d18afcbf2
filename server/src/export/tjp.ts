import type { PlanAnalysis } from '../analysis/analyze-plan.js';
import type { PlanModel, Task } from '../model/types.js';
import type { WorkGraph } from '../model/work-graph.js';
import { dateOfDayNumber, dayNumberOfDate, type WorkingCalendar } from '../schedule/calendar.js';
import type { Schedule, TaskSchedule } from '../schedule/compute-schedule.js';
import { assignmentDailyLoad, dailyCapacity } from '../schedule/load.js';
import type { ExportFormat, ExportRequest, ExportResult } from './export-format.js';
import { unscheduledTasks } from './unscheduled.js';

/**
 * `crmplan export --format tjp`: the plan as a TaskJuggler 3 project that
 * `tj3` schedules to the same days as crmplan (docs/export.md#taskjuggler).
 *
 * crmplan counts working days; TaskJuggler counts working time in slots of
 * the project's working hours, skipping global leaves. So every working
 * day is one window of `dailyworkinghours` hours on the calendar's
 * weekdays, holidays are `leaves holiday`, a duration of D working days is
 * `length Dd` (working time, whatever the resources do), a lag is
 * `gaplength` (working time too) and start-to-start is `onstart`.
 *
 * What TaskJuggler cannot say directly is rewritten into what it can, so
 * the dates stay the same:
 * - negative lags (TaskJuggler's gaps are never negative): finish-to-start
 *   with lag -k on a task of D days is start-to-start with lag D - k; what
 *   is still negative waits, with the lag, for what the predecessor waits
 *   for (see `expand`);
 * - a `start:` date ("start no earlier than"; TaskJuggler's `start` would
 *   fix the date and clash with dependencies) is a dependency on a
 *   milestone fixed on that date, under the container `start_dates`;
 * - TaskJuggler refuses two dependencies of one task on the same task
 *   (phase dependencies are inherited by the phase's tasks), so links to
 *   one target are merged into the one that binds (see `normalize`).
 */
export const tjpFormat: ExportFormat = {
  name: 'tjp',
  description: 'a TaskJuggler 3 project (tj3 schedules it to the same dates)',
  extension: 'tjp',
  binary: false,
  run: exportTaskJuggler,
};

/** The container of the milestones that carry `start:` dates. */
export const START_DATES_ID = 'start_dates';

/** The `omitted` line of a plan without a scheduled task: tj3 refuses a project without tasks ("No tasks defined"). */
export const NO_TASKS = 'no task is scheduled, and TaskJuggler refuses a project without tasks';

/** Calendar days after the last date of the plan that the project interval still covers. */
const PROJECT_END_MARGIN_DAYS = 90;

/** The dates TaskJuggler 3.7 reads ("Year 2036 out of range (1970 - 2035)"). */
const TJ_FIRST_DATE = '1970-01-01';
const TJ_LAST_DATE = '2035-12-31';

/** TaskJuggler's timing resolutions, in minutes, largest first. */
const RESOLUTIONS = [60, 30, 20, 15, 10, 5] as const;

/** When a day's working window starts, unless the day is too long for it. */
const WINDOW_START_MINUTES = 9 * 60;

/** How many links expanding one negative lag may produce before the computed date is used instead. */
const EXPANSION_BUDGET = 256;

/** The working window of every working day, from `hours_per_day`. */
export interface WorkingWindow {
  /** Minutes after midnight. */
  readonly from: number;
  readonly to: number;
  /** `timingresolution`, in minutes: the largest that divides the window. */
  readonly resolution: number;
}

/**
 * The window `hours_per_day` gives: 9:00 to 9:00 + hours_per_day (earlier
 * when that would pass midnight), rounded to 5 minutes (TaskJuggler's finest
 * resolution), at least 5 minutes. `dailyworkinghours` is the window's
 * length, so `Nd` is exactly N windows.
 */
export function workingWindow(hoursPerDay: number): WorkingWindow {
  const minutes = Math.min(24 * 60, Math.max(5, Math.round((hoursPerDay * 60) / 5) * 5));
  const resolution = RESOLUTIONS.find((candidate) => minutes % candidate === 0) ?? 5;
  const from = Math.min(WINDOW_START_MINUTES, 24 * 60 - minutes);
  return { from, to: from + minutes, resolution };
}

/**
 * A TaskJuggler string literal. TaskJuggler's scanner expands `${macro}` and
 * `$(ENVIRONMENT_VARIABLE)` even inside strings and has no escape for `$`
 * or for a backslash before the closing quote, so a zero-width space
 * (U+200B) goes between `$` and `{` or `(`, and after a final backslash;
 * `"` is escaped as `\"`, and line breaks and other control characters
 * become spaces (names are one line).
 */
export function tjpString(text: string): string {
  const body = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/"/g, '\\"')
    .replace(/\$(?=[{(])/g, '$\u200b')
    .replace(/\\$/, '\\\u200b');
  return `"${body}"`;
}

/**
 * A TaskJuggler identifier (`[a-zA-Z_][a-zA-Z0-9_]*`) for a crmplan id
 * (`[a-z0-9][a-z0-9._-]*`): `.` and `-` become `_`, a leading digit gets a
 * `_` before it, and an id already taken gets `_2`, `_3`, ...
 */
export function tjpIdentifier(id: string, taken: Set<string>): string {
  let base = id.replace(/[^A-Za-z0-9_]/g, '_');
  if (base === '' || /^[0-9]/.test(base)) base = `_${base}`;
  let candidate = base;
  for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${base}_${suffix}`;
  taken.add(candidate);
  return candidate;
}

/**
 * One requirement on a task's start, in TaskJuggler's terms: a link to the
 * start or end of a task or phase (node numbers of the work graph) with a
 * gap of working days (never negative once normalized), or a date.
 */
type Bound =
  | { readonly kind: 'link'; readonly node: number; readonly from: 'start' | 'end'; readonly gap: number }
  | { readonly kind: 'date'; readonly index: number; readonly date: string };

interface EffectiveLink {
  readonly node: number;
  readonly from: 'start' | 'end';
  readonly lag: number;
}

/** What the writer needs of the analysis, with the scheduled nodes and their links. */
class ExportContext {
  readonly calendar: WorkingCalendar;
  readonly taskCount: number;

  constructor(
    readonly model: PlanModel,
    readonly graph: WorkGraph,
    readonly schedule: Schedule,
  ) {
    this.calendar = schedule.calendar;
    this.taskCount = model.tasks.length;
  }

  isScheduled(node: number): boolean {
    if (this.graph.cyclic.has(node)) return false;
    return node < this.taskCount ? this.schedule.tasks[node] !== undefined : this.schedule.phases[node - this.taskCount] !== undefined;
  }

  /** A task's dependencies that impose something (not on a cycle, not on an unscheduled phase). */
  links(taskIndex: number, via: 'own' | 'phase'): EffectiveLink[] {
    const links: EffectiveLink[] = [];
    for (const edge of this.graph.edges[taskIndex] ?? []) {
      if (edge.via !== via || !edge.dependency || !this.isScheduled(edge.to)) continue;
      links.push({
        node: edge.to,
        from: edge.dependency.type === 'SS' ? 'start' : 'end',
        lag: this.calendar.workingDays(edge.dependency.lag),
      });
    }
    return links;
  }

  /** The scheduled tasks of a phase, in document order. */
  members(phaseIndex: number): number[] {
    return (this.model.phases[phaseIndex]?.taskIndexes ?? []).filter((taskIndex) => this.schedule.tasks[taskIndex] !== undefined);
  }

  /** The scheduled task of a phase that starts first (the first in document order among equals). */
  firstMember(phaseIndex: number): number {
    return this.members(phaseIndex).reduce((best, member) => (this.indexOf(member, 'start') < this.indexOf(best, 'start') ? member : best));
  }

  /** The computed start or end index of a node. */
  indexOf(node: number, from: 'start' | 'end'): number {
    const scheduled = node < this.taskCount ? this.schedule.tasks[node] : this.schedule.phases[node - this.taskCount];
    if (!scheduled) return 0;
    return from === 'start' ? scheduled.s : scheduled.e;
  }
}

class ExpansionBudgetExceeded extends Error {}

/**
 * `s >= (start or end of node) + lag` as bounds TaskJuggler can write. A
 * lag of 0 or more is one link. A negative lag:
 * - on a task's end: the task's end is its start + D, so the lag becomes
 *   D + lag on its start;
 * - on a task's start: the task starts at the largest of its bounds (0,
 *   its `start:` date, each dependency), so waiting for that start minus k
 *   is waiting for each of those bounds minus k (0 - k bounds nothing);
 * - on a phase's end (the largest end of its tasks): the same lag on each
 *   task's end;
 * - on a phase's start (the smallest start of its tasks): the same lag on
 *   the start of its first task as scheduled.
 * Past `EXPANSION_BUDGET` links the computed date is used instead.
 */
function expand(context: ExportContext, node: number, from: 'start' | 'end', lag: number, budget: { left: number }): Bound[] {
  if (--budget.left < 0) throw new ExpansionBudgetExceeded();
  if (lag >= 0) return [{ kind: 'link', node, from, gap: lag }];
  if (node >= context.taskCount) {
    const members = context.members(node - context.taskCount);
    if (from === 'end') return members.flatMap((member) => expand(context, member, 'end', lag, budget));
    return expand(context, context.firstMember(node - context.taskCount), 'start', lag, budget);
  }
  const scheduled = context.schedule.tasks[node]!;
  if (from === 'end') return expand(context, node, 'start', lag + scheduled.duration, budget);
  const bounds: Bound[] = [];
  for (const via of ['own', 'phase'] as const) {
    for (const link of context.links(node, via)) bounds.push(...expand(context, link.node, link.from, link.lag + lag, budget));
  }
  if (scheduled.startBound !== undefined && scheduled.startBound + lag > 0) {
    bounds.push(dateBound(context, scheduled.startBound + lag));
  }
  return bounds;
}

function dateBound(context: ExportContext, index: number): Bound {
  return { kind: 'date', index, date: context.calendar.dateOf(index) };
}

/** The bounds of links, expanded; when an expansion is too large, the date it comes to. */
function boundsOf(context: ExportContext, links: readonly EffectiveLink[]): Bound[] {
  return links.flatMap((link) => {
    try {
      return expand(context, link.node, link.from, link.lag, { left: EXPANSION_BUDGET });
    } catch (error) {
      if (!(error instanceof ExpansionBudgetExceeded)) throw error;
      const index = context.indexOf(link.node, link.from) + link.lag;
      return index > 0 ? [dateBound(context, index)] : [];
    }
  });
}

/**
 * One bound per target, as TaskJuggler requires: the latest date; for a
 * task, links of one kind keep the largest gap, and a finish-to-start link
 * (gap g) next to a start-to-start one on a task of D days is start-to-start
 * with gap D + g; for a phase with both kinds, the finish-to-start link
 * becomes one on each of its tasks (the phase ends when the last does).
 */
function normalize(context: ExportContext, bounds: readonly Bound[]): Bound[] {
  let latestDate: Bound | undefined;
  const byNode = new Map<number, { node: number; from: 'start' | 'end'; gap: number }[]>();
  for (const bound of bounds.map((written) => avoidFalseLoops(context, written))) {
    if (bound.kind === 'date') {
      if (!latestDate || (latestDate.kind === 'date' && bound.index > latestDate.index)) latestDate = bound;
      continue;
    }
    const group = byNode.get(bound.node) ?? [];
    group.push({ node: bound.node, from: bound.from, gap: bound.gap });
    byNode.set(bound.node, group);
  }
  const result: Bound[] = latestDate ? [latestDate] : [];
  const spread: Bound[] = [];
  for (const [node, group] of byNode) {
    const kinds = new Set(group.map((bound) => bound.from));
    if (kinds.size === 1) {
      result.push({ kind: 'link', node, from: group[0]!.from, gap: Math.max(...group.map((bound) => bound.gap)) });
    } else if (node < context.taskCount) {
      const duration = context.schedule.tasks[node]!.duration;
      const gap = Math.max(...group.map((bound) => (bound.from === 'end' ? bound.gap + duration : bound.gap)));
      result.push({ kind: 'link', node, from: 'start', gap });
    } else {
      const startGap = Math.max(...group.filter((bound) => bound.from === 'start').map((bound) => bound.gap));
      const endGap = Math.max(...group.filter((bound) => bound.from === 'end').map((bound) => bound.gap));
      result.push({ kind: 'link', node, from: 'start', gap: startGap });
      for (const member of context.members(node - context.taskCount)) spread.push({ kind: 'link', node: member, from: 'end', gap: endGap });
    }
  }
  return spread.length === 0 ? result : normalize(context, [...result, ...spread]);
}

/**
 * TaskJuggler's loop check takes a milestone for both ends of itself, and
 * reports a loop that is not there when a milestone waits for the start of
 * a milestone (or of a phase holding one) and, through other links, for its
 * end. So a start-to-start link to a milestone is finish-to-start (the same
 * day: it has no duration), and one to a phase is one to the phase's first
 * task as scheduled (the phase starts when that task does).
 */
function avoidFalseLoops(context: ExportContext, bound: Bound): Bound {
  if (bound.kind !== 'link' || bound.from !== 'start') return bound;
  if (bound.node >= context.taskCount) {
    return avoidFalseLoops(context, { ...bound, node: context.firstMember(bound.node - context.taskCount) });
  }
  return context.schedule.tasks[bound.node]!.duration === 0 ? { ...bound, from: 'end' } : bound;
}

/** The key TaskJuggler checks for repeated dependencies. */
function targetKey(bound: Bound): string {
  return bound.kind === 'date' ? `date ${bound.date}` : `node ${bound.node}`;
}

interface TjpIds {
  /** Full TaskJuggler id per task index (`phase.task`); undefined when not exported. */
  readonly tasks: readonly (string | undefined)[];
  /** Per phase index; undefined when the phase has no scheduled task. */
  readonly phases: readonly (string | undefined)[];
  /** Per person index. */
  readonly people: readonly string[];
}

/**
 * The TaskJuggler ids the export gives: phases are top-level tasks,
 * their tasks `phase.task`, people resources. Ids are unique across the
 * file (not only among siblings), so a report's `id` column names a task
 * unambiguously.
 */
export function tjpIds(analysis: PlanAnalysis): TjpIds {
  const { model, schedule, graph } = analysis;
  const taken = new Set<string>([START_DATES_ID]);
  const phases: (string | undefined)[] = [];
  const tasks: (string | undefined)[] = model.tasks.map(() => undefined);
  model.phases.forEach((phase, phaseIndex) => {
    const members = phase.taskIndexes.filter((taskIndex) => schedule?.tasks[taskIndex] !== undefined && !graph.cyclic.has(taskIndex));
    if (members.length === 0) {
      phases.push(undefined);
      return;
    }
    const phaseId = tjpIdentifier(phase.id?.value ?? `phase_${phaseIndex + 1}`, taken);
    phases.push(phaseId);
    for (const taskIndex of members) {
      tasks[taskIndex] = `${phaseId}.${tjpIdentifier(model.tasks[taskIndex]!.id?.value ?? `task_${taskIndex + 1}`, taken)}`;
    }
  });
  const peopleTaken = new Set<string>();
  const people = model.people.map((person, personIndex) => tjpIdentifier(person.id?.value ?? `person_${personIndex + 1}`, peopleTaken));
  return { tasks, phases, people };
}

function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A duration in whole minutes of the resolution, at least one slot (TaskJuggler refuses 0). */
function minutesText(hours: number, resolution: number): string {
  const minutes = Math.max(resolution, Math.round((hours * 60) / resolution) * resolution);
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}min`;
}

/** A comment's text on one line. */
function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumberOfDate(date) + days);
}

function laterDate(a: string, b: string): string {
  return dayNumberOfDate(a) >= dayNumberOfDate(b) ? a : b;
}

function earlierDate(a: string, b: string): string {
  return dayNumberOfDate(a) <= dayNumberOfDate(b) ? a : b;
}

const TJ_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function exportTaskJuggler(analysis: PlanAnalysis, request: ExportRequest): ExportResult {
  const { model, schedule, graph } = analysis;
  const omitted = unscheduledTasks(analysis);
  const header = `# TaskJuggler 3 project exported by crmplan from ${commentText(request.fileName)}`;
  if (!schedule) {
    return {
      content: `${header}\n# Nothing is scheduled: the plan has no valid plan.start.\n`,
      omitted,
    };
  }
  if (!schedule.tasks.some((scheduled) => scheduled !== undefined)) omitted.push(NO_TASKS);
  const context = new ExportContext(model, graph, schedule);
  const calendar = schedule.calendar;
  const ids = tjpIds(analysis);
  const window = workingWindow(calendar.hoursPerDay);

  // The bounds of every exported task and phase container.
  const containerBounds: Bound[][] = model.phases.map(() => []);
  const taskBounds: Bound[][] = model.tasks.map(() => []);
  model.phases.forEach((phase, phaseIndex) => {
    if (ids.phases[phaseIndex] === undefined) return;
    const members = phase.taskIndexes.filter((taskIndex) => ids.tasks[taskIndex] !== undefined);
    // Every task of a phase has the same phase links; the container carries them (its tasks inherit them).
    const phaseBounds = normalize(context, boundsOf(context, context.links(members[0]!, 'phase')));
    const own = members.map((taskIndex) => {
      const bounds = boundsOf(context, context.links(taskIndex, 'own'));
      const startBound = schedule.tasks[taskIndex]!.startBound;
      if (startBound !== undefined && startBound > 0) bounds.push({ kind: 'date', index: startBound, date: model.tasks[taskIndex]!.start!.value });
      return normalize(context, bounds);
    });
    const inherited = new Set(phaseBounds.map(targetKey));
    const clash = own.some((bounds) => bounds.some((bound) => inherited.has(targetKey(bound)) || (bound.kind === 'date' && phaseBounds.some((other) => other.kind === 'date'))));
    if (clash) {
      // TaskJuggler would see the same target twice on a task: write the phase's links on each task instead.
      members.forEach((taskIndex, position) => (taskBounds[taskIndex] = normalize(context, [...own[position]!, ...phaseBounds])));
    } else {
      containerBounds[phaseIndex] = phaseBounds;
      members.forEach((taskIndex, position) => (taskBounds[taskIndex] = own[position]!));
    }
  });

  // Every date some bound waits for becomes a milestone of `start_dates`.
  const dateIds = new Map<string, string>();
  const dateTaken = new Set<string>();
  let lastDate = schedule.finish ?? calendar.firstWorkingDay;
  for (const bound of [...containerBounds.flat(), ...taskBounds.flat()]) {
    if (bound.kind !== 'date' || dateIds.has(bound.date)) continue;
    dateIds.set(bound.date, `${START_DATES_ID}.${tjpIdentifier(`on_${bound.date}`, dateTaken)}`);
    lastDate = laterDate(lastDate, bound.date);
  }
  for (const scheduled of schedule.tasks) {
    if (scheduled?.deadlineIndex !== undefined && scheduled.deadlineIndex >= 0) lastDate = laterDate(lastDate, calendar.dateOf(scheduled.deadlineIndex));
  }
  // TaskJuggler has no dates before its project's start, and a deadline before the plan's first
  // working day must still be missed: the project then starts on that deadline's working day,
  // and every phase waits for a milestone on plan.start.
  const earliestDeadline = schedule.tasks.reduce((earliest, scheduled) => Math.min(earliest, scheduled?.deadlineIndex ?? 0), 0);
  const projectStart = earliestDeadline < 0 ? calendar.dateOf(earliestDeadline) : calendar.start;
  const planStartId = earliestDeadline < 0 ? `${START_DATES_ID}.${tjpIdentifier('plan_start', dateTaken)}` : undefined;
  const lastUsed = laterDate(lastDate, projectStart);
  const projectEnd = earlierDate(addDays(lastUsed, PROJECT_END_MARGIN_DAYS), laterDate(TJ_LAST_DATE, addDays(lastUsed, 1)));
  if (dayNumberOfDate(projectStart) < dayNumberOfDate(TJ_FIRST_DATE) || dayNumberOfDate(projectEnd) > dayNumberOfDate(TJ_LAST_DATE)) {
    omitted.push(`TaskJuggler 3 reads dates from ${TJ_FIRST_DATE} to ${TJ_LAST_DATE} only, and this plan runs from ${projectStart} to ${lastUsed}: tj3 will refuse the file`);
  }
  const inProject = (date: string): boolean => dayNumberOfDate(date) >= dayNumberOfDate(projectStart) && dayNumberOfDate(date) < dayNumberOfDate(projectEnd);

  const dependsText = (bounds: readonly Bound[]): string | undefined => {
    if (bounds.length === 0) return undefined;
    const items = bounds.map((bound) => {
      if (bound.kind === 'date') return dateIds.get(bound.date)!;
      const target = bound.node < context.taskCount ? ids.tasks[bound.node]! : ids.phases[bound.node - context.taskCount]!;
      const options = [...(bound.from === 'start' ? ['onstart'] : []), ...(bound.gap > 0 ? [`gaplength ${bound.gap}d`] : [])];
      return options.length === 0 ? target : `${target} { ${options.join(' ')} }`;
    });
    return items.join(', ');
  };

  const lines: string[] = [header];
  lines.push(
    `project crmplan ${tjpString(model.plan.name?.value ?? request.fileName)} ${projectStart} - ${projectEnd} {`,
    '  # crmplan works in whole days; dates do not depend on the time zone.',
    '  timezone "UTC"',
    `  timingresolution ${window.resolution}min`,
    `  dailyworkinghours ${(window.to - window.from) / 60}`,
  );
  // The model defaults to mon..fri, and so does the working calendar for an empty list.
  const effectiveWorkdays = model.plan.calendar.workdays.length > 0 ? model.plan.calendar.workdays : TJ_WEEKDAYS.slice(0, 5);
  const offDays = TJ_WEEKDAYS.filter((weekday) => !effectiveWorkdays.includes(weekday));
  lines.push(`  workinghours ${TJ_WEEKDAYS.filter((weekday) => effectiveWorkdays.includes(weekday)).join(', ')} ${clock(window.from)} - ${clock(window.to)}`);
  if (offDays.length > 0) lines.push(`  workinghours ${offDays.join(', ')} off`);
  lines.push('}');

  const holidays = new Map<string, string | undefined>();
  // The written holidays and the public holidays of `calendar.country`, as the schedule took them.
  for (const holiday of schedule.holidays) if (!holidays.has(holiday.date)) holidays.set(holiday.date, holiday.name);
  const leaves = [...holidays].filter(([date]) => inProject(date));
  if (leaves.length > 0) {
    lines.push('', '# Holidays: no working time for anyone.');
    for (const [date, name] of leaves) lines.push(`leaves holiday ${tjpString(name ?? 'Holiday')} ${date}`);
  }

  const personIdOf = new Map<string, string>();
  model.people.forEach((person, personIndex) => {
    if (person.id && !personIdOf.has(person.id.value)) personIdOf.set(person.id.value, ids.people[personIndex]!);
  });
  if (model.people.length > 0) {
    lines.push('', '# People, with their capacity per working day.');
    model.people.forEach((person, personIndex) => {
      const capacity = dailyCapacity(person, calendar);
      const body: string[] = [];
      if (person.email) body.push(`email ${tjpString(person.email.value)}`);
      if (capacity > 0) body.push(`limits { dailymax ${minutesText(capacity, window.resolution)} }`);
      else omitted.push(`person '${person.id?.value ?? personIndex + 1}' has a capacity of 0, which TaskJuggler cannot express: exported without a limit`);
      const name = tjpString(person.name?.value ?? person.id?.value ?? `Person ${personIndex + 1}`);
      lines.push(body.length === 0 ? `resource ${ids.people[personIndex]} ${name}` : `resource ${ids.people[personIndex]} ${name} { ${body.join(' ')} }`);
    });
  }

  if (dateIds.size > 0 || planStartId) {
    lines.push('', '# Start no earlier than: each date is a milestone that tasks depend on.');
    lines.push(`task ${START_DATES_ID} "Start no earlier than" {`);
    const milestones = [...(planStartId ? [[calendar.start, planStartId] as const] : []), ...dateIds];
    for (const [date, id] of milestones) lines.push(`  task ${id.slice(START_DATES_ID.length + 1)} ${tjpString(date)} { milestone start ${date} }`);
    lines.push('}');
  }

  model.phases.forEach((phase, phaseIndex) => {
    const phaseId = ids.phases[phaseIndex];
    if (phaseId === undefined) return;
    lines.push('', `task ${phaseId} ${tjpString(phase.name?.value ?? phase.id?.value ?? `Phase ${phaseIndex + 1}`)} {`);
    const phaseDepends = [...(planStartId ? [planStartId] : []), dependsText(containerBounds[phaseIndex]!)].filter((text) => text !== undefined).join(', ');
    if (phaseDepends !== '') lines.push(`  depends ${phaseDepends}`);
    const phaseOwner = phase.owner ? personIdOf.get(phase.owner.id) : undefined;
    if (phaseOwner) lines.push(`  responsible ${phaseOwner}`);
    for (const taskIndex of phase.taskIndexes) {
      const fullId = ids.tasks[taskIndex];
      if (fullId === undefined) continue;
      const task = model.tasks[taskIndex]!;
      const scheduled = schedule.tasks[taskIndex]!;
      lines.push(`  task ${fullId.slice(phaseId.length + 1)} ${tjpString(task.name?.value ?? task.id?.value ?? `Task ${taskIndex + 1}`)} {`);
      if (scheduled.duration > 0) lines.push(`    length ${scheduled.duration}d`);
      else lines.push(scheduled.durationMissing ? '    milestone # no usable duration: scheduled as 0 working days' : '    milestone');
      const taskDepends = dependsText(taskBounds[taskIndex]!);
      if (taskDepends) lines.push(`    depends ${taskDepends}`);
      const owner = task.owner ? personIdOf.get(task.owner.id) : undefined;
      if (owner && owner !== phaseOwner) lines.push(`    responsible ${owner}`);
      if (scheduled.duration > 0) lines.push(...allocationLines(task, personIdOf, calendar, window));
      if (task.deadline) lines.push(`    maxend ${maxEnd(scheduled, calendar, window)} # deadline ${task.deadline.value}`);
      if (task.status?.value === 'done') lines.push('    complete 100');
      lines.push('  }');
    }
    lines.push('}');
  });
  return { content: `${lines.join('\n')}\n`, omitted };
}

/**
 * `maxend` for a `deadline:`. crmplan compares the finish day with the last
 * working day on or before the deadline; TaskJuggler compares the end
 * instant with `maxend`. A task of D >= 1 days ends when its last day's
 * window closes, so it may end at the close of the deadline's working day;
 * a milestone sits at an instant that counts as the first working day at or
 * after it, so it may be at most at the opening of that day.
 */
function maxEnd(scheduled: TaskSchedule, calendar: WorkingCalendar, window: WorkingWindow): string {
  const index = scheduled.deadlineIndex!;
  const date = calendar.dateOf(index);
  const minutes = scheduled.duration > 0 ? window.to : window.from;
  return minutes === 24 * 60 ? addDays(date, 1) : `${date}-${clock(minutes).padStart(5, '0')}`;
}

/** `allocate` and the per-person `limits` of a task's assignments (loads summed per person). */
function allocationLines(task: Task, personIdOf: ReadonlyMap<string, string>, calendar: WorkingCalendar, window: WorkingWindow): string[] {
  const loads = new Map<string, number>();
  for (const assignment of task.assign) {
    const resource = personIdOf.get(assignment.person.id);
    if (resource === undefined) continue;
    loads.set(resource, (loads.get(resource) ?? 0) + assignmentDailyLoad(assignment, calendar));
  }
  const allocated = [...loads].filter(([, hours]) => hours > 0);
  if (allocated.length === 0) return [];
  const fullDay = (window.to - window.from) / 60;
  const limits = allocated
    .filter(([, hours]) => hours < fullDay)
    .map(([resource, hours]) => `dailymax ${minutesText(hours, window.resolution)} { resources ${resource} }`);
  return [`    allocate ${allocated.map(([resource]) => resource).join(', ')}`, ...(limits.length > 0 ? [`    limits { ${limits.join(' ')} }`] : [])];
}
