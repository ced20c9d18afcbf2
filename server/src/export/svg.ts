import { buildTimeline } from '../render/timeline-model.js';
import { DEFAULT_COLLAPSE_OVER, timelineSvg, type TimelinePicture } from '../render/timeline-svg.js';
import { isIsoDate } from '../model/values.js';
import type { PlanAnalysis } from '../analysis/analyze-plan.js';
import type { ExportFormat, ExportOption, ExportRequest, ExportResult } from './export-format.js';
import { unscheduledTasks } from './unscheduled.js';

export const PICTURE_OPTIONS: readonly ExportOption[] = [
  { name: 'today', description: 'draw a today line at this date (YYYY-MM-DD)', flag: false },
  { name: 'collapse-over', description: `draw each phase as one bar when the plan has more than N tasks (default ${DEFAULT_COLLAPSE_OVER})`, flag: false },
];

/** The picture both `svg` and `png` export, or why there is none. */
export function timelinePicture(analysis: PlanAnalysis, request: ExportRequest): { readonly picture?: TimelinePicture; readonly omitted: string[] } {
  const timeline = buildTimeline(analysis);
  if (!timeline) return { omitted: ['the plan has no valid plan.start, so nothing can be drawn'] };
  const today = request.options.get('today');
  const collapseText = request.options.get('collapse-over');
  const collapseOver = collapseText === undefined ? undefined : Number(collapseText);
  const omitted = unscheduledTasks(analysis);
  if (today !== undefined && !isIsoDate(today)) omitted.push(`--today '${today}' is not a date like 2027-03-01: no today line`);
  if (collapseOver !== undefined && !(Number.isInteger(collapseOver) && collapseOver >= 0)) {
    omitted.push(`--collapse-over '${collapseText}' is not a number of tasks: the default (${DEFAULT_COLLAPSE_OVER}) is used`);
  }
  const picture = timelineSvg(timeline, {
    today: today !== undefined && isIsoDate(today) ? today : undefined,
    collapseOver: collapseOver !== undefined && Number.isInteger(collapseOver) && collapseOver >= 0 ? collapseOver : undefined,
  });
  return { picture, omitted };
}

export const svgFormat: ExportFormat = {
  name: 'svg',
  description: 'the timeline as an SVG picture (axis, phases, bars, milestones, critical tasks, legend)',
  extension: 'svg',
  binary: false,
  options: PICTURE_OPTIONS,
  run(analysis: PlanAnalysis, request: ExportRequest): ExportResult {
    const { picture, omitted } = timelinePicture(analysis, request);
    return { content: picture?.svg ?? '', omitted };
  },
};
