/**
 * Each person's load as a row under the Gantt chart, in the chart's own SVG
 * and on its own date scale (chart-scale.ts): a day's load sits under that
 * day of the bars above at every width and zoom, and the rows scroll and
 * zoom with the chart because they are part of it.
 *
 * A row is a strip the width of the plan with one bar per run of days of
 * equal load (TimelinePerson `days`, from the server's
 * render/timeline-load.ts). A bar's height is the hours assigned that day
 * as a share of the person's capacity; the dashed line across the strip is
 * 100%. Overallocated days are drawn in the error colour, rise above the
 * line, and are hatched (a mark that is not a colour); days the person is
 * off (leave, a public holiday of their country, a weekday they do not work)
 * are striped, with "leave"/"holiday"/"off" written in them when there is
 * room. Every run has a tooltip (an SVG <title>, also its accessible name)
 * with the dates, hours, capacity and tasks.
 *
 * The plan's strings (names, labels, leave notes) only ever become
 * `textContent`. `loadRows` and `runShapes` are pure (test/preview/load-rows.test.ts);
 * `drawLoadRows` is checked in Chromium (test/e2e/preview-page).
 */
import type { Timeline, TimelineDayOff, TimelinePerson } from '@crmplan/shared/timeline.js';
import type { ChartScale } from './chart-scale.js';

/** What the heading says once: what the bars measure, in what unit. */
export const LOAD_HEADING =
  'Load per working day: bar height = hours assigned ÷ the person’s capacity (dashed line = 100%) · hatched = overallocated · striped = leave or day off';

/** One run of days of equal load, ready to draw and to describe. */
export interface LoadSegment {
  /** First and last day (ISO, inclusive): consecutive working days of the project. */
  readonly from: string;
  readonly to: string;
  readonly hours: number;
  /** Hours available each day: the person's capacity, 0 on a day off. */
  readonly capacity: number;
  /** hours / capacity; undefined when the capacity is 0. */
  readonly share: number | undefined;
  readonly over: boolean;
  readonly off: TimelineDayOff | null;
  /** The tooltip: dates, hours against capacity, the reason for a day off, the tasks. */
  readonly title: string;
}

export interface LoadRow {
  readonly key: string;
  readonly label: string;
  readonly segments: readonly LoadSegment[];
  /** What a screen reader hears for the row. */
  readonly summary: string;
}

const DAY_MS = 86_400_000;
const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const FULL_WEEKDAY = { mon: 'Mondays', tue: 'Tuesdays', wed: 'Wednesdays', thu: 'Thursdays', fri: 'Fridays', sat: 'Saturdays', sun: 'Sundays' } as Readonly<Record<string, string>>;
/** Labels longer than this (in code points) are cut with an ellipsis in the row; the tooltip has them whole. */
export const MAX_PERSON_LABEL = 80;

/** The ISO date `days` days after `date` (UTC arithmetic: no time zone moves a date). */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(time) ? new Date(time + days * DAY_MS).toISOString().slice(0, 10) : date;
}

/** The rows to draw: one per person, in the plan's order. */
export function loadRows(timeline: Pick<Timeline, 'people' | 'tasks' | 'start'>): LoadRow[] {
  return timeline.people.map((person) => {
    const segments = personSegments(person, timeline);
    const workDays = countDays(segments, (segment) => segment.hours > 0);
    const overDays = countDays(segments, (segment) => segment.over);
    const offDays = countDays(segments, (segment) => segment.off !== null);
    const summary = [
      `${person.label}: load on ${plural(workDays, 'working day')}`,
      overDays > 0 ? `overallocated on ${plural(overDays, 'day')}` : 'never overallocated',
      offDays > 0 ? `off on ${plural(offDays, 'day')}` : undefined,
    ]
      .filter((part): part is string => part !== undefined)
      .join(', ');
    return { key: person.key, label: person.label, segments, summary };
  });
}

