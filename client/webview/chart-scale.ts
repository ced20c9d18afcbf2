/**
 * The chart's own geometry, read back from the SVG Mermaid drew: where a
 * date is on the x axis, and where each bar is. Everything the preview draws
 * on or under the chart (load rows, arrows, progress, the today line, phase
 * bands, an axis) places itself with this, so it lines up with Mermaid's
 * bars at every width and zoom.
 *
 * How Mermaid 12's gantt places things (ganttDiagram, `makeGantt`):
 * - a d3 `scaleTime` from [earliest task start, latest task end] onto
 *   [0, width - leftPadding - rightPadding] with `rangeRound`, so every x is
 *   a whole number of SVG units, shifted right by `leftPadding`;
 * - dates are read by dayjs in the page's local time zone: a date's x is
 *   that of its local midnight, and the scale is linear in milliseconds, so
 *   a day that has a daylight-saving change is an hour shorter or longer
 *   than its neighbours (this module works in local time for that reason);
 * - with `inclusiveEndDates` (gantt-mermaid.ts writes it) a bar runs from
 *   the midnight starting its first day to the midnight ending its last;
 * - a milestone is a square of the bar's height centred on its date.
 *
 * Every bar whose dates the timeline knows gives points (time, x); the scale
 * is the line through the two furthest apart in time, which are the ends of
 * the domain when the chart holds the plan's first and last bar (then x is
 * exact: the same rounding as Mermaid's). Only SVG attributes are read (no
 * layout), so the answer is the same before the SVG is in the page, and in
 * the SVG's own units (its viewBox): whatever zoom the page applies by
 * resizing the SVG applies to what is drawn with them.
 *
 * The pure parts (`localDayStart`, `fitDateScale`, `barPoints`) are
 * unit-tested in test/preview/chart-scale.test.ts; `readChartScale` against
 * real Mermaid in Chromium (test/e2e/preview-page).
 */
import type { Timeline } from '@crmplan/shared/timeline.js';

/** A rectangle in the SVG's root user units (its viewBox). */
export interface ChartBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The chart's x axis: dates to x in the SVG's root user units. */
export interface ChartScale {
  /** x of the start (local midnight) of an ISO date `YYYY-MM-DD`: where a bar starting that day starts. */
  xOfDate(date: string): number;
  /** x of the end of an ISO date (the next day's start): where a bar whose last day is `date` ends. */
  xAfterDate(date: string): number;
  /** The average width of a day, for choosing how much detail fits (ticks, labels). */
  readonly pixelsPerDay: number;
  /**
   * The drawn bars by timeline key (`t3` for a task, `p1` for a collapsed
   * phase's summary bar): Mermaid's `rect.task`, in root user units.
   * Milestones are their square (the diamond's bounding box before rotation).
   */
  readonly bars: ReadonlyMap<string, ChartBox>;
}

/** A linear map from epoch milliseconds to x: x = offset + pixelsPerMillisecond x time. */
export interface LinearTimeScale {
  readonly offset: number;
  readonly pixelsPerMillisecond: number;
}

/** A known point of the scale: a bar edge whose time the timeline says. */
export interface ScalePoint {
  /** Epoch milliseconds (a local midnight). */
  readonly time: number;
  readonly x: number;
}

const MILLISECONDS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Epoch milliseconds of the local midnight starting an ISO date, as dayjs
 * reads `YYYY-MM-DD` for Mermaid; NaN for anything that is not such a date.
 */
export function localDayStart(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) return Number.NaN;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const day = Number(match[3]);
  const midnight = new Date(year, month, day);
  // new Date(2027, 1, 30) rolls over into March: not a date.
  if (midnight.getFullYear() !== year || midnight.getMonth() !== month || midnight.getDate() !== day) return Number.NaN;
  // Years 0-99 are taken as 1900-1999 by the constructor; the checks above catch them.
  return midnight.getTime();
}

/** Local midnight ending an ISO date (the next day's start). */
export function localDayEnd(date: string): number {
  const start = localDayStart(date);
  if (Number.isNaN(start)) return Number.NaN;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.getTime();
}

/**
 * The line through the earliest and the latest point in time (for equal
 * times, the first given). Undefined without two distinct times, or when x
 * does not grow with time (not a chart this module understands).
 */
export function fitDateScale(points: readonly ScalePoint[]): LinearTimeScale | undefined {
  let first: ScalePoint | undefined;
  let last: ScalePoint | undefined;
  for (const point of points) {
    if (!Number.isFinite(point.time) || !Number.isFinite(point.x)) continue;
    if (!first || point.time < first.time) first = point;
    if (!last || point.time > last.time) last = point;
  }
  if (!first || !last || !(last.time > first.time) || !(last.x > first.x)) return undefined;
  const pixelsPerMillisecond = (last.x - first.x) / (last.time - first.time);
  return { offset: first.x - pixelsPerMillisecond * first.time, pixelsPerMillisecond };
}

