import type { Communication, PlanModel, Task, TaskKind } from '../model/types.js';
import type { Symbols } from '../model/symbols.js';
import { dateOfDayNumber, dayNumberOfDate, type WorkingCalendar } from '../schedule/calendar.js';
import type { PlanAnalysis } from '../analysis/analyze-plan.js';
import type { ExportFormat, ExportRequest, ExportResult } from './export-format.js';
import { icsLines, icsText } from './ics-text.js';
import { FREQUENCY_NAMES, RecurringSeries, recurrenceOf } from './ics-recurrence.js';
import { effectiveOwnerId, planSlug, taskLabel } from './plan-export-support.js';
import { unscheduledTasks } from './unscheduled.js';
import { workingDays } from '../util/phrases.js';

/** Task kinds whose tasks are windows on the calendar (docs/export.md#which-events). */
export const WINDOW_KINDS: readonly TaskKind[] = ['training', 'uat', 'pilot', 'go-live', 'hypercare'];

/**
 * Phases have no kind: a phase is a window when its name or id holds one of
 * these as a word, in any case: UAT, user acceptance, cutover, go-live,
 * hypercare, training, pilot (with or without the hyphen or the space).
 */
export const WINDOW_WORDS = /(?<![a-z0-9])(uat|user acceptance|cut-?over|go[- ]?live|hyper-?care|training|pilot)(?![a-z0-9])/i;

const EVERY_TASK = 'every-task';

/**
 * The plan as an iCalendar file (RFC 5545) for the people who live in their
 * calendar: milestones and windows as all-day events, communications with
 * a fixed `frequency` as recurring series. The file depends only on the
 * plan: UIDs come from the plan and the ids, and DTSTAMP is plan.start.
 */
export const icsFormat: ExportFormat = {
  name: 'ics',
  description: 'iCalendar (RFC 5545): milestones, UAT/training/pilot/go-live/hypercare windows and recurring communications',
  extension: 'ics',
  binary: false,
  options: [{ name: EVERY_TASK, description: 'an event for every task, not only milestones and windows', flag: true }],
  run: exportIcs,
};

function exportIcs(analysis: PlanAnalysis, request: ExportRequest): ExportResult {
  const { model, schedule, symbols } = analysis;
  const omitted = unscheduledTasks(analysis);
  const slug = planSlug(model, request.fileName);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//crmplan//crmplan export//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(model.plan.name?.value ?? request.fileName)}`,
  ];
  if (schedule) {
    const stamp = `${icsDate(schedule.start)}T000000Z`;
    const everyTask = request.options.get(EVERY_TASK) === 'true';
    const usedUids = new Set<string>();
    const eventLines: string[] = [];
    const addEvent = (label: string, id: string | undefined, uid: (id: string) => string, event: () => string[] | string): void => {
      if (id === undefined) {
        omitted.push(`${label} has no id, so no stable calendar UID: left out of the calendar`);
        return;
      }
      const unique = uid(id);
      if (usedUids.has(unique)) {
        omitted.push(`${label}: its id is declared twice, so only the first has an event`);
        return;
      }
      const body = event();
      if (typeof body === 'string') {
        omitted.push(`${label}: ${body}`);
        return;
      }
      usedUids.add(unique);
      // UID and DTSTAMP right after BEGIN:VEVENT.
      eventLines.push(body[0]!, `UID:${icsText(unique)}`, `DTSTAMP:${stamp}`, ...body.slice(1));
    };
    const workUid = (id: string): string => `${id}@${slug}.crmplan`;

    model.phases.forEach((phase, phaseIndex) => {
      const scheduled = schedule.phases[phaseIndex];
      if (!scheduled || !isWindowText(phase.name?.value, phase.id?.value)) return;
      const name = phase.name?.value ?? phase.id?.value ?? '';
      addEvent(`phase ${phase.id ? `'${phase.id.value}'` : phaseIndex + 1}`, phase.id?.value, workUid, () =>
        allDayEvent(scheduled.start, scheduled.finish, name, [
          'Phase window',
          ...ownerLines(model, symbols, phase.owner?.id),
          `${scheduled.start} to ${scheduled.finish}`,
        ], ['Phase']),
      );
    });

    model.tasks.forEach((task, taskIndex) => {
      const scheduled = schedule.tasks[taskIndex];
      if (!scheduled) return;
      const isEvent = scheduled.milestone || everyTask || WINDOW_KINDS.includes(task.kind);
      if (!isEvent) return;
      addEvent(taskLabel(task, taskIndex), task.id?.value, workUid, () =>
        allDayEvent(scheduled.start, scheduled.finish, task.name?.value ?? task.id?.value ?? '', taskDescription(model, symbols, task, scheduled), [
          ...(scheduled.milestone ? ['Milestone'] : []),
          task.kind,
        ]),
      );
    });

    model.communications.forEach((communication, index) => {
      const label = `communication ${communication.id ? `'${communication.id.value}'` : index + 1}`;
      addEvent(label, communication.id?.value, (id) => `communication/${id}@${slug}.crmplan`, () =>
        schedule.finish === undefined ? 'the plan has no scheduled task, so no span to repeat over' : communicationEvent(model, symbols, communication, schedule.calendar, schedule.finish),
      );
    });
    lines.push(...eventLines);
  }
  lines.push('END:VCALENDAR');
  return { content: icsLines(lines), omitted };
}

