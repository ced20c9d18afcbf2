import type { PlanAnalysis } from '../analysis/analyze-plan.js';
import type { Dependency, PlanModel, Quantity } from '../model/types.js';
import { WEEKDAYS } from '../model/types.js';
import type { Schedule } from '../schedule/compute-schedule.js';
import { xmlText } from '../render/xml-text.js';
import type { ExportFormat, ExportResult } from './export-format.js';
import { taskLabel } from './plan-export-support.js';
import { unscheduledTasks } from './unscheduled.js';

/**
 * MS Project XML (MSPDI, the Project 2007 "XML Data Interchange" format,
 * `mspdi_pj12.xsd`): the plan as MS Project opens it. Elements are written
 * in the order of the schema's `xs:sequence`s (docs/export.md#ms-project-xml):
 *
 * - one base calendar with the plan's workdays (a working time of
 *   `hours_per_day` from 08:00) and its holidays as exceptions;
 * - tasks in outline order: one summary task per phase (OutlineLevel 1),
 *   then its tasks (OutlineLevel 2), with crmplan's computed dates;
 * - durations in working hours (`PT{h}H{m}M0S`), lags in tenths of a minute
 *   (MS Project's LinkLag unit) of working time;
 * - people as work resources (MaxUnits from capacity) and assignments with
 *   units as a fraction (100% = 1), never 0.
 *
 * `crmplan import` reads this back (server/src/import/mspdi-import.ts).
 */
export const MSPDI_NAMESPACE = 'http://schemas.microsoft.com/project';

/** The day's working time starts at 08:00 unless the day is too long for that. */
const DAY_START_MINUTES = 8 * 60;

/** MS Project's limit for task and resource names (`maxLength` in the schema). */
const NAME_LIMIT = 512;

/** LinkLag counts tenths of a minute. */
const LAG_UNITS_PER_MINUTE = 10;

/** LagFormat / DurationFormat codes of the schema: 7 = days, 9 = weeks. */
const FORMAT_DAYS = 7;
const FORMAT_WEEKS = 9;

/** PredecessorLink Type: 1 = finish-to-start, 3 = start-to-start. */
const LINK_TYPE = { FS: 1, SS: 3 } as const;

/** ConstraintType 4 = Start No Earlier Than (crmplan's `start:`). */
const START_NO_EARLIER_THAN = 4;

export const mspdiFormat: ExportFormat = {
  name: 'mspdi',
  description: 'MS Project XML (MSPDI): phases as summary tasks, links with lags, calendar, resources and assignments',
  extension: 'xml',
  binary: false,
  run: (analysis, request) => exportMspdi(analysis, request.fileName),
};

/** The working day's clock: when it starts and how long it is, in minutes. */
export interface WorkingDayClock {
  readonly minutesPerDay: number;
  readonly startMinutes: number;
  readonly endMinutes: number;
}

export function workingDayClock(hoursPerDay: number): WorkingDayClock {
  const minutesPerDay = Math.max(1, Math.min(24 * 60, Math.round(hoursPerDay * 60)));
  const startMinutes = Math.min(DAY_START_MINUTES, 24 * 60 - minutesPerDay);
  return { minutesPerDay, startMinutes, endMinutes: startMinutes + minutesPerDay };
}

