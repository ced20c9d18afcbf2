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
import { parseEmbedSpec } from '@crmplan/shared/markdown-embed.js';

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

/** Just what markdown-it's fence rule and renderer give the plugin (markdown-it's own types are not a dependency of the client). */
interface FenceToken {
  readonly info: string;
  readonly content: string;
}
type RenderRule = (tokens: FenceToken[], index: number, options: unknown, env: unknown, self: unknown) => string;
export interface MarkdownItLike {
  readonly renderer: { rules: Record<string, RenderRule | undefined> };
}

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

/** Installs the `crmplan-gantt` fence; every other fence is rendered as before. */
export function crmplanMarkdownPlugin<T extends MarkdownItLike>(md: T, source: ChartSource): T {
  const previous = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    if (token.info.trim().split(/\s+/)[0] !== GANTT_FENCE_INFO) {
      return previous ? previous(tokens, index, options, env, self) : `<pre><code>${escapeHtml(token.content)}</code></pre>\n`;
    }
    const parsed = parseGanttBlock(token.content);
    if ('problem' in parsed) return ganttBlockHtml({ state: 'unavailable', reason: parsed.problem }, token.content.trim());
    return ganttBlockHtml(source.chart({ documentUri: currentDocument(env), ...parsed }), parsed.plan);
  };
  return md;
}