function personSegments(person: TimelinePerson, timeline: Pick<Timeline, 'tasks' | 'start'>): LoadSegment[] {
  const runs = person.days;
  const segments: LoadSegment[] = [];
  for (let run = 0; run < runs.start.length; run++) {
    const from = addDays(timeline.start, runs.start[run]!);
    const to = addDays(timeline.start, runs.start[run]! + runs.days[run]! - 1);
    const hours = runs.hours[run]!;
    const off = runs.off[run] ?? null;
    const capacity = off ? 0 : person.hoursPerDay;
    const share = capacity > 0 ? hours / capacity : undefined;
    const over = runs.over[run] === 1;
    const taskLabels = (runs.tasks[run] ?? []).map((index) => timeline.tasks[index]?.label ?? `task ${index + 1}`);
    const unlisted = (runs.taskCount[run] ?? taskLabels.length) - taskLabels.length;
    const title = [
      `${person.label}, ${dateRange(from, to)}${runs.days[run]! > 1 ? ` (${runs.days[run]} working days)` : ''}`,
      `${formatHours(hours)} h a day assigned of ${formatHours(capacity)} h available` + (share !== undefined ? ` (${Math.round(share * 100)}%)` : ''),
      over ? 'Overallocated: more hours than the person has' : undefined,
      off ? dayOffText(off) : undefined,
      taskLabels.length > 0 ? `Tasks: ${taskLabels.join(', ')}${unlisted > 0 ? ` and ${unlisted} more` : ''}` : undefined,
    ]
      .filter((line): line is string => line !== undefined)
      .join('\n');
    segments.push({ from, to, hours, capacity, share, over, off, title });
  }
  return segments;
}

function countDays(segments: readonly LoadSegment[], counted: (segment: LoadSegment) => boolean): number {
  let days = 0;
  for (const segment of segments) if (counted(segment)) days += (Date.parse(segment.to) - Date.parse(segment.from)) / DAY_MS + 1;
  return days;
}

function dateRange(from: string, to: string): string {
  return from === to ? withWeekday(from) : `${withWeekday(from)} – ${withWeekday(to)}`;
}

function withWeekday(date: string): string {
  const weekday = WEEKDAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return weekday ? `${weekday} ${date}` : date;
}

export function dayOffText(off: TimelineDayOff): string {
  switch (off.kind) {
    case 'leave':
      return `On leave ${off.from === off.to ? off.from : `${off.from} – ${off.to}`}${off.note ? `: ${off.note}` : ''}`;
    case 'holiday':
      return `Public holiday: ${off.name}`;
    case 'weekday':
      return `Does not work on ${FULL_WEEKDAY[off.weekday] ?? off.weekday}`;
  }
}

/** The short word written in a wide enough day-off run. */
function dayOffWord(off: TimelineDayOff): string {
  return off.kind === 'leave' ? 'leave' : off.kind === 'holiday' ? 'holiday' : 'off';
}

