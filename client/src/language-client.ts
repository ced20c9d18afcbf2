import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/**
 * The id doubles as the settings prefix the client library reads: `crmplan.trace.server`
 * turns on protocol tracing without any code of ours.
 */
export const languageClientId = 'crmplan';
const languageClientName = 'crmplan Language Server';

/**
 * Builds (but does not start) the client for the bundled server `dist/server.js`.
 * Both the run and the debug options speak IPC, so the server's stdout stays free for logs.
 */
export function createLanguageClient(
  extensionContext: vscode.ExtensionContext,
  outputChannel: vscode.OutputChannel,
): LanguageClient {
  const serverModule = extensionContext.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      // A fixed port so a "attach to node" launch configuration can find the server.
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'crmplan' },
      { scheme: 'untitled', language: 'crmplan' },
    ],
    // No `synchronize.configurationSection`: the server pulls settings per
    // document (workspace/configuration) and registers for change
    // notifications itself, so pushing them too would validate twice.
    // One channel for the server's log and the protocol trace: users look in one place.
    outputChannel,
    traceOutputChannel: outputChannel,
  };
  return new LanguageClient(languageClientId, languageClientName, serverOptions, clientOptions);
}
