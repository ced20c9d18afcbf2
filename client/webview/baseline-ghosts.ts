import type { Timeline, TimelineTask } from '@crmplan/shared/timeline.js';
import type { ChartScale } from './chart-scale.js';

/**
 * Baseline ghost bars: for each task with baseline dates (TimelineTask
 * baselineStart/baselineFinish, from the plan's `baseline:` block), a light
 * outline bar in the task's row, drawn under Mermaid's bar, from the
 * baselined start to the end of the baselined finish day.
 *
 * Mermaid draws the chart with `inclusiveEndDates`: a task's bar runs from
 * the start of its first day to the end of its last. The x positions come
 * from the chart's own date scale (chart-scale.ts, read back from the bars
 * Mermaid drew), the one the arrows, the progress fill, the date lines and
 * the load rows use, so a ghost lines up with the axis at any width and zoom.
 */

export interface GhostBar {
  readonly x: number;
  readonly width: number;
}

/** The ghost of one task: from its baselined start to the end of its baselined finish day. */
export function ghostBarOf(task: TimelineTask, scale: Pick<ChartScale, 'xOfDate' | 'xAfterDate'>): GhostBar | undefined {
  if (task.baselineStart === undefined || task.baselineFinish === undefined) return undefined;
  const from = scale.xOfDate(task.baselineStart);
  const to = scale.xAfterDate(task.baselineFinish);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return undefined;
  return { x: from, width: to - from };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Draws the ghosts into Mermaid's SVG: one `rect.baseline-ghost` before each
 * task's bar in the same group (so under it), in the bar's row. `barElement`
 * gives the rect Mermaid drew for a key. Nothing is drawn when the plan has
 * no baseline.
 */
export function drawBaselineGhosts(timeline: Timeline, scale: ChartScale, barElement: (key: string) => SVGRectElement | undefined): number {
  if (!timeline.tasks.some((task) => task.baselineStart !== undefined)) return 0;
  let count = 0;
  for (const task of timeline.tasks) {
    const box = scale.bars.get(task.key);
    const rect = barElement(task.key);
    const ghost = box && rect ? ghostBarOf(task, scale) : undefined;
    if (!ghost || !box || !rect) continue;
    const element = document.createElementNS(SVG_NS, 'rect');
    element.setAttribute('class', 'baseline-ghost');
    element.setAttribute('x', String(ghost.x));
    element.setAttribute('width', String(Math.max(ghost.width, 1)));
    // A little lower than the bar, so a ghost on the bar's own dates still shows as an outline under it.
    element.setAttribute('y', String(box.y + box.height * 0.25));
    element.setAttribute('height', String(box.height));
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
