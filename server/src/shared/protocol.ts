/**
 * crmplan's own LSP messages, beyond the standard protocol. Shared by the
 * server (which answers them) and the VS Code client (which asks); other
 * editors can ignore them.
 */
import type { WireTimeline } from '../render/timeline-wire.js';

export { decodeTimeline, encodeTimeline, type TimelineTaskColumns, type WireTimeline } from '../render/timeline-wire.js';

/**
 * `crmplan/timeline`: the computed timeline of an open document, for the
 * preview. The webview never parses YAML; it draws what this returns. The
 * tasks come as columns (render/timeline-wire.ts): `decodeTimeline` turns
 * the answer into the `Timeline` the preview draws. Spans are offsets in
 * the text of `version`; the editor makes them ranges when it needs one (a
 * click on a bar), so the server does not compute one per task per answer.
 */
export const TIMELINE_REQUEST = 'crmplan/timeline';

export interface TimelineParams {
  readonly uri: string;
}

export type TimelineResult =
  | { readonly uri: string; readonly version: number; readonly timeline: WireTimeline }
  /** The plan cannot be scheduled; `reason` says why, in words for the user. */
  | { readonly uri: string; readonly version: number; readonly timeline: null; readonly reason: string };
