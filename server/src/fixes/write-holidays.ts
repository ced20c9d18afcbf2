import { isScalar, isSeq, type YAMLMap } from 'yaml';
import type { Span } from '../model/types.js';
import { asMap, field } from '../model/yaml-nodes.js';
import type { RuleContext } from '../rules/types.js';
import { pairOf } from '../edits/fix-nodes.js';
import { appendSeqItems, appendToList, removeMapEntry } from '../edits/text-edits.js';
import { column, lineBreak } from '../yaml/lines.js';
import type { FixEdit, QuickFix } from '../edits/types.js';

/** The title of the action (and of the VS Code command that applies it). */
export const WRITE_HOLIDAYS_TITLE = "Write the country's holidays as dates";

/**
 * For a plan that must not change when the holiday library does: the
 * country's public holidays that the schedule took (every year it covers,
 * schedule.holidayYears) become written `holidays`, and `country`/`region`
 * are removed from the calendar. In a block list each date gets its name as
 * a comment (`- 2027-07-01  # Canada Day`); in a flow list or a flow
 * calendar, `{date, name}` items. Other text and comments stay as they are.
 * Offered where the cursor is on the calendar's `country` (or `region`).
 */
export function writeHolidaysFix(context: RuleContext, requested: Span): QuickFix | undefined {
  const { model, parsed, schedule } = context;
  const country = model.plan.calendar.country;
  const region = model.plan.calendar.region;
  const onIt = (span: Span | undefined): boolean => !!span && span.start <= requested.end && requested.start <= span.end;
  if (!schedule || !country || (!onIt(country.span) && !onIt(region?.span))) return undefined;
  const calendar = asMap(field(asMap(field(asMap(parsed.doc.contents), 'plan')), 'calendar'));
  const countryPair = calendar && pairOf(calendar, 'country');
  if (!calendar || !countryPair) return undefined;
  const holidays = schedule.holidays.filter((holiday) => holiday.source === 'country');
  const text = parsed.text;
  const regionPair = pairOf(calendar, 'region');
  if (calendar.flow) {
    const edit = flowCalendar(text, calendar, holidays.map((holiday) => `{date: ${holiday.date}, name: ${yamlText(holiday.name ?? 'Holiday')}}`));
    return edit ? { title: WRITE_HOLIDAYS_TITLE, edits: [edit] } : undefined;
  }
  const removals = [countryPair, ...(regionPair ? [regionPair] : [])].map((pair) => removeMapEntry(text, calendar, pair));
  if (removals.some((edit) => edit === undefined)) return undefined;
  const written = pairOf(calendar, 'holidays')?.value;
  const flowItems = holidays.map((holiday) => `{date: ${holiday.date}, name: ${yamlText(holiday.name ?? 'Holiday')}}`);
  const commented = holidays.map((holiday) => `${holiday.date}  # ${oneLine(holiday.name ?? 'Holiday')}`);

  const [countryRemoval, ...otherRemovals] = removals as FixEdit[];
  let edits: FixEdit[];
  if (holidays.length === 0) edits = removals as FixEdit[];
  else if (written === undefined && !calendar.flow) {
    // The `country:` lines become the `holidays:` block, at the key's indentation.
    const keyStart = (countryPair.key as { range?: [number, number, number] }).range?.[0];
    if (keyStart === undefined || !countryRemoval) return undefined;
    const indent = ' '.repeat(column(text, keyStart));
    const breakText = lineBreak(text);
    const lines = [`${indent}holidays:`, ...commented.map((item) => `${indent}  - ${item}`)];
    edits = [{ span: countryRemoval.span, newText: lines.map((line) => `${line}${breakText}`).join('') }, ...otherRemovals];
  } else {
    const addition =
      isSeq(written) && !written.flow && written.items.length > 0
        ? appendSeqItems(text, written, commented)
        : appendToList(text, calendar, 'holidays', flowItems);
    if (!addition) return undefined;
    edits = [addition, ...(removals as FixEdit[])];
  }
  edits.sort((a, b) => a.span.start - b.span.start);
  // Edits that meet would be applied in an order editors do not agree on.
  for (let index = 1; index < edits.length; index++) if (edits[index]!.span.start < edits[index - 1]!.span.end) return undefined;
  return { title: WRITE_HOLIDAYS_TITLE, edits };
}

/**
 * `{country: CA, region: ON, holidays: [2027-06-23]}` written again as
 * `{holidays: [2027-06-23, {date: ..., name: ...}, ...]}`: the other
 * entries and the written holidays keep their text.
 */
function flowCalendar(text: string, calendar: YAMLMap, items: readonly string[]): FixEdit | undefined {
  const range = calendar.range;
  if (!range) return undefined;
  const slice = (node: unknown): string | undefined => {
    const nodeRange = (node as { range?: [number, number, number] } | null | undefined)?.range;
    return nodeRange ? text.slice(nodeRange[0], nodeRange[1]).trim() : undefined;
  };
  const entries: string[] = [];
  let holidays: string[] = [];
  for (const pair of calendar.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === 'country' || key === 'region') continue;
    if (key === 'holidays') {
      if (!isSeq(pair.value) || !pair.value.flow) return undefined;
      holidays = pair.value.items.map(slice).filter((item): item is string => item !== undefined);
      continue;
    }
    const keyText = slice(pair.key);
    const valueText = slice(pair.value);
    if (keyText === undefined || valueText === undefined) return undefined;
    entries.push(`${keyText}: ${valueText}`);
  }
  entries.push(`holidays: [${[...holidays, ...items].join(', ')}]`);
  const newText = `{${entries.join(', ')}}`;
  return /[\r\n#]/.test(text.slice(range[0], range[1])) ? undefined : { span: { start: range[0], end: range[1] }, newText };
}

function oneLine(name: string): string {
  return name.replace(/[\r\n]+/g, ' ');
}

/** A holiday name as a YAML flow scalar: plain when that reads back the same, else double-quoted. */
function yamlText(name: string): string {
  return /^[A-Za-z][A-Za-z0-9 .'’()-]*$/.test(name) && !/\s$/.test(name) ? name : JSON.stringify(oneLine(name));
}
