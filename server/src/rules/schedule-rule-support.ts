import type { Dependency, PlanModel } from '../model/types.js';
import { assignmentDailyLoad } from '../schedule/load.js';
import type { WorkEdge, WorkGraph } from '../model/work-graph.js';
import type { Schedule } from '../schedule/compute-schedule.js';
import type { WorkingCalendar } from '../schedule/calendar.js';
import type { DrivingDependency } from './schedule-finding-data.js';

/** Wording and schedule walks shared by the schedule rules. */

/** At most this many links of a driving chain are named (the earliest are cut). */
export const DRIVING_CHAIN_LIMIT = 6;

/** `'config'`, or the graph's stand-in (`(task 3)`) for a task without an id. */
export function quotedNode(graph: WorkGraph, node: number): string {
  const name = graph.nodeName(node);
  return name.startsWith('(') ? name : `'${name}'`;
}

/** `on 2027-01-11` for one day, `from 2027-01-11 to 2027-01-15` otherwise. */
export function dateRange(from: string, to: string): string {
  return from === to ? `on ${from}` : `from ${from} to ${to}`;
}

/** How a dependency links, for messages: `finish-to-start`, `start-to-start with a lag of 2d`. */
export function describeLink(dependency: Dependency): string {
  const type = dependency.type === 'SS' ? 'start-to-start' : 'finish-to-start';
  const { amount, unit } = dependency.lag;
  return amount === 0 ? type : `${type} with a lag of ${amount}${unit}`;
}

/** The dependency edge that set a task's start, as finding data. */
export function drivingDependency(graph: WorkGraph, edge: WorkEdge): DrivingDependency | undefined {
  if (!edge.dependency || edge.via === 'contains') return undefined;
  return {
    id: edge.dependency.target.id,
    kind: graph.isPhase(edge.to) ? 'phase' : 'task',
    via: edge.via,
    dependencySpan: edge.dependency.span,
  };
}

/**
 * The task (of a phase) whose dates a dependency on the phase waits for:
 * the first task that ends last (FS) or starts first (SS). Undefined for a
 * phase without scheduled tasks.
 */
export function phaseAnchorTask(model: PlanModel, schedule: Schedule, phaseIndex: number, type: Dependency['type']): number | undefined {
  const phase = schedule.phases[phaseIndex];
  if (!phase) return undefined;
  for (const taskIndex of model.phases[phaseIndex]?.taskIndexes ?? []) {
    const task = schedule.tasks[taskIndex];
    if (task && (type === 'SS' ? task.s === phase.s : task.e === phase.e)) return taskIndex;
  }
  return undefined;
}

/**
 * The chain of nodes whose dates set a task's start, earliest first, ending
 * with the node the task waits for directly: follow each task's driving
 * edge back; through a phase, continue with the task that sets the phase's
 * end (FS) or start (SS). Walks at most `limit` links, so the cost is
 * bounded whatever the plan; `truncated` says there was more before.
 */
export function drivingChain(
  model: PlanModel,
  graph: WorkGraph,
  schedule: Schedule,
  taskIndex: number,
  limit = DRIVING_CHAIN_LIMIT,
): { nodes: number[]; truncated: boolean } {
  const nodes: number[] = [];
  const seen = new Set<number>([taskIndex]);
  let edge = schedule.tasks[taskIndex]?.drivingEdge;
  while (edge?.dependency) {
    if (nodes.length >= limit) return { nodes: nodes.reverse(), truncated: true };
    const node = edge.to;
    if (seen.has(node)) break;
    seen.add(node);
    nodes.push(node);
    let next = node;
    if (graph.isPhase(node)) {
      const anchor = phaseAnchorTask(model, schedule, node - graph.taskCount, edge.dependency.type);
      if (anchor === undefined || seen.has(anchor)) break;
      if (nodes.length >= limit) return { nodes: nodes.reverse(), truncated: true };
      seen.add(anchor);
      nodes.push(anchor);
      next = anchor;
    }
    edge = schedule.tasks[next]?.drivingEdge;
  }
  return { nodes: nodes.reverse(), truncated: false };
}

