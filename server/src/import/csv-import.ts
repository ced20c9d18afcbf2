import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS } from '../export/csv.js';
import type { Quantity, TaskKind } from '../model/types.js';
import { TASK_KINDS, WEEKDAYS } from '../model/types.js';
import { dateOfDayNumber, dayNumberOfDate, weekdayOfDayNumber } from '../schedule/calendar.js';
import { DATE_YEARS, ID_PATTERN, isPlanDate, parseQuantity } from '../model/values.js';
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
 * The columns `crmplan import` reads from CSV (docs/import.md#csv), matched
 * case-insensitively: the `csv` export's, plus `Duration` for the minimal
 * set (Name, Start, Duration or Finish, Predecessors, Owner).
 */
const COLUMNS = [...CSV_COLUMNS, 'Duration'] as const;
type Column = (typeof COLUMNS)[number];

/** A CSV carries no calendar: the import's is the format's default. */
const CSV_CALENDAR: ImportedCalendar = { workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], hoursPerDay: 8, holidays: [] };

const STATUSES = ['planned', 'in-progress', 'done', 'blocked'] as const;

/** The phase of rows that name none. */
const DEFAULT_PHASE = 'Tasks';

interface Row {
  readonly number: number;
  readonly cells: ReadonlyMap<Column, string>;
}

