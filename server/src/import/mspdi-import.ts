import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Quantity, Weekday } from '../model/types.js';
import { WEEKDAYS } from '../model/types.js';
import { dateOfDayNumber, dayNumberOfDate, type WorkingCalendar } from '../schedule/calendar.js';
import { isPlanDate, MAX_HOLIDAYS } from '../model/values.js';
import { IdAllocator } from './import-ids.js';
import { workingCalendarOfImport, workingDaysSpanned } from './import-calendar.js';
import {
  ImportError,
  type ImportedCalendar,
  type ImportedDependency,
  type ImportedPerson,
  type ImportedPhase,
  type ImportedPlan,
  type ImportedTask,
} from './imported-plan.js';
import { importedText } from './imported-plan.js';

/**
 * A plan from MS Project XML (MSPDI, docs/import.md#ms-project-xml). The
 * file is untrusted: a DOCTYPE is refused before parsing (no entity can be
 * declared, so none can expand: no "billion laughs", no external entity),
 * the parser's entity processing is off, and only the five predefined
 * entities and character references are decoded, by hand.
 *
 * Summary tasks at outline level 1 become phases, their tasks the phase's
 * tasks; durations and lags become working days of the file's base calendar;
 * resources become people; assignments keep their units as loads.
 */
export function importMspdi(text: string, fileName: string): ImportedPlan {
  const project = parseProject(text);
  const notes: string[] = [];
  const minutesPerDay = positiveNumber(textOf(project, 'MinutesPerDay'), 480);
  const calendarRead = readCalendar(project, minutesPerDay, notes);
  const { calendar, clock } = calendarRead;
  const working = workingCalendarOfImport(calendar, '2000-01-03');
  const dates = new DateReader(working, clock);

  const people = readResources(project, notes);
  const personByName = new Map(people.list.map((person) => [(person.name ?? person.id).toLowerCase(), person.id]));
  const personIds = people.ids;
  const ownerOf = (contact: string | undefined): string | undefined => {
    if (contact === undefined || contact === '') return undefined;
    const known = personByName.get(contact.toLowerCase());
    if (known) return known;
    const id = personIds.allocate(contact, 'person');
    const person: ImportedPerson = { id, name: contact };
    people.list.push(person);
    personByName.set(contact.toLowerCase(), id);
    return id;
  };

  const outline = readOutline(project, minutesPerDay, dates, ownerOf, notes);
  readAssignments(project, outline, people.byUid, notes);
  resolveLinks(outline, working.workdaysPerWeek, minutesPerDay, notes);

  const managerName = textOf(project, 'Manager');
  const manager = managerName ? personByName.get(managerName.toLowerCase()) : undefined;
  const title = textOf(project, 'Title') || textOf(project, 'Name')?.replace(/\.xml$/i, '') || fileName.replace(/\.xml$/i, '');
  const startDate = dateTimeOf(textOf(project, 'StartDate'));
  return {
    name: title || 'Imported plan',
    organization: textOf(project, 'Company') || undefined,
    manager,
    calendar,
    fallbackStart: startDate?.date,
    people: people.list,
    phases: outline.phases,
    notes,
  };
}

// ---------------------------------------------------------------- XML

/** A parsed element: child elements by name, each a list (text content as strings). */
interface XmlElement {
  readonly [name: string]: readonly (string | XmlElement)[] | undefined;
}

function parseProject(text: string): XmlElement {
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(text);
  if (doctype) {
    throw new ImportError(`line ${lineAt(text, doctype.index)}: a DOCTYPE or entity declaration is refused (an MS Project XML file has none)`);
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) throw new ImportError(`line ${valid.err.line}: not well-formed XML: ${importedText(valid.err.msg)}`);
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: () => true,
    maxNestedTags: 64,
  });
  let document: XmlElement;
  try {
    document = parser.parse(text) as XmlElement;
  } catch (error) {
    throw new ImportError(`the XML cannot be read: ${importedText(error instanceof Error ? error.message : String(error))}`);
  }
  const roots = Object.keys(document);
  const project = elements(document, 'Project')[0];
  if (!project) throw new ImportError(`the root element is <${roots[0] ?? '?'}>, not <Project>: not an MS Project XML file`);
  return project;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}

