/**
 * Phase names in their own column left of the chart. Mermaid writes a
 * section's name at the left edge of the chart, over the first bars of the
 * section when the name is long (and took their clicks); the preview hides
 * those and shows each phase's name in a column beside the scrolling chart,
 * in a band as tall as the phase's rows, cut with an ellipsis when it does
 * not fit and whole in its tooltip. Nothing of the column lies over the
 * chart, so it can neither cover a bar nor take its click, and it stays in
 * view when the chart is scrolled sideways. `phaseBands` is pure
 * (test/preview/chart-phases.test.ts).
 */
import type { TimelinePhase } from '@crmplan/shared/timeline.js';
import type { ChartBox } from './chart-scale.js';

export interface PhaseBand {
  readonly key: string;
  readonly label: string;
  /** The band's top and bottom in the SVG's units: from half a row gap above its first bar to half below its last. */
  readonly top: number;
  readonly bottom: number;
}

/**
 * One band per phase with a bar on the chart (its tasks' bars, or its
 * summary bar when collapsed), top to bottom.
 */
export function phaseBands(phases: readonly Pick<TimelinePhase, 'key' | 'label' | 'taskKeys'>[], bars: ReadonlyMap<string, ChartBox>, rowGap: number): PhaseBand[] {
  const bands: PhaseBand[] = [];
  for (const phase of phases) {
    let top = Infinity;
    let bottom = -Infinity;
    for (const key of [phase.key, ...phase.taskKeys]) {
      const box = bars.get(key);
      if (!box) continue;
      top = Math.min(top, box.y);
      bottom = Math.max(bottom, box.y + box.height);
    }
    if (Number.isFinite(top)) bands.push({ key: phase.key, label: phase.label, top: top - rowGap / 2, bottom: bottom + rowGap / 2 });
  }
  return bands.sort((a, b) => a.top - b.top);
}

/** Fills the column with one label per band, at `zoom` screen pixels per SVG unit; the column is `height` px tall. */
export function drawPhaseColumn(column: HTMLElement, bands: readonly PhaseBand[], zoom: number, height: number): void {
  const labels = bands.map((band, index) => {
    const label = document.createElement('div');
    label.className = `phase-label phase-band-${index % 2}`;
    label.dataset['key'] = band.key;
    const bandHeight = (band.bottom - band.top) * zoom;
    label.style.top = `${band.top * zoom}px`;
    label.style.height = `${bandHeight}px`;
    // As many lines as the band has room for (at least one), then an ellipsis.
    label.style.setProperty('--phase-lines', String(Math.max(1, Math.floor((bandHeight - 4) / 16))));
    const name = document.createElement('span');
    name.className = 'phase-name';
    name.textContent = band.label;
    label.append(name);
    label.title = band.label;
    return label;
  });
  column.style.height = `${height}px`;
  column.replaceChildren(...labels);
}
