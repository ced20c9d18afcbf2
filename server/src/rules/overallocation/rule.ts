import type { Assignment, Person, PlanModel, Quantity, Span, Weekday } from '../../model/types.js';
import { sameReason, type DayOffReason } from '../../schedule/person-days-off.js';
import type { WorkGraph } from '../../model/work-graph.js';
import type { Schedule } from '../../schedule/compute-schedule.js';
import { assignmentDailyLoad, dailyCapacity, type Overallocation } from '../../schedule/load.js';
import type { OverallocationData, OverallocationRange, SuggestedLoad } from './data.js';
import type { WorkingCalendar } from '../../schedule/calendar.js';
import { type Booking, dateRange, hoursToWholeQuantity, PersonBookings, quotedNode } from '../schedule-rule-support.js';
import { joinWords } from '../../util/phrases.js';
import type { Finding, RelatedLocation, Rule } from '../types.js';

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
 * One finding per (person, task) pair: on the `load` value of that task's
 * `assign` item for the person (the figure that is too high), or on its
 * `person` when no load is written (it counts as 100%: there is no value to
 * point at, and the person named is what books the full day), covering
 * every overallocation (range of consecutive days with the same set of
 * tasks) the task takes part in. Emitting one per (range, task) would
 * repeat the same squiggle on a long task once for each short task that
 * overlaps it; one per pair keeps one diagnostic per assignment to fix, and
 * the message lists the periods. `relatedInformation` points at the
 * person's declaration (their capacity), at the leave, holidays or
 * workdays that make a day off, and at the other tasks' loads of the
 * person that overlap.
 *
 * The rule only describes: which tasks to wait for and whom to hand the
 * work to are searched by the quick fix (`fixes/overallocation-fix.ts`)
 * when the editor asks for code actions, since the "what if it waited"
 * reschedules cost more than the rest of the analysis on a large plan and
 * only matter for the finding the cursor is on.
 */
