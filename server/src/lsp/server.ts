import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../service/language-service.js';
import { DEFAULT_SETTINGS, normalizeSettings, type CrmplanSettings } from '../shared/settings.js';
import { ValidationScheduler } from './validation-scheduler.js';

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const service = new LanguageService();
  let clientHasConfiguration = false;
  let clientRegistersConfigurationChanges = false;

  /** Settings are asked for each time, scoped to the document, never kept. */
  const settingsFor = async (uri: string): Promise<CrmplanSettings> => {
    if (!clientHasConfiguration) return DEFAULT_SETTINGS;
    try {
      const section: unknown = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'crmplan' });
      return normalizeSettings(section);
    } catch {
      return DEFAULT_SETTINGS;
    }
  };

  const publish = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    // The text may have changed while we waited for the settings.
    if (!current || current.version !== document.version) return;
    const diagnostics = service.validate(current, { rules: settings.rules });
    await connection.sendDiagnostics({ uri, version: current.version, diagnostics });
  };

  const scheduler = new ValidationScheduler((uri) => {
    publish(uri).catch((error: unknown) => connection.console.error(`crmplan: validation failed: ${String(error)}`));
  });

  connection.onInitialize((params): InitializeResult => {
    clientHasConfiguration = params.capabilities.workspace?.configuration === true;
    // Only clients that said so accept dynamic registration (Neovim 0.7 does not).
    clientRegistersConfigurationChanges =
      params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      },
      serverInfo: { name: 'crmplan', version: '0.1.0' },
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
    scheduler.cancel(uri);
    service.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration(() => {
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
  });

  documents.listen(connection);
  connection.listen();
}
