import { scalarText } from '../yaml/scalar-text.js';
import { DATE_YEARS, isIsoDate, isPlanDate } from '../model/values.js';
import { dateOfDayNumber, dayNumberOfDate, weekdayOfDayNumber } from '../schedule/calendar.js';
import type { TemplateText } from './plan-template-text.js';
import { TEMPLATE_TEXTS } from './plan-templates.generated.js';

/**
 * The plan templates that `crmplan init`, the VS Code command "CRM Plan: New
 * Plan from Template..." and the completion in an empty file offer: the
 * minimal plan and one per roadmap of docs/sources.md. Their text lives in
 * templates/*.crmplan.yaml (real plans that pass every check); this module
 * fills in a name and a start date. It imports neither the yaml library nor
 * anything of the editor, so the client bundles it as it is.
 */

export type PlanTemplate = TemplateText;

export const PLAN_TEMPLATES: readonly PlanTemplate[] = TEMPLATE_TEXTS;

/** The template a new plan starts from when none is named. */
export const DEFAULT_TEMPLATE_ID = 'minimal';

export function planTemplate(id: string): PlanTemplate | undefined {
  return PLAN_TEMPLATES.find((template) => template.id === id);
}

/** The template's own name (`New CRM rollout`): the default for a new plan's name. */
export function templateName(template: PlanTemplate): string {
  return template.text.slice(template.name.start, template.name.end);
}

/**
 * Why `name` cannot be a plan's name, or undefined when it can. Anything
 * printable is fine (quotes, colons, `#`, any script): it is written as a
 * quoted YAML scalar when plain text would not read back the same.
 */
export function planNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'The name must not be empty.';
  // YAML allows no control characters (a tab aside) and no lone surrogates in a file.
  if (/[\p{Cc}\p{Cs}\u2028\u2029]/u.test(name.replace(/\t/g, ' '))) return 'The name must be on one line, without control characters.';
  return undefined;
}

/** Why `date` cannot be a plan's start, or undefined for a real `YYYY-MM-DD` day in the years plans use (docs/format.md#limits). */
export function startDateProblem(date: string): string | undefined {
  if (isPlanDate(date)) return undefined;
  return `'${date}' is not a date a plan can start on: write a real day of the years ${DATE_YEARS.first} to ${DATE_YEARS.last} as YYYY-MM-DD, e.g. 2027-01-04.`;
}

/** The plan text of `template` with `name` and `start` filled in (both checked by the functions above). */
export function planFromTemplate(template: PlanTemplate, name: string, start: string): string {
  const { text } = template;
  return (
    text.slice(0, template.name.start) +
    scalarText(name.trim()) +
    text.slice(template.name.end, template.start.start) +
    start +
    text.slice(template.start.end)
  );
}

/** Today's date where the user is, as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The Monday after `today` (a week later when today is a Monday): the default start of a new plan. */
export function nextMonday(today: string): string | undefined {
  if (!isIsoDate(today)) return undefined;
  const day = dayNumberOfDate(today);
  return dateOfDayNumber(day + ((7 - weekdayOfDayNumber(day)) % 7 || 7));
}

/** A file name for a plan called `name`: `Acme CRM rollout` -> `acme-crm-rollout.crmplan.yaml`. */
export function planFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'plan'}.crmplan.yaml`;
}