function elements(parent: XmlElement, name: string): XmlElement[] {
  return (parent[name] ?? []).filter((value): value is XmlElement => typeof value === 'object');
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of the first `name` child, entities decoded; undefined when absent. */
function textOf(parent: XmlElement, name: string): string | undefined {
  const value = parent[name]?.[0];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return '';
  const decoded = value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    const known = PREDEFINED[entity];
    if (known === undefined) throw new ImportError(`element <${name}>: unknown entity ${whole} (only &amp; &lt; &gt; &quot; &apos; are defined)`);
    return known;
  });
  return importedText(decoded);
}

function positiveNumber(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && text !== '' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function isTrue(text: string | undefined): boolean {
  return text === '1' || text?.toLowerCase() === 'true';
}

interface DateTime {
  readonly date: string;
  /** Minutes after midnight. */
  readonly minutes: number;
}

function dateTimeOf(text: string | undefined): DateTime | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?/.exec(text ?? '');
  // A date outside the years a plan may use (MS Project's 'NA' is 2049-12-31, which is inside) counts as none.
  if (!match || !isPlanDate(match[1]!)) return undefined;
  return { date: match[1]!, minutes: match[2] === undefined ? 0 : Number(match[2]) * 60 + Number(match[3]) };
}

/** Working minutes of an xs:duration (`PT16H0M0S`, `P2DT4H`); days count as working days. */
function durationMinutes(text: string, minutesPerDay: number): number | undefined {
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!match || text === 'P' || text === 'PT') return undefined;
  const [, days, hours, minutes, seconds] = match.map((part) => (part === undefined ? 0 : Number(part)));
  return days! * minutesPerDay + hours! * 60 + minutes! + seconds! / 60;
}

// ---------------------------------------------------------------- calendar

interface DayClock {
  /** When the working day starts and ends, in minutes after midnight. */
  readonly start: number;
  readonly end: number;
}

/** MSPDI DayType 1 = Sunday ... 7 = Saturday. */
const WEEKDAY_OF_DAY_TYPE: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A holiday spans at most this many days; longer exceptions are not holidays but closures, and are noted. */
const MAX_EXCEPTION_DAYS = 366;