export const overallocationRule: Rule<'overallocation'> = {
  name: 'overallocation',
  defaultSeverity: 'warning',
  summary: 'a person is overallocated (message: who, when, peak load, which tasks)',
  *check({ model, graph, schedule }): Iterable<Finding> {
    if (!schedule || schedule.overallocations.length === 0) return;
    // Only the overallocated people's bookings are read.
    const people = new Set(schedule.overallocations.map((overallocation) => overallocation.personIndex));
    const bookings = new PersonBookings(model, schedule, people);
    for (const group of groupByPersonAndTask(schedule.overallocations)) {
      const finding = overallocationFinding(model, graph, schedule, group, bookings);
      if (finding) yield finding;
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

/**
 * The overallocations of one (person, task) pair, in date order: what one
 * finding covers.
 */
export function overallocationsOfPair(schedule: Schedule, personIndex: number, taskIndex: number): Overallocation[] {
  return schedule.overallocations.filter(
    (overallocation) => overallocation.personIndex === personIndex && overallocation.taskIndexes.includes(taskIndex),
  );
}

/** How much of a person's day one assignment (the first of `own`, the task's items for the person) may take. */
export interface AssignmentFit {
  /** The assignment's own load, hours per day. */
  readonly anchorHours: number;
  /**
   * The largest load of that assignment that removes every overallocation
   * of the pair: the capacity minus the other tasks' loads on the worst
   * day and minus the task's other items for the person. Negative when the
   * task's other items alone overload the person there.
   */
  readonly fittingHours: number;
}

export function assignmentFit(
  person: Person,
  own: readonly Assignment[],
  ranges: readonly Overallocation[],
  calendar: WorkingCalendar,
): AssignmentFit {
  // Within one range every task's load is constant (the set of tasks is),
  // so the others' load there is the range's load minus this task's.
  const anchorHours = own[0] ? assignmentDailyLoad(own[0], calendar) : 0;
  const taskHours = own.reduce((sum, assignment) => sum + assignmentDailyLoad(assignment, calendar), 0);
  // On a day off (leave, a holiday of their own) the capacity is 0: nothing fits.
  let room = dailyCapacity(person, calendar);
  for (const range of ranges) room = Math.min(room, range.capacityHours - Math.max(0, range.peakLoadHours - taskHours));
  return { anchorHours, fittingHours: room - (taskHours - anchorHours) };
}

/**
 * The other tasks of a pair's overallocations (`ranges`, in date order), and
 * from when to when they share them. Within a range the set of tasks is
 * constant, so a booking takes part in a range exactly when its days meet
 * the range: two binary searches per booking of the person instead of a
 * pass over every range's task list (which is quadratic when many long
 * tasks overlap). `personBookings` need only hold the person's bookings
 * that meet the days from the first range to the last
 * (`PersonBookings.meeting`).
 */
export function tasksSharingRanges(
  personBookings: readonly Booking[],
  taskIndex: number,
  ranges: readonly Overallocation[],
): Map<number, { readonly from: string; readonly to: string }> {
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
  return shared;
}

/** The assign items of a task that book a person (with a positive load, as the load sweep counts them). */
export function bookingsOf(model: PlanModel, schedule: Schedule, taskIndex: number, personId: string): Assignment[] {
  return (model.tasks[taskIndex]?.assign ?? []).filter(
    (assignment) => assignment.person.id === personId && assignmentDailyLoad(assignment, schedule.calendar) > 0,
  );
}

function overallocationFinding(
  model: PlanModel,
  graph: WorkGraph,
  schedule: Schedule,
  group: Group,
  bookings: PersonBookings,
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
  const shared = tasksSharingRanges(bookings.meeting(personIndex, first.fromIndex, last.toIndex), taskIndex, ranges);
  const others = [...shared.keys()].sort((a, b) => a - b);
  const involved = [...others, taskIndex].sort((a, b) => a - b);

  const { fittingHours } = assignmentFit(person, own, ranges, calendar);
  const unit = anchor.load?.value.kind ?? 'percent';
  const fittingValue = hoursToWholeQuantity(Math.max(0, fittingHours), unit, calendar);
  const fittingLoad: SuggestedLoad | undefined =
    fittingValue >= 1
      ? { quantity: { kind: unit, value: fittingValue }, text: unit === 'percent' ? `${fittingValue}%` : `${fittingValue}h/w` }
      : undefined;
  let peak = 0;
  for (const range of ranges) peak = Math.max(peak, range.peak);
  const busyRanges = ranges.filter((range) => !range.dayOff);
  const offRanges = ranges.filter((range) => range.dayOff);

  const personName = person.name?.value;
  const who = personName ? `${personName} ('${personId}')` : `'${personId}'`;
  const related: RelatedLocation[] = [personDeclaration(person, who, calendar), ...dayOffLocations(person, who, offRanges)];
  for (const assignment of own.slice(1)) {
    related.push({ span: loadLocation(assignment), message: `The same task books ${who} again here (${loadText(assignment)}).` });
  }
  for (const other of others) {
    if (related.length >= RELATED_LIMIT) break;
    const when = shared.get(other)!;
    for (const assignment of bookingsOf(model, schedule, other, personId)) {
      related.push({
        span: loadLocation(assignment),
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
    peak: Number.isFinite(peak) ? peak : null,
    tasks: taskIds(involved),
    ranges: ranges.map(rangeData),
    assignmentSpan: anchor.span,
    loadSpan: anchor.load?.span,
    fittingLoad,
  };

  const sentences = offDaySentences(who, `${loadText(anchor)} to ${quotedNode(graph, taskIndex)}`, offRanges);
  if (busyRanges.length === 0) {
    return {
      rule: 'overallocation',
      message: `${sentences.join('. ')}.`,
      span: loadLocation(anchor),
      related: related.slice(0, RELATED_LIMIT),
      data,
    };
  }
  const periods = mergeAdjacent(busyRanges);
  const listed = periods.slice(0, PERIODS_IN_MESSAGE).map((period) => {
    // The tasks of a period: the person's bookings that meet it.
    const tasks = new Set<number>();
    for (const booking of bookings.meeting(personIndex, period.fromIndex, period.toIndex)) tasks.add(booking.taskIndex);
    return `${dateRange(period.from, period.to)}, ${peakText(period.peak)}, on ${taskList(graph, [...tasks].sort((a, b) => a - b))}`;
  });
  const more = periods.length - listed.length;
  const when = more > 0 ? `${listed.join('; ')}; and in ${more} more period${more === 1 ? '' : 's'}` : listed.join('; and ');
  const fix = fittingLoad ? ` A load of ${fittingLoad.text} on ${quotedNode(graph, taskIndex)} would fit.` : '';
  return {
    rule: 'overallocation',
    message: [`${who} is overallocated ${when}.${fix}`, ...sentences.map((sentence) => `${sentence}.`)].join(' '),
    span: loadLocation(anchor),
    related: related.slice(0, RELATED_LIMIT),
    data,
  };
}

/** Days listed in a sentence about a weekday off before "and N more". */
const OFF_DAYS_IN_MESSAGE = 3;

const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  mon: 'Mondays',
  tue: 'Tuesdays',
  wed: 'Wednesdays',
  thu: 'Thursdays',
  fri: 'Fridays',
  sat: 'Saturdays',
  sun: 'Sundays',
};

/**
 * One sentence per reason the person is off on some of the days (in date
 * order): `Dana Lee ('dana') is on leave 2027-05-10 to 2027-05-14 but
 * assigned 100% to 'uat'`, with the days when they are only part of the leave.
 */
function offDaySentences(who: string, assigned: string, ranges: readonly Overallocation[]): string[] {
  const groups: { reason: DayOffReason; ranges: Overallocation[] }[] = [];
  for (const range of ranges) {
    const reason = range.dayOff!;
    const group = groups.find((candidate) => sameReason(candidate.reason, reason));
    if (group) group.ranges.push(range);
    else groups.push({ reason, ranges: [range] });
  }
  return groups.map(({ reason, ranges: days }) => {
    const first = days[0]!;
    const last = days[days.length - 1]!;
    switch (reason.kind) {
      case 'leave': {
        const note = reason.note ? ` (${reason.note})` : '';
        const whole = first.from <= reason.from && last.to >= reason.to && days.length === 1;
        const part = whole ? '' : ` ${days.map((range) => dateRange(range.from, range.to)).join(', ')}`;
        return `${who} is on leave ${reason.from} to ${reason.to}${note} but assigned ${assigned}${part}`;
      }
      case 'holiday':
        return `${who} has a public holiday on ${reason.date} (${reason.name}) but is assigned ${assigned}`;
      case 'weekday': {
        const listed = days.slice(0, OFF_DAYS_IN_MESSAGE).map((range) => range.from);
        const more = days.length - listed.length;
        const dates = more > 0 ? `${listed.join(', ')} and ${more} more` : joinWords(listed);
        return `${who} does not work on ${WEEKDAY_NAMES[reason.weekday]} but is assigned ${assigned} on ${dates}`;
      }
    }
  });
}

/** The data of one range, made once per range however many findings share it. */
const rangeDataCache = new WeakMap<Overallocation, OverallocationRange>();
function rangeData(range: Overallocation): OverallocationRange {
  let data = rangeDataCache.get(range);
  if (!data) {
    data = { from: range.from, to: range.to, peak: Number.isFinite(range.peak) ? range.peak : null, tasks: range.tasks };
    rangeDataCache.set(range, data);
  }
  return data;
}

/** `'a', 'b' and 'c'`; past TASKS_IN_MESSAGE names, `'a', 'b', ... and 7 other tasks`. */
function taskList(graph: WorkGraph, taskIndexes: readonly number[]): string {
  const names = taskIndexes.map((index) => quotedNode(graph, index));
  if (names.length <= TASKS_IN_MESSAGE) return joinWords(names);
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

/**
 * Where a finding about an assignment's load points: the `load` value when
 * one is written, else the `person` (no load counts as 100%, and there is
 * no value to point at).
 */
export function loadLocation(assignment: Assignment): Span {
  return assignment.load?.span ?? assignment.person.span;
}

/** The person's declaration, with the capacity the loads are measured against. */
function personDeclaration(person: Person, who: string, calendar: WorkingCalendar): RelatedLocation {
  const hours = `${formatHours(dailyCapacity(person, calendar))} hours a day`;
  const capacity = person.capacity
    ? `a capacity of ${quantityText(person.capacity.value)} (${hours})`
    : `no capacity written: a full day, ${hours}`;
  return { span: person.id?.span ?? person.span, message: `${who} is declared here, with ${capacity}.` };
}

/**
 * What makes the finding's days off days off, once per reason: the leave
 * entry, the person's `country` (or `region`) for a public holiday, their
 * `workdays` for a weekday they do not work.
 */
function dayOffLocations(person: Person, who: string, offRanges: readonly Overallocation[]): RelatedLocation[] {
  const locations: RelatedLocation[] = [];
  const seen = new Set<Span>();
  const add = (span: Span | undefined, message: string): void => {
    if (!span || seen.has(span)) return;
    seen.add(span);
    locations.push({ span, message });
  };
  for (const range of offRanges) {
    const reason = range.dayOff!;
    switch (reason.kind) {
      case 'leave': {
        const leave = person.leave.find((entry) => entry.from.value === reason.from && entry.to.value === reason.to);
        add(leave?.span, `${who} is on leave ${reason.from} to ${reason.to}.`);
        break;
      }
      case 'holiday': {
        const place = person.country ?? person.region;
        add(place?.span, `${who} does not work on the public holidays of ${place?.value ?? 'their country'}.`);
        break;
      }
      case 'weekday':
        add(person.workdays?.span, `${who} works on ${person.workdays?.value.join(', ') ?? 'other days'} only.`);
        break;
    }
  }
  return locations;
}

/** Hours as people write them: whole, or with at most two decimals. */
function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

function quantityText(quantity: Quantity): string {
  return quantity.kind === 'percent' ? `${quantity.value}%` : `${quantity.value}h/w`;
}

function loadText(assignment: Assignment): string {
  const load = assignment.load?.value;
  return load ? quantityText(load) : '100%';
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
