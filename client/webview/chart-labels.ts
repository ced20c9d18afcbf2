/**
 * Task labels that never run off the chart. Mermaid puts a label inside its
 * bar when it fits, else right of the bar, or left of it near the chart's
 * end, without looking at the chart's edges: long names ran off the right
 * edge (and, with the preview's narrow left margin, off the left). Here each
 * label is measured and placed inside, right or left, whichever fits first;
 * when none does it goes on the roomier side, cut with an ellipsis, and its
 * full name is its `<title>` (the tooltip). `labelPlacement` is pure
 * (test/preview/chart-labels.test.ts).
 */
import type { ChartBox } from './chart-scale.js';

/** Space between a bar and a label beside it (Mermaid's own), and inside a bar on each side. */
export const LABEL_GAP = 5;
const INSIDE_PADDING = 4;

export type LabelSide = 'inside' | 'right' | 'left';

export interface LabelPlacement {
  readonly side: LabelSide;
  /** x of the label: the bar's centre (inside), the start of the text (right) or its end (left). */
  readonly x: number;
  /** Set when the text must be cut to this width to stay within the chart. */
  readonly maxWidth?: number;
}

/** Where a label of `textWidth` goes for a bar, within [minX, maxX]. */
export function labelPlacement(bar: ChartBox, textWidth: number, minX: number, maxX: number): LabelPlacement {
  if (textWidth + 2 * INSIDE_PADDING <= bar.width) return { side: 'inside', x: bar.x + bar.width / 2 };
  const rightStart = bar.x + bar.width + LABEL_GAP;
  const leftEnd = bar.x - LABEL_GAP;
  const roomRight = maxX - rightStart;
  const roomLeft = leftEnd - minX;
  if (textWidth <= roomRight) return { side: 'right', x: rightStart };
  if (textWidth <= roomLeft) return { side: 'left', x: leftEnd };
  return roomRight >= roomLeft ? { side: 'right', x: rightStart, maxWidth: Math.max(0, roomRight) } : { side: 'left', x: leftEnd, maxWidth: Math.max(0, roomLeft) };
}

/** Mermaid's classes for the three placements (they set text-anchor). */
const SIDE_CLASS: Readonly<Record<LabelSide, string>> = { inside: 'taskText', right: 'taskTextOutsideRight', left: 'taskTextOutsideLeft' };

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Places one label Mermaid drew (`<text>` in the page, so it can be
 * measured) for a bar. `fullName` is the task's or phase's name as the plan
 * writes it: the tooltip when the drawn text is not all of it (cut here, or
 * by gantt-mermaid.ts's MAX_LABEL_LENGTH).
 */
export function fitLabel(label: SVGTextElement, bar: ChartBox, minX: number, maxX: number, fullName: string): LabelPlacement {
  const drawnText = label.textContent ?? '';
  const placement = labelPlacement(bar, label.getComputedTextLength(), minX, maxX);
  for (const className of Object.values(SIDE_CLASS)) label.classList.remove(className);
  label.classList.add(SIDE_CLASS[placement.side], 'bar-label', `bar-label-${placement.side}`);
  label.setAttribute('x', String(placement.x));
  let shown = drawnText;
  if (placement.maxWidth !== undefined) shown = cutToWidth(label, drawnText, placement.maxWidth);
  const oneLine = fullName.replace(/\s+/g, ' ').trim();
  if (shown.trim() !== oneLine) {
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = oneLine;
    label.append(title);
  }
  return placement;
}

/** The longest start of `text` (whole code points) that, with an ellipsis, is at most `maxWidth` wide. */
function cutToWidth(label: SVGTextElement, text: string, maxWidth: number): string {
  const codePoints = Array.from(text.trimEnd());
  let low = 0;
  let high = codePoints.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    label.textContent = `${codePoints.slice(0, middle).join('').trimEnd()}\u2026`;
    if (label.getComputedTextLength() <= maxWidth) low = middle;
    else high = middle - 1;
  }
  const shown = low === 0 ? '\u2026' : `${codePoints.slice(0, low).join('').trimEnd()}\u2026`;
  label.textContent = shown;
  return shown;
}