function readCalendar(project: XmlElement, minutesPerDay: number, notes: string[]): { calendar: ImportedCalendar; clock: DayClock } {
  const calendars = elements(elements(project, 'Calendars')[0] ?? {}, 'Calendar');
  const wanted = textOf(project, 'CalendarUID');
  const base =
    calendars.find((calendar) => textOf(calendar, 'UID') === wanted) ??
    calendars.find((calendar) => isTrue(textOf(calendar, 'IsBaseCalendar'))) ??
    calendars[0];
  const hoursPerDay = Math.min(24, minutesPerDay / 60);
  const defaultClock: DayClock = {
    start: dateTimeOf(`2000-01-01T${textOf(project, 'DefaultStartTime') ?? '08:00'}`)?.minutes ?? 8 * 60,
    end: dateTimeOf(`2000-01-01T${textOf(project, 'DefaultFinishTime') ?? '17:00'}`)?.minutes || 24 * 60,
  };
  if (!base) {
    notes.push('the file has no calendar: the plan works Monday to Friday');
    return { calendar: { workdays: WEEKDAYS.slice(0, 5), hoursPerDay, holidays: [] }, clock: defaultClock };
  }
  const withWeekDays = (calendar: XmlElement): XmlElement[] => elements(elements(calendar, 'WeekDays')[0] ?? {}, 'WeekDay');
  let weekDays = withWeekDays(base).filter((day) => textOf(day, 'DayType') !== '0');
  if (weekDays.length === 0) {
    const parent = calendars.find((calendar) => textOf(calendar, 'UID') === textOf(base, 'BaseCalendarUID'));
    if (parent) weekDays = withWeekDays(parent).filter((day) => textOf(day, 'DayType') !== '0');
  }
  const workdays = new Set<Weekday>();
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const day of weekDays) {
    const weekday = WEEKDAY_OF_DAY_TYPE[Number(textOf(day, 'DayType')) - 1];
    if (!weekday || !isTrue(textOf(day, 'DayWorking'))) continue;
    workdays.add(weekday);
    for (const time of elements(elements(day, 'WorkingTimes')[0] ?? {}, 'WorkingTime')) {
      const from = dateTimeOf(`2000-01-01T${textOf(time, 'FromTime') ?? ''}`)?.minutes;
      const to = dateTimeOf(`2000-01-01T${textOf(time, 'ToTime') ?? ''}`)?.minutes;
      if (from !== undefined) start = Math.min(start, from);
      if (to !== undefined) end = Math.max(end, to === 0 ? 24 * 60 : to);
    }
  }
  if (workdays.size === 0) {
    notes.push('the calendar has no working weekday: the plan works Monday to Friday');
    WEEKDAYS.slice(0, 5).forEach((weekday) => workdays.add(weekday));
  }
  const clock = Number.isFinite(start) && Number.isFinite(end) && end > start ? { start, end } : defaultClock;

  const holidays = new Map<string, string | undefined>();
  const addRange = (from: string | undefined, to: string | undefined, name: string | undefined, where: string): void => {
    const first = dateTimeOf(from)?.date;
    const last = dateTimeOf(to)?.date ?? first;
    if (!first || !last) return;
    const count = dayNumberOfDate(last) - dayNumberOfDate(first) + 1;
    if (count < 1) return;
    if (count > MAX_EXCEPTION_DAYS) {
      notes.push(`${where}: ${count} non-working days in a row; only the first ${MAX_EXCEPTION_DAYS} become holidays`);
    }
    for (let offset = 0; offset < Math.min(count, MAX_EXCEPTION_DAYS); offset++) {
      holidays.set(dateOfDayNumber(dayNumberOfDate(first) + offset), name);
    }
  };
  // Project 2003 style: WeekDay with DayType 0 and a TimePeriod.
  for (const day of withWeekDays(base).filter((candidate) => textOf(candidate, 'DayType') === '0')) {
    const period = elements(day, 'TimePeriod')[0] ?? {};
    if (isTrue(textOf(day, 'DayWorking'))) {
      notes.push(`calendar exception from ${textOf(period, 'FromDate') ?? '?'}: extra working time is not carried over`);
      continue;
    }
    addRange(textOf(period, 'FromDate'), textOf(period, 'ToDate'), undefined, 'a calendar exception');
  }
  // Project 2007 style: Exceptions/Exception.
  for (const exception of elements(elements(base, 'Exceptions')[0] ?? {}, 'Exception')) {
    const name = textOf(exception, 'Name') || undefined;
    const where = `calendar exception '${name ?? '(unnamed)'}'`;
    const period = elements(exception, 'TimePeriod')[0] ?? {};
    const type = textOf(exception, 'Type');
    if (isTrue(textOf(exception, 'DayWorking'))) {
      notes.push(`${where}: extra working time is not carried over`);
      continue;
    }
    if (type !== undefined && type !== '1' && type !== '') {
      notes.push(`${where}: a recurring exception (Type ${type}) is not carried over; write its dates as holidays`);
      continue;
    }
    if ((textOf(exception, 'Period') ?? '1') !== '1') {
      notes.push(`${where}: an exception every ${textOf(exception, 'Period')} days is not carried over`);
      continue;
    }
    addRange(textOf(period, 'FromDate'), textOf(period, 'ToDate'), name, where);
  }
  const sorted = [...holidays].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, name]) => ({ date, name }));
  if (sorted.length > MAX_HOLIDAYS) notes.push(`the calendar has ${sorted.length} non-working days; a plan holds ${MAX_HOLIDAYS} holidays, the first ones`);
  const calendar: ImportedCalendar = {
    workdays: WEEKDAYS.filter((weekday) => workdays.has(weekday)),
    hoursPerDay,
    holidays: sorted.slice(0, MAX_HOLIDAYS),
  };
  return { calendar, clock };
}

