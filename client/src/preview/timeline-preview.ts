import * as path from 'node:path';
import * as vscode from 'vscode';
import { decodeTimeline, TIMELINE_REQUEST, type TimelineParams, type TimelineResult } from '@crmplan/shared/protocol.js';
import type { Timeline } from '@crmplan/shared/timeline.js';
import type { ClientContext } from '../client-context.js';
import {
  PREVIEW_VIEW_TYPE,
  parseWebviewMessage,
  type ExportFormat,
  type HostToWebviewMessage,
  type PersistedPreviewState,
  type PreviewDescription,
  type PreviewOptions,
} from './messages.js';
import { createNonce, localIsoDate, previewHtml } from './preview-html.js';

const LANGUAGE_ID = 'crmplan';
/** Context key for the export commands' `when` clauses. */
const PREVIEW_OPEN_CONTEXT = 'crmplan.timelinePreviewOpen';
const EXPORT_TIMEOUT_MS = 10_000;

/**
 * The one timeline preview panel. It follows the active plan editor (like
 * the Markdown preview, unlocked), asks the server for `crmplan/timeline`
 * and posts the result to the webview.
 *
 * When to ask again: after each `publishDiagnostics` for the document,
 * seen as `languages.onDidChangeDiagnostics`. The server publishes once per
 * debounced validation, so the preview follows edits within one debounce,
 * and it then answers from the analysis that validation cached. VS Code
 * fires the event on every publish, even when the diagnostics did not
 * change (its ext-host DiagnosticCollection.set fires unconditionally), so
 * an edit that only moves dates still refreshes. It needs no custom
 * notification other LSP clients would have to ignore, and it keeps working
 * across "Restart Language Server", which replaces the LanguageClient.
 */