/** One person's share of one scheduled task, in hours per working day over [s, e). */
export interface Booking {
  readonly taskIndex: number;
  readonly s: number;
  readonly e: number;
  readonly hours: number;
}

/**
 * People's bookings (their share of each scheduled task that takes days),
 * built on first use: only plans with an overallocation pay for it.
 */
export class PersonBookings {
  private byPerson: Map<number, PersonBookingList> | undefined;

  constructor(
    private readonly model: PlanModel,
    private readonly schedule: Schedule,
    /** Whose bookings are kept: everyone's, or only these people's (the others have none here). */
    private readonly people: 'everyone' | ReadonlySet<number> = 'everyone',
  ) {}

  /**
   * The person's bookings whose days meet [firstDay, lastDay] (s <= lastDay,
   * e > firstDay), in order of start. Only those that start after
   * `firstDay - longest` can reach `firstDay`, so a search in the bookings
   * sorted by start skips the rest: a person with hundreds of bookings and
   * a finding on most of them costs hundreds of times less.
   */
  meeting(personIndex: number, firstDay: number, lastDay: number): Booking[] {
    const list = this.listOf(personIndex);
    if (!list) return [];
    const byStart = list.byStart;
    const earliest = firstDay - list.longest;
    let low = 0;
    let high = byStart.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byStart[middle]!.s <= earliest) low = middle + 1;
      else high = middle;
    }
    const met: Booking[] = [];
    for (let index = low; index < byStart.length && byStart[index]!.s <= lastDay; index++) {
      const booking = byStart[index]!;
      if (booking.e > firstDay) met.push(booking);
    }
    return met;
  }

  private listOf(personIndex: number): PersonBookingList | undefined {
    this.byPerson ??= this.build();
    return this.byPerson.get(personIndex);
  }

  private build(): Map<number, PersonBookingList> {
    // The first declaration of an id is the person, as in the load sweep.
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
        if (personIndex === undefined || (this.people !== 'everyone' && !this.people.has(personIndex))) continue;
        const hours = assignmentDailyLoad(assignment, this.schedule.calendar);
        if (!(hours > 0)) continue;
        let list = byPerson.get(personIndex);
        if (!list) byPerson.set(personIndex, (list = []));
        list.push({ taskIndex, s: range.s, e: range.e, hours });
      }
    });
    const lists = new Map<number, PersonBookingList>();
    for (const [personIndex, bookings] of byPerson) {
      let longest = 0;
      for (const booking of bookings) longest = Math.max(longest, booking.e - booking.s);
      lists.set(personIndex, { byStart: bookings.sort((a, b) => a.s - b.s), longest });
    }
    return lists;
  }
}

interface PersonBookingList {
  readonly byStart: readonly Booking[];
  /** The most working days one booking spans. */
  readonly longest: number;
}

/**
 * The largest sum of booking hours on any working day of [from, to), by a
 * sweep over the bookings that overlap it: O(b log b) for b bookings.
 */
export function peakHours(bookings: readonly Booking[], from: number, to: number): number {
  const events: [number, number][] = [];
  for (const booking of bookings) {
    const s = Math.max(booking.s, from);
    const e = Math.min(booking.e, to);
    if (e <= s) continue;
    events.push([s, booking.hours], [e, -booking.hours]);
  }
  // Ends before starts on the same day: a booking ending at d does not occupy d.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let running = 0;
  let peak = 0;
  for (const [, hours] of events) {
    running += hours;
    if (running > peak) peak = running;
  }
  return peak;
}

/** Hours per working day in the unit of a quantity kind, rounded down to a whole number. */
export function hoursToWholeQuantity(
  hours: number,
  kind: 'percent' | 'hoursPerWeek',
  calendar: WorkingCalendar,
): number {
  const value = kind === 'percent' ? (hours / calendar.hoursPerDay) * 100 : hours * calendar.workdaysPerWeek;
  // The epsilon keeps 49.9999999 (float noise for 50) from rounding down to 49.
  return Math.floor(value + 1e-6);
}
