import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildTimeline } from '../../render/timeline-model.js';
import { encodeTimeline, type TimelineResult } from '../../shared/protocol.js';
import type { PlanAnalysis } from '../../analysis/analyze-plan.js';

/**
 * Why a plan has no timeline. The schedule needs a valid `plan.start`
 * (computeSchedule); the `schema` rule reports the details in the editor.
 */
export const NO_SCHEDULE_REASON = 'the plan has no valid plan.start, so no dates can be computed';

/** The `crmplan/timeline` answer: the timeline with its tasks as columns (see render/timeline-wire.ts). */
export function timeline(analysis: PlanAnalysis, document: TextDocument): TimelineResult {
  const built = buildTimeline(analysis);
  const { uri, version } = document;
  if (built === undefined) return { uri, version, timeline: null, reason: NO_SCHEDULE_REASON };
  return { uri, version, timeline: encodeTimeline(built) };
}