/**
 * Dates of the file as crmplan's working days: a start at (or after) the
 * end of a working day is the next working day (MS Project puts a
 * milestone that follows a task at 17:00 of the task's last day); a
 * finish at (or before) the start of a day is the working day before.
 */
class DateReader {
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly clock: DayClock,
  ) {}

  start(moment: DateTime): string {
    if (moment.minutes >= this.clock.end) return this.calendar.dateOf(this.calendar.indexOnOrBefore(moment.date) + 1);
    return this.calendar.dateOf(this.calendar.indexOnOrAfter(moment.date));
  }

  finish(moment: DateTime): string {
    if (moment.minutes <= this.clock.start) return this.calendar.dateOf(this.calendar.indexOnOrAfter(moment.date) - 1);
    return this.calendar.dateOf(this.calendar.indexOnOrBefore(moment.date));
  }

  span(start: string, finish: string): number {
    return workingDaysSpanned(this.calendar, start, finish);
  }
}

// ---------------------------------------------------------------- resources

function readResources(
  project: XmlElement,
  notes: string[],
): { list: ImportedPerson[]; byUid: Map<string, string>; ids: IdAllocator } {
  const ids = new IdAllocator();
  const list: ImportedPerson[] = [];
  const byUid = new Map<string, string>();
  for (const resource of elements(elements(project, 'Resources')[0] ?? {}, 'Resource')) {
    const uid = textOf(resource, 'UID') ?? '';
    const name = textOf(resource, 'Name') ?? '';
    // MS Project writes an unnamed resource UID 0; it is nobody.
    if (isTrue(textOf(resource, 'IsNull')) || (name === '' && uid === '0')) continue;
    const where = `resource UID ${uid} ('${name}')`;
    if (textOf(resource, 'Type') === '0' || isTrue(textOf(resource, 'IsCostResource'))) {
      notes.push(`${where}: a material or cost resource is not a person; left out`);
      continue;
    }
    const id = ids.allocate(name, 'person');
    const maxUnits = Number(textOf(resource, 'MaxUnits') ?? '1');
    const email = textOf(resource, 'EmailAddress');
    const capacity: Quantity | undefined =
      Number.isFinite(maxUnits) && maxUnits >= 0 && Math.abs(maxUnits - 1) > 1e-9 ? { kind: 'percent', value: maxUnits * 100 } : undefined;
    list.push({
      id,
      name: name || undefined,
      role: textOf(resource, 'Group') || undefined,
      email: email && /^[^@\s]+@[^@\s]+$/.test(email) ? email : undefined,
      capacity,
    });
    byUid.set(uid, id);
  }
  return { list, byUid, ids };
}

// ---------------------------------------------------------------- tasks

interface RawLink {
  readonly predecessorUid: string;
  readonly type: string;
  readonly lag: number;
  readonly lagFormat: string;
  readonly crossProject: boolean;
}

/** What a UID names: a task, a phase (level-1 summary), or a deeper summary task (its leaf tasks). */
type Named =
  | { readonly kind: 'task'; readonly id: string }
  | { readonly kind: 'phase'; readonly id: string }
  | { readonly kind: 'group'; readonly name: string; readonly leaves: ImportedTask[] };

interface Outline {
  readonly phases: ImportedPhase[];
  readonly byUid: Map<string, Named>;
  readonly taskByUid: Map<string, ImportedTask>;
  /** Links to resolve, by the list they go into. */
  readonly links: { readonly holder: string; readonly into: ImportedDependency[][]; readonly links: RawLink[] }[];
}

