/**
 * The markdown-it plugin contributed to VS Code's Markdown preview
 * (`contributes.markdown.markdownItPlugins`): a fenced block
 *
 *     ```crmplan-gantt
 *     plans/rollout.crmplan.yaml collapse-over=50
 *     ```
 *
 * is drawn as the plan's timeline. markdown-it renders synchronously, and
 * the chart needs the language server's schedule, so the plugin only reads
 * a cache (ChartSource): a chart already made is written as its Mermaid
 * text, HTML-escaped, in a `<pre>` that the preview script
 * (client/webview/markdown-preview.ts) hands to Mermaid; a chart not made
 * yet is a placeholder, and the source asks the server and refreshes the
 * preview when the chart is there. No vscode import here, so the plugin is
 * tested with markdown-it alone.
 */
import type MarkdownIt from 'markdown-it';
import { openingMarkerSpec, parseEmbedSpec } from '@crmplan/shared/markdown-embed.js';

/** What a block asks for: the plan's path as written and its options. */
export interface ChartRequest {
  /** the Markdown document (VS Code's `env.currentDocument`), as a URI string, when known */
  readonly documentUri: string | undefined;
  readonly plan: string;
  readonly collapseOver: number | undefined;
}

export type ChartLookup =
  | { readonly state: 'ready'; readonly mermaid: string }
  | { readonly state: 'pending' }
  | { readonly state: 'unavailable'; readonly reason: string };

export interface ChartSource {
  /** Synchronous: the cached chart, or pending (and the source starts making it), or why there is none. */
  chart(request: ChartRequest): ChartLookup;
}

export const GANTT_FENCE_INFO = 'crmplan-gantt';

/** markdown-it's types only (erased in the bundle): VS Code's Markdown preview passes its own instance. */
/** The block's first non-blank line: `PLAN [collapse-over=N]`, read as a `<!-- crmplan:gantt -->` marker is. */
export function parseGanttBlock(content: string): { plan: string; collapseOver: number | undefined } | { problem: string } {
  const parsed = parseEmbedSpec(content.split(/\r?\n/).find((line) => line.trim() !== '') ?? '');
  return 'problem' in parsed && parsed.problem === 'it names no plan'
    ? { problem: 'the block names no plan (write the path of a *.crmplan.yaml file on its first line)' }
    : parsed;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function currentDocument(env: unknown): string | undefined {
  const document = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  if (document === undefined || document === null) return undefined;
  const text = String(document);
  return text === '[object Object]' ? undefined : text;
}

/** The HTML of one block: every piece of plan or document text escaped. */
export function ganttBlockHtml(lookup: ChartLookup, plan: string): string {
  const shownPlan = escapeHtml(plan);
  switch (lookup.state) {
    case 'ready':
      return `<div class="crmplan-gantt" data-crmplan-plan="${shownPlan}"><pre class="crmplan-gantt-source">${escapeHtml(lookup.mermaid)}</pre></div>\n`;
    case 'pending':
      return `<div class="crmplan-gantt crmplan-gantt-pending" data-crmplan-plan="${shownPlan}"><p>Drawing the timeline of ${shownPlan}\u2026</p></div>\n`;
    case 'unavailable':
      return `<div class="crmplan-gantt crmplan-gantt-unavailable" data-crmplan-plan="${shownPlan}"><p>crmplan: no timeline for ${shownPlan}: ${escapeHtml(lookup.reason)}</p></div>\n`;
  }
}

/**
 * Installs the `crmplan-gantt` fence and the ` ```mermaid ` block right
 * after a `<!-- crmplan:gantt PLAN -->` marker; every other fence is
 * rendered as before.
 */
export function crmplanMarkdownPlugin(md: MarkdownIt, source: ChartSource): MarkdownIt {
  const previous = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const language = token.info.trim().split(/\s+/)[0];
    const marker = index > 0 && tokens[index - 1]!.type === 'html_block' ? openingMarkerSpec(tokens[index - 1]!.content) : undefined;
    if (language === 'mermaid' && marker !== undefined) {
      // The chart `crmplan gantt --embed` wrote under a marker: drawn from the plan as it is now,
      // and from the text written while that is being made (it is the chart as last embedded).
      const spec = parseEmbedSpec(marker);
      if ('problem' in spec) return ganttBlockHtml({ state: 'unavailable', reason: `the crmplan:gantt marker ${spec.problem}` }, marker);
      const lookup = source.chart({ documentUri: currentDocument(env), ...spec });
      return ganttBlockHtml(lookup.state === 'pending' ? { state: 'ready', mermaid: token.content } : lookup, spec.plan);
    }
    if (language !== GANTT_FENCE_INFO) {
      return previous ? previous(tokens, index, options, env, self) : `<pre><code>${escapeHtml(token.content)}</code></pre>\n`;
    }
    const parsed = parseGanttBlock(token.content);
    if ('problem' in parsed) return ganttBlockHtml({ state: 'unavailable', reason: parsed.problem }, token.content.trim());
    return ganttBlockHtml(source.chart({ documentUri: currentDocument(env), ...parsed }), parsed.plan);
  };
  return md;
}
