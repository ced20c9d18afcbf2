import { successorTasks } from '../model/reachability.js';
import type { Assignment, PlanModel } from '../model/types.js';
import type { WorkGraph } from '../model/work-graph.js';
import type { Schedule } from '../schedule/compute-schedule.js';
import { assignmentDailyLoad, dailyCapacity, LOAD_EPSILON, type Overallocation } from '../schedule/load.js';
import { WaitCheck } from './overallocation-waits.js';
import type { OverallocationData, OverallocationRange, SuggestedLoad } from './schedule-finding-data.js';
import {
  type Booking,
  dateRange,
  hoursToWholeQuantity,
  joinQuoted,
  peakHours,
  quotedNode,
} from './schedule-rule-support.js';
import type { Finding, RelatedLocation, Rule } from './types.js';

/**
 * `freePeople` and `resolvingWaits` are searched for the first this-many
 * findings only: each search sweeps every booking of the plan, so the cap
 * bounds the rule's cost on a plan that overallocates everyone everywhere
 * (the findings past it leave them absent rather than empty, which would
 * say "nobody", "nothing"). `resolvingWaits` has its own budget too
 * (WAIT_CHECK_LIMIT).
 */
export const OVERALLOCATION_SEARCH_LIMIT = 50;

/** At most this many separate periods are spelled out in one message. */
const PERIODS_IN_MESSAGE = 3;

/** At most this many tasks are named per period in a message (the data lists them all). */
const TASKS_IN_MESSAGE = 6;

/**
 * At most this many related locations per finding: an editor lists them all
 * under the diagnostic, and past a screenful they hide rather than help
 * (the data's `tasks` still names every task).
 */
export const RELATED_LIMIT = 20;

/**
 * One finding per (person, task) pair: on the `person` of that task's
 * `assign` item for the person, covering every overallocation (range of
 * consecutive days with the same set of tasks) the task takes part in.
 * Emitting one per (range, task) would repeat the same squiggle on a long
 * task once for each short task that overlaps it; one per pair keeps one
 * diagnostic per assignment to fix, and the message lists the periods.
 * `relatedInformation` points at the other tasks' assignments of the
 * person that overlap.
 */
export const overallocationRule: Rule = {
  name: 'overallocation',
  defaultSeverity: 'warning',
  summary: 'a person is overallocated (message: who, when, peak load, which tasks)',
  *check({ model, symbols, graph, schedule }): Iterable<Finding> {
    if (!schedule || schedule.overallocations.length === 0) return;
    const groups = groupByPersonAndTask(schedule.overallocations);
    const bookings = new LazyBookings(model, schedule);
    const waits = new WaitCheck(model, symbols, graph, schedule);
    let emitted = 0;
    for (const group of groups) {
      const search = emitted < OVERALLOCATION_SEARCH_LIMIT ? waits : undefined;
      const finding = overallocationFinding(model, graph, schedule, group, bookings, search);
      if (!finding) continue;
      emitted++;
      yield finding;
    }
  },
};

interface Group {
  readonly personIndex: number;
  readonly personId: string;
  readonly taskIndex: number;
  /** In date order (the schedule lists each person's overallocations by first day). */
  readonly ranges: Overallocation[];
}

function groupByPersonAndTask(overallocations: readonly Overallocation[]): Group[] {
  const groups = new Map<string, Group>();
  for (const overallocation of overallocations) {
    for (const taskIndex of overallocation.taskIndexes) {
      const key = `${overallocation.personIndex}:${taskIndex}`;
      let group = groups.get(key);
      if (!group) {
        group = { personIndex: overallocation.personIndex, personId: overallocation.personId, taskIndex, ranges: [] };
        groups.set(key, group);
      }
      group.ranges.push(overallocation);
    }
  }
  return [...groups.values()];
}

/** The assign items of a task that book a person (with a positive load, as the load sweep counts them). */
function bookingsOf(model: PlanModel, schedule: Schedule, taskIndex: number, personId: string): Assignment[] {
  return (model.tasks[taskIndex]?.assign ?? []).filter(
    (assignment) => assignment.person.id === personId && assignmentDailyLoad(assignment, schedule.calendar) > 0,
  );
}