/** `08:00:00`; the end of a 24-hour day is written `00:00:00`, as MS Project does. */
function clockTime(minutes: number): string {
  const wrapped = minutes % (24 * 60);
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}:00`;
}

/** The finish instant of a day: its working end, or 23:59 when the day ends at midnight. */
function finishTime(clock: WorkingDayClock): string {
  return clock.endMinutes >= 24 * 60 ? '23:59:00' : clockTime(clock.endMinutes);
}

/** An xs:duration of working time, `PT{hours}H{minutes}M0S`. */
export function workDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  return `PT${Math.floor(whole / 60)}H${whole % 60}M0S`;
}

/** A number for xs:float/xs:decimal: at most 6 decimals, no exponent. */
function decimalText(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const fixed = value.toFixed(6).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/** A quantity (capacity or load) as MS Project units: 100% = 1, hours a week over a full week. */
export function quantityUnits(quantity: Quantity, hoursPerDay: number, workdaysPerWeek: number): number {
  return quantity.kind === 'percent' ? quantity.value / 100 : quantity.value / (hoursPerDay * workdaysPerWeek);
}

function cut(text: string, limit: number): string {
  const characters = [...text];
  return characters.length <= limit ? text : characters.slice(0, limit).join('');
}

/** Accumulates elements with indentation; every text value goes through xmlText. */
class XmlLines {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private depth = 0;

  open(name: string, attributes = ''): void {
    this.lines.push(`${'  '.repeat(this.depth)}<${name}${attributes}>`);
    this.depth++;
  }

  close(name: string): void {
    this.depth--;
    this.lines.push(`${'  '.repeat(this.depth)}</${name}>`);
  }

  value(name: string, value: string | number | undefined): void {
    if (value === undefined) return;
    this.lines.push(`${'  '.repeat(this.depth)}<${name}>${xmlText(String(value))}</${name}>`);
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

interface OutlineTask {
  readonly uid: number;
  /** The task's index in the model, or undefined for a phase's summary task. */
  readonly taskIndex?: number;
  readonly phaseIndex: number;
  /** `2` for the second phase, `2.3` for its third task (also the WBS code). */
  readonly outlineNumber: string;
}

interface ExportContext {
  readonly analysis: PlanAnalysis;
  readonly clock: WorkingDayClock;
  readonly hoursPerDay: number;
  readonly workdaysPerWeek: number;
  readonly omitted: string[];
}

export function exportMspdi(analysis: PlanAnalysis, fileName: string): ExportResult {
  const { model, schedule } = analysis;
  const calendar = model.plan.calendar;
  const workdays = new Set(calendar.workdays.length > 0 ? calendar.workdays : WEEKDAYS.slice(0, 5));
  const context: ExportContext = {
    analysis,
    clock: workingDayClock(calendar.hoursPerDay),
    hoursPerDay: calendar.hoursPerDay,
    workdaysPerWeek: workdays.size,
    // Tasks on a cycle (or every task, without plan.start) have no dates to write.
    omitted: unscheduledTasks(analysis),
  };
  const { clock } = context;

  const xml = new XmlLines();
  xml.open('Project', ` xmlns="${MSPDI_NAMESPACE}"`);
  xml.value('SaveVersion', 12);
  xml.value('Name', cut(fileName, 255));
  xml.value('Title', model.plan.name ? cut(model.plan.name.value, 512) : undefined);
  xml.value('Company', model.plan.organization ? cut(model.plan.organization.value, 512) : undefined);
  const manager = personName(analysis, model.plan.manager?.id);
  xml.value('Manager', manager === undefined ? undefined : cut(manager, 512));
  xml.value('ScheduleFromStart', 1);
  if (schedule) xml.value('StartDate', startOf(clock, schedule.calendar.firstWorkingDay));
  if (schedule?.finish) xml.value('FinishDate', finishOf(clock, schedule.finish));
  xml.value('CurrencyCode', currencyCode(model));
  xml.value('CalendarUID', 1);
  xml.value('DefaultStartTime', clockTime(clock.startMinutes));
  xml.value('DefaultFinishTime', finishTime(clock));
  xml.value('MinutesPerDay', clock.minutesPerDay);
  xml.value('MinutesPerWeek', clock.minutesPerDay * context.workdaysPerWeek);
  xml.value('DurationFormat', FORMAT_DAYS);
  xml.value('WeekStartDay', 1);
  writeCalendar(xml, context, workdays);
  const outline = schedule ? outlineOf(context, schedule) : [];
  if (schedule) writeTasks(xml, context, schedule, outline);
  const resourceUids = writeResources(xml, context);
  if (schedule) writeAssignments(xml, context, schedule, outline, resourceUids);
  xml.close('Project');
  return { content: xml.text(), omitted: context.omitted };
}

function startOf(clock: WorkingDayClock, date: string): string {
  return `${date}T${clockTime(clock.startMinutes)}`;
}

function finishOf(clock: WorkingDayClock, date: string): string {
  return `${date}T${finishTime(clock)}`;
}

/** The finish instant of a row: the end of its last day, or the start of its day for a milestone. */
function rowFinish(clock: WorkingDayClock, dates: RowDates): string {
  return dates.days > 0 ? finishOf(clock, dates.finish) : startOf(clock, dates.finish);
}

function personName(analysis: PlanAnalysis, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const declaration = analysis.symbols.lookup('person', id);
  const person = declaration ? analysis.model.people[declaration.index] : undefined;
  return person ? (person.name?.value ?? id) : undefined;
}

/** One base calendar: the plan's workdays with one working time each, and its holidays as exceptions. */
function writeCalendar(xml: XmlLines, context: ExportContext, workdays: ReadonlySet<string>): void {
  const { clock } = context;
  xml.open('Calendars');
  xml.open('Calendar');
  xml.value('UID', 1);
  xml.value('Name', 'Standard');
  xml.value('IsBaseCalendar', 1);
  xml.open('WeekDays');
  // DayType 1 = Sunday ... 7 = Saturday.
  const sundayFirst = [WEEKDAYS[6], ...WEEKDAYS.slice(0, 6)];
  sundayFirst.forEach((weekday, index) => {
    xml.open('WeekDay');
    xml.value('DayType', index + 1);
    const working = workdays.has(weekday);
    xml.value('DayWorking', working ? 1 : 0);
    if (working) {
      xml.open('WorkingTimes');
      xml.open('WorkingTime');
      xml.value('FromTime', clockTime(clock.startMinutes));
      xml.value('ToTime', clockTime(clock.endMinutes));
      xml.close('WorkingTime');
      xml.close('WorkingTimes');
    }
    xml.close('WeekDay');
  });
  xml.close('WeekDays');
  // The written holidays and the country's public holidays, as the schedule took them.
  const byDate = new Map((context.analysis.schedule?.holidays ?? context.analysis.model.plan.calendar.holidays).map((holiday) => [holiday.date, holiday]));
  const holidays = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (holidays.length > 0) {
    xml.open('Exceptions');
    for (const holiday of holidays) {
      xml.open('Exception');
      xml.value('EnteredByOccurrences', 0);
      xml.open('TimePeriod');
      xml.value('FromDate', `${holiday.date}T00:00:00`);
      xml.value('ToDate', `${holiday.date}T23:59:00`);
      xml.close('TimePeriod');
      xml.value('Occurrences', 1);
      xml.value('Name', cut(holiday.name ?? 'Holiday', 512));
      xml.value('Type', 1);
      xml.value('DayWorking', 0);
      xml.close('Exception');
    }
    xml.close('Exceptions');
  }
  xml.close('Calendar');
  xml.close('Calendars');
}

/** The outline: a summary task per phase with scheduled tasks, then those tasks; UIDs and IDs are the rows. */
function outlineOf(context: ExportContext, schedule: Schedule): OutlineTask[] {
  const { model } = context.analysis;
  const outline: OutlineTask[] = [];
  let phaseNumber = 0;
  model.phases.forEach((phase, phaseIndex) => {
    const scheduled = phase.taskIndexes.filter((taskIndex) => schedule.tasks[taskIndex] !== undefined);
    if (scheduled.length === 0) {
      if (phase.taskIndexes.length === 0) context.omitted.push(`${phaseLabel(model, phaseIndex)}: no tasks, so no summary task`);
      return;
    }
    phaseNumber++;
    outline.push({ uid: outline.length + 1, phaseIndex, outlineNumber: String(phaseNumber) });
    scheduled.forEach((taskIndex, position) => {
      outline.push({ uid: outline.length + 1, taskIndex, phaseIndex, outlineNumber: `${phaseNumber}.${position + 1}` });
    });
  });
  return outline;
}

function writeTasks(xml: XmlLines, context: ExportContext, schedule: Schedule, outline: readonly OutlineTask[]): void {
  const { analysis, clock } = context;
  const { model, symbols } = analysis;
  const phaseUid = new Map<number, number>();
  const taskUid = new Map<number, number>();
  for (const row of outline) {
    if (row.taskIndex === undefined) phaseUid.set(row.phaseIndex, row.uid);
    else taskUid.set(row.taskIndex, row.uid);
  }
  const uidOfTarget = (dependency: Dependency): number | undefined => {
    const declaration = symbols.lookup('work', dependency.target.id);
    if (!declaration) return undefined;
    return declaration.kind === 'task' ? taskUid.get(declaration.index) : phaseUid.get(declaration.index);
  };

  xml.open('Tasks');
  for (const row of outline) {
    const phase = model.phases[row.phaseIndex]!;
    const task = row.taskIndex === undefined ? undefined : model.tasks[row.taskIndex]!;
    const label = task ? taskLabel(task, row.taskIndex!) : phaseLabel(model, row.phaseIndex);
    const dates = task ? taskDates(schedule, row.taskIndex!) : phaseDates(schedule, phase.taskIndexes);
    const name = (task ? (task.name?.value ?? task.id?.value) : (phase.name?.value ?? phase.id?.value)) ?? `Row ${row.outlineNumber}`;
    if ([...name].length > NAME_LIMIT) context.omitted.push(`${label}: name cut to ${NAME_LIMIT} characters (MS Project's limit)`);
    const owner = task ? task.owner?.id : phase.owner?.id;
    xml.open('Task');
    xml.value('UID', row.uid);
    xml.value('ID', row.uid);
    xml.value('Name', cut(name, NAME_LIMIT));
    // 1 = Fixed Duration: assigning units in MS Project must not change crmplan's durations.
    xml.value('Type', 1);
    xml.value('Contact', owner === undefined ? undefined : cut(personName(analysis, owner) ?? owner, 512));
    xml.value('WBS', row.outlineNumber);
    xml.value('OutlineNumber', row.outlineNumber);
    xml.value('OutlineLevel', task ? 2 : 1);
    xml.value('Start', startOf(clock, dates.start));
    xml.value('Finish', rowFinish(clock, dates));
    xml.value('Duration', workDuration(dates.days * clock.minutesPerDay));
    xml.value('DurationFormat', FORMAT_DAYS);
    xml.value('Milestone', task && dates.days === 0 ? 1 : 0);
    xml.value('Summary', task ? 0 : 1);
    xml.value('Critical', dates.critical ? 1 : 0);
    if (task?.status?.value === 'done') xml.value('PercentComplete', 100);
    if (task?.start) {
      xml.value('ConstraintType', START_NO_EARLIER_THAN);
      xml.value('ConstraintDate', startOf(clock, task.start.value));
    }
    if (task?.deadline) xml.value('Deadline', finishOf(clock, task.deadline.value));
    // A phase's own depends_on stays on its summary task: MS Project applies it to every task below.
    for (const dependency of task ? task.dependsOn : phase.dependsOn) {
      const predecessor = uidOfTarget(dependency);
      if (predecessor === undefined) continue;
      xml.open('PredecessorLink');
      xml.value('PredecessorUID', predecessor);
      xml.value('Type', LINK_TYPE[dependency.type]);
      xml.value('LinkLag', schedule.calendar.workingDays(dependency.lag) * clock.minutesPerDay * LAG_UNITS_PER_MINUTE);
      xml.value('LagFormat', dependency.lag.unit === 'w' ? FORMAT_WEEKS : FORMAT_DAYS);
      xml.close('PredecessorLink');
    }
    xml.close('Task');
  }
  xml.close('Tasks');
}

