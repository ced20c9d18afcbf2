/**
 * The messages between the extension host (TimelinePreview) and the preview
 * webview (client/webview/preview.ts). Plain JSON: they cross postMessage.
 * The webview gets the server's timeline, never the plan's YAML.
 */
import type { Timeline } from '@crmplan/shared/timeline.js';

export const PREVIEW_VIEW_TYPE = 'crmplan.timelinePreview';

/** What the webview needs besides the timeline: settings and the host's local date. */
export interface PreviewOptions {
  /** Phases start collapsed when the plan has more tasks than this. */
  readonly collapsePhasesOver: number;
  /** The host's local date (YYYY-MM-DD) for the today line; undefined hides it. */
  readonly today: string | undefined;
}

export type HostToWebviewMessage =
  | {
      readonly type: 'timeline';
      readonly documentUri: string;
      readonly fileName: string;
      readonly timeline: Timeline;
      readonly options: PreviewOptions;
    }
  /**
   * No timeline now: the webview keeps the last good chart and says why.
   * `cause` tells the plan's own errors (the server's `timeline: null`) from
   * a plan that could not be read or a server that did not answer.
   */
  | {
      readonly type: 'unavailable';
      readonly documentUri: string;
      readonly fileName: string;
      readonly reason: string;
      readonly cause: UnavailableCause;
    }
  | { readonly type: 'export'; readonly requestId: number; readonly format: ExportFormat };

export type ExportFormat = 'svg' | 'mermaid';

export type UnavailableCause = 'plan-errors' | 'no-answer';

/** What the preview shows, reported after each render (the `crmplan.preview.describe` command returns it). */
export interface PreviewDescription {
  readonly documentUri: string | undefined;
  readonly renderedTaskBars: number;
  readonly loadRows: number;
  readonly notice: string | undefined;
}

export type WebviewToHostMessage =
  | { readonly type: 'ready' }
  /** A task bar was clicked: select the task (by its timeline key) in the editor. */
  | { readonly type: 'reveal'; readonly key: string }
  | { readonly type: 'showProblems' }
  | ({ readonly type: 'rendered' } & PreviewDescription)
  /** `content` is undefined when nothing has been drawn yet. */
  | { readonly type: 'exported'; readonly requestId: number; readonly content: string | undefined };

/**
 * The state the webview keeps with `setState`. VS Code stores it with the panel: the host's
 * serializer reads the plan's URI back after "Reload Window", and the page restores the rest.
 */
export interface PersistedPreviewState {
  readonly documentUri?: string;
  /** The keys of the phases drawn as summary bars, for `documentUri`. */
  readonly collapsedPhases?: readonly string[];
  /** The chart's zoom factor (1 is 100%). */
  readonly zoom?: number;
}

/** Checks a message from the webview: its page runs Mermaid over plan text, so the host trusts nothing it sends. */
export function parseWebviewMessage(message: unknown): WebviewToHostMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const record = message as Record<string, unknown>;
  switch (record['type']) {
    case 'ready':
    case 'showProblems':
      return { type: record['type'] };
    case 'reveal':
      return typeof record['key'] === 'string' ? { type: 'reveal', key: record['key'] } : undefined;
    case 'rendered': {
      const { documentUri, renderedTaskBars, loadRows, notice } = record;
      if (typeof renderedTaskBars !== 'number' || typeof loadRows !== 'number') return undefined;
      return {
        type: 'rendered',
        documentUri: typeof documentUri === 'string' ? documentUri : undefined,
        renderedTaskBars,
        loadRows,
        notice: typeof notice === 'string' ? notice : undefined,
      };
    }
    case 'exported': {
      const { requestId, content } = record;
      if (typeof requestId !== 'number') return undefined;
      return { type: 'exported', requestId, content: typeof content === 'string' ? content : undefined };
    }
    default:
      return undefined;
  }
}
