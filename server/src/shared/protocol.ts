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

/**
 * `crmplan/setBaseline`: the text edit that writes the document's current
 * dates into its `baseline:` block (docs/format.md#baseline), for **CRM
 * Plan: Set Baseline**. The server does not apply it: the client does, as
 * one workspace edit of the open document, so undo takes it back. `date`
 * is the day recorded as signed off (the client's today).
 */
export const SET_BASELINE_REQUEST = 'crmplan/setBaseline';

export interface SetBaselineParams {
  readonly uri: string;
  readonly date: string;
}

export interface ProtocolTextEdit {
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
  readonly newText: string;
}

export type SetBaselineResult =
  /** `edits` apply to the text of `version`; `summary` is one line for the user. */
  | { readonly uri: string; readonly version: number; readonly edits: readonly ProtocolTextEdit[]; readonly summary: string }
  /** The plan cannot be baselined (errors, no plan.start); `refused` says why. */
  | { readonly uri: string; readonly version: number; readonly refused: string };
