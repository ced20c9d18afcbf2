import type { PlanAnalysis } from '../../analysis/analyze-plan.js';
import type { Dependency, PlanModel } from '../../model/types.js';
import { formatDuration, isPlanDate, parseDuration, parseQuantity } from '../../model/values.js';
import { markdownCode, markdownText } from '../../render/markdown-text.js';
import { formatNumber, fullDate, hoursPerDayText, longDate, percentOf, workingDays } from '../../render/schedule-text.js';
import { findRule } from '../../rules/index.js';
import type { WorkingCalendar } from '../../schedule/calendar.js';
import { publicHolidaysOfYears } from '../../schedule/country-holidays.js';
import { hoursPerDay } from '../../schedule/load.js';
import { enumValues, type ResolvedSchema } from '../schema-view.js';

/**
 * The hover texts of the value kinds that are not ids (schema/value-kinds.ts):
 * what a date, a duration, a lag, a load, a severity or an enum value means in
 * this plan. hover.ts keys them by kind in its `Record<ValueKindName, ...>`;
 * each returns undefined where it has nothing to add to the key's own text.
 */

export interface ValueHoverRequest {
  readonly analysis: PlanAnalysis;
  /** The plan's calendar (the schedule's, with its holidays, when the plan has a start). */
  readonly calendar: WorkingCalendar;
  /** The scalar as written. */
  readonly text: string;
  /** Where the scalar starts: finds the model item it belongs to. */
  readonly start: number;
  readonly schema: ResolvedSchema;
  /** The last mapping key on the value's path (`duration`, a rule's name). */
  readonly key: string | undefined;
}

const code = markdownCode;
const escape = (text: string): string => markdownText(text, 'editor');

/** `**Mon 2027-01-04**`: the date spelled out, whether it is a working day, and its place in the plan. */
export function dateHover(request: ValueHoverRequest): string | undefined {
  const { text, calendar, analysis } = request;
  if (!isPlanDate(text)) return undefined;
  const lines = [`**${text}** · ${fullDate(text)}`];
  const holiday = holidayName(analysis.model, text);
  if (holiday !== undefined) {
    lines.push(`A holiday of the project calendar${holiday ? ` (${escape(holiday)})` : ''}: not a working day.`);
  } else if (!calendar.isWorkingDate(text)) {
    lines.push('Not a working day of the project calendar (`calendar.workdays`).');
  }
  const schedule = analysis.schedule;
  if (schedule) {
    const first = schedule.calendar.firstWorkingDay;
    if (request.start !== analysis.model.plan.start?.span.start) lines.push(placeInPlan(schedule.calendar, text));
    else if (text !== first) lines.push(`Work starts on the first working day on or after it, ${longDate(first)}.`);
  }
  return lines.join('\n\n');
}

/** `Working day 12 of the plan`, or how far before its start. */
function placeInPlan(calendar: WorkingCalendar, date: string): string {
  if (date < calendar.firstWorkingDay) return `Before the plan's first working day, ${longDate(calendar.firstWorkingDay)}.`;
  const index = calendar.indexOnOrAfter(date);
  const day = `working day ${formatNumber(index + 1)} of the plan (day 1 is ${longDate(calendar.firstWorkingDay)})`;
  return calendar.isWorkingDate(date) ? `W${day.slice(1)}.` : `The next working day, ${longDate(calendar.dateOf(index))}, is ${day}.`;
}

/** The name of the holiday on `date` ('' when unnamed), from the plan's list or its country's public holidays. */
function holidayName(model: PlanModel, date: string): string | undefined {
  const calendar = model.plan.calendar;
  const listed = calendar.holidays.find((holiday) => holiday.date === date);
  if (listed) return listed.name ?? '';
  if (!calendar.country) return undefined;
  const year = Number(date.slice(0, 4));
  const found = publicHolidaysOfYears(calendar.country.value, calendar.region?.value, year, year).find((holiday) => holiday.date === date);
  return found?.name;
}

/** `**3d** · 3 working days (24 h at 8 h/day)`; a week is the calendar's working week. */
export function durationHover(request: ValueHoverRequest): string | undefined {
  const duration = parseDuration(request.text);
  if (!duration) return undefined;
  const { calendar } = request;
  const days = calendar.workingDays(duration);
  const weeks = duration.unit === 'w' ? ` (${formatNumber(calendar.workdaysPerWeek)} working days a week)` : '';
  return `**${code(formatDuration(duration))}** · ${workingDays(days)}${weeks}, ${formatNumber(days * calendar.hoursPerDay)} h at ${hoursPerDayText(calendar.hoursPerDay)}`;
}

const LINK_ANCHOR: Readonly<Record<Dependency['type'], string>> = {
  FS: 'the predecessor finishes',
  SS: 'the predecessor starts',
};

/** `**2d** · the successor waits 2 working days after the predecessor starts (SS)`. */
export function lagHover(request: ValueHoverRequest): string | undefined {
  const lag = parseDuration(request.text, true);
  if (!lag) return undefined;
  const dependency = request.analysis.model.tasks
    .flatMap((task) => task.dependsOn)
    .find((candidate) => candidate.span.start <= request.start && request.start < candidate.span.end);
  const days = request.calendar.workingDays({ amount: Math.abs(lag.amount), unit: lag.unit });
  const anchor = dependency ? `${LINK_ANCHOR[dependency.type]} (${dependency.type})` : 'the link\'s anchor';
  const wait =
    lag.amount < 0
      ? `the successor may begin ${workingDays(days)} before ${anchor}: the tasks overlap`
      : lag.amount === 0
        ? `no wait after ${anchor}`
        : `the successor waits ${workingDays(days)} after ${anchor}`;
  return `**${code(request.text.trim())}** · lag: ${wait}.`;
}

/**
 * A capacity or load as hours per working day. An assign item's load is
 * described by load-hover.ts (with the person's weeks), so none here.
 */
export function quantityHover(request: ValueHoverRequest, inAssignment: boolean): string | undefined {
  if (inAssignment) return undefined;
  const quantity = parseQuantity(request.text);
  if (!quantity) return undefined;
  const { calendar } = request;
  const hours = hoursPerDay(quantity, calendar);
  return `**${code(request.text.trim())}** · ${hoursPerDayText(hours)}, ${percentOf(hours, calendar.hoursPerDay)} of the working day of ${hoursPerDayText(calendar.hoursPerDay)}`;
}

/** `**warning** · rule `missing-owner` (by default: error)`, with what the severity does. */
export function severityHover(request: ValueHoverRequest): string | undefined {
  const value = enumValues(request.schema).find((candidate) => candidate.value === request.text.trim());
  if (!value) return undefined;
  const rule = request.key ? findRule(request.key) : undefined;
  const of = rule ? ` of rule ${code(rule.name)} (by default: ${rule.defaultSeverity})` : '';
  return [`**${value.value}** · severity${of}`, ...(value.description ? [value.description] : [])].join('\n\n');
}

/** The schema's description of the enum value written, if it has one. */
export function enumHover(request: ValueHoverRequest): string | undefined {
  const value = enumValues(request.schema).find((candidate) => candidate.value === request.text.trim());
  return value?.description ? `**${code(value.value)}** · ${value.description}` : undefined;
}
