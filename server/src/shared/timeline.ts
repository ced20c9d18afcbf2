/**
 * What the preview page (client/webview/) shares with the server: the
 * timeline contract and the one Mermaid writer, so the page draws exactly
 * what `crmplan gantt` prints. The client imports it by name
 * (`@crmplan/shared/timeline.js`, a path in client/tsconfig.json), never by
 * a relative path into the server.
 */
export { ganttMermaid, phaseKeysToCollapse } from '../render/gantt-mermaid.js';
export type * from '../render/timeline-types.js';
