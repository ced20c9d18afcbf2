/**
 * What the preview draws over and under Mermaid's bars, at the chart's own
 * date scale (chart-scale.ts) and in the SVG's own units, so that the
 * preview's zoom (which resizes the SVG) scales it with the bars:
 * - dependency arrows (FS from a bar's end, SS from its start) with the lag
 *   written beside them (`+2d`), under the bars;
 * - progress fill: the done part of each bar, over the bar and under its label;
 * - the today and status-date lines, across all rows;
 * - grid lines at the axis ticks (chart-axis.ts), in the background.
 * Every element has `pointer-events: none` (preview.css), so a click lands
 * on the bar below and still reveals its task. Plan text is only ever set
 * with `textContent`. The geometry is pure and unit-tested in
 * test/preview/chart-layers.test.ts.
 */
import type { Timeline, TimelineDependency, TimelinePhase, TimelineTask } from '@crmplan/shared/timeline.js';
import type { ChartBox, ChartScale } from './chart-scale.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** How far an arrow runs out of a bar before it turns, and the arrow head's length. */
export const ARROW_GAP = 6;
export const ARROW_HEAD = 5;

/**
 * Where an arrow may touch a bar: its left and right ends at mid-height.
 * A milestone is Mermaid's square turned 45° and scaled by 0.8, so its
 * points are 0.8 x half the diagonal from the centre.
 */
export function barEnds(box: ChartBox, milestone: boolean): { readonly left: Point; readonly right: Point } {
  const centreX = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (!milestone) return { left: { x: box.x, y }, right: { x: box.x + box.width, y } };
  const reach = (0.8 * box.width * Math.SQRT2) / 2;
  return { left: { x: centreX - reach, y }, right: { x: centreX + reach, y } };
}

export interface ArrowGeometry {
  /** An SVG path of horizontal and vertical segments from `start` to `end`. */
  readonly path: string;
  readonly start: Point;
  /** The tip of the arrow, on the dependent bar's start. */
  readonly end: Point;
  /** The arrow head: a triangle pointing right, its tip at `end`. */
  readonly head: string;
  /** Where the lag label goes: beside the arrow's first vertical run, at its middle, away from the bars. */
  readonly labelAt: Point;
  /** Which end of the label is at `labelAt` (SS labels end left of the run, clear of the bars). */
  readonly labelAnchor: 'start' | 'end';
}

/**
 * The arrow of one dependency, from the predecessor's end (FS) or start
 * (SS) to the dependent's start, always arriving from the left. When the
 * dependent starts far enough right, the arrow turns once, ARROW_GAP after
 * the predecessor; otherwise (the next day, a negative lag) it runs down to
 * the gap between the rows, back left and down into the dependent.
 * `rowGap` is the space between two rows' bars (Mermaid's barGap).
 */