/** A plan from a CSV file with the export's columns or the minimal set; throws ImportError naming the row. */
export function importCsv(text: string, fileName: string): ImportedPlan {
  const rows = csvRows(text);
  const header = rows.shift();
  if (!header) throw new ImportError('the CSV file is empty: it needs a header row (docs/import.md#csv)');
  const columns = headerColumns(header);
  const records: Row[] = rows
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''))
    .map((row) => {
      if (row.cells.length !== columns.length) {
        throw new ImportError(`row ${row.number}: ${row.cells.length} cells, but the header has ${columns.length} columns`);
      }
      return { number: row.number, cells: new Map(columns.map((column, index) => [column, unguarded(row.cells[index]!).trim()])) };
    });
  if (records.length === 0) throw new ImportError('the CSV file has a header but no task rows');

  const notes: string[] = [];
  const dated = records.map(datesOf);
  const inferred = inferCalendar(dated);
  const { holidays: inferredHolidays, workdays: inferredWorkdays } = inferred.calendar;
  const holidayText = inferredHolidays.map((holiday) => holiday.date).join(', ');
  notes.push(
    `the calendar: a CSV has none; the plan works ${inferredWorkdays.join(', ')}${
      inferredWorkdays.length > CSV_CALENDAR.workdays.length ? ' (rows start or finish on a weekend day)' : ''
    }${inferredHolidays.length > 0 ? ` with the holiday${inferredHolidays.length === 1 ? '' : 's'} ${holidayText} that the rows' dates show` : ' without holidays'}`,
  );
  const calendar = workingCalendarOfImport(inferred.calendar, '2000-01-03');
  const work = new IdAllocator();
  const personIds = new IdAllocator();
  const people = new Map<string, ImportedPerson>();
  const personOf = (written: string): string => {
    const known = people.get(written);
    if (known) return known.id;
    const id = personIds.allocate(written, 'person', ID_PATTERN.test(written) ? written : undefined);
    people.set(written, ID_PATTERN.test(written) ? { id } : { id, name: written });
    return id;
  };

  // Task ids first (the file's own, when valid and unique), so phases cannot take them.
  const taskIdByWritten = new Map<string, string>();
  const taskIdByName = new Map<string, string | null>();
  const ids = records.map((record) => {
    const written = record.cells.get('ID') ?? '';
    const name = required(record, 'Name');
    const id = work.allocate(name, 'task', written === '' ? undefined : written);
    if (written !== '' && id !== written) notes.push(`row ${record.number}: id '${written}' ${ID_PATTERN.test(written) ? 'is taken' : 'is not a valid id'}; the task is '${id}'`);
    if (written !== '' && !taskIdByWritten.has(written)) taskIdByWritten.set(written, id);
    const key = name.toLowerCase();
    taskIdByName.set(key, taskIdByName.has(key) ? null : id);
    return id;
  });

  const phases = new Map<string, ImportedPhase>();
  const phaseOf = (written: string): ImportedPhase => {
    const key = written === '' ? DEFAULT_PHASE : written;
    let phase = phases.get(key);
    if (!phase) {
      const id = work.allocate(key, 'phase', ID_PATTERN.test(key) ? key : undefined);
      phase = { id, name: key, dependsOn: [], tasks: [] };
      phases.set(key, phase);
    }
    return phase;
  };

  const pending: { task: ImportedTask; record: Row }[] = [];
  records.forEach((record, index) => {
    const { start, finish, written } = dated[index]!;
    const span = finish === undefined ? undefined : workingDaysSpanned(calendar, start, finish);
    let days = written ?? span;
    if (days === undefined) throw new ImportError(`row ${record.number}: a task needs Working days, Duration or Finish`);
    if (written !== undefined && span !== undefined && written > 0 && span !== written) {
      notes.push(`row ${record.number}: ${written} working days, but ${start} to ${finish} holds ${span} on the plan's calendar; the duration is ${span}d`);
      days = span;
    }
    const kindText = record.cells.get('Kind') ?? '';
    const kind = (TASK_KINDS as readonly string[]).includes(kindText) ? (kindText as TaskKind) : undefined;
    if (kindText !== '' && !kind) notes.push(`row ${record.number}: kind '${kindText}' is not a task kind; the task is 'other'`);
    const statusText = (record.cells.get('Status') ?? '').toLowerCase();
    const status = STATUSES.find((candidate) => candidate === statusText);
    if (statusText !== '' && !status) notes.push(`row ${record.number}: status '${statusText}' is not planned, in-progress, done or blocked`);
    // Progress needs actual dates that a CSV row does not carry, so it stays a note.
    const progressText = record.cells.get('Progress') ?? '';
    if (progressText !== '') notes.push(`row ${record.number}: progress ${importedText(progressText)} is not carried over (the file has no actual dates)`);
    const owner = record.cells.get('Owner') ?? '';
    const task: ImportedTask = {
      id: ids[index]!,
      name: required(record, 'Name'),
      origin: `row ${record.number}`,
      kind,
      owner: owner === '' ? undefined : personOf(owner),
      days,
      milestone: days === 0,
      dependsOn: [],
      assign: assignments(record, personOf),
      status,
      expectedStart: start,
      expectedFinish: days === 0 ? start : finish,
    };
    phaseOf(record.cells.get('Phase') ?? '').tasks.push(task);
    pending.push({ task, record });
  });

  // Predecessors name the ID column (or a task's name, or a phase), now that every id is known.
  for (const { task, record } of pending) {
    const cell = record.cells.get('Predecessors') ?? '';
    for (const item of cell.split(';').map((part) => part.trim()).filter((part) => part !== '')) {
      const parsed = parsePredecessor(item, calendar.workdaysPerWeek);
      if (!parsed) throw new ImportError(`row ${record.number}: predecessor '${item}' is not 'ID', 'ID FS+2d' or 'ID SS-1d'`);
      const target =
        taskIdByWritten.get(parsed.reference) ??
        phases.get(parsed.reference)?.id ??
        taskIdByName.get(parsed.reference.toLowerCase()) ??
        [...phases.values()].find((phase) => phase.name.toLowerCase() === parsed.reference.toLowerCase())?.id;
      if (!target) {
        notes.push(`row ${record.number}: predecessor '${parsed.reference}' names no task or phase of the file; the dependency is dropped`);
        continue;
      }
      task.dependsOn.push({ target, type: parsed.type, lagDays: parsed.lagDays });
    }
  }

  return {
    name: importedText(fileName.replace(/\.csv$/i, '')) || 'Imported plan',
    calendar: inferred.calendar,
    people: [...people.values()],
    phases: [...phases.values()],
    notes,
  };
}

interface RowDates {
  readonly start: string;
  readonly finish?: string;
  /** Working days as the row writes them (Working days or Duration). */
  readonly written?: number;
}

