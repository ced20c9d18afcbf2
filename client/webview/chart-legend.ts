/**
 * The chart's legend: one entry per kind of mark the chart shows, drawn
 * with the same colours as the marks (preview.css gives `.swatch-<kind>`
 * and the bars the same theme variables). `legendKinds` is pure
 * (test/preview/chart-legend.test.ts).
 */
import type { Timeline } from '@crmplan/shared/timeline.js';

export const LEGEND_KINDS = ['planned', 'critical', 'in-progress', 'done', 'milestone', 'progress', 'baseline', 'dependency', 'today', 'status-date'] as const;
export type LegendKind = (typeof LEGEND_KINDS)[number];

export const LEGEND_TEXT: Readonly<Record<LegendKind, string>> = {
  planned: 'Planned',
  critical: 'Critical path',
  'in-progress': 'In progress',
  done: 'Done',
  milestone: 'Milestone',
  progress: 'Progress (done part)',
  baseline: 'Baseline',
  dependency: 'Dependency (lag)',
  today: 'Today',
  'status-date': 'Status date',
};

/** What the chart draws, as far as the legend is concerned. */
export interface DrawnKinds {
  /** Keys of the bars on the chart. */
  readonly bars: ReadonlySet<string>;
  readonly baselineGhosts: number;
  readonly arrows: number;
  readonly progressFills: number;
  readonly lines: readonly ('today' | 'status-date')[];
}

/** The kinds the chart shows, in LEGEND_KINDS order. */
export function legendKinds(timeline: Pick<Timeline, 'tasks' | 'phases'>, drawn: DrawnKinds): LegendKind[] {
  const kinds = new Set<LegendKind>();
  const phases = new Map(timeline.phases.map((phase) => [phase.key, phase]));
  const tasks = new Map(timeline.tasks.map((task) => [task.key, task]));
  for (const key of drawn.bars) {
    const task = tasks.get(key);
    if (task) {
      kinds.add(task.milestone ? 'milestone' : taskBarStatus(task));
      if (task.critical) kinds.add('critical');
      continue;
    }
    const phase = phases.get(key);
    if (!phase) continue;
    kinds.add(barStatusOfPhase(phase.taskKeys.flatMap((taskKey) => tasks.get(taskKey) ?? [])));
    if (phase.critical) kinds.add('critical');
  }
  if (drawn.progressFills > 0) kinds.add('progress');
  if (drawn.baselineGhosts > 0) kinds.add('baseline');
  if (drawn.arrows > 0) kinds.add('dependency');
  for (const line of drawn.lines) kinds.add(line);
  return LEGEND_KINDS.filter((kind) => kinds.has(kind));
}

export type BarStatus = 'planned' | 'in-progress' | 'done';

/** A task's bar: done, in progress (its status), else planned. */
export function taskBarStatus(task: Pick<Timeline['tasks'][number], 'status'>): BarStatus {
  return task.status === 'done' ? 'done' : task.status === 'in-progress' ? 'in-progress' : 'planned';
}

/** A collapsed phase's bar, as gantt-mermaid.ts tags it: done when all are done, in progress when some work started. */
export function barStatusOfPhase(tasks: readonly Timeline['tasks'][number][]): BarStatus {
  const dated = tasks.filter((task) => task.start !== null);
  if (dated.length > 0 && dated.every((task) => task.status === 'done')) return 'done';
  return dated.some((task) => task.status === 'done' || task.status === 'in-progress') ? 'in-progress' : 'planned';
}

/** The legend's list: a swatch and a text per kind. */
export function drawLegend(list: HTMLElement, kinds: readonly LegendKind[]): void {
  list.replaceChildren(
    ...kinds.map((kind) => {
      const item = document.createElement('li');
      item.dataset['kind'] = kind;
      const swatch = document.createElement('span');
      swatch.className = `swatch swatch-${kind}`;
      swatch.setAttribute('aria-hidden', 'true');
      const text = document.createElement('span');
      text.textContent = LEGEND_TEXT[kind];
      item.append(swatch, text);
      return item;
    }),
  );
}