function overallocationFinding(
  model: PlanModel,
  graph: WorkGraph,
  schedule: Schedule,
  group: Group,
  bookings: LazyBookings,
  /** Given for the findings whose fixes are searched (see OVERALLOCATION_SEARCH_LIMIT). */
  search: WaitCheck | undefined,
): Finding | undefined {
  const { personIndex, personId, taskIndex, ranges } = group;
  const calendar = schedule.calendar;
  const person = model.people[personIndex];
  const scheduled = schedule.tasks[taskIndex];
  const own = bookingsOf(model, schedule, taskIndex, personId);
  const anchor = own[0];
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!person || !scheduled || !anchor || !first || !last) return undefined;

  const taskIds = (indexes: readonly number[]): string[] => {
    const ids: string[] = [];
    for (const index of indexes) {
      const id = model.tasks[index]?.id?.value;
      if (id !== undefined) ids.push(id);
    }
    return ids;
  };
  // The other tasks of the ranges, and from when to when they share them.
  // Within a range the set of tasks is constant, so a booking takes part in
  // a range exactly when its days meet the range: two binary searches per
  // booking of the person instead of a pass over every range's task list
  // (which is quadratic when many long tasks overlap).
  const personBookings = bookings.of(personIndex);
  const shared = new Map<number, { from: string; to: string }>();
  for (const booking of personBookings) {
    if (booking.taskIndex === taskIndex || shared.has(booking.taskIndex)) continue;
    const firstMet = firstRangeEndingOnOrAfter(ranges, booking.s);
    const lastMet = lastRangeStartingBefore(ranges, booking.e);
    const from = ranges[firstMet];
    const to = ranges[lastMet];
    if (!from || !to || firstMet > lastMet) continue;
    shared.set(booking.taskIndex, { from: from.from, to: to.to });
  }
  const others = [...shared.keys()].sort((a, b) => a - b);
  const involved = [...others, taskIndex].sort((a, b) => a - b);

  // Within one range every task's load is constant (the set of tasks is),
  // so the others' load there is the range's load minus this task's.
  const anchorHours = assignmentDailyLoad(anchor, calendar);
  const taskHours = own.reduce((sum, assignment) => sum + assignmentDailyLoad(assignment, calendar), 0);
  let peak = 0;
  let worstOthers = 0;
  for (const range of ranges) {
    peak = Math.max(peak, range.peak);
    worstOthers = Math.max(worstOthers, range.peakLoadHours - taskHours);
  }
  const capacity = dailyCapacity(person, calendar);
  const fittingHours = capacity - worstOthers - (taskHours - anchorHours);
  const unit = anchor.load?.value.kind ?? 'percent';
  const fittingValue = hoursToWholeQuantity(Math.max(0, fittingHours), unit, calendar);
  const fittingLoad: SuggestedLoad | undefined =
    fittingValue >= 1
      ? { quantity: { kind: unit, value: fittingValue }, text: unit === 'percent' ? `${fittingValue}%` : `${fittingValue}h/w` }
      : undefined;

  const downstream = others.length > 0 ? successorTasks(graph, taskIndex) : new Set<number>();
  const waitIndexes = others.filter((index) => !downstream.has(index));
  const waitCandidates = taskIds(waitIndexes);
  const resolving = search?.resolving(taskIndex, personIndex, waitIndexes);
  const resolvingWaits = resolving && taskIds(resolving);

  // Handing this assignment over removes the overallocation unless the task
  // books the person again and that alone still overloads them.
  const handOverResolves = own.length === 1 || fittingHours >= -LOAD_EPSILON;
  const freePeople = !search
    ? undefined
    : handOverResolves
      ? findFreePeople(model, schedule, bookings, taskIndex, scheduled.s, scheduled.e, anchorHours)
      : [];

  const personName = person.name?.value;
  const who = personName ? `${personName} ('${personId}')` : `'${personId}'`;
  const related: RelatedLocation[] = [];
  for (const assignment of own.slice(1)) {
    related.push({ span: assignment.person.span, message: `The same task books ${who} again here.` });
  }
  for (const other of others) {
    if (related.length >= RELATED_LIMIT) break;
    const when = shared.get(other)!;
    for (const assignment of bookingsOf(model, schedule, other, personId)) {
      related.push({
        span: assignment.person.span,
        message: `${quotedNode(graph, other)} also books ${who} (${loadText(assignment)}) ${dateRange(when.from, when.to)}.`,
      });
    }
  }

  const data: OverallocationData = {
    rule: 'overallocation',
    taskId: model.tasks[taskIndex]?.id?.value,
    taskIndex,
    personId,
    personIndex,
    from: first.from,
    to: last.to,
    peak,
    tasks: taskIds(involved),
    ranges: ranges.map(rangeData),
    assignmentSpan: anchor.span,
    loadSpan: anchor.load?.span,
    fittingLoad,
    waitCandidates,
    resolvingWaits,
    freePeople,
  };

  const periods = mergeAdjacent(ranges);
  const listed = periods.slice(0, PERIODS_IN_MESSAGE).map((period) => {
    // The tasks of a period: the person's bookings that meet it.
    const tasks = new Set<number>();
    for (const booking of personBookings) {
      if (booking.s <= period.toIndex && booking.e > period.fromIndex) tasks.add(booking.taskIndex);
    }
    return `${dateRange(period.from, period.to)}, ${peakText(period.peak)}, on ${taskList(graph, [...tasks].sort((a, b) => a - b))}`;
  });
  const more = periods.length - listed.length;
  const when = more > 0 ? `${listed.join('; ')}; and in ${more} more period${more === 1 ? '' : 's'}` : listed.join('; and ');
  const fix = fittingLoad ? ` A load of ${fittingLoad.text} on ${quotedNode(graph, taskIndex)} would fit.` : '';
  return {
    rule: 'overallocation',
    message: `${who} is overallocated ${when}.${fix}`,
    span: anchor.person.span,
    related: related.slice(0, RELATED_LIMIT),
    data,
  };
}

