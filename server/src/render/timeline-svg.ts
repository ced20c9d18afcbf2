import { dateOfDayNumber, dayNumberOfDate, weekdayOfDayNumber } from '../schedule/calendar.js';
import { monthOfYear } from './schedule-text.js';
import { phaseKeysToCollapse } from './gantt-mermaid.js';
import type { Timeline, TimelinePhase, TimelineTask } from './timeline-types.js';
import { xmlText } from './xml-text.js';

/**
 * The timeline as a standalone SVG picture, drawn from the same `Timeline`
 * as the preview and `crmplan gantt`: a date axis on top, a row per phase
 * (its summary bar) and per task (its bar, or a diamond for a milestone),
 * weekends and holidays shaded, critical tasks marked, and a legend. The
 * preview's own picture is Mermaid's, drawn in a browser; this one needs no
 * browser, so `crmplan export --format svg|png` works in any CI job.
 *
 * Only generated coordinates and escaped plan text reach the markup: every
 * name goes through `xmlText`, nothing from the plan becomes an attribute
 * name, a colour or a URL.
 */

export interface TimelineSvgOptions {
  /** Draw a today line at this ISO date (none by default, so the picture depends only on the plan). */
  readonly today?: string;
  /** Above this many tasks, phases are drawn as one bar each (the preview's default: 150). */
  readonly collapseOver?: number;
}

export interface TimelinePicture {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_COLLAPSE_OVER = 150;

const LABEL_WIDTH = 300;
const CHART_WIDTH_TARGET = 1200;
const ROW_HEIGHT = 22;
const BAR_HEIGHT = 14;
const TITLE_HEIGHT = 34;
const AXIS_HEIGHT = 36;
const LEGEND_HEIGHT = 34;
const MARGIN = 12;
const MAX_LABEL_CHARACTERS = 44;

const COLOURS = {
  text: '#1f2328',
  muted: '#59636e',
  grid: '#d0d7de',
  weekGrid: '#eaeef2',
  nonWorking: '#f3f4f6',
  phaseBand: '#eef2f8',
  phaseBar: '#3d4f6b',
  task: '#4a78c2',
  critical: '#c2410c',
  done: '#8c959f',
  inProgress: '#1a7f37',
  blocked: '#9a6700',
  today: '#cf222e',
} as const;

type Row = { readonly kind: 'phase'; readonly phase: TimelinePhase; readonly collapsed: boolean } | { readonly kind: 'task'; readonly task: TimelineTask };

export function timelineSvg(timeline: Timeline, options: TimelineSvgOptions = {}): TimelinePicture {
  const collapsed = phaseKeysToCollapse(timeline, options.collapseOver ?? DEFAULT_COLLAPSE_OVER);
  const rows = timelineRows(timeline, collapsed);
  const firstDay = dayNumberOfDate(timeline.start);
  const lastDay = Math.max(firstDay, ...scheduledDates(timeline).map(dayNumberOfDate));
  const dayCount = lastDay - firstDay + 1;
  const dayWidth = Math.min(28, Math.max(1, Math.floor((CHART_WIDTH_TARGET / dayCount) * 4) / 4));
  const chartLeft = MARGIN + LABEL_WIDTH;
  const chartTop = MARGIN + TITLE_HEIGHT + AXIS_HEIGHT;
  const chartHeight = Math.max(1, rows.length) * ROW_HEIGHT;
  const width = Math.ceil(chartLeft + dayCount * dayWidth + MARGIN);
  const height = chartTop + chartHeight + LEGEND_HEIGHT + MARGIN;
  const x = (date: string): number => chartLeft + (dayNumberOfDate(date) - firstDay) * dayWidth;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="12">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 20}" font-size="17" font-weight="bold" fill="${COLOURS.text}">${xmlText(titleLine(timeline))}</text>`,
  ];
  parts.push(...nonWorkingShading(timeline, firstDay, lastDay, dayWidth, chartLeft, chartTop, chartHeight));
  parts.push(...axis(firstDay, lastDay, dayWidth, chartLeft, MARGIN + TITLE_HEIGHT, chartHeight));
  rows.forEach((row, index) => parts.push(...drawRow(row, chartTop + index * ROW_HEIGHT, x, dayWidth, width)));
  if (options.today !== undefined && dayNumberOfDate(options.today) >= firstDay && dayNumberOfDate(options.today) <= lastDay) {
    const todayX = x(options.today) + dayWidth / 2;
    parts.push(`<line x1="${todayX}" y1="${chartTop - 6}" x2="${todayX}" y2="${chartTop + chartHeight}" stroke="${COLOURS.today}" stroke-width="1.5"/>`);
  }
  parts.push(...legend(chartTop + chartHeight + 12, options.today !== undefined));
  parts.push('</svg>');
  return { svg: `${parts.join('\n')}\n`, width, height };
}

