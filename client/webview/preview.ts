/**
 * The timeline preview page, running in the webview (bundled by
 * scripts/build.mjs to dist/webview/preview.js, an IIFE for the browser).
 * It receives the server's timeline from the extension host, writes the
 * Mermaid gantt text with `ganttMermaid` (which escapes every plan string),
 * renders it with Mermaid (securityLevel strict) and builds everything else
 * (header, notice; the load rows in load-rows.ts) with DOM APIs and `textContent` only.
 */
import { ganttMermaid, type Timeline } from '@crmplan/shared/timeline.js';
import type {
  ExportFormat,
  HostToWebviewMessage,
  PersistedPreviewState,
  PreviewOptions,
  WebviewToHostMessage,
} from '../src/preview/messages.js';
import { drawBaselineGhosts } from './baseline-ghosts.js';
import { axisTicks, drawAxis, type AxisFlag, type PlacedTick } from './chart-axis.js';
import { exportedChartSvg } from './chart-export.js';
import { fitLabel } from './chart-labels.js';
import { domainExtent, drawChartLayers, drawGridLines, type DrawnLayers } from './chart-layers.js';
import { barStatusOfPhase, drawLegend, legendKinds, taskBarStatus } from './chart-legend.js';
import { drawPhaseColumn, phaseBands } from './chart-phases.js';
import { readChartScale, type ChartScale } from './chart-scale.js';
import { drawLoadRows } from './load-rows.js';
import {
  barKeyFromElementId,
  baseMermaidConfig,
  collapsedPhasesFor,
  findingsSummary,
  problemsPanelNote,
  nextZoom,
  renderFailedNotice,
  restoredViewState,
  unavailableNotice,
} from './view-state.js';