/** The data of one range, made once per range however many findings share it. */
const rangeDataCache = new WeakMap<Overallocation, OverallocationRange>();
function rangeData(range: Overallocation): OverallocationRange {
  let data = rangeDataCache.get(range);
  if (!data) {
    data = { from: range.from, to: range.to, peak: range.peak, tasks: range.tasks };
    rangeDataCache.set(range, data);
  }
  return data;
}

/** `'a', 'b' and 'c'`; past TASKS_IN_MESSAGE names, `'a', 'b', ... and 7 other tasks`. */
function taskList(graph: WorkGraph, taskIndexes: readonly number[]): string {
  const names = taskIndexes.map((index) => quotedNode(graph, index));
  if (names.length <= TASKS_IN_MESSAGE) return joinQuoted(names);
  const rest = names.length - (TASKS_IN_MESSAGE - 1);
  return `${names.slice(0, TASKS_IN_MESSAGE - 1).join(', ')} and ${rest} other tasks`;
}

/** The first range (sorted, disjoint) whose last day is on or after `day`; ranges.length when none. */
function firstRangeEndingOnOrAfter(ranges: readonly Overallocation[], day: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle]!.toIndex < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The last range (sorted, disjoint) whose first day is before `end`; -1 when none. */
function lastRangeStartingBefore(ranges: readonly Overallocation[], end: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle]!.fromIndex < end) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

function loadText(assignment: Assignment): string {
  const load = assignment.load?.value;
  if (!load) return '100%';
  return load.kind === 'percent' ? `${load.value}%` : `${load.value}h/w`;
}

function peakText(peak: number): string {
  return Number.isFinite(peak) ? `peak ${Math.round(peak * 100)}% of capacity` : 'with no capacity at all';
}

interface Period {
  readonly from: string;
  readonly to: string;
  readonly fromIndex: number;
  readonly toIndex: number;
  readonly peak: number;
}

/**
 * Ranges that follow each other without a gap (the set of tasks changed,
 * the overallocation did not stop) read as one period in the message.
 */
function mergeAdjacent(ranges: readonly Overallocation[]): Period[] {
  const periods: { from: string; to: string; fromIndex: number; toIndex: number; peak: number }[] = [];
  for (const range of ranges) {
    const open = periods[periods.length - 1];
    if (open && open.toIndex + 1 === range.fromIndex) {
      open.to = range.to;
      open.toIndex = range.toIndex;
      open.peak = Math.max(open.peak, range.peak);
      continue;
    }
    periods.push({ from: range.from, to: range.to, fromIndex: range.fromIndex, toIndex: range.toIndex, peak: range.peak });
  }
  return periods;
}

/**
 * People (other than those already on the task) whose bookings plus
 * `hours` stay within their capacity on every working day of [s, e): the
 * whole task, not just the overallocated days, because handing the
 * assignment over moves all of it.
 */
function findFreePeople(
  model: PlanModel,
  schedule: Schedule,
  bookings: LazyBookings,
  taskIndex: number,
  s: number,
  e: number,
  hours: number,
): string[] {
  const onTask = new Set((model.tasks[taskIndex]?.assign ?? []).map((assignment) => assignment.person.id));
  const free: string[] = [];
  const seen = new Set<string>();
  for (const [personIndex, person] of model.people.entries()) {
    const id = person.id?.value;
    // The first declaration of an id is the person, as in the load sweep.
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    if (onTask.has(id)) continue;
    const capacity = dailyCapacity(person, schedule.calendar);
    if (peakHours(bookings.of(personIndex), s, e) + hours <= capacity + LOAD_EPSILON) free.push(id);
  }
  return free;
}

/** Every person's bookings, built on first use (only plans with an overallocation pay for it). */
class LazyBookings {
  private byPerson: Map<number, Booking[]> | undefined;

  constructor(
    private readonly model: PlanModel,
    private readonly schedule: Schedule,
  ) {}

  of(personIndex: number): readonly Booking[] {
    this.byPerson ??= this.build();
    return this.byPerson.get(personIndex) ?? [];
  }

  private build(): Map<number, Booking[]> {
    const personByIds = new Map<string, number>();
    this.model.people.forEach((person, index) => {
      if (person.id && !personByIds.has(person.id.value)) personByIds.set(person.id.value, index);
    });
    const byPerson = new Map<number, Booking[]>();
    this.model.tasks.forEach((task, taskIndex) => {
      const range = this.schedule.tasks[taskIndex];
      if (!range || range.e <= range.s) return;
      for (const assignment of task.assign) {
        const personIndex = personByIds.get(assignment.person.id);
        if (personIndex === undefined) continue;
        const hours = assignmentDailyLoad(assignment, this.schedule.calendar);
        if (!(hours > 0)) continue;
        let list = byPerson.get(personIndex);
        if (!list) byPerson.set(personIndex, (list = []));
        list.push({ taskIndex, s: range.s, e: range.e, hours });
      }
    });
    return byPerson;
  }
}