function titleLine(timeline: Timeline): string {
  const dates = timeline.finish ? `${timeline.start} to ${timeline.finish}, ${timeline.workingDays} working days` : `starts ${timeline.start}`;
  return `${timeline.title ?? 'Plan timeline'} (${dates})`;
}

function timelineRows(timeline: Timeline, collapsed: ReadonlySet<string>): Row[] {
  const tasksByKey = new Map(timeline.tasks.map((task) => [task.key, task]));
  const rows: Row[] = [];
  for (const phase of timeline.phases) {
    const isCollapsed = collapsed.has(phase.key);
    rows.push({ kind: 'phase', phase, collapsed: isCollapsed });
    if (isCollapsed) continue;
    for (const key of phase.taskKeys) {
      const task = tasksByKey.get(key);
      if (task) rows.push({ kind: 'task', task });
    }
  }
  return rows;
}

function scheduledDates(timeline: Timeline): string[] {
  return timeline.tasks.flatMap((task) => (task.finish === null ? [] : [task.finish]));
}

function shortLabel(text: string): string {
  const characters = [...text];
  return characters.length <= MAX_LABEL_CHARACTERS ? text : `${characters.slice(0, MAX_LABEL_CHARACTERS - 1).join('')}…`;
}

function drawRow(row: Row, top: number, x: (date: string) => number, dayWidth: number, width: number): string[] {
  const middle = top + ROW_HEIGHT / 2;
  if (row.kind === 'phase') {
    const { phase } = row;
    const parts = [
      `<rect x="0" y="${top}" width="${width}" height="${ROW_HEIGHT}" fill="${COLOURS.phaseBand}" fill-opacity="0.6"/>`,
      `<text x="${MARGIN}" y="${middle + 4}" font-weight="bold" fill="${COLOURS.text}"><title>${xmlText(phase.label)}</title>${xmlText(shortLabel(phase.label))}</text>`,
    ];
    if (phase.start !== null && phase.finish !== null) {
      const left = x(phase.start);
      const barWidth = Math.max(2, x(phase.finish) + dayWidth - left);
      const fill = phase.critical ? COLOURS.critical : COLOURS.phaseBar;
      parts.push(
        `<rect x="${left}" y="${middle - 4}" width="${barWidth}" height="8" fill="${fill}"${row.collapsed ? '' : ' fill-opacity="0.85"'}><title>${xmlText(`${phase.label}: ${phase.start} to ${phase.finish}`)}</title></rect>`,
      );
    }
    return parts;
  }
  const { task } = row;
  const parts = [`<text x="${MARGIN + 14}" y="${middle + 4}" fill="${COLOURS.text}"><title>${xmlText(task.label)}</title>${xmlText(shortLabel(task.label))}</text>`];
  if (task.start === null || task.finish === null) {
    parts.push(`<text x="${MARGIN + LABEL_WIDTH + 4}" y="${middle + 4}" font-style="italic" fill="${COLOURS.muted}">not scheduled (on a dependency cycle)</text>`);
    return parts;
  }
  const tooltip = xmlText(`${task.label}: ${task.start === task.finish ? task.start : `${task.start} to ${task.finish}`}${task.critical ? ' (critical)' : ''}`);
  const fill = taskColour(task);
  if (task.milestone) {
    const centre = x(task.start) + dayWidth / 2;
    const size = 6;
    parts.push(
      `<path d="M ${centre} ${middle - size} L ${centre + size} ${middle} L ${centre} ${middle + size} L ${centre - size} ${middle} Z" fill="${fill}"><title>${tooltip}</title></path>`,
    );
  } else {
    const left = x(task.start);
    const barWidth = Math.max(2, x(task.finish) + dayWidth - left);
    parts.push(`<rect x="${left}" y="${middle - BAR_HEIGHT / 2}" width="${barWidth}" height="${BAR_HEIGHT}" rx="2" fill="${fill}"><title>${tooltip}</title></rect>`);
  }
  return parts;
}

function taskColour(task: TimelineTask): string {
  if (task.status === 'done') return COLOURS.done;
  if (task.critical) return COLOURS.critical;
  if (task.status === 'in-progress') return COLOURS.inProgress;
  if (task.status === 'blocked') return COLOURS.blocked;
  return COLOURS.task;
}