interface VsCodeApi {
  postMessage(message: WebviewToHostMessage): void;
  /** Whatever was stored, perhaps by an older page: read through restoredViewState. */
  getState(): unknown;
  setState(state: PersistedPreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The part of Mermaid's API (the global of mermaid.min.js) the page uses. */
interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}
declare const mermaid: MermaidApi;

const vscode = acquireVsCodeApi();

/** What is on screen: the last timeline Mermaid drew without error. */
interface DrawnChart {
  readonly timeline: Timeline;
  readonly mermaidText: string;
  readonly svg: SVGSVGElement;
  readonly renderId: string;
  /** The chart's date scale and bars (chart-scale.ts); undefined when nothing on it has dates. */
  readonly scale: ChartScale | undefined;
  readonly layers: DrawnLayers | undefined;
}

/** After "Reload Window" VS Code gives back what `saveState` stored: the plan, its collapsed phases, the zoom. */
const restored = restoredViewState(vscode.getState());

const state = {
  documentUri: restored.documentUri,
  /** The newest timeline from the host (drawn, or being drawn, or failed to draw). */
  latest: undefined as Timeline | undefined,
  options: { collapsePhasesOver: 150, today: undefined } as PreviewOptions,
  collapsed: restored.collapsed ?? new Set<string>(),
  /** Whether `collapsed` holds the choices for `documentUri` (else the threshold decides). */
  collapsedKnown: restored.collapsed !== undefined,
  drawn: undefined as DrawnChart | undefined,
  notice: undefined as string | undefined,
  zoom: restored.zoom,
  renders: 0,
};

// ---- the page skeleton (static texts only) ----

const app = document.getElementById('app') ?? document.body;
const header = element('header', 'preview-header');
const titleHeading = element('h1', 'plan-title');
const summaryLine = element('p', 'plan-summary');
const findingsButton = element('button', 'findings');
findingsButton.type = 'button';
findingsButton.title = 'Show the Problems panel';
findingsButton.addEventListener('click', () => vscode.postMessage({ type: 'showProblems' }));
const toolbar = element('div', 'toolbar');
toolbar.setAttribute('role', 'toolbar');
const expandAllButton = button('Expand all', 'Draw every task of every phase', () => setCollapsed(new Set()));
const collapseAllButton = button('Collapse all', 'Draw each phase as one summary bar', () =>
  setCollapsed(new Set(state.latest?.phases.map((phase) => phase.key) ?? [])),
);
const zoomOutButton = button('−', 'Zoom out', () => setZoom(nextZoom(state.zoom, 'out')));
const zoomResetButton = button('100%', 'Reset the zoom', () => setZoom(nextZoom(state.zoom, 'reset')));
const zoomInButton = button('+', 'Zoom in', () => setZoom(nextZoom(state.zoom, 'in')));
// What a narrow column shows instead of the labels (preview.css).
expandAllButton.dataset.icon = '\u229E';
collapseAllButton.dataset.icon = '\u229F';
toolbar.append(expandAllButton, collapseAllButton, zoomOutButton, zoomResetButton, zoomInButton);
header.append(titleHeading, summaryLine, findingsButton, toolbar);

const noticeBox = element('p', 'notice');
noticeBox.setAttribute('role', 'status');
noticeBox.hidden = true;
// The chart area: the legend, the date axis (sticky at the top of the window while the page
// scrolls, scrolled sideways with the chart), then the phase column beside the chart.
const chartArea = element('div', 'chart-area');
const legendList = element('ul', 'legend');
legendList.setAttribute('aria-label', 'Legend');
const axisBar = element('div', 'chart-axis');
axisBar.setAttribute('aria-hidden', 'true');
const axisCorner = element('div', 'axis-corner');
axisCorner.textContent = 'Phase';
const axisViewport = element('div', 'axis-viewport');
const axisTrack = element('div', 'axis-track');
axisViewport.append(axisTrack);
axisBar.append(axisCorner, axisViewport);
const chartRow = element('div', 'chart-row');
const phaseColumn = element('div', 'phase-column');
const chartBox = element('section', 'chart');
chartBox.setAttribute('aria-label', 'Gantt chart');
chartBox.addEventListener('scroll', () => {
  axisViewport.scrollLeft = chartBox.scrollLeft;
});
chartRow.append(phaseColumn, chartBox);
chartArea.append(legendList, axisBar, chartRow);
app.append(header, noticeBox, chartArea);
titleHeading.textContent = 'Timeline preview';
summaryLine.textContent = 'Waiting for the plan’s schedule…';
applyZoom(); // the restored zoom's label, before anything is drawn

// ---- Mermaid and the theme ----

/**
 * Mermaid sizes a gantt to the width it is given. A narrow side-by-side pane would squeeze
 * the bars until the labels beside them overlap the section names, so the chart is drawn at
 * least MIN_CHART_WIDTH wide and scrolls sideways instead.
 */
const MIN_CHART_WIDTH = 1100;
/** Mermaid's bar height and the space between rows (SVG units). */
const BAR_HEIGHT = 22;
const BAR_GAP = 6;

function initializeMermaid(): void {
  mermaid.initialize({
    ...baseMermaidConfig(Array.from(document.body.classList)),
    gantt: {
      useMaxWidth: false,
      useWidth: Math.max(chartBox.clientWidth, MIN_CHART_WIDTH),
      barHeight: BAR_HEIGHT,
      barGap: BAR_GAP,
      // Phase names are in the page's own column (chart-phases.ts) and the axis is the page's
      // sticky strip (chart-axis.ts): the chart needs only a small margin for labels left of a bar.
      leftPadding: 16,
      topPadding: 12,
      gridLineStartPadding: 6,
      fontSize: 12,
      sectionFontSize: 13,
    },
  });
}
initializeMermaid();
// VS Code changes the body's classes when the user switches themes: draw again in the new one.
new MutationObserver(() => {
  initializeMermaid();
  requestRender();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// ---- messages from the extension host ----

window.addEventListener('message', (event: MessageEvent<HostToWebviewMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'timeline': {
      const sameDocument = message.documentUri === state.documentUri;
      state.collapsed = collapsedPhasesFor(message.timeline, message.options.collapsePhasesOver, {
        sameDocument: sameDocument && state.collapsedKnown,
        collapsed: state.collapsed,
      });
      state.collapsedKnown = true;
      if (!sameDocument) state.drawn = undefined;
      setDocument(message.documentUri);
      state.latest = message.timeline;
      state.options = message.options;
      requestRender();
      break;
    }
    case 'unavailable': {
      if (message.documentUri !== state.documentUri) {
        // Another plan, which cannot be drawn: do not leave the previous plan's chart under its name.
        state.drawn = undefined;
        state.latest = undefined;
        state.collapsedKnown = false;
        chartBox.replaceChildren();
        titleHeading.textContent = message.fileName;
        summaryLine.textContent = '';
        setDocument(message.documentUri);
      }
      setNotice(unavailableNotice(message.reason, message.cause, state.drawn !== undefined));
      reportRendered();
      break;
    }
    case 'export':
      vscode.postMessage({ type: 'exported', requestId: message.requestId, content: exportContent(message.format) });
      break;
  }
});

function setDocument(documentUri: string): void {
  state.documentUri = documentUri;
  saveState();
}

/** Called on every change of what it saves, so a reload at any moment finds the view as it was. */
function saveState(): void {
  vscode.setState({ documentUri: state.documentUri, collapsedPhases: [...state.collapsed], zoom: state.zoom });
}

// ---- rendering: one at a time, the newest request wins ----

let rendering = false;
let renderAgain = false;

function requestRender(): void {
  if (rendering) {
    renderAgain = true;
    return;
  }
  rendering = true;
  void (async () => {
    do {
      renderAgain = false;
      await renderLatest();
    } while (renderAgain);
    rendering = false;
  })();
}

async function renderLatest(): Promise<void> {
  const timeline = state.latest;
  if (timeline === undefined) return;
  const mermaidText = ganttMermaid(timeline, {
    collapsedPhaseKeys: state.collapsed,
    ...(state.options.today !== undefined ? { today: state.options.today } : {}),
  });
  const renderId = `crmplan-gantt-${++state.renders}`;
  initializeMermaid(); // the pane's width may have changed since the last render
  let svg: SVGSVGElement;
  try {
    const rendered = await mermaid.render(renderId, mermaidText);
    svg = parseSvg(rendered.svg);
  } catch (error) {
    // Keep the last good chart; say why the new one is missing.
    document.getElementById(`d${renderId}`)?.remove();
    setNotice(renderFailedNotice(error instanceof Error ? error.message : String(error), state.drawn !== undefined));
    reportRendered();
    return;
  }
  // The page scrolls down, the chart sideways (it is at least MIN_CHART_WIDTH wide).
  const scroll = { x: window.scrollX, y: window.scrollY, chartX: chartBox.scrollLeft };
  chartBox.replaceChildren(svg);
  const keyOf = (elementId: string): string | undefined => barKeyFromElementId(elementId, renderId);
  const scale = readChartScale(svg, timeline, keyOf);
  const chart: DrawnChart = { timeline, mermaidText, svg, renderId, scale, layers: scale ? drawLayers(svg, timeline, scale, renderId) : undefined };
  // Each person's load under the chart, in its SVG on its scale (before the zoom sizes the SVG).
  if (scale) drawLoadRows(svg, timeline, scale);
  state.drawn = chart;
  makeBarsInteractive(chart);
  applyZoom();
  renderHeader(timeline);
  setNotice(undefined);
  // The page keeps its place across re-renders (the chart is rebuilt on every edit).
  window.scrollTo(scroll.x, scroll.y);
  chartBox.scrollLeft = scroll.chartX;
  reportRendered();
}

/**
 * Mermaid's SVG (already sanitised by its strict mode) is parsed as XML and
 * imported, never assigned to innerHTML: scripts from a parsed document do
 * not run, and the CSP blocks inline handlers besides.
 */
function parseSvg(svgText: string): SVGSVGElement {
  const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) {
    throw new Error('Mermaid returned no SVG');
  }
  return document.importNode(root, true) as unknown as SVGSVGElement;
}

/**
 * Everything the page adds to Mermaid's chart, in the chart's own units:
 * the bars' theme classes and tooltips, labels kept within the chart,
 * baseline ghosts, arrows, progress fill, date lines; and the legend that
 * names what was drawn. Needs the SVG in the page (labels are measured).
 */
function drawLayers(svg: SVGSVGElement, timeline: Timeline, scale: ChartScale, renderId: string): DrawnLayers {
  const barElement = (key: string): SVGRectElement | undefined => svg.getElementById(`${renderId}-${key}`) as SVGRectElement | null ?? undefined;
  const tasks = new Map(timeline.tasks.map((task) => [task.key, task]));
  const phases = new Map(timeline.phases.map((phase) => [phase.key, phase]));
  const viewBox = svg.viewBox.baseVal;
  const minX = 2;
  const maxX = (viewBox && viewBox.width > 0 ? viewBox.width : Number(svg.getAttribute('width'))) - 2;
  for (const [key, box] of scale.bars) {
    const bar = barElement(key);
    const task = tasks.get(key);
    const phase = phases.get(key);
    if (!bar || (!task && !phase)) continue;
    // The page's own classes, from the plan's data: preview.css colours them with the theme's variables.
    // A milestone is a milestone whatever its status (the legend has one entry for it).
    const kind = task ? (task.milestone ? 'milestone' : taskBarStatus(task)) : barStatusOfPhase(phase!.taskKeys.flatMap((taskKey) => tasks.get(taskKey) ?? []));
    bar.classList.add('bar', `bar-${kind}`);
    if (task?.critical ?? phase?.critical) bar.classList.add('bar-critical');
    const name = task?.label ?? phase!.label;
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = barTooltip(key, timeline);
    bar.append(title);
    const label = svg.getElementById(`${renderId}-${key}-text`);
    if (label instanceof SVGTextElement) fitLabel(label, box, minX, maxX, task ? name : label.textContent ?? name);
  }
  const baselineGhosts = drawBaselineGhosts(timeline, scale, barElement);
  const layers = drawChartLayers({ svg, timeline, scale, barElement, rowGap: BAR_GAP, today: state.options.today });
  drawLegend(legendList, legendKinds(timeline, { bars: new Set(scale.bars.keys()), baselineGhosts, ...layers }));
  return layers;
}

/** A bar's tooltip: its name, dates, and what is known of its progress and baseline. */
function barTooltip(key: string, timeline: Timeline): string {
  const task = timeline.tasks.find((candidate) => candidate.key === key);
  if (!task) {
    const phase = timeline.phases.find((candidate) => candidate.key === key);
    return phase ? `${phase.label}: ${phase.start ?? '?'} → ${phase.finish ?? '?'} (${phase.taskKeys.length} tasks; click to expand)` : key;
  }
  const parts = [task.milestone ? `${task.label}: ${task.start ?? '?'}` : `${task.label}: ${task.start ?? '?'} → ${task.finish ?? '?'} (${task.duration} working days)`];
  if (task.critical) parts.push('critical path');
  if (task.progress !== undefined) parts.push(`${task.progress}% done`);
  else if (task.status !== null) parts.push(task.status);
  if (task.baselineStart !== undefined) parts.push(`baseline ${task.baselineStart} → ${task.baselineFinish ?? '?'}`);
  return parts.join(' · ');
}

/**
 * What depends on the zoom: the axis's ticks (day, week, month... by the
 * pixels a day has on screen), the grid lines at them, the phase column's
 * bands, the date flags in the axis.
 */
function drawZoomedChrome(chart: DrawnChart): void {
  const { svg, scale, timeline } = chart;
  const viewBox = svg.viewBox.baseVal;
  const domain = scale ? domainExtent(scale.bars) : undefined;
  if (!scale || !domain || !viewBox || viewBox.width <= 0 || timeline.finish === null) {
    axisTrack.replaceChildren();
    phaseColumn.replaceChildren();
    axisBar.hidden = true;
    return;
  }
  axisBar.hidden = false;
  const zoom = Number(svg.getAttribute('width')) / viewBox.width || state.zoom;
  const ticks = axisTicks(timeline.start, timeline.finish, scale.pixelsPerDay * zoom);
  const place = (list: readonly { date: string; label: string }[]): PlacedTick[] =>
    list.map((tick) => ({ ...tick, x: scale.xOfDate(tick.date) })).filter((tick) => tick.x >= domain.left - 0.5 && tick.x <= domain.right + 0.5);
  const minor = place(ticks.minor);
  const major = place(ticks.major);
  const flags: AxisFlag[] = [];
  for (const line of Array.from(svg.querySelectorAll<SVGLineElement>('line.date-line'))) {
    const kind = line.classList.contains('date-line-today') ? 'today' : 'status-date';
    flags.push({ kind, label: kind === 'today' ? 'Today' : `Status date ${line.dataset['date'] ?? ''}`, x: Number(line.getAttribute('x1')), anchor: 'middle' });
  }
  // Two flags close together: the left one ends at its line, the right one starts at its own.
  if (flags.length === 2) {
    const [left, right] = flags[0]!.x <= flags[1]!.x ? [flags[0]!, flags[1]!] : [flags[1]!, flags[0]!];
    flags.splice(0, 2, { ...left, anchor: 'end' }, { ...right, anchor: 'start' });
  }
  drawAxis(axisTrack, minor, major, flags, zoom, Number(svg.getAttribute('width')));
  drawGridLines(svg, minor.map((tick) => tick.x), major.map((tick) => tick.x), scale.bars);
  drawPhaseColumn(phaseColumn, phaseBands(timeline.phases, scale.bars, BAR_GAP), zoom, Number(svg.getAttribute('height')));
  axisViewport.scrollLeft = chartBox.scrollLeft;
}

function makeBarsInteractive(chart: DrawnChart): void {
  const taskKeys = new Set(chart.timeline.tasks.map((task) => task.key));
  const phases = new Map(chart.timeline.phases.map((phase) => [phase.key, phase]));
  const tasks = new Map(chart.timeline.tasks.map((task) => [task.key, task]));
  for (const bar of Array.from(chart.svg.querySelectorAll<SVGElement>('rect.task, text[id]'))) {
    const key = barKeyFromElementId(bar.id, chart.renderId);
    if (key === undefined) continue;
    const isTask = taskKeys.has(key);
    const name = isTask ? tasks.get(key)?.label : phases.get(key)?.label;
    // Not Mermaid's own `clickable` class: its stylesheet paints clickable labels a fixed dark blue, unreadable in dark and high-contrast themes.
    bar.classList.add('interactive');
    if (bar.tagName === 'rect') {
      // Keyboard users reach the bars with Tab and press Enter.
      bar.setAttribute('tabindex', '0');
      bar.setAttribute('role', 'button');
      bar.setAttribute('aria-label', isTask ? `Select task ${name ?? key} in the editor` : `Expand phase ${name ?? key}`);
    }
  }
  const activate = (target: EventTarget | null): boolean => {
    const key = keyOfTarget(target, chart);
    if (key === undefined) return false;
    if (taskKeys.has(key)) vscode.postMessage({ type: 'reveal', key });
    else if (state.collapsed.has(key)) {
      const next = new Set(state.collapsed);
      next.delete(key);
      setCollapsed(next);
    }
    return true;
  };
  chart.svg.addEventListener('click', (event) => {
    if (activate(event.target)) event.preventDefault();
  });
  chart.svg.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ' ') && activate(event.target)) event.preventDefault();
  });
}