export function dependencyArrow(from: { readonly left: Point; readonly right: Point }, to: { readonly left: Point; readonly right: Point }, type: TimelineDependency['type'], dependentBox: ChartBox, rowGap: number): ArrowGeometry {
  const end = to.left;
  const head = `M${round(end.x)},${round(end.y)} L${round(end.x - ARROW_HEAD)},${round(end.y - ARROW_HEAD * 0.7)} L${round(end.x - ARROW_HEAD)},${round(end.y + ARROW_HEAD * 0.7)} Z`;
  if (type === 'SS') {
    const start = from.left;
    const runX = Math.min(start.x, end.x) - ARROW_GAP;
    return {
      path: `M${round(start.x)},${round(start.y)} H${round(runX)} V${round(end.y)} H${round(end.x)}`,
      start,
      end,
      head,
      labelAt: { x: runX - 2, y: (start.y + end.y) / 2 },
      labelAnchor: 'end',
    };
  }
  const start = from.right;
  const turnX = start.x + ARROW_GAP;
  if (end.x - turnX >= ARROW_GAP + ARROW_HEAD) {
    return {
      path: `M${round(start.x)},${round(start.y)} H${round(turnX)} V${round(end.y)} H${round(end.x)}`,
      start,
      end,
      head,
      labelAt: { x: turnX + 3, y: (start.y + end.y) / 2 },
      labelAnchor: 'start',
    };
  }
  // No room in front of the dependent: go round through the gap next to its row.
  const gapY = end.y >= start.y ? dependentBox.y - rowGap / 2 : dependentBox.y + dependentBox.height + rowGap / 2;
  const backX = end.x - ARROW_GAP - ARROW_HEAD;
  return {
    path: `M${round(start.x)},${round(start.y)} H${round(turnX)} V${round(gapY)} H${round(backX)} V${round(end.y)} H${round(end.x)}`,
    start,
    end,
    head,
    labelAt: { x: turnX + 3, y: (start.y + gapY) / 2 },
    labelAnchor: 'start',
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The dependencies to draw between the bars on the chart. A task inside a
 * collapsed phase is drawn as its phase's summary bar, so its arrows start
 * or end there (once per pair of bars, without a lag: several entries may
 * have been merged); arrows within one bar, and to or from what is not
 * drawn, are left out.
 */
export function drawnDependencies(timeline: Pick<Timeline, 'tasks' | 'dependencies'>, drawn: ReadonlySet<string>): TimelineDependency[] {
  const phaseOf = new Map(timeline.tasks.map((task) => [task.key, task.phaseKey]));
  const barOf = (key: string): { key: string; merged: boolean } | undefined => {
    if (drawn.has(key)) return { key, merged: false };
    const phase = phaseOf.get(key);
    return phase !== undefined && drawn.has(phase) ? { key: phase, merged: true } : undefined;
  };
  const seen = new Set<string>();
  const arrows: TimelineDependency[] = [];
  for (const dependency of timeline.dependencies ?? []) {
    const from = barOf(dependency.from);
    const to = barOf(dependency.to);
    if (!from || !to || from.key === to.key) continue;
    const id = `${from.key}>${to.key}>${dependency.type}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const merged = from.merged || to.merged;
    arrows.push({ from: from.key, to: to.key, type: dependency.type, ...(dependency.lag !== undefined && !merged ? { lag: dependency.lag } : {}) });
  }
  return arrows;
}

/**
 * How much of a bar is done, 0 to 1, or undefined for no fill: a task's
 * progress (none on a task marked done: its bar is the done colour); for a collapsed phase, its dated tasks' progress weighted by
 * duration (a task without progress counts as not started), when any of
 * them has progress.
 */
export function progressOf(key: string, tasks: ReadonlyMap<string, TimelineTask>, phases: ReadonlyMap<string, TimelinePhase>): number | undefined {
  const task = tasks.get(key);
  // A done task's bar is drawn as done (its colour): no fill over it.
  if (task) return task.milestone || task.status === 'done' || task.progress === undefined ? undefined : clampFraction(task.progress / 100);
  const phase = phases.get(key);
  if (!phase) return undefined;
  let done = 0;
  let total = 0;
  let any = false;
  for (const taskKey of phase.taskKeys) {
    const member = tasks.get(taskKey);
    if (!member || member.start === null || member.milestone) continue;
    total += member.duration;
    if (member.progress !== undefined) {
      any = true;
      done += (member.duration * member.progress) / 100;
    }
  }
  return any && total > 0 ? clampFraction(done / total) : undefined;
}

function clampFraction(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface LayerContext {
  readonly svg: SVGSVGElement;
  readonly timeline: Timeline;
  readonly scale: ChartScale;
  /** The rect Mermaid drew for a key. */
  readonly barElement: (key: string) => SVGRectElement | undefined;
  /** Mermaid's space between rows. */
  readonly rowGap: number;
  /** The host's today (YYYY-MM-DD), when the today line is on. */
  readonly today: string | undefined;
}

/** What the layers drew, for the page's report and tests. */
export interface DrawnLayers {
  readonly arrows: number;
  readonly progressFills: number;
  readonly lines: readonly ('today' | 'status-date')[];
}

/** Draws arrows, progress fill and the date lines into Mermaid's SVG. */
export function drawChartLayers(context: LayerContext): DrawnLayers {
  const { svg, timeline, scale } = context;
  const tasks = new Map(timeline.tasks.map((task) => [task.key, task]));
  const phases = new Map(timeline.phases.map((phase) => [phase.key, phase]));
  const milestoneOf = (key: string): boolean => tasks.get(key)?.milestone === true;

  // Arrows under the bars: a group right before the group holding the bars.
  const firstBar = scale.bars.keys().next().value;
  const barsGroup = firstBar === undefined ? undefined : context.barElement(firstBar)?.parentNode;
  const arrowLayer = svgElement('g', { class: 'dependency-layer' });
  let arrows = 0;
  for (const dependency of drawnDependencies(timeline, new Set(scale.bars.keys()))) {
    const fromBox = scale.bars.get(dependency.from)!;
    const toBox = scale.bars.get(dependency.to)!;
    const arrow = dependencyArrow(barEnds(fromBox, milestoneOf(dependency.from)), barEnds(toBox, milestoneOf(dependency.to)), dependency.type, toBox, context.rowGap);
    const group = svgElement('g', { class: `dependency dependency-${dependency.type.toLowerCase()}`, 'data-from': dependency.from, 'data-to': dependency.to });
    group.append(svgElement('path', { class: 'dependency-line', d: arrow.path }), svgElement('path', { class: 'dependency-head', d: arrow.head }));
    if (dependency.lag !== undefined) {
      const label = svgElement('text', { class: 'dependency-lag', x: String(arrow.labelAt.x), y: String(arrow.labelAt.y), dy: '0.35em', 'text-anchor': arrow.labelAnchor });
      label.textContent = dependency.lag;
      group.append(label);
    }
    arrowLayer.append(group);
    arrows++;
  }
  if (barsGroup?.parentNode) barsGroup.parentNode.insertBefore(arrowLayer, barsGroup);
  else svg.append(arrowLayer);

  // Progress fill: over each bar (right after it), under the labels (drawn after all bars).
  let progressFills = 0;
  for (const [key, box] of scale.bars) {
    const progress = progressOf(key, tasks, phases);
    const bar = context.barElement(key);
    if (progress === undefined || progress === 0 || !bar) continue;
    const fill = svgElement('rect', {
      class: 'progress-fill',
      x: String(box.x),
      y: String(box.y),
      width: String(box.width * progress),
      height: String(box.height),
      rx: '3',
      'data-key': key,
      'data-progress': String(Math.round(progress * 100)),
    });
    bar.after(fill);
    progressFills++;
  }

  // The date lines across every row.
  const lines: ('today' | 'status-date')[] = [];
  const rows = rowsExtent(scale.bars);
  const domain = domainExtent(scale.bars);
  const dateLines: readonly ['today' | 'status-date', string | undefined][] = [
    ['status-date', timeline.statusDate],
    ['today', context.today],
  ];
  const lineLayer = svgElement('g', { class: 'date-line-layer' });
  for (const [kind, date] of dateLines) {
    if (date === undefined || !rows || !domain) continue;
    const x = scale.xOfDate(date);
    if (!Number.isFinite(x) || x < domain.left || x > domain.right) continue;
    const line = svgElement('line', { class: `date-line date-line-${kind}`, x1: String(x), x2: String(x), y1: String(rows.top), y2: String(rows.bottom), 'data-date': date });
    lineLayer.append(line);
    lines.push(kind);
  }
  svg.append(lineLayer);
  return { arrows, progressFills, lines };
}

/** Grid lines at the given x positions, in the chart's background (before Mermaid's first group). */
export function drawGridLines(svg: SVGSVGElement, xs: readonly number[], major: readonly number[], bars: ReadonlyMap<string, ChartBox>): void {
  svg.querySelector(':scope > g.grid-layer')?.remove();
  const rows = rowsExtent(bars);
  if (!rows) return;
  const layer = svgElement('g', { class: 'grid-layer' });
  const majors = new Set(major);
  for (const x of xs) layer.append(svgElement('line', { class: majors.has(x) ? 'grid-line grid-line-major' : 'grid-line', x1: String(x), x2: String(x), y1: String(rows.top), y2: String(rows.bottom) }));
  const first = svg.querySelector(':scope > g');
  svg.insertBefore(layer, first);
}

/** From the top of the first row to the bottom of the last, with half a row gap around. */
function rowsExtent(bars: ReadonlyMap<string, ChartBox>): { top: number; bottom: number } | undefined {
  let top = Infinity;
  let bottom = -Infinity;
  for (const box of bars.values()) {
    top = Math.min(top, box.y);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return Number.isFinite(top) ? { top: top - 4, bottom: bottom + 4 } : undefined;
}

/** The chart's dated span in x: from the first bar's start to the last bar's end. */
export function domainExtent(bars: ReadonlyMap<string, ChartBox>): { left: number; right: number } | undefined {
  let left = Infinity;
  let right = -Infinity;
  for (const box of bars.values()) {
    left = Math.min(left, box.x);
    right = Math.max(right, box.x + box.width);
  }
  return Number.isFinite(left) ? { left, right } : undefined;
}

function svgElement(tag: string, attributes: Readonly<Record<string, string>>): SVGElement {
  const created = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  return created;
}