function readLinks(task: XmlElement): RawLink[] {
  return elements(task, 'PredecessorLink').map((link) => ({
    predecessorUid: textOf(link, 'PredecessorUID') ?? '',
    type: textOf(link, 'Type') ?? '1',
    lag: Number(textOf(link, 'LinkLag') ?? '0') || 0,
    lagFormat: textOf(link, 'LagFormat') ?? '7',
    crossProject: isTrue(textOf(link, 'CrossProject')),
  }));
}

function readOutline(
  project: XmlElement,
  minutesPerDay: number,
  dates: DateReader,
  ownerOf: (contact: string | undefined) => string | undefined,
  notes: string[],
): Outline {
  const rows = elements(elements(project, 'Tasks')[0] ?? {}, 'Task').filter((task) => {
    if (isTrue(textOf(task, 'IsNull')) || textOf(task, 'OutlineLevel') === '0') return false;
    // Inactive tasks (Project 2010) and tasks of other projects do not take part in the schedule.
    const inactive = textOf(task, 'Active') === '0';
    if (inactive || isTrue(textOf(task, 'ExternalTask'))) {
      notes.push(`task UID ${textOf(task, 'UID') ?? '?'} ('${textOf(task, 'Name') ?? ''}'): ${inactive ? 'an inactive task' : 'a task of another project'} is left out`);
      return false;
    }
    return true;
  });
  const work = new IdAllocator();
  const outline: Outline = { phases: [], byUid: new Map(), taskByUid: new Map(), links: [] };
  let phase: ImportedPhase | undefined;
  let loosePhase: ImportedPhase | undefined;
  /** The open deeper summary tasks, by outline level. */
  const groups: { level: number; named: Extract<Named, { kind: 'group' }>; links: RawLink[]; uid: string }[] = [];
  const levelOf = (task: XmlElement | undefined): number => Math.max(1, Number(textOf(task ?? {}, 'OutlineLevel') ?? '1') || 1);

  rows.forEach((row, index) => {
    const uid = textOf(row, 'UID') ?? '';
    if (uid === '' || outline.byUid.has(uid)) throw new ImportError(`task ${index + 1}: ${uid === '' ? 'no <UID>' : `UID ${uid} appears twice`}`);
    const level = levelOf(row);
    const name = textOf(row, 'Name') || `Task ${uid}`;
    const where = `task UID ${uid} ('${name}')`;
    const summary = isTrue(textOf(row, 'Summary')) || levelOf(rows[index + 1]) > level;
    while (groups.length > 0 && groups[groups.length - 1]!.level >= level) groups.pop();
    if (summary && level === 1) {
      phase = { id: work.allocate(name, 'phase'), name, owner: ownerOf(textOf(row, 'Contact')), dependsOn: [], tasks: [] };
      outline.phases.push(phase);
      outline.byUid.set(uid, { kind: 'phase', id: phase.id });
      outline.links.push({ holder: where, into: [phase.dependsOn], links: readLinks(row) });
      groups.length = 0;
      return;
    }
    if (summary) {
      notes.push(`${where}: a summary task below level 1 is not a phase; its tasks belong to the phase above`);
      const named: Extract<Named, { kind: 'group' }> = { kind: 'group', name, leaves: [] };
      outline.byUid.set(uid, named);
      groups.push({ level, named, links: readLinks(row), uid });
      return;
    }
    let home = level === 1 ? undefined : phase;
    if (!home) {
      if (!loosePhase) {
        loosePhase = { id: work.allocate('Tasks', 'phase'), name: 'Tasks', dependsOn: [], tasks: [] };
        outline.phases.push(loosePhase);
        notes.push(`${where}: a task outside any summary task goes to the phase 'Tasks'`);
      }
      home = loosePhase;
    }
    const task = readTask(row, { id: work.allocate(name, 'task'), name, where, minutesPerDay, dates, ownerOf, notes });
    home.tasks.push(task);
    outline.byUid.set(uid, { kind: 'task', id: task.id });
    outline.taskByUid.set(uid, task);
    const into = [task.dependsOn];
    for (const group of groups) {
      group.named.leaves.push(task);
      // A summary task's links hold for every task below it.
      outline.links.push({ holder: `${where} (from summary task UID ${group.uid})`, into, links: group.links });
    }
    outline.links.push({ holder: where, into, links: readLinks(row) });
  });
  return outline;
}