/** A bar as drawn, with the dates the timeline gives it. */
export interface DatedBar {
  readonly box: ChartBox;
  readonly start: string;
  /** The bar's last day (inclusive). */
  readonly finish: string;
  readonly milestone: boolean;
}

/** The scale points a bar gives: its two ends, or a milestone's centre at its date's start. */
export function barPoints(bar: DatedBar): ScalePoint[] {
  if (bar.milestone) return [{ time: localDayStart(bar.start), x: bar.box.x + bar.box.width / 2 }];
  return [
    { time: localDayStart(bar.start), x: bar.box.x },
    { time: localDayEnd(bar.finish), x: bar.box.x + bar.box.width },
  ];
}

/**
 * The chart scale of dated bars. x values are rounded to whole units, as
 * Mermaid's `rangeRound` rounds its own: exact where the fit is anchored at
 * the domain's ends, and within one unit otherwise.
 */
export function chartScaleOf(datedBars: readonly DatedBar[], bars: ReadonlyMap<string, ChartBox>): ChartScale | undefined {
  const scale = fitDateScale(datedBars.flatMap(barPoints));
  if (!scale) return undefined;
  const xAt = (time: number): number => Math.round(scale.offset + scale.pixelsPerMillisecond * time);
  return {
    xOfDate: (date) => xAt(localDayStart(date)),
    xAfterDate: (date) => xAt(localDayEnd(date)),
    pixelsPerDay: scale.pixelsPerMillisecond * MILLISECONDS_PER_DAY,
    bars,
  };
}

/**
 * Reads the scale and the bars of a gantt SVG Mermaid drew for `timeline`.
 * `keyOfElementId` maps a bar's element id to its timeline key (preview.ts
 * passes view-state's `barKeyFromElementId` with its render id). Undefined
 * when no two bar edges have distinct known dates (an empty chart, a single
 * milestone): then nothing can be placed by date.
 */
export function readChartScale(
  svg: SVGSVGElement,
  timeline: Pick<Timeline, 'tasks' | 'phases'>,
  keyOfElementId: (elementId: string) => string | undefined,
): ChartScale | undefined {
  const dates = new Map<string, { start: string | null; finish: string | null; milestone: boolean }>();
  for (const task of timeline.tasks) dates.set(task.key, task);
  for (const phase of timeline.phases) dates.set(phase.key, { start: phase.start, finish: phase.finish, milestone: false });
  const bars = new Map<string, ChartBox>();
  const datedBars: DatedBar[] = [];
  for (const rect of Array.from(svg.querySelectorAll<SVGRectElement>('rect.task'))) {
    const key = keyOfElementId(rect.id);
    if (key === undefined || bars.has(key)) continue;
    const box = rootBox(rect, svg);
    bars.set(key, box);
    const known = dates.get(key);
    if (known?.start && known.finish) datedBars.push({ box, start: known.start, finish: known.finish, milestone: known.milestone });
  }
  return chartScaleOf(datedBars, bars);
}

/**
 * A rect's x/y/width/height in the root SVG's user units: its attributes,
 * through the `transform`s of it and its ancestors up to the root (Mermaid
 * writes none on the bars' groups today; a layer that moves them must not
 * break the scale). Rotations are ignored (a milestone's 45° turns about its
 * own centre, which stays put).
 */
function rootBox(rect: SVGRectElement, svg: SVGSVGElement): ChartBox {
  let x = numberAttribute(rect, 'x');
  let y = numberAttribute(rect, 'y');
  let width = numberAttribute(rect, 'width');
  let height = numberAttribute(rect, 'height');
  for (let node: Element | null = rect; node && node !== svg; node = node.parentElement) {
    if (!(node instanceof SVGGraphicsElement) || node.transform.baseVal.numberOfItems === 0) continue;
    const matrix = node.transform.baseVal.consolidate()?.matrix;
    if (!matrix || matrix.b !== 0 || matrix.c !== 0) continue;
    x = matrix.a * x + matrix.e;
    y = matrix.d * y + matrix.f;
    width *= matrix.a;
    height *= matrix.d;
  }
  return { x, y, width, height };
}

function numberAttribute(element: Element, name: string): number {
  const value = Number(element.getAttribute(name));
  return Number.isFinite(value) ? value : 0;
}