function datesOf(record: Row): RowDates {
  const start = required(record, 'Start');
  if (!isPlanDate(start)) throw new ImportError(`row ${record.number}: Start '${start}' is not a date written YYYY-MM-DD (${DATE_YEARS.first} to ${DATE_YEARS.last})`);
  const finish = record.cells.get('Finish') ?? '';
  if (finish !== '' && !isPlanDate(finish)) throw new ImportError(`row ${record.number}: Finish '${finish}' is not a date written YYYY-MM-DD (${DATE_YEARS.first} to ${DATE_YEARS.last})`);
  if (finish !== '' && finish < start) throw new ImportError(`row ${record.number}: Finish ${finish} is before Start ${start}`);
  return { start, finish: finish === '' ? undefined : finish, written: writtenDays(record, CSV_CALENDAR.workdays.length) };
}

/** Holidays are looked for in spans of at most this many days (a plan's tasks are weeks, not decades). */
const MAX_SPAN_DAYS = 3660;
/** The inference gives up (no holidays) after reading this many days, and after this many rounds. */
const MAX_INFERENCE_DAYS = 5_000_000;
const MAX_ROUNDS = 400;

/**
 * A CSV carries no calendar, but its rows' dates show one: every Start and
 * Finish is a working day (so its weekday is a workday), a row whose Start to
 * Finish holds as many weekdays as its working days has no holiday inside,
 * and a row with more has that many holidays inside, on days not known to be
 * working. Only holidays the dates force are taken: where they leave a
 * choice (one holiday among four unknown days), none is guessed, and the
 * row's dates win over its working days, with a note.
 */
function inferCalendar(rows: readonly RowDates[]): { calendar: ImportedCalendar } {
  const workingDates = new Set<number>();
  for (const row of rows) {
    workingDates.add(dayNumberOfDate(row.start));
    if (row.finish !== undefined) workingDates.add(dayNumberOfDate(row.finish));
  }
  const weekdays = new Set<number>([0, 1, 2, 3, 4]);
  for (const day of workingDates) weekdays.add(weekdayOfDayNumber(day));
  const workdays = WEEKDAYS.filter((_, index) => weekdays.has(index));
  const isWorkday = (day: number): boolean => weekdays.has(weekdayOfDayNumber(day));
  const spans = rows.flatMap((row) => {
    if (row.finish === undefined || row.written === undefined || row.written === 0) return [];
    const first = dayNumberOfDate(row.start);
    const last = dayNumberOfDate(row.finish);
    return last - first < MAX_SPAN_DAYS ? [{ first, last, days: row.written }] : [];
  });
  // Propagate: a span without extra weekdays makes all its days working; a span whose unknown
  // weekdays are exactly as many as its extra weekdays makes them holidays. Where the dates
  // leave a choice, no day is guessed.
  const working = new Set(workingDates);
  const holidays = new Set<number>();
  let work = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const span of spans) {
      const unknown: number[] = [];
      let weekdaysInside = 0;
      let holidaysInside = 0;
      for (let day = span.first; day <= span.last; day++) {
        if (!isWorkday(day)) continue;
        weekdaysInside++;
        if (holidays.has(day)) holidaysInside++;
        else if (!working.has(day)) unknown.push(day);
      }
      work += span.last - span.first + 1;
      if (work > MAX_INFERENCE_DAYS) return { calendar: { ...CSV_CALENDAR, workdays } };
      const extra = weekdaysInside - holidaysInside - span.days;
      if (unknown.length === 0 || extra < 0 || extra > unknown.length) continue;
      if (extra !== 0 && extra !== unknown.length) continue;
      for (const day of unknown) (extra === 0 ? working : holidays).add(day);
      changed = true;
    }
    if (!changed) break;
  }
  const dates = [...holidays].sort((a, b) => a - b).map((day) => ({ date: dateOfDayNumber(day) }));
  return { calendar: { workdays, hoursPerDay: CSV_CALENDAR.hoursPerDay, holidays: dates } };
}

