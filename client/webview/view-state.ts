/**
 * The preview page's decisions that need no DOM: which phases are
 * collapsed, which Mermaid theme matches VS Code's, which bar an SVG id
 * belongs to, and the notice texts. Unit-tested in test/preview/.
 */
import { phaseKeysToCollapse } from '@crmplan/shared/timeline.js';
import type { Timeline } from '@crmplan/shared/timeline.js';
import type { UnavailableCause } from '../src/preview/messages.js';

/**
 * The collapsed phases for a timeline that just arrived. A new document
 * starts from the threshold (all phases collapsed above it, none below);
 * the same document keeps what the user expanded or collapsed, so an edit
 * never undoes a click.
 */
export function collapsedPhasesFor(
  timeline: Timeline,
  collapsePhasesOver: number,
  previous: { readonly sameDocument: boolean; readonly collapsed: ReadonlySet<string> } | undefined,
): Set<string> {
  if (previous?.sameDocument) {
    const phaseKeys = new Set(timeline.phases.map((phase) => phase.key));
    return new Set([...previous.collapsed].filter((key) => phaseKeys.has(key)));
  }
  return phaseKeysToCollapse(timeline, collapsePhasesOver);
}

export type MermaidTheme = 'default' | 'dark';

/**
 * VS Code marks the webview's body with `vscode-light`, `vscode-dark`,
 * `vscode-high-contrast` and, for the light high-contrast theme, also
 * `vscode-high-contrast-light`.
 */
export function mermaidThemeFor(bodyClasses: readonly string[]): MermaidTheme {
  if (bodyClasses.includes('vscode-high-contrast-light') || bodyClasses.includes('vscode-light')) return 'default';
  if (bodyClasses.includes('vscode-dark') || bodyClasses.includes('vscode-high-contrast')) return 'dark';
  return 'default';
}

/**
 * The Mermaid settings every crmplan page starts from (the timeline
 * preview, the Markdown preview's script): strict security, the theme of
 * the body's VS Code classes, no error picture left in the page, and room
 * for a large expanded plan (the text is generated locally from the
 * schedule, never fetched; Mermaid's default of 50,000 characters would draw
 * "Maximum text size exceeded" instead).
 */
export function baseMermaidConfig(bodyClasses: readonly string[]): Record<string, unknown> {
  return { startOnLoad: false, securityLevel: 'strict', theme: mermaidThemeFor(bodyClasses), suppressErrorRendering: true, maxTextSize: 2_000_000 };
}

/**
 * Mermaid gives a bar the id `<render id>-<task id>` and its label
 * `<render id>-<task id>-text`; the task ids are the timeline keys. Returns
 * the key, or undefined for any other element.
 */
export function barKeyFromElementId(elementId: string, renderId: string): string | undefined {
  const prefix = `${renderId}-`;
  if (!elementId.startsWith(prefix)) return undefined;
  const rest = elementId.slice(prefix.length);
  const key = rest.endsWith('-text') ? rest.slice(0, -'-text'.length) : rest;
  return /^[tp]\d+$/.test(key) ? key : undefined;
}

/** The notice shown above the chart when the newest plan text could not be drawn. */
export function unavailableNotice(reason: string, cause: UnavailableCause, hasChart: boolean): string {
  const what = cause === 'plan-errors' ? 'The plan has errors that prevent scheduling' : 'No timeline from the language server';
  return `${what}: ${reason} — ${hasChart ? 'showing the last good timeline' : 'no timeline to show yet'}.`;
}

export function renderFailedNotice(message: string, hasChart: boolean): string {
  return `The timeline could not be drawn: ${message} — ${hasChart ? 'showing the last good timeline' : 'no timeline to show yet'}.`;
}

/** "2 errors, 1 warning" or "No problems". */
export function findingsSummary(findings: Timeline['findings']): string {
  const parts = [plural(findings.errors, 'error'), plural(findings.warnings, 'warning')].filter((part) => part !== '');
  return parts.length > 0 ? parts.join(', ') : 'No errors or warnings';
}

/**
 * VS Code sends at most this many problems of one file to the Problems
 * panel (its extension host's per-file limit, not a setting): errors first,
 * then warnings, infos, hints, and one line "Not showing N further errors
 * and warnings." So a plan with 1,051 findings shows 1,000 there.
 */
export const PROBLEMS_PANEL_LIMIT = 1000;

/**
 * Why the Problems panel lists fewer problems than the header counts, or
 * undefined when it lists them all. Hints are counted by VS Code's limit
 * too, although the panel does not show them.
 */
export function problemsPanelNote(findings: Timeline['findings']): string | undefined {
  const total = findings.errors + findings.warnings + findings.infos + findings.hints;
  if (total <= PROBLEMS_PANEL_LIMIT) return undefined;
  return `the Problems panel lists ${PROBLEMS_PANEL_LIMIT.toLocaleString('en-US')} of these ${total.toLocaleString('en-US')} problems (VS Code's limit per file, errors first)`;
}

function plural(count: number, noun: string): string {
  return count === 0 ? '' : `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const MIN_ZOOM = 0.25;
const MAX_ZOOM = 4;

/** Zoom steps of the chart: from 25% to 400%. */
export function nextZoom(zoom: number, direction: 'in' | 'out' | 'reset'): number {
  if (direction === 'reset') return 1;
  const next = direction === 'in' ? zoom * 1.25 : zoom / 1.25;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(next * 1000) / 1000));
}

/** What the page takes back from `getState()`; `collapsed` is undefined when no choice was saved. */
export interface RestoredViewState {
  readonly documentUri: string | undefined;
  readonly collapsed: Set<string> | undefined;
  readonly zoom: number;
}

/**
 * Reads the state VS Code kept for the panel (see PersistedPreviewState). It comes back from
 * storage, possibly written by an older version of the page, so each field is checked and a
 * bad one is dropped rather than trusted.
 */
export function restoredViewState(saved: unknown): RestoredViewState {
  const record = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
  const { documentUri, collapsedPhases, zoom } = record;
  const phaseKeys = Array.isArray(collapsedPhases) && collapsedPhases.every((key) => typeof key === 'string' && /^p\d+$/.test(key))
    ? new Set<string>(collapsedPhases as string[])
    : undefined;
  return {
    documentUri: typeof documentUri === 'string' ? documentUri : undefined,
    collapsed: phaseKeys,
    zoom: typeof zoom === 'number' && zoom >= MIN_ZOOM && zoom <= MAX_ZOOM ? zoom : 1,
  };
}