function formatHours(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// ---- geometry ----

/** Heights in the SVG's units. */
export const LOAD_GEOMETRY = {
  /** Space above the block (below Mermaid's bottom axis labels). */
  gap: 6,
  heading: 18,
  /** The person's name, above their strip. */
  label: 15,
  strip: 24,
  rowGap: 7,
  /** The 100% line, as a share of the strip's height: room above it for overallocation. */
  capacityLine: 2 / 3,
  /** Bars stop growing at this share (150%); a taller load is still marked overallocated. */
  maxShare: 1.5,
} as const;

export interface RunShape {
  readonly kind: 'bar' | 'off';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The shapes of one run whose days span [x0, x1) in a strip at
 * [stripTop, stripTop + strip), in drawing order: a bar from the bottom
 * whose height is the share of capacity (the whole strip when there is
 * work but no capacity), then a striped day-off box over the whole strip
 * when the person is off (over the bar: work on leave shows both, cross-hatched).
 */
export function runShapes(segment: LoadSegment, x0: number, x1: number, stripTop: number): RunShape[] {
  const { strip, capacityLine, maxShare } = LOAD_GEOMETRY;
  const width = Math.max(x1 - x0, 0);
  const bottom = stripTop + strip;
  const shapes: RunShape[] = [];
  if (segment.hours > 0) {
    const height = segment.share === undefined ? strip : Math.min(segment.share, maxShare) * capacityLine * strip;
    shapes.push({ kind: 'bar', x: x0, y: bottom - height, width, height });
  }
  if (segment.off) shapes.push({ kind: 'off', x: x0, y: stripTop, width, height: strip });
  return shapes;
}

// ---- drawing ----

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Draws the load rows into Mermaid's gantt SVG, below what it drew, and
 * makes the SVG's viewBox (and height) taller by as much, so the page's
 * zoom, which sizes the SVG from its viewBox, scales rows and chart alike.
 * Call it before the zoom is applied, with the chart's scale
 * (chart-scale.ts `readChartScale`). Returns the number of rows drawn (one
 * per person; 0 when there is nothing to draw them against).
 */
export function drawLoadRows(svg: SVGSVGElement, timeline: Timeline, scale: ChartScale): number {
  const rows = loadRows(timeline);
  const viewBox = svg.viewBox.baseVal;
  if (rows.length === 0 || !viewBox || viewBox.height <= 0 || timeline.finish === null) return 0;
  const { gap, heading, label, strip, rowGap, capacityLine } = LOAD_GEOMETRY;
  const left = scale.xOfDate(timeline.start);
  const right = scale.xAfterDate(timeline.finish);
  // Mermaid's own extent, read before it is changed below (baseVal is live).
  const chartBox = { x: viewBox.x, y: viewBox.y, width: viewBox.width, height: viewBox.height };
  const top = chartBox.y + chartBox.height + gap;
  const idPrefix = svg.id || 'crmplan-gantt';
  const overPattern = `${idPrefix}-load-over`;
  const offPattern = `${idPrefix}-load-off`;

  const block = svgElement('g', 'load-rows');
  block.setAttribute('role', 'group');
  block.setAttribute('aria-label', 'Load per person');
  block.append(patterns(overPattern, offPattern));
  const title = svgElement('text', 'load-heading');
  title.setAttribute('x', String(left));
  title.setAttribute('y', String(top + heading - 5));
  title.textContent = LOAD_HEADING;
  block.append(title);

  const rowsTop = top + heading;
  const rowHeight = label + strip + rowGap;
  const bottom = rowsTop + rows.length * rowHeight;
  // Grid lines through all the rows (Mondays, or the 1st of each month on a long plan): the chart's dates, continued.
  const gridLines = svgElement('g', 'load-grid');
  for (const date of gridDates(timeline.start, timeline.finish, scale.pixelsPerDay)) {
    const x = scale.xOfDate(date);
    const line = svgElement('line', 'load-grid-line');
    line.dataset['date'] = date;
    setNumbers(line, { x1: x, x2: x, y1: rowsTop, y2: bottom - rowGap });
    gridLines.append(line);
  }
  block.append(gridLines);

  rows.forEach((row, index) => {
    const rowTop = rowsTop + index * rowHeight;
    const stripTop = rowTop + label;
    const group = svgElement('g', 'load-row');
    group.dataset['key'] = row.key;
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', row.summary);
    const name = svgElement('text', 'load-person');
    setNumbers(name, { x: left, y: rowTop + label - 4 });
    name.textContent = truncated(row.label);
    if (name.textContent !== row.label) name.append(titled(row.label));
    const track = svgElement('rect', 'load-track');
    setNumbers(track, { x: left, y: stripTop, width: Math.max(right - left, 0), height: strip });
    const capacity = svgElement('line', 'load-capacity');
    const lineY = stripTop + strip - capacityLine * strip;
    setNumbers(capacity, { x1: left, x2: right, y1: lineY, y2: lineY });
    group.append(name, track, capacity);
    for (const segment of row.segments) {
      const x0 = scale.xOfDate(segment.from);
      const x1 = scale.xAfterDate(segment.to);
      const run = svgElement('g', segment.over ? 'load-run load-over' : segment.off ? 'load-run load-off' : 'load-run');
      run.dataset['from'] = segment.from;
      run.dataset['to'] = segment.to;
      run.append(titled(segment.title));
      for (const shape of runShapes(segment, x0, x1, stripTop)) {
        const rect = svgElement('rect', shape.kind === 'off' ? 'load-off-box' : 'load-bar');
        const box = { x: shape.x, y: shape.y, width: shape.width, height: shape.height };
        setNumbers(rect, box);
        if (shape.kind === 'off') rect.setAttribute('fill', `url(#${offPattern})`);
        run.append(rect);
        if (shape.kind === 'bar' && segment.over) {
          // The non-colour mark: hatching over the bar.
          const hatch = svgElement('rect', 'load-over-mark');
          setNumbers(hatch, box);
          hatch.setAttribute('fill', `url(#${overPattern})`);
          run.append(hatch);
        }
      }
      if (segment.off && x1 - x0 >= 36) {
        const word = svgElement('text', 'load-off-word');
        setNumbers(word, { x: (x0 + x1) / 2, y: stripTop + strip / 2 + 4 });
        word.setAttribute('text-anchor', 'middle');
        word.textContent = dayOffWord(segment.off);
        run.append(word);
      }
      group.append(run);
    }
    block.append(group);
  });

  svg.append(block);
  const added = bottom - (chartBox.y + chartBox.height);
  svg.setAttribute('viewBox', `${chartBox.x} ${chartBox.y} ${chartBox.width} ${chartBox.height + added}`);
  // The height at the SVG's current scale (the zoom sets it again from the viewBox).
  const height = Number(svg.getAttribute('height'));
  if (Number.isFinite(height) && height > 0) svg.setAttribute('height', String(Math.round(height + added * (height / chartBox.height))));
  return rows.length;
}

/** The hatch (overallocated) and stripe (day off) fills, as patterns in the SVG's defs. */
function patterns(overId: string, offId: string): SVGDefsElement {
  const defs = document.createElementNS(SVG_NS, 'defs');
  for (const [id, className, angle] of [[overId, 'load-over-hatch', 45], [offId, 'load-off-stripe', -45]] as const) {
    const pattern = document.createElementNS(SVG_NS, 'pattern');
    pattern.id = id;
    setNumbers(pattern, { width: 5, height: 5 });
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('patternTransform', `rotate(${angle})`);
    const line = svgElement('line', className);
    setNumbers(line, { x1: 0, y1: 0, x2: 0, y2: 5 });
    pattern.append(line);
    defs.append(pattern);
  }
  return defs;
}

/** Weeks narrower than this (SVG units) get month lines instead of week lines: a line every few pixels is a grey wash. */
export const MIN_WEEK_WIDTH = 14;

/**
 * The dates of the grid lines between `start` and `finish` (inclusive):
 * every Monday when a week is at least MIN_WEEK_WIDTH wide, else the 1st of
 * every month.
 */
export function gridDates(start: string, finish: string, pixelsPerDay: number): string[] {
  const dates: string[] = [];
  if (!(Date.parse(start) <= Date.parse(finish))) return dates;
  if (7 * pixelsPerDay >= MIN_WEEK_WIDTH) {
    const weekday = new Date(`${start}T00:00:00Z`).getUTCDay();
    for (let monday = addDays(start, (8 - weekday) % 7); monday <= finish; monday = addDays(monday, 7)) dates.push(monday);
    return dates;
  }
  const first = new Date(`${start.slice(0, 7)}-01T00:00:00Z`);
  for (let month = first; ; month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))) {
    const date = month.toISOString().slice(0, 10);
    if (date > finish) break;
    if (date >= start) dates.push(date);
  }
  return dates;
}

function truncated(text: string): string {
  const characters = Array.from(text);
  return characters.length > MAX_PERSON_LABEL ? `${characters.slice(0, MAX_PERSON_LABEL - 1).join('')}…` : text;
}

function titled(text: string): SVGTitleElement {
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = text;
  return title;
}

function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, className: string): SVGElementTagNameMap[K] {
  const created = document.createElementNS(SVG_NS, tag);
  created.setAttribute('class', className);
  return created;
}

/** Sets numeric attributes, to 1/100 of a unit (the scale's x are whole units already). */
function setNumbers(element: Element, values: Readonly<Record<string, number>>): void {
  for (const [name, value] of Object.entries(values)) element.setAttribute(name, String(Math.round(value * 100) / 100));
}