function csvRows(text: string): { number: number; cells: string[] }[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new ImportError(`not a CSV file: ${importedText(error instanceof Error ? error.message : String(error))}`);
  }
  // Records count as spreadsheet rows: the header is row 1.
  return records.map((cells, index) => ({ number: index + 1, cells }));
}

function headerColumns(header: { cells: readonly string[] }): Column[] {
  const columns = header.cells.map((cell) => {
    const wanted = cell.replace(/^\uFEFF/, '').trim().toLowerCase();
    const column = COLUMNS.find((candidate) => candidate.toLowerCase() === wanted);
    if (!column) throw new ImportError(`row 1: unknown column '${importedText(cell)}' (columns: ${COLUMNS.join(', ')})`);
    return column;
  });
  const seen = new Set<Column>();
  for (const column of columns) {
    if (seen.has(column)) throw new ImportError(`row 1: column '${column}' appears twice`);
    seen.add(column);
  }
  for (const needed of ['Name', 'Start'] as const) {
    if (!seen.has(needed)) throw new ImportError(`row 1: the header has no '${needed}' column (docs/import.md#csv)`);
  }
  if (!seen.has('Working days') && !seen.has('Duration') && !seen.has('Finish')) {
    throw new ImportError(`row 1: the header needs 'Working days', 'Duration' or 'Finish' (docs/import.md#csv)`);
  }
  return columns;
}

/** The export guards cells that start like a formula with one `'` (docs/export.md#formula-guard); take it off. */
function unguarded(cell: string): string {
  return /^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell;
}

function required(record: Row, column: Column): string {
  const value = importedText(record.cells.get(column) ?? '');
  if (value === '') throw new ImportError(`row ${record.number}: the ${column} is empty`);
  return value;
}

/** `Working days` (a whole number) or `Duration` (`5`, `5d`, `2w`). */
function writtenDays(record: Row, workdaysPerWeek: number): number | undefined {
  const days = record.cells.get('Working days') ?? '';
  if (days !== '') {
    if (!/^\d+$/.test(days)) throw new ImportError(`row ${record.number}: Working days '${days}' is not a whole number`);
    return Number(days);
  }
  const duration = record.cells.get('Duration') ?? '';
  if (duration === '') return undefined;
  const match = /^(\d+)\s*([dw]?)$/i.exec(duration);
  if (!match) throw new ImportError(`row ${record.number}: Duration '${duration}' is not working days (5, 5d) or weeks (2w)`);
  return Number(match[1]) * (match[2]!.toLowerCase() === 'w' ? workdaysPerWeek : 1);
}

/** `pm 50%; sales-lead 8h/w; ba` (no load: 100%). */
function assignments(record: Row, personOf: (written: string) => string): { person: string; load?: Quantity }[] {
  const cell = record.cells.get('Assignments') ?? '';
  return cell
    .split(';')
    .map((item) => importedText(item))
    .filter((item) => item !== '')
    .map((item) => {
      const space = item.lastIndexOf(' ');
      const load = space > 0 ? parseQuantity(item.slice(space + 1)) : undefined;
      return load ? { person: personOf(item.slice(0, space).trim()), load } : { person: personOf(item) };
    });
}

/** `ID`, `ID FS+2d`, `ID SS`, `ID SS-1w`; the reference may hold spaces (a task's name). */
export function parsePredecessor(item: string, workdaysPerWeek: number): { reference: string; type: ImportedDependency['type']; lagDays: number } | undefined {
  const match = /^(.*?)(?:\s+(FS|SS)\s*(?:([+-])\s*(\d+)\s*([dw]))?)?$/i.exec(importedText(item));
  if (!match || match[1] === '') return undefined;
  const sign = match[3] === '-' ? -1 : 1;
  const amount = match[4] === undefined ? 0 : Number(match[4]) * (match[5]!.toLowerCase() === 'w' ? workdaysPerWeek : 1);
  return { reference: match[1]!, type: match[2]?.toUpperCase() === 'SS' ? 'SS' : 'FS', lagDays: sign * amount || 0 };
}