function keyOfTarget(target: EventTarget | null, chart: DrawnChart): string | undefined {
  for (let node = target instanceof Element ? target : null; node && node !== chart.svg; node = node.parentElement) {
    const key = node.id ? barKeyFromElementId(node.id, chart.renderId) : undefined;
    if (key !== undefined) return key;
  }
  return undefined;
}

function setCollapsed(collapsed: Set<string>): void {
  state.collapsed = collapsed;
  saveState();
  requestRender();
}

function setZoom(zoom: number): void {
  state.zoom = zoom;
  saveState();
  applyZoom();
}

/** Zoom scales the SVG's own size (Mermaid sets its natural width in the viewBox). */
function applyZoom(): void {
  const svg = state.drawn?.svg;
  zoomResetButton.textContent = `${Math.round(state.zoom * 100)}%`;
  if (!svg) return;
  const viewBox = svg.viewBox.baseVal;
  if (viewBox && viewBox.width > 0) {
    svg.style.maxWidth = 'none';
    svg.setAttribute('width', String(Math.round(viewBox.width * state.zoom)));
    svg.setAttribute('height', String(Math.round(viewBox.height * state.zoom)));
  }
  if (state.drawn) drawZoomedChrome(state.drawn);
}

// ---- header and notice: DOM APIs and textContent only ----