export class TimelinePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private documentUri: vscode.Uri | undefined;
  /** The timeline the webview last received: what a click on a bar selects. */
  private timeline: Timeline | undefined;
  private description: PreviewDescription | undefined;
  private refreshSequence = 0;
  private exportSequence = 0;
  private readonly pendingExports = new Map<number, (content: string | undefined) => void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly panelDisposables: vscode.Disposable[] = [];

  constructor(private readonly context: ClientContext) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const saved = state as PersistedPreviewState | undefined;
          const uri = typeof saved?.documentUri === 'string' ? vscode.Uri.parse(saved.documentUri) : activePlanUri();
          this.adopt(panel, uri);
        },
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor?.document.languageId === LANGUAGE_ID) this.follow(editor.document.uri);
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const current = this.documentUri?.toString();
        if (current !== undefined && event.uris.some((uri) => uri.toString() === current)) void this.refresh();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('crmplan.preview')) void this.refresh();
      }),
    );
  }

  /** crmplan.showPreview / crmplan.showPreviewToSide. */
  show(toSide: boolean, uri: vscode.Uri | undefined = activePlanUri()): void {
    if (uri === undefined) {
      void vscode.window.showInformationMessage('crmplan: open a *.crmplan.yaml plan to preview its timeline.');
      return;
    }
    if (this.panel) {
      // One preview per window: shown where it already is. `Beside` is relative to the
      // active group, so revealing there would move it into yet another column.
      this.panel.reveal(this.panel.viewColumn, toSide);
      this.follow(uri);
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Timeline', { viewColumn: column, preserveFocus: toSide }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [this.webviewRoot()],
    });
    this.adopt(panel, uri);
  }

  /** crmplan.preview.describe: what the webview reported after its last render. */
  describe(): PreviewDescription | undefined {
    if (!this.panel) return undefined;
    return this.description ?? { documentUri: this.documentUri?.toString(), renderedTaskBars: 0, loadRows: 0, notice: undefined };
  }

  /**
   * crmplan.exportTimelineSvg / crmplan.exportTimelineMermaid. Without a `target`, SVG asks
   * where to save and Mermaid opens in an untitled editor; with one (tests, other extensions)
   * either is written there, with no dialog. Resolves with where the file was written.
   */
  async export(format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const content = this.panel ? await this.requestExport(format) : undefined;
    if (content === undefined) {
      void vscode.window.showInformationMessage('crmplan: open the timeline preview of a plan first; there is no timeline drawn to export.');
      return undefined;
    }
    if (format === 'mermaid' && target === undefined) {
      const languages = await vscode.languages.getLanguages();
      const document = await vscode.workspace.openTextDocument({
        language: languages.includes('mermaid') ? 'mermaid' : 'plaintext',
        content,
      });
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Active });
      return undefined;
    }
    const file = target ?? (await this.askSvgTarget());
    if (!file) return undefined;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(content));
    confirmExport(file, format);
    return file;
  }

  /** The save dialog of "Export Timeline as SVG", offering `<plan>.timeline.svg` beside the plan. */
  private askSvgTarget(): Thenable<vscode.Uri | undefined> {
    const source = this.documentUri;
    const defaultUri = source?.scheme === 'file'
      ? vscode.Uri.file(source.fsPath.replace(/\.crmplan\.ya?ml$/i, '') + '.timeline.svg')
      : undefined;
    return vscode.window.showSaveDialog({
      ...(defaultUri ? { defaultUri } : {}),
      filters: { 'SVG image': ['svg'] },
      title: 'Export Timeline as SVG',
    });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private webviewRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.extensionContext.extensionUri, 'dist', 'webview');
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri | undefined): void {
    this.panel = panel;
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [this.webviewRoot()] };
    const resource = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.webviewRoot(), file)).toString();
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      mermaidScriptUri: resource('mermaid.min.js'),
      previewScriptUri: resource('preview.js'),
      styleUri: resource('preview.css'),
    });
    void vscode.commands.executeCommand('setContext', PREVIEW_OPEN_CONTEXT, true);
    this.panelDisposables.push(
      webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      panel.onDidDispose(() => this.onPanelDisposed()),
    );
    this.documentUri = uri;
    this.updateTitle();
  }

  private onPanelDisposed(): void {
    this.panel = undefined;
    this.timeline = undefined;
    this.description = undefined;
    for (const resolve of this.pendingExports.values()) resolve(undefined);
    this.pendingExports.clear();
    for (const disposable of this.panelDisposables.splice(0)) disposable.dispose();
    void vscode.commands.executeCommand('setContext', PREVIEW_OPEN_CONTEXT, false);
  }

  private follow(uri: vscode.Uri): void {
    if (this.documentUri?.toString() === uri.toString()) return;
    this.documentUri = uri;
    this.updateTitle();
    void this.refresh();
  }

  private updateTitle(): void {
    if (this.panel) this.panel.title = this.documentUri ? `Timeline: ${fileNameOf(this.documentUri)}` : 'Timeline';
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    switch (message?.type) {
      case 'ready':
        void this.refresh();
        break;
      case 'reveal':
        void this.reveal(message.key);
        break;
      case 'showProblems':
        void vscode.commands.executeCommand('workbench.actions.view.problems');
        break;
      case 'rendered': {
        const { type: _type, ...description } = message;
        this.description = description;
        break;
      }
      case 'exported':
        this.pendingExports.get(message.requestId)?.(message.content);
        this.pendingExports.delete(message.requestId);
        break;
      default:
        break;
    }
  }

  /** Asks the server for the current timeline and posts it; an older answer arriving late is dropped. */
  private async refresh(): Promise<void> {
    const uri = this.documentUri;
    const client = this.context.client;
    if (!this.panel || !uri || !client) return;
    const sequence = ++this.refreshSequence;
    let result: TimelineResult | undefined;
    let failure: string | undefined;
    try {
      // The server answers for open documents only. A preview can outlive its
      // plan's editor (restored after a reload, or opened from the explorer's
      // context with a URI): opening the document (no editor needed) makes
      // the client send didOpen first, on the same connection as the request.
      await vscode.workspace.openTextDocument(uri);
      result = await client.sendRequest<TimelineResult>(TIMELINE_REQUEST, { uri: client.code2ProtocolConverter.asUri(uri) } satisfies TimelineParams);
    } catch (error) {
      failure = `the plan could not be read or the language server did not answer (${error instanceof Error ? error.message : String(error)})`;
    }
    if (sequence !== this.refreshSequence || !this.panel || uri.toString() !== this.documentUri?.toString()) return;
    const documentUri = uri.toString();
    const fileName = fileNameOf(uri);
    if (result?.timeline) {
      const timeline = decodeTimeline(result.timeline);
      this.timeline = timeline;
      this.post({ type: 'timeline', documentUri, fileName, timeline, options: previewOptions(uri) });
    } else {
      this.post(
        result
          ? { type: 'unavailable', documentUri, fileName, reason: result.reason, cause: 'plan-errors' }
          : { type: 'unavailable', documentUri, fileName, reason: failure ?? 'no answer', cause: 'no-answer' },
      );
    }
  }

  private post(message: HostToWebviewMessage): void {
    void this.panel?.webview.postMessage(message);
  }

  private async reveal(key: string): Promise<void> {
    const task = this.timeline?.tasks.find((candidate) => candidate.key === key);
    const uri = this.documentUri;
    if (!task || !uri) return;
    // Spans are offsets in the text the timeline was made from (the server
    // sends no editor ranges, see render/timeline-wire.ts): the document makes the range.
    const document = await vscode.workspace.openTextDocument(uri);
    const range = new vscode.Range(document.positionAt(task.span.start), document.positionAt(task.span.end));
    // The editor the plan is already shown in, else the column beside the preview's.
    const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(uri, {
      viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
      selection: range,
      preserveFocus: false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private requestExport(format: ExportFormat): Promise<string | undefined> {
    const requestId = ++this.exportSequence;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pendingExports.delete(requestId);
        resolve(undefined);
      }, EXPORT_TIMEOUT_MS);
      this.pendingExports.set(requestId, (content) => {
        clearTimeout(timer);
        resolve(content);
      });
      this.post({ type: 'export', requestId, format });
    });
  }
}

/**
 * "Exported ...", with Open and Reveal (as CRM Plan: Export... does). Not
 * awaited: a command given a target (tests, tasks) must not wait for a click.
 */
function confirmExport(file: vscode.Uri, format: ExportFormat): void {
  const open = 'Open';
  const reveal = 'Reveal';
  const what = format === 'svg' ? 'the timeline as SVG' : 'the timeline as Mermaid source';
  void vscode.window.showInformationMessage(`crmplan: exported ${what} to ${path.basename(file.fsPath)}.`, open, reveal).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('vscode.open', file);
    if (choice === reveal) void vscode.commands.executeCommand('revealInExplorer', file);
  });
}

function activePlanUri(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}

function fileNameOf(uri: vscode.Uri): string {
  return path.posix.basename(uri.path);
}

/** Settings, read each time (they may change), and today's local date. */
function previewOptions(uri: vscode.Uri): PreviewOptions {
  const configuration = vscode.workspace.getConfiguration('crmplan.preview', uri);
  const collapseOver = configuration.get<unknown>('collapsePhasesOver');
  const showToday = configuration.get<unknown>('showToday') !== false;
  return {
    collapsePhasesOver: typeof collapseOver === 'number' && Number.isFinite(collapseOver) && collapseOver >= 0 ? collapseOver : 150,
    today: showToday ? localIsoDate(new Date()) : undefined,
  };
}