/** Weekends and holidays as background bands, consecutive days merged; left out when days are too narrow to see. */
function nonWorkingShading(timeline: Timeline, firstDay: number, lastDay: number, dayWidth: number, chartLeft: number, top: number, height: number): string[] {
  if (dayWidth < 3) return [];
  const weekendDays = new Set(timeline.weekends.map((name) => WEEKDAY_INDEX[name]).filter((index): index is number => index !== undefined));
  const holidays = new Set(timeline.holidays.map(dayNumberOfDate));
  const parts: string[] = [];
  let runStart: number | undefined;
  for (let day = firstDay; day <= lastDay + 1; day++) {
    const nonWorking = day <= lastDay && (weekendDays.has(weekdayOfDayNumber(day)) || holidays.has(day));
    if (nonWorking && runStart === undefined) runStart = day;
    if (!nonWorking && runStart !== undefined) {
      parts.push(`<rect x="${chartLeft + (runStart - firstDay) * dayWidth}" y="${top}" width="${(day - runStart) * dayWidth}" height="${height}" fill="${COLOURS.nonWorking}"/>`);
      runStart = undefined;
    }
  }
  return parts;
}

const WEEKDAY_INDEX: Readonly<Record<string, number>> = { monday: 0, tuesday: 1, wednesday: 2, thursday: 3, friday: 4, saturday: 5, sunday: 6 };

/** Month labels and lines; week lines (on Mondays) when weeks are wide enough to tell apart. */
function axis(firstDay: number, lastDay: number, dayWidth: number, chartLeft: number, top: number, chartHeight: number): string[] {
  const parts: string[] = [];
  const bottom = top + AXIS_HEIGHT + chartHeight;
  const lineTop = top + AXIS_HEIGHT - 8;
  let lastLabelRight = -Infinity;
  for (let day = firstDay; day <= lastDay; day++) {
    const date = dateOfDayNumber(day);
    const left = chartLeft + (day - firstDay) * dayWidth;
    const monthStart = date.endsWith('-01') || day === firstDay;
    if (monthStart) {
      parts.push(`<line x1="${left}" y1="${lineTop}" x2="${left}" y2="${bottom}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
      const label = monthOfYear(date);
      if (left >= lastLabelRight) {
        parts.push(`<text x="${left + 3}" y="${top + 14}" fill="${COLOURS.muted}">${label}</text>`);
        lastLabelRight = left + 70;
      }
    } else if (dayWidth * 7 >= 14 && weekdayOfDayNumber(day) === 0) {
      parts.push(`<line x1="${left}" y1="${lineTop + 4}" x2="${left}" y2="${bottom}" stroke="${COLOURS.weekGrid}" stroke-width="1"/>`);
      if (dayWidth * 7 >= 42) parts.push(`<text x="${left + 2}" y="${top + 28}" font-size="10" fill="${COLOURS.muted}">${Number(date.slice(8, 10))}</text>`);
    }
  }
  return parts;
}

function legend(top: number, withToday: boolean): string[] {
  const entries: { readonly label: string; readonly colour: string; readonly milestone?: boolean }[] = [
    { label: 'Task', colour: COLOURS.task },
    { label: 'Critical', colour: COLOURS.critical },
    { label: 'In progress', colour: COLOURS.inProgress },
    { label: 'Done', colour: COLOURS.done },
    { label: 'Milestone', colour: COLOURS.task, milestone: true },
    { label: 'Phase', colour: COLOURS.phaseBar },
  ];
  const parts: string[] = [];
  let left = MARGIN;
  for (const entry of entries) {
    parts.push(
      entry.milestone
        ? `<path d="M ${left + 6} ${top} L ${left + 12} ${top + 6} L ${left + 6} ${top + 12} L ${left} ${top + 6} Z" fill="${entry.colour}"/>`
        : `<rect x="${left}" y="${top + 1}" width="14" height="10" rx="2" fill="${entry.colour}"/>`,
      `<text x="${left + 18}" y="${top + 10}" fill="${COLOURS.text}">${entry.label}</text>`,
    );
    left += 30 + entry.label.length * 7;
  }
  parts.push(`<rect x="${left}" y="${top + 1}" width="14" height="10" fill="${COLOURS.nonWorking}" stroke="${COLOURS.grid}"/>`, `<text x="${left + 18}" y="${top + 10}" fill="${COLOURS.text}">Weekend or holiday</text>`);
  left += 30 + 18 * 7;
  if (withToday) {
    parts.push(`<line x1="${left + 6}" y1="${top - 1}" x2="${left + 6}" y2="${top + 13}" stroke="${COLOURS.today}" stroke-width="1.5"/>`, `<text x="${left + 14}" y="${top + 10}" fill="${COLOURS.text}">Today</text>`);
  }
  return parts;
}