function renderHeader(timeline: Timeline): void {
  titleHeading.textContent = timeline.title ?? 'Untitled plan';
  summaryLine.textContent = `${timeline.start} → ${timeline.finish ?? '(nothing scheduled)'} · ${timeline.workingDays} working days · ${timeline.tasks.length} tasks`;
  const problemsNote = problemsPanelNote(timeline.findings);
  findingsButton.textContent = problemsNote === undefined ? findingsSummary(timeline.findings) : `${findingsSummary(timeline.findings)}: ${problemsNote}`;
  findingsButton.classList.toggle('has-errors', timeline.findings.errors > 0);
  findingsButton.classList.toggle('has-warnings', timeline.findings.errors === 0 && timeline.findings.warnings > 0);
  expandAllButton.disabled = state.collapsed.size === 0;
  collapseAllButton.disabled = state.collapsed.size === timeline.phases.length;
}

function setNotice(notice: string | undefined): void {
  state.notice = notice;
  noticeBox.textContent = notice ?? '';
  noticeBox.hidden = notice === undefined;
}

/** Tells the host what is on screen (for `crmplan.preview.describe` and the tests). */
function reportRendered(): void {
  const chart = state.drawn;
  const taskKeys = new Set(chart?.timeline.tasks.map((task) => task.key) ?? []);
  const renderedTaskBars = chart
    ? Array.from(chart.svg.querySelectorAll('rect.task')).filter((bar) => {
        const key = barKeyFromElementId(bar.id, chart.renderId);
        return key !== undefined && taskKeys.has(key);
      }).length
    : 0;
  vscode.postMessage({
    type: 'rendered',
    documentUri: state.documentUri,
    renderedTaskBars,
    loadRows: chart ? chart.svg.querySelectorAll('g.load-row').length : 0,
    notice: state.notice,
  });
}

function exportContent(format: ExportFormat): string | undefined {
  const chart = state.drawn;
  if (!chart) return undefined;
  if (format === 'mermaid') return chart.mermaidText;
  // The SVG as drawn, standing on its own: colours inline, the phase names in a column (chart-export.ts).
  const phases = chart.scale ? phaseBands(chart.timeline.phases, chart.scale.bars, BAR_GAP) : [];
  return exportedChartSvg(chart.svg, phases, EXPORT_PHASE_COLUMN_WIDTH);
}

/** The width of the phase-name column in the exported SVG (its units). */
const EXPORT_PHASE_COLUMN_WIDTH = 200;

// ---- small DOM helpers ----

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  return created;
}

function button(label: string, title: string, onClick: () => void): HTMLButtonElement {
  const created = element('button');
  created.type = 'button';
  created.textContent = label;
  created.title = title;
  created.addEventListener('click', onClick);
  return created;
}

vscode.postMessage({ type: 'ready' });
