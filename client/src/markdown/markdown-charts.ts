import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { decodeTimeline, TIMELINE_REQUEST, type TimelineParams, type TimelineResult } from '@crmplan/shared/protocol.js';
import { ganttMermaid, phaseKeysToCollapse } from '@crmplan/shared/timeline.js';
import type { ClientContext } from '../client-context.js';
import type { ChartLookup, ChartRequest, ChartSource } from './markdown-plugin.js';

interface Entry {
  lookup: ChartLookup;
  /** the plan this entry draws, once resolved */
  planUri: string | undefined;
  loading: boolean;
}

/**
 * The charts of the Markdown preview's `crmplan-gantt` blocks, made from
 * the language server's `crmplan/timeline` answer with the same Mermaid
 * writer as the timeline preview and `crmplan gantt` (no today line, as
 * `crmplan gantt --embed`). A block's first render finds nothing and starts
 * the request; when the chart is there (or changes, after the server
 * validated the plan again) the Markdown preview is refreshed, and the
 * plugin's next render finds it.
 *
 * A plan is read only when its path is relative, resolves inside a
 * workspace folder (symbolic links followed) and names a file: a Markdown
 * file cannot make the extension read anything else.
 */
export class MarkdownCharts implements ChartSource, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly context: ClientContext) {
    this.subscriptions = [
      vscode.languages.onDidChangeDiagnostics((event) => {
        const changed = new Set(event.uris.map((uri) => uri.toString()));
        for (const [key, entry] of this.entries) {
          if (entry.planUri !== undefined && changed.has(entry.planUri)) void this.load(key, entry);
        }
      }),
    ];
  }

  chart(request: ChartRequest): ChartLookup {
    const key = JSON.stringify([request.documentUri, request.plan, request.collapseOver]);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { lookup: { state: 'pending' }, planUri: undefined, loading: false };
      this.entries.set(key, entry);
      void this.load(key, entry, request);
    }
    return entry.lookup;
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.entries.clear();
  }

  private async load(key: string, entry: Entry, request: ChartRequest = requestOf(key)): Promise<void> {
    if (entry.loading) return;
    entry.loading = true;
    let lookup: ChartLookup;
    try {
      lookup = await this.make(request, entry);
    } catch (error) {
      lookup = { state: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
    } finally {
      entry.loading = false;
    }
    if (this.entries.get(key) !== entry || JSON.stringify(lookup) === JSON.stringify(entry.lookup)) return;
    entry.lookup = lookup;
    void vscode.commands.executeCommand('markdown.preview.refresh');
  }

  private async make(request: ChartRequest, entry: Entry): Promise<ChartLookup> {
    const planUri = await resolvePlan(request);
    if ('reason' in planUri) return { state: 'unavailable', reason: planUri.reason };
    entry.planUri = planUri.uri.toString();
    const client = this.context.client;
    if (!client) return { state: 'unavailable', reason: 'the crmplan language server is not running' };
    // The server answers for open documents: opening one (no editor) sends didOpen first.
    await vscode.workspace.openTextDocument(planUri.uri);
    const result = await client.sendRequest<TimelineResult>(TIMELINE_REQUEST, { uri: client.code2ProtocolConverter.asUri(planUri.uri) } satisfies TimelineParams);
    if (!result.timeline) return { state: 'unavailable', reason: result.reason };
    const timeline = decodeTimeline(result.timeline);
    const mermaid = ganttMermaid(timeline, {
      collapsedPhaseKeys: request.collapseOver === undefined ? undefined : phaseKeysToCollapse(timeline, request.collapseOver),
    });
    return { state: 'ready', mermaid };
  }
}

function requestOf(key: string): ChartRequest {
  const [documentUri, plan, collapseOver] = JSON.parse(key) as [string | undefined, string, number | undefined];
  return { documentUri: documentUri ?? undefined, plan, collapseOver: collapseOver ?? undefined };
}

/** The plan's URI when it is a relative path to a file inside a workspace folder. */
async function resolvePlan(request: ChartRequest): Promise<{ uri: vscode.Uri } | { reason: string }> {
  if (request.documentUri === undefined) return { reason: 'the Markdown document is not known' };
  const plan = request.plan;
  if (path.posix.isAbsolute(plan) || path.win32.isAbsolute(plan) || /^[a-z][a-z0-9+.-]*:/i.test(plan)) {
    return { reason: 'the plan must be a path relative to the Markdown file' };
  }
  const document = vscode.Uri.parse(request.documentUri);
  const uri = vscode.Uri.joinPath(document, '..', ...plan.split(/[\\/]/));
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || vscode.workspace.getWorkspaceFolder(document) === undefined) {
    return { reason: 'the plan is outside the workspace; crmplan reads plans inside it only' };
  }
  if (uri.scheme === 'file') {
    // Symbolic links followed: a link inside the folder to a file outside it is outside.
    const real = await fs.realpath(uri.fsPath).catch(() => undefined);
    if (real === undefined) return { reason: 'the plan does not exist' };
    const root = await fs.realpath(folder.uri.fsPath).catch(() => folder.uri.fsPath);
    const relative = path.relative(root, real);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return { reason: 'the plan is outside the workspace; crmplan reads plans inside it only' };
    const stat = await fs.stat(real);
    if (!stat.isFile()) return { reason: 'the plan is not a file' };
  }
  return { uri };
}
