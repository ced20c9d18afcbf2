/**
 * What the Markdown preview plugin (client/src/markdown/) shares with
 * `crmplan gantt --embed`: how a block names its plan and options, so a
 * `crmplan-gantt` block and a `<!-- crmplan:gantt ... -->` marker read alike.
 */
export { openingMarkerSpec, parseEmbedSpec } from '../render/markdown-embed.js';
