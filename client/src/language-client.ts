import * as vscode from 'vscode';
import {
  LanguageClient,
  ResponseError,
  State,
  TransportKind,
  type CancellationToken,
  type LanguageClientOptions,
  type MessageSignature,
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
  return new CrmplanLanguageClient(languageClientId, languageClientName, serverOptions, clientOptions);
}

/**
 * A request VS Code makes on its own (code actions for the light bulb,
 * hovers, inlay hints) can arrive while the client is starting and be
 * answered after it has begun to stop: at a folder switch or a window
 * reload, or during "Restart Language Server". The library then rejects it
 * with a plain `Error('Starting server failed')` (its `$start`, when start
 * resolved but the client is no longer running) and logs "Request
 * textDocument/codeAction failed" in the output channel, although nothing
 * is wrong. Such a failure is not the server's answer (that would be a
 * `ResponseError`) and comes from a client that is stopping or no longer
 * running (a connection disposed under it fails the same way): it is
 * dropped with the request's default value, as the library itself does for
 * a connection that closed while waiting. Every other failure is still
 * logged.
 */
class CrmplanLanguageClient extends LanguageClient {
  /** Set when stop (or dispose, which stops) begins: from then on the client only winds down. */
  private stopRequested = false;

  override stop(timeout?: number): Promise<void> {
    this.stopRequested = true;
    return super.stop(timeout);
  }

  override handleFailedRequest<T>(type: MessageSignature, token: CancellationToken | undefined, error: unknown, defaultValue: T, showNotification?: boolean): T {
    if (!(error instanceof ResponseError) && (this.stopRequested || this.state !== State.Running)) return defaultValue;
    return super.handleFailedRequest(type, token, error, defaultValue, showNotification);
  }
}
