import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  ProposedFeatures,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { COMPLETION_TRIGGER_CHARACTERS } from '../service/features/completion.js';
import { LanguageService } from '../service/language-service.js';
import { SET_BASELINE_REQUEST, TIMELINE_REQUEST, type SetBaselineParams, type SetBaselineResult, type TimelineParams, type TimelineResult } from '../shared/protocol.js';
import { EXPORT_FORMATS_REQUEST, EXPORT_REQUEST, type ExportParams } from '../shared/export-protocol.js';
import { exportFormats, exportJob } from '../service/features/export.js';
import { DEFAULT_SETTINGS, normalizeSettings, type CrmplanSettings } from '../shared/settings.js';
import { CRMPLAN_VERSION } from '../shared/version.js';
import { localToday } from '../shared/plan-templates.js';
import type { AnalysisSettings } from '../analysis/analyze-plan.js';
import { PlanDocuments } from './plan-documents.js';
import { invalidParams, type ParamsShape } from './request-params.js';
import { answerInSteps } from './request-steps.js';
import { ValidationScheduler } from './validation-scheduler.js';

/** Analysis steps shorter than this run on without handing the event loop to waiting messages. */
const STEP_YIELD_MS = 8;

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new PlanDocuments((message) => connection.console.warn(message));
  const service = new LanguageService();
  let clientHasConfiguration = false;
  let clientRegistersConfigurationChanges = false;
  let clientSupportsDefinitionLinks = false;
  let clientRefreshesInlayHints = false;
  let clientAcceptsSnippetEdits = false;

  /**
   * Settings are asked for scoped to the document, and kept for that
   * document until the client says the configuration changed (as
   * vscode-eslint does), so a keystroke costs no round trip to the client.
   */
  const settingsCache = new Map<string, Promise<CrmplanSettings>>();
  const fetchSettings = async (uri: string): Promise<CrmplanSettings> => {
    if (!clientHasConfiguration) return DEFAULT_SETTINGS;
    try {
      const section: unknown = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'crmplan' });
      return normalizeSettings(section);
    } catch {
      return DEFAULT_SETTINGS;
    }
  };
  const settingsFor = (uri: string): Promise<CrmplanSettings> => {
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = fetchSettings(uri);
      settingsCache.set(uri, settings);
    }
    return settings;
  };

  /**
   * Between the steps of an analysis, messages that arrived are handled (a
   * timer, not setImmediate: the JSON-RPC reader queues them with
   * setImmediate after reading); a newer version stops the analysis. A step
   * that took less than a few milliseconds does not hand over: nothing much
   * can have arrived, and each timer costs a millisecond.
   */
  // A document is changed in place (TextDocument.update), so "is it still
  // the same text" compares the version number read before waiting, never
  // the document with itself.
  const stillCurrent = (document: TextDocument): (() => Promise<boolean>) => {
    const version = document.version;
    let since = performance.now();
    return async () => {
      if (performance.now() - since < STEP_YIELD_MS) return true;
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = performance.now();
      return documents.get(document.uri)?.version === version;
    };
  };

  const publish = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    // The text may have changed while we waited for the settings.
    if (!current || current.version !== version) return;
    const diagnostics = await service.validateInSteps(current, analysisSettings(settings), stillCurrent(current));
    // Stopped for a newer version, or finished on the text of an older one: the newer version's own validation is scheduled.
    if (!diagnostics || documents.get(uri)?.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics });
  };

  const scheduler = new ValidationScheduler((uri) => {
    publish(uri).catch((error: unknown) => connection.console.error(`crmplan: validation failed: ${String(error)}`));
  });

  connection.onInitialize((params): InitializeResult => {
    clientHasConfiguration = params.capabilities.workspace?.configuration === true;
    // Only clients that said so accept dynamic registration (Neovim 0.7 does not).
    clientRegistersConfigurationChanges =
      params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    clientSupportsDefinitionLinks = params.capabilities.textDocument?.definition?.linkSupport === true;
    clientRefreshesInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    // LSP 3.18's SnippetTextEdit; the 3.17 types do not declare the flag yet.
    const workspaceEdit: unknown = params.capabilities.workspace?.workspaceEdit;
    clientAcceptsSnippetEdits =
      typeof workspaceEdit === 'object' && workspaceEdit !== null && 'snippetEditSupport' in workspaceEdit && workspaceEdit.snippetEditSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'crmplan' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        completionProvider: { triggerCharacters: [...COMPLETION_TRIGGER_CHARACTERS], resolveProvider: false },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'crmplan', version: CRMPLAN_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (clientHasConfiguration && clientRegistersConfigurationChanges) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'crmplan' });
    }
  });

  // Opening a document validates at once; edits wait for the configured delay.
  const opened = new Set<string>();
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    if (!opened.has(uri)) {
      opened.add(uri);
      scheduler.schedule(uri, 0);
      return;
    }
    void settingsFor(uri).then((settings) => {
      if (opened.has(uri)) scheduler.schedule(uri, settings.validation.delay);
    });
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    opened.delete(uri);
    settingsCache.delete(uri);
    scheduler.cancel(uri);
    service.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
    // crmplan.inlayHints.enabled may have changed: ask the client to pull again.
    if (clientRefreshesInlayHints) void connection.languages.inlayHint.refresh();
  });

  // Handlers check the params, find the document and forward to the
  // language service, in steps that a $/cancelRequest stops (request-steps.ts).
  const requests = { service, documents };
  const handle =
    <P extends { textDocument: { uri: string } }, R>(
      method: string,
      shape: ParamsShape,
      handler: (document: TextDocument, params: P) => R,
      empty: R,
    ) =>
    async (params: P, token: CancellationToken): Promise<R | ResponseError> => {
      const problem = invalidParams(method, params, shape);
      if (problem) return new ResponseError(ErrorCodes.InvalidParams, problem);
      const document = documents.get(params.textDocument.uri);
      return document ? answerInSteps(requests, method, document, token, () => handler(document, params)) : empty;
    };
  const at: ParamsShape = { position: true };

  connection.onDefinition(
    handle(
      'textDocument/definition',
      at,
      (document, params) =>
        clientSupportsDefinitionLinks
          ? service.definitionLinks(document, params.position)
          : service.definition(document, params.position),
      null,
    ),
  );
  connection.onReferences(
    handle(
      'textDocument/references',
      { position: true, context: 'references' },
      (document, params) => service.references(document, params.position, params.context.includeDeclaration),
      [],
    ),
  );
  connection.onDocumentHighlight(
    handle('textDocument/documentHighlight', at, (document, params) => service.documentHighlights(document, params.position), []),
  );
  connection.onPrepareRename(handle('textDocument/prepareRename', at, (document, params) => service.prepareRename(document, params.position), null));
  connection.onRenameRequest(
    handle(
      'textDocument/rename',
      { position: true, newName: true },
      (document, params) => {
        const result = service.rename(document, params.position, params.newName);
        if (!result.ok) return new ResponseError(ErrorCodes.InvalidRequest, result.message);
        return result.edit;
      },
      null,
    ),
  );
  connection.onCompletion(
    handle(
      'textDocument/completion',
      at,
      (document, params) => service.completion(document, params.position, params.context?.triggerCharacter),
      null,
    ),
  );
  connection.onCodeAction(
    handle(
      'textDocument/codeAction',
      { range: true, context: 'codeAction' },
      (document, params) => service.codeActions(document, params.range, params.context, clientAcceptsSnippetEdits),
      [],
    ),
  );
  connection.onHover(handle('textDocument/hover', at, (document, params) => service.hover(document, params.position), null));
  connection.languages.inlayHint.on(async (params, token) => {
    const problem = invalidParams('textDocument/inlayHint', params, { range: true });
    if (problem) return new ResponseError(ErrorCodes.InvalidParams, problem);
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const settings = await settingsFor(document.uri);
    return settings.inlayHints.enabled ? answerInSteps(requests, 'textDocument/inlayHint', document, token, () => service.inlayHints(document, params.range)) : [];
  });
  connection.onDocumentSymbol(handle('textDocument/documentSymbol', {}, (document) => service.documentSymbols(document), []));
  connection.onFoldingRanges(handle('textDocument/foldingRange', {}, (document) => service.foldingRanges(document), []));
  connection.onSelectionRanges(
    handle('textDocument/selectionRange', { positions: true }, (document, params) => service.selectionRanges(document, params.positions), []),
  );
  // The preview asks again after each publishDiagnostics for the document
  // (see client/src/preview/timeline-preview.ts), so no extra notification
  // is needed here: the answer comes from the analysis that publish cached.
  connection.onRequest(TIMELINE_REQUEST, async (params: TimelineParams, token): Promise<TimelineResult | ResponseError> => {
    const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!document) return new ResponseError(ErrorCodes.InvalidParams, `crmplan/timeline: the document is not open: ${String(params?.uri)}`);
    return answerInSteps(requests, TIMELINE_REQUEST, document, token, () => service.timeline(document));
  });
  // **CRM Plan: Set Baseline**: the edit, which the client applies (so undo works).
  connection.onRequest(SET_BASELINE_REQUEST, async (params: SetBaselineParams, token): Promise<SetBaselineResult | ResponseError> => {
    const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!document) return new ResponseError(ErrorCodes.InvalidParams, `${SET_BASELINE_REQUEST}: the document is not open: ${String(params?.uri)}`);
    if (typeof params.date !== 'string') return new ResponseError(ErrorCodes.InvalidParams, `${SET_BASELINE_REQUEST}: date must be a string like 2027-01-04`);
    return answerInSteps(requests, SET_BASELINE_REQUEST, document, token, () => service.setBaseline(document, params.date));
  });
  // The exports of `crmplan export`, for the **CRM Plan: Export...** command.
  connection.onRequest(EXPORT_FORMATS_REQUEST, () => exportFormats());
  connection.onRequest(EXPORT_REQUEST, async (params: ExportParams, token) => {
    const problem = invalidParams(EXPORT_REQUEST, params, {});
    if (problem) return new ResponseError(ErrorCodes.InvalidParams, problem);
    const job = exportJob(params);
    if ('problem' in job) return new ResponseError(ErrorCodes.InvalidParams, job.problem);
    const document = documents.get(params.textDocument.uri);
    if (!document) return new ResponseError(ErrorCodes.InvalidParams, `${EXPORT_REQUEST}: the document is not open: ${params.textDocument.uri}`);
    await job.format.prepare?.();
    return answerInSteps(requests, EXPORT_REQUEST, document, token, () => service.exportPlan(document, job));
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * What the analysis reads of the editor settings: the rule severities and
 * the status date, `crmplan.statusDate` or else today (the local date), which
 * counts for plans that record progress (docs/format.md#the-status-date).
 */
function analysisSettings(settings: CrmplanSettings): AnalysisSettings {
  if (settings.statusDate) return { rules: settings.rules, statusDate: settings.statusDate };
  return { rules: settings.rules, today: localToday() };
}
