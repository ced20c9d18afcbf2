// The product code the page test needs in Node, as one esbuild entry (check.mjs bundles it with
// bench/bundle.mjs, as the product is bundled; Node never runs this file as it is): the
// server's `crmplan/timeline` answer for a plan text, and the benchmark's plan generator.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzePlan } from '../../../server/src/analysis/analyze-plan.ts';
import { timeline } from '../../../server/src/service/features/timeline.ts';
import { decodeTimeline } from '../../../server/src/shared/protocol.ts';
import MarkdownIt from 'markdown-it';
import { ganttMermaid } from '../../../server/src/render/gantt-mermaid.ts';
import { crmplanMarkdownPlugin } from '../../../client/src/markdown/markdown-plugin.ts';

export { generatePlan } from '../../../bench/generate-plan.ts';

/**
 * What the extension posts to the page for `text` opened as `uri`: the server's `crmplan/timeline`
 * answer with its timeline decoded (client/src/preview/timeline-preview.ts), or null and a reason.
 */
export function timelineResult(uri, text) {
  const result = timeline(analyzePlan(text), TextDocument.create(uri, 'crmplan', 1, text));
  return result.timeline === null ? result : { ...result, timeline: decodeTimeline(result.timeline) };
}

/** What VS Code's Markdown preview gets for a `crmplan-gantt` block naming this plan once its chart is made (the extension's plugin). */
export function markdownPreviewHtml(uri, text) {
  const result = timelineResult(uri, text);
  const mermaid = ganttMermaid(result.timeline);
  const md = crmplanMarkdownPlugin(new MarkdownIt(), { chart: () => ({ state: 'ready', mermaid }) });
  return md.render('# Plan\n\n```crmplan-gantt\nplan.crmplan.yaml\n```\n');
}