function isWindowText(...texts: (string | undefined)[]): boolean {
  return texts.some((text) => text !== undefined && WINDOW_WORDS.test(text));
}

/** `YYYYMMDD`; RFC 5545 dates have four-digit years. */
function icsDate(date: string): string {
  return date.replace(/-/g, '');
}

function inIcsRange(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= '0001-01-01';
}

/**
 * An all-day event from `start` to `finish` (inclusive, ISO dates): DTEND
 * is exclusive, the day after the finish (RFC 5545 3.6.1).
 */
function allDayEvent(start: string, finish: string, summary: string, description: readonly string[], categories: readonly string[]): string[] | string {
  const dayAfter = dateOfDayNumber(dayNumberOfDate(finish) + 1);
  if (!inIcsRange(start) || !inIcsRange(dayAfter)) return `its dates (${start} to ${finish}) are outside the years 0001-9999 that iCalendar can write`;
  return [
    'BEGIN:VEVENT',
    `DTSTART;VALUE=DATE:${icsDate(start)}`,
    `DTEND;VALUE=DATE:${icsDate(dayAfter)}`,
    `SUMMARY:${icsText(summary)}`,
    `DESCRIPTION:${icsText(description.join('\n'))}`,
    `CATEGORIES:${categories.map(icsText).join(',')}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

function taskDescription(model: PlanModel, symbols: Symbols, task: Task, scheduled: { start: string; finish: string; duration: number; totalFloat: number; critical: boolean; milestone: boolean }): string[] {
  const phase = model.phases[task.phaseIndex];
  return [
    ...(phase ? [`Phase: ${phase.name?.value ?? phase.id?.value ?? ''}`] : []),
    ...ownerLines(model, symbols, effectiveOwnerId(model, task)),
    scheduled.milestone
      ? `Milestone on ${scheduled.start}`
      : `${scheduled.start} to ${scheduled.finish}, ${workingDays(scheduled.duration)}`,
    scheduled.critical ? 'On the critical path' : `Total float: ${workingDays(scheduled.totalFloat)}`,
    ...(task.status ? [`Status: ${task.status.value}`] : []),
  ];
}

function ownerLines(model: PlanModel, symbols: Symbols, ownerId: string | undefined): string[] {
  if (ownerId === undefined) return [];
  const declaration = symbols.lookup('person', ownerId);
  const person = declaration ? model.people[declaration.index] : undefined;
  return [`Owner: ${person?.name ? `${person.name.value} (${ownerId})` : ownerId}`];
}

/**
 * The occurrences that fall on a day the schedule does not work (a holiday:
 * occurrences are always on one of the calendar's weekdays), from the
 * schedule's own calendar, so every holiday it knows is excluded.
 */
function nonWorkingOccurrences(series: RecurringSeries, first: string, until: string, calendar: WorkingCalendar): string[] {
  const dates: string[] = [];
  for (let day = dayNumberOfDate(first), last = dayNumberOfDate(until); day <= last; day++) {
    const date = dateOfDayNumber(day);
    if (!calendar.isWorkingDate(date) && series.includes(date)) dates.push(date);
  }
  return dates;
}

/**
 * A communication as a recurring all-day series from the plan's first
 * working day to its finish; occurrences on holidays are excluded (EXDATE).
 */
function communicationEvent(
  model: PlanModel,
  symbols: Symbols,
  communication: Communication,
  calendar: WorkingCalendar,
  until: string,
): string[] | string {
  const first = calendar.firstWorkingDay;
  const frequency = communication.frequency?.value;
  if (frequency === undefined) return 'it has no frequency, so no series to repeat';
  const recurrence = recurrenceOf(frequency);
  if (!recurrence) return `frequency '${frequency}' is not one fixed repeat (${FREQUENCY_NAMES.join(', ')}), so it is left out of the calendar`;
  if (!inIcsRange(first) || !inIcsRange(until)) return `the plan's span (${first} to ${until}) is outside the years 0001-9999 that iCalendar can write`;
  const series = new RecurringSeries(recurrence, first, until, model.plan.calendar.workdays);
  const excluded = nonWorkingOccurrences(series, first, until, calendar);
  const summary = [communication.audience?.value, communication.purpose?.value].filter((part) => part !== undefined).join(': ') || communication.id!.value;
  const description = [
    ...(communication.purpose ? [`Purpose: ${communication.purpose.value}`] : []),
    ...(communication.channel ? [`Channel: ${communication.channel.value}`] : []),
    `Frequency: ${frequency}`,
    ...ownerLines(model, symbols, communication.owner?.id),
  ];
  return [
    'BEGIN:VEVENT',
    `DTSTART;VALUE=DATE:${icsDate(first)}`,
    `DTEND;VALUE=DATE:${icsDate(dateOfDayNumber(dayNumberOfDate(first) + 1))}`,
    `RRULE:${series.rule}`,
    ...(excluded.length > 0 ? [`EXDATE;VALUE=DATE:${excluded.map(icsDate).join(',')}`] : []),
    `SUMMARY:${icsText(summary)}`,
    `DESCRIPTION:${icsText(description.join('\n'))}`,
    'CATEGORIES:Communication',
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}