interface TaskContext {
  readonly id: string;
  readonly name: string;
  readonly where: string;
  readonly minutesPerDay: number;
  readonly dates: DateReader;
  readonly ownerOf: (contact: string | undefined) => string | undefined;
  readonly notes: string[];
}

/** ConstraintType codes of the schema. */
const CONSTRAINT = { asSoonAsPossible: '0', mustStartOn: '2', startNoEarlierThan: '4', finishNoLaterThan: '7' } as const;

function readTask(row: XmlElement, context: TaskContext): ImportedTask {
  const { where, minutesPerDay, dates, notes } = context;
  const startMoment = dateTimeOf(textOf(row, 'Start'));
  const finishMoment = dateTimeOf(textOf(row, 'Finish'));
  const expectedStart = startMoment ? dates.start(startMoment) : undefined;
  const milestoneFlag = isTrue(textOf(row, 'Milestone'));
  const durationText = textOf(row, 'Duration');
  const minutes = durationText === undefined || durationText === '' ? undefined : durationMinutes(durationText, minutesPerDay);
  if (durationText && minutes === undefined) throw new ImportError(`${where}: <Duration> '${durationText}' is not an xs:duration`);
  let days: number;
  if (minutes !== undefined) {
    days = Math.round(minutes / minutesPerDay);
    if (Math.abs(days * minutesPerDay - minutes) > 0.5) {
      notes.push(`${where}: a duration of ${Math.round(minutes)} minutes is not whole working days; it is ${days}d`);
    }
  } else if (expectedStart && finishMoment) {
    days = dates.span(expectedStart, dates.finish(finishMoment));
  } else {
    throw new ImportError(`${where}: no <Duration> and no <Start> and <Finish>`);
  }
  if (milestoneFlag && days > 0) notes.push(`${where}: a milestone with a duration of ${days}d becomes a milestone (0 days)`);
  const milestone = milestoneFlag || days === 0;
  if (milestone) days = 0;

  let start: string | undefined;
  let deadline = dateTimeOf(textOf(row, 'Deadline'))?.date;
  const constraint = textOf(row, 'ConstraintType') ?? CONSTRAINT.asSoonAsPossible;
  const constraintMoment = dateTimeOf(textOf(row, 'ConstraintDate'));
  if (constraint === CONSTRAINT.startNoEarlierThan || constraint === CONSTRAINT.mustStartOn) {
    if (constraintMoment) start = dates.start(constraintMoment);
    if (constraint === CONSTRAINT.mustStartOn) notes.push(`${where}: 'must start on' is kept as 'start no earlier than'`);
  } else if (constraint === CONSTRAINT.finishNoLaterThan && constraintMoment) {
    deadline ??= constraintMoment.date;
  } else if (constraint !== CONSTRAINT.asSoonAsPossible && constraint !== '') {
    notes.push(`${where}: constraint type ${constraint} is not carried over (crmplan has 'start no earlier than' and deadlines)`);
  }
  const percent = Number(textOf(row, 'PercentComplete') ?? '0');
  const status = percent >= 100 ? 'done' : percent > 0 ? 'in-progress' : undefined;
  return {
    id: context.id,
    name: context.name,
    origin: where.replace(/ \(.*$/, ''),
    owner: context.ownerOf(textOf(row, 'Contact')),
    days,
    milestone,
    dependsOn: [],
    assign: [],
    start,
    deadline,
    status,
    expectedStart,
    expectedFinish: milestone ? expectedStart : finishMoment ? dates.finish(finishMoment) : undefined,
  };
}

function readAssignments(project: XmlElement, outline: Outline, personByUid: ReadonlyMap<string, string>, notes: string[]): void {
  for (const assignment of elements(elements(project, 'Assignments')[0] ?? {}, 'Assignment')) {
    const taskUid = textOf(assignment, 'TaskUID') ?? '';
    const resourceUid = textOf(assignment, 'ResourceUID') ?? '';
    const where = `assignment UID ${textOf(assignment, 'UID') ?? '?'}`;
    const person = personByUid.get(resourceUid);
    // -65535 is MS Project's "unassigned" resource.
    if (!person) {
      if (resourceUid !== '-65535' && resourceUid !== '0') notes.push(`${where}: resource UID ${resourceUid} is not a person of the file; left out`);
      continue;
    }
    const task = outline.taskByUid.get(taskUid);
    if (!task) {
      notes.push(`${where}: task UID ${taskUid} is ${outline.byUid.has(taskUid) ? 'a summary task' : 'not in the file'}; left out`);
      continue;
    }
    const units = Number(textOf(assignment, 'Units') ?? '1');
    const load: Quantity | undefined = Number.isFinite(units) && units >= 0 && Math.abs(units - 1) > 1e-9 ? { kind: 'percent', value: units * 100 } : undefined;
    task.assign.push(load ? { person, load } : { person });
  }
}

/** LagFormat codes in working time (minutes, hours, days, weeks, months, and their estimated `?` forms). */
const WORKING_LAG = new Set(['3', '5', '7', '9', '11', '35', '37', '39', '41', '43']);
const ELAPSED_LAG = new Set(['4', '6', '8', '10', '12', '36', '38', '40', '42', '44']);

function resolveLinks(outline: Outline, workdaysPerWeek: number, minutesPerDay: number, notes: string[]): void {
  for (const { holder, into, links } of outline.links) {
    for (const link of links) {
      const named = outline.byUid.get(link.predecessorUid);
      if (link.crossProject || !named) {
        notes.push(`${holder}: the link to ${link.crossProject ? 'another project' : `UID ${link.predecessorUid}`} is not carried over`);
        continue;
      }
      if (link.type !== '1' && link.type !== '3') {
        notes.push(`${holder}: a ${link.type === '0' ? 'finish-to-finish' : 'start-to-finish'} link is not carried over (crmplan has FS and SS)`);
        continue;
      }
      const type = link.type === '3' ? 'SS' : 'FS';
      // LinkLag counts tenths of a minute.
      let lagDays = 0;
      if (WORKING_LAG.has(link.lagFormat)) {
        const exact = link.lag / 10 / minutesPerDay;
        lagDays = Math.round(exact);
        if (Math.abs(exact - lagDays) > 1e-6) notes.push(`${holder}: a lag of ${link.lag / 10} minutes is not whole working days; it is ${lagDays}d`);
      } else if (ELAPSED_LAG.has(link.lagFormat)) {
        lagDays = Math.round(((link.lag / 10 / (24 * 60)) * workdaysPerWeek) / 7);
        if (link.lag !== 0) notes.push(`${holder}: an elapsed-time lag is approximated as ${lagDays} working day${Math.abs(lagDays) === 1 ? '' : 's'}`);
      } else if (link.lag !== 0) {
        notes.push(`${holder}: a lag in percent of the predecessor is not carried over`);
      }
      lagDays ||= 0;
      const targets: string[] =
        named.kind === 'group' ? (type === 'SS' ? [] : named.leaves.map((leaf) => leaf.id)) : [named.id];
      if (named.kind === 'group' && type === 'SS') {
        notes.push(`${holder}: a start-to-start link to summary task '${named.name}' is not carried over`);
      }
      for (const list of into) for (const target of targets) list.push({ target, type, lagDays });
    }
  }
}
