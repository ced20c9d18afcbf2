/**
 * The SVG the preview exports: the chart as it is on screen, standing on
 * its own. On screen, preview.css colours the bars and the layers with the
 * theme's variables, hides what Mermaid draws that the page replaces (its
 * title, section names, axis, today marker), and the phase names are in an
 * HTML column beside the chart; none of that is in the SVG itself. So the
 * export is a copy in which:
 * - every element the page styles carries its computed colours inline
 *   (`!important`, as Mermaid's own stylesheet in the SVG uses it);
 * - what the page hides is left out;
 * - the phase names are drawn in a column on the left, as on screen;
 * - the page's background is drawn under everything (a dark theme's light
 *   text stays readable in any viewer).
 */

/** The elements whose look comes from preview.css. */
const STYLED = 'rect.task, text.bar-label, rect.exclude-range, rect.section, rect.baseline-ghost, .grid-layer line, .dependency-layer path, .dependency-layer text, rect.progress-fill, line.date-line, .load-rows *';

/** The properties copied from the page's computed style. */
const PROPERTIES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'paint-order', 'font-size', 'font-weight'] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The phase names to draw in the export's column: the page's phase column labels. */
export interface ExportPhase {
  readonly label: string;
  /** In the SVG's units. */
  readonly top: number;
  readonly bottom: number;
}

/** The exported SVG text for the chart `svg` (in the page), with `phases` in a column `columnWidth` units wide. */
export function exportedChartSvg(svg: SVGSVGElement, phases: readonly ExportPhase[], columnWidth: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = Array.from(svg.querySelectorAll('*'));
  const copies = Array.from(copy.querySelectorAll('*'));
  const styled = new Set(Array.from(svg.querySelectorAll(STYLED)));
  const hidden: Element[] = [];
  originals.forEach((original, index) => {
    const twin = copies[index];
    if (!twin || original.localName === 'style' || original.localName === 'title') return;
    const style = getComputedStyle(original);
    if (style.display === 'none') {
      hidden.push(twin);
      return;
    }
    if (!styled.has(original)) return;
    const inline = PROPERTIES.map((property) => `${property}: ${style.getPropertyValue(property)} !important`).join('; ');
    twin.setAttribute('style', inline);
  });
  for (const element of hidden) element.remove();

  // The chart moves right by the column's width; the column and the background go under it.
  const viewBox = svg.viewBox.baseVal;
  const width = (viewBox && viewBox.width > 0 ? viewBox.width : Number(svg.getAttribute('width'))) + columnWidth;
  const height = viewBox && viewBox.height > 0 ? viewBox.height : Number(svg.getAttribute('height'));
  const chart = document.createElementNS(SVG_NS, 'g');
  chart.setAttribute('transform', `translate(${columnWidth}, 0)`);
  for (const child of Array.from(copy.childNodes)) {
    if (child instanceof Element && child.localName === 'style') continue;
    chart.append(child);
  }
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('style', `fill: ${getComputedStyle(document.body).backgroundColor} !important`);
  const textColour = getComputedStyle(document.body).color;
  const column = document.createElementNS(SVG_NS, 'g');
  column.setAttribute('class', 'phase-names');
  for (const phase of phases) {
    const name = document.createElementNS(SVG_NS, 'text');
    name.setAttribute('x', '6');
    name.setAttribute('y', String(phase.top + 14));
    name.setAttribute('font-size', '12');
    name.setAttribute('font-weight', '600');
    name.setAttribute('style', `fill: ${textColour} !important`);
    name.textContent = shortened(phase.label, Math.floor((columnWidth - 12) / 7));
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = phase.label;
    name.append(title);
    column.append(name);
  }
  copy.append(background, column, chart);
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.style.removeProperty('max-width');
  return new XMLSerializer().serializeToString(copy);
}

/** `text` cut to `length` code points with an ellipsis (about 7 units a character at 12 px). */
function shortened(text: string, length: number): string {
  const codePoints = Array.from(text);
  return codePoints.length <= length ? text : `${codePoints.slice(0, Math.max(1, length - 1)).join('').trimEnd()}\u2026`;
}
