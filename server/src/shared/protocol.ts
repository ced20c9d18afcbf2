/**
 * crmplan's own LSP messages, beyond the standard protocol. Shared by the
 * server (which answers them) and the VS Code client (which asks); other
 * editors can ignore them.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Timeline, TimelinePhase, TimelineTask } from '../render/timeline-types.js';

/**
 * `crmplan/timeline`: the computed timeline of an open document, for the
 * preview. The webview never parses YAML; it draws what this returns.
 */
export const TIMELINE_REQUEST = 'crmplan/timeline';

export interface TimelineParams {
  readonly uri: string;
}

/** A task with the editor range of its `span` (what a click on its bar selects). */
export interface RangedTimelineTask extends TimelineTask {
  readonly range: Range;
}

export interface RangedTimelinePhase extends TimelinePhase {
  readonly range: Range;
}

/** A `Timeline` whose tasks and phases carry LSP ranges beside their offsets. */
export interface RangedTimeline extends Timeline {
  readonly tasks: readonly RangedTimelineTask[];
  readonly phases: readonly RangedTimelinePhase[];
}

export type TimelineResult =
  | { readonly uri: string; readonly version: number; readonly timeline: RangedTimeline }
  /** The plan cannot be scheduled; `reason` says why, in words for the user. */
  | { readonly uri: string; readonly version: number; readonly timeline: null; readonly reason: string };
