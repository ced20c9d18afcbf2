import type { Timeline, TimelineTask } from '@crmplan/shared/timeline.js';

/**
 * Baseline ghost bars: for each task with baseline dates (TimelineTask
 * baselineStart/baselineFinish, from the plan's `baseline:` block), a light
 * outline bar in the task's row, drawn under Mermaid's bar, from the
 * baselined start to the end of the baselined finish day.
 *
 * Mermaid draws the chart with `inclusiveEndDates`: a task's bar runs from
 * the start of its first day to the end of its last. The chart's own date
 * scale is read back from the bars Mermaid drew (x is linear in time), so a
 * ghost lines up with the axis whatever width and zoom the chart has.
 */

/** x = offset + pixelsPerDay x day number (days since 1970-01-01). */
export interface DateScale {
  readonly offset: number;
  readonly pixelsPerDay: number;
}

/** A bar Mermaid drew for a task with dates: its x range and its first and last day. */
export interface DrawnBar {
  readonly x: number;
  readonly width: number;
  readonly start: string;
  readonly finish: string;
}

export interface GhostBar {
  readonly x: number;
  readonly width: number;
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/**
 * The chart's scale from the drawn bars: the earliest start and the latest
 * end (the day after the finish) of all of them, which are the two points
 * furthest apart. Undefined when the bars span no time (milestones only).
 */
export function dateScaleOf(bars: readonly DrawnBar[]): DateScale | undefined {
  let first: { day: number; x: number } | undefined;
  let last: { day: number; x: number } | undefined;
  for (const bar of bars) {
    const startDay = dayNumber(bar.start);
    const endDay = dayNumber(bar.finish) + 1;
    if (!first || startDay < first.day) first = { day: startDay, x: bar.x };
    if (!last || endDay > last.day) last = { day: endDay, x: bar.x + bar.width };
  }
  if (!first || !last || last.day <= first.day || !(last.x > first.x)) return undefined;
  const pixelsPerDay = (last.x - first.x) / (last.day - first.day);
  return { offset: first.x - pixelsPerDay * first.day, pixelsPerDay };
}

/** The ghost of one task: from its baselined start to the end of its baselined finish day. */
export function ghostBarOf(task: TimelineTask, scale: DateScale): GhostBar | undefined {
  if (task.baselineStart === undefined || task.baselineFinish === undefined) return undefined;
  const from = dayNumber(task.baselineStart);
  const to = dayNumber(task.baselineFinish) + 1;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return undefined;
  return { x: scale.offset + scale.pixelsPerDay * from, width: scale.pixelsPerDay * (to - from) };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Draws the ghosts into Mermaid's SVG: one `rect.baseline-ghost` before each
 * task's bar in the same group (so under it), in the bar's row. `barKeyOf`
 * maps an element id to the bar's key (`t3`). Nothing is drawn when the plan
 * has no baseline.
 */
export function drawBaselineGhosts(svg: SVGSVGElement, timeline: Timeline, barKeyOf: (elementId: string) => string | undefined): number {
  const tasks = new Map(timeline.tasks.map((task) => [task.key, task]));
  if (!timeline.tasks.some((task) => task.baselineStart !== undefined)) return 0;
  const drawn: { rect: SVGRectElement; task: TimelineTask }[] = [];
  for (const rect of Array.from(svg.querySelectorAll<SVGRectElement>('rect.task'))) {
    const key = barKeyOf(rect.id);
    const task = key === undefined ? undefined : tasks.get(key);
    if (task) drawn.push({ rect, task });
  }
  const bars: DrawnBar[] = [];
  for (const { rect, task } of drawn) {
    if (task.milestone || task.start === null || task.finish === null) continue;
    bars.push({ x: attribute(rect, 'x'), width: attribute(rect, 'width'), start: task.start, finish: task.finish });
  }
  const scale = dateScaleOf(bars);
  if (!scale) return 0;
  let count = 0;
  for (const { rect, task } of drawn) {
    const ghost = ghostBarOf(task, scale);
    if (!ghost) continue;
    const height = attribute(rect, 'height');
    const element = document.createElementNS(SVG_NS, 'rect');
    element.setAttribute('class', 'baseline-ghost');
    element.setAttribute('x', String(ghost.x));
    element.setAttribute('width', String(Math.max(ghost.width, 1)));
    // A little lower than the bar, so a ghost on the bar's own dates still shows as an outline under it.
    element.setAttribute('y', String(attribute(rect, 'y') + height * 0.25));
    element.setAttribute('height', String(height));
    element.setAttribute('rx', '2');
    element.dataset['key'] = task.key;
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = `Baseline: ${task.baselineStart} → ${task.baselineFinish}`;
    element.append(title);
    rect.parentNode?.insertBefore(element, rect);
    count++;
  }
  return count;
}

function attribute(element: Element, name: string): number {
  const value = Number(element.getAttribute(name));
  return Number.isFinite(value) ? value : 0;
}