/** Every person as a work resource, in the order of `people`; returns resource UIDs by person index. */
function writeResources(xml: XmlLines, context: ExportContext): Map<number, number> {
  const { model } = context.analysis;
  const uids = new Map<number, number>();
  if (model.people.length === 0) return uids;
  xml.open('Resources');
  model.people.forEach((person, personIndex) => {
    const uid = personIndex + 1;
    uids.set(personIndex, uid);
    xml.open('Resource');
    xml.value('UID', uid);
    xml.value('ID', uid);
    xml.value('Name', cut(person.name?.value ?? person.id?.value ?? `Person ${uid}`, 512));
    xml.value('Type', 1);
    xml.value('Group', person.role ? cut(person.role.value, 512) : undefined);
    xml.value('EmailAddress', person.email ? cut(person.email.value, 512) : undefined);
    const maxUnits = person.capacity ? quantityUnits(person.capacity.value, context.hoursPerDay, context.workdaysPerWeek) : 1;
    xml.value('MaxUnits', decimalText(maxUnits));
    xml.close('Resource');
  });
  xml.close('Resources');
  return uids;
}

function writeAssignments(
  xml: XmlLines,
  context: ExportContext,
  schedule: Schedule,
  outline: readonly OutlineTask[],
  resourceUids: ReadonlyMap<number, number>,
): void {
  const { analysis, clock } = context;
  const lines: { taskUid: number; resourceUid: number; units: number; dates: RowDates }[] = [];
  for (const row of outline) {
    if (row.taskIndex === undefined) continue;
    const task = analysis.model.tasks[row.taskIndex]!;
    for (const assignment of task.assign) {
      const declaration = analysis.symbols.lookup('person', assignment.person.id);
      const resourceUid = declaration ? resourceUids.get(declaration.index) : undefined;
      const label = taskLabel(task, row.taskIndex);
      if (resourceUid === undefined) {
        context.omitted.push(`${label}: the assignment of '${assignment.person.id}' names no person`);
        continue;
      }
      const units = assignment.load ? quantityUnits(assignment.load.value, context.hoursPerDay, context.workdaysPerWeek) : 1;
      // A load of 0 carries no load in crmplan; MS Project would show a 0% assignment (taskjuggler/TaskJuggler#122).
      if (!(units > 0)) {
        context.omitted.push(`${label}: the assignment of '${assignment.person.id}' has load 0 and is left out`);
        continue;
      }
      lines.push({ taskUid: row.uid, resourceUid, units, dates: taskDates(schedule, row.taskIndex) });
    }
  }
  if (lines.length === 0) return;
  xml.open('Assignments');
  lines.forEach((line, index) => {
    xml.open('Assignment');
    xml.value('UID', index + 1);
    xml.value('TaskUID', line.taskUid);
    xml.value('ResourceUID', line.resourceUid);
    xml.value('Finish', rowFinish(clock, line.dates));
    xml.value('Start', startOf(clock, line.dates.start));
    xml.value('Units', decimalText(line.units));
    xml.value('Work', workDuration(line.units * line.dates.days * clock.minutesPerDay));
    xml.close('Assignment');
  });
  xml.close('Assignments');
}

