import type { PlanAnalysis } from '../../analysis/analyze-plan.js';
import type { Assignment, Person, Span } from '../../model/types.js';
import { markdownCode, markdownText } from '../../render/markdown-text.js';
import { formatNumber, hoursPerDayText, longDate, longDateRange, percentOf, quantityText } from '../../render/schedule-text.js';
import { weekdayOfDayNumber } from '../../schedule/calendar.js';
import { assignmentDailyLoad, dailyCapacity } from '../../schedule/load.js';
import type { Schedule } from '../../schedule/compute-schedule.js';
import type { DayOffRange, DayOffReason } from '../../schedule/person-days-off.js';
import { peakLoad, personBookings, weekLoads, type PersonBooking, type WeekLoad } from './person-load.js';

/** Weeks listed in full; a longer task lists its overallocated weeks (or its busiest one) instead. */
export const WEEKS_LISTED = 6;

/** Tasks named per week; the rest are counted with their hours. */
export const TASKS_PER_WEEK = 8;

/**
 * The hover on an `assign` item's `load` value, or on its `person`: that
 * person's load in the calendar weeks the task covers (hours assigned
 * against their capacity, which tasks make it up, their days off), and the
 * peak day of the task's days. The figures are the ones the
 * `overallocation` rule and the timeline's load rows use (person-load.ts),
 * so the hover, the finding and the chart agree.
 *
 * Undefined when the cursor is on neither, or when the person is not
 * declared (`unknown-reference` says so). `span` is the value hovered.
 */
export function loadHoverAt(analysis: PlanAnalysis, offset: number): { span: Span; markdown: string } | undefined {
  const inside = (span: Span | undefined): boolean => span !== undefined && span.start <= offset && offset <= span.end;
  for (const [taskIndex, task] of analysis.model.tasks.entries()) {
    if (!inside(task.span)) continue;
    for (const assignment of task.assign) {
      const hovered = inside(assignment.load?.span) ? assignment.load?.span : inside(assignment.person.span) ? assignment.person.span : undefined;
      if (!hovered) continue;
      const declaration = analysis.symbols.lookup('person', assignment.person.id);
      const person = declaration?.kind === 'person' ? analysis.model.people[declaration.index] : undefined;
      if (!declaration || !person) return undefined;
      return { span: hovered, markdown: loadSection(analysis, taskIndex, assignment, person, declaration.index) };
    }
  }
  return undefined;
}

function loadSection(analysis: PlanAnalysis, taskIndex: number, assignment: Assignment, person: Person, personIndex: number): string {
  const { model, schedule } = analysis;
  const task = model.tasks[taskIndex]!;
  const taskId = code(task.id?.value ?? `(task ${taskIndex + 1})`);
  const who = personLabel(person, assignment.person.id);
  const calendar = schedule?.calendar;
  const written = assignment.load ? code(quantityText(assignment.load.value)) : 'no `load`: full time';
  const title = `**Load of ${who}** on ${taskId}`;
  if (!schedule || !calendar) return `${title}: ${written}\n\nNot scheduled: the plan has no valid \`start\` date, so the load has no weeks.`;

  const hours = assignmentDailyLoad(assignment, calendar);
  const capacity = dailyCapacity(person, calendar);
  const header = `${title}: ${written}, ${hoursPerDayText(hours)} of a capacity of ${hoursPerDayText(capacity)} (${percentOf(hours, capacity)})`;
  const scheduled = schedule.tasks[taskIndex];
  if (!scheduled) {
    const why = analysis.graph.cyclic.has(taskIndex) ? 'it is on a dependency cycle' : 'it has no dates';
    return `${header}\n\nNot scheduled: ${why}, so it books no days.`;
  }
  if (scheduled.e <= scheduled.s) return `${header}\n\n${taskId} takes no working days (a milestone): it books no hours.`;

  const bookings = personBookings(model, schedule, calendar, assignment.person.id);
  const weeks = weekLoads(schedule, person, personIndex, bookings, scheduled.s, scheduled.e);
  const lines = listedWeeks(weeks).map((week) => weekLine(analysis, week));
  const total = weekCount(schedule, scheduled.s, scheduled.e);
  if (total > lines.length) lines.push(`${total - lines.length} more of the ${total} weeks ${taskId} covers are not listed`);
  const peak = peakLine(analysis, schedule, bookings, personIndex, capacity, scheduled.s, scheduled.e);
  if (peak) lines.push(peak);
  const span = longDateRange(scheduled.start, scheduled.finish);
  return `${header}\n\n${who}'s weeks while ${taskId} runs (${span}), hours assigned of hours available:\n\n${list(lines)}`;
}

/**
 * Every week when there are few; otherwise the overallocated ones (the
 * first WEEKS_LISTED), or the busiest week when none is.
 */
