/**
 * The preview page's decisions that need no DOM: which phases are
 * collapsed, which Mermaid theme matches VS Code's, which bar an SVG id
 * belongs to, and the notice texts. Unit-tested in test/preview/.
 */
import { phaseKeysToCollapse } from '../../server/src/render/gantt-mermaid.js';
import type { Timeline } from '../../server/src/render/timeline-types.js';

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
export function unavailableNotice(reason: string, hasChart: boolean): string {
  return `The plan has errors that prevent scheduling: ${reason} — ${hasChart ? 'showing the last good timeline' : 'no timeline to show yet'}.`;
}

export function renderFailedNotice(message: string, hasChart: boolean): string {
  return `The timeline could not be drawn: ${message} — ${hasChart ? 'showing the last good timeline' : 'no timeline to show yet'}.`;
}

/** "2 errors, 1 warning" or "No problems". */
export function findingsSummary(findings: Timeline['findings']): string {
  const parts = [plural(findings.errors, 'error'), plural(findings.warnings, 'warning')].filter((part) => part !== '');
  return parts.length > 0 ? parts.join(', ') : 'No errors or warnings';
}

function plural(count: number, noun: string): string {
  return count === 0 ? '' : `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Zoom steps of the chart: from 25% to 400%. */
export function nextZoom(zoom: number, direction: 'in' | 'out' | 'reset'): number {
  if (direction === 'reset') return 1;
  const next = direction === 'in' ? zoom * 1.25 : zoom / 1.25;
  return Math.min(4, Math.max(0.25, Math.round(next * 1000) / 1000));
}