interface RowDates {
  readonly start: string;
  readonly finish: string;
  /** Working days the row spans (0 for a milestone). */
  readonly days: number;
  readonly critical: boolean;
}

function taskDates(schedule: Schedule, taskIndex: number): RowDates {
  const scheduled = schedule.tasks[taskIndex]!;
  return { start: scheduled.start, finish: scheduled.finish, days: scheduled.duration, critical: scheduled.critical };
}

/** A summary task spans its scheduled tasks (also when the phase itself is on a cycle). */
function phaseDates(schedule: Schedule, taskIndexes: readonly number[]): RowDates {
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let critical = false;
  for (const taskIndex of taskIndexes) {
    const scheduled = schedule.tasks[taskIndex];
    if (!scheduled) continue;
    s = Math.min(s, scheduled.s);
    e = Math.max(e, scheduled.e);
    critical ||= scheduled.critical;
  }
  const days = Math.max(0, e - s);
  return { start: schedule.calendar.dateOf(s), finish: schedule.calendar.dateOf(days > 0 ? e - 1 : s), days, critical };
}

/** CurrencyCode is required by the schema (ISO 4217, three letters): the budget's, else USD. */
function currencyCode(model: PlanModel): string {
  const currency = model.plan.budget?.currency?.value.trim().toUpperCase();
  return currency && /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
}

function phaseLabel(model: PlanModel, phaseIndex: number): string {
  const phase = model.phases[phaseIndex]!;
  return phase.id ? `phase '${phase.id.value}'` : `phase ${phaseIndex + 1} (no id)`;
}