function listedWeeks(weeks: readonly WeekLoad[]): WeekLoad[] {
  if (weeks.length <= WEEKS_LISTED) return [...weeks];
  const overallocated = weeks.filter((week) => week.overallocated);
  if (overallocated.length > 0) return overallocated.slice(0, WEEKS_LISTED);
  let busiest = weeks[0]!;
  for (const week of weeks) if (share(week) > share(busiest)) busiest = week;
  return [busiest];
}

function share(week: WeekLoad): number {
  return week.capacityHours > 0 ? week.hours / week.capacityHours : week.hours > 0 ? Number.POSITIVE_INFINITY : 0;
}

/** The calendar weeks that working days [s, e) meet (all of them, not only the computed ones). */
function weekCount(schedule: Schedule, s: number, e: number): number {
  const mondayOf = (day: number): number => day - weekdayOfDayNumber(day);
  return (mondayOf(schedule.calendar.dayNumberOf(e - 1)) - mondayOf(schedule.calendar.dayNumberOf(s))) / 7 + 1;
}

/** `Week of Mon 2027-01-04: **60 h of 40 h** (150%), overallocated`, then its tasks and days off. */
function weekLine(analysis: PlanAnalysis, week: WeekLoad): string {
  const figures = `${hoursText(week.hours)} of ${hoursText(week.capacityHours)}`;
  const verdict = week.overallocated ? ` (${percentOf(week.hours, week.capacityHours)}), **overallocated**` : ` (${percentOf(week.hours, week.capacityHours)})`;
  const details: string[] = [];
  if (week.tasks.length > 0) {
    const named = week.tasks.slice(0, TASKS_PER_WEEK).map((task) => `${taskCode(analysis, task.taskIndex)} ${hoursText(task.hours)}`);
    const rest = week.tasks.slice(TASKS_PER_WEEK);
    if (rest.length > 0) {
      const restHours = rest.reduce((sum, task) => sum + task.hours, 0);
      named.push(`and ${rest.length} more task${rest.length === 1 ? '' : 's'}, ${hoursText(restHours)}`);
    }
    details.push(named.join(', '));
  }
  for (const range of week.daysOff) details.push(`Off ${dayOffRangeText(analysis, range)}: no capacity`);
  const weekLabel = `Week of ${longDate(week.monday)}: ${week.overallocated ? `**${figures}**` : figures}${verdict}`;
  return `${weekLabel}${nested(details)}`;
}

/** The busiest of the task's days the person works (days off have no capacity and are listed per week). */
function peakLine(
  analysis: PlanAnalysis,
  schedule: Schedule,
  bookings: readonly PersonBooking[],
  personIndex: number,
  capacity: number,
  s: number,
  e: number,
): string | undefined {
  const calendar = schedule.calendar;
  const daysOff = schedule.daysOff[personIndex]?.within(s, e, calendar) ?? [];
  const peak = peakLoad(bookings, { from: s, to: e, daysOff });
  const first = peak?.runs[0];
  if (!peak || !first) return undefined;
  const days = peak.runs.reduce((sum, run) => sum + run.toIndex - run.fromIndex + 1, 0);
  const more = days > 1 ? ` (and ${days - 1} more day${days === 2 ? '' : 's'} at that load)` : '';
  const tasks = peak.taskIndexes.map((index) => taskCode(analysis, index)).join(', ');
  return `Peak day: ${longDate(calendar.dateOf(first.fromIndex))}${more}: ${hoursText(peak.hours)} of ${hoursText(capacity)} (${percentOf(peak.hours, capacity)}) on ${tasks}`;
}

function dayOffRangeText(analysis: PlanAnalysis, range: DayOffRange): string {
  const calendar = analysis.schedule!.calendar;
  return `${longDateRange(calendar.dateOf(range.fromIndex), calendar.dateOf(range.toIndex))}, ${dayOffReasonText(range.reason)}`;
}

function dayOffReasonText(reason: DayOffReason): string {
  switch (reason.kind) {
    case 'leave':
      return `on leave${reason.note ? ` (${markdownText(reason.note, 'editor')})` : ''}`;
    case 'holiday':
      return `public holiday (${markdownText(reason.name, 'editor')})`;
    case 'weekday':
      return `does not work on ${reason.weekday}`;
  }
}

function taskCode(analysis: PlanAnalysis, taskIndex: number): string {
  return code(analysis.model.tasks[taskIndex]?.id?.value ?? `(task ${taskIndex + 1})`);
}

function personLabel(person: Person, id: string): string {
  return person.name ? `${markdownText(person.name.value, 'editor')} (${code(id)})` : code(id);
}

/** `40 h`: hours over a week or a day, as the hover writes them. */
function hoursText(hours: number): string {
  return `${formatNumber(hours)} h`;
}

function list(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join('\n');
}

function nested(lines: readonly string[]): string {
  return lines.map((line) => `\n  - ${line}`).join('');
}

const code = markdownCode;
