import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './language-client.js';

/** A command implementation built over the context (see `commands.ts`). */
export type Command = (...args: unknown[]) => unknown;
export type CommandFactory = (context: ClientContext) => Command;

/**
 * Owns the language client and everything the extension registers, so that restarting the
 * server or deactivating the extension has exactly one place to tear things down
 * (the shape of rust-analyzer's `Ctx`).
 */
export class ClientContext implements vscode.Disposable {
  readonly outputChannel: vscode.OutputChannel;
  private languageClient: LanguageClient | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Restarts run one after another: two quick clicks must not start two servers. */
  private lifecycle: Promise<void> = Promise.resolve();

  constructor(readonly extensionContext: vscode.ExtensionContext) {
    this.outputChannel = vscode.window.createOutputChannel('crmplan');
    this.disposables.push(this.outputChannel);
  }

  get client(): LanguageClient | undefined {
    return this.languageClient;
  }

  async start(): Promise<void> {
    if (this.languageClient === undefined) {
      this.languageClient = createLanguageClient(this.extensionContext, this.outputChannel);
    }
    await this.languageClient.start();
  }

  /**
   * A fresh client rather than `LanguageClient.restart()`: a client whose start failed
   * (say, a broken server bundle) cannot always be stopped cleanly, and a new one can.
   */
  restart(): Promise<void> {
    const next = this.lifecycle.then(async () => {
      await this.stopAndDisposeClient();
      await this.start();
    });
    // A failed restart is reported by the caller; the next one may still run.
    this.lifecycle = next.catch(() => undefined);
    return next;
  }

  registerCommand(name: string, factory: CommandFactory): void {
    this.disposables.push(vscode.commands.registerCommand(name, factory(this)));
  }

  async dispose(): Promise<void> {
    await this.stopAndDisposeClient();
    for (const disposable of this.disposables.splice(0).reverse()) {
      disposable.dispose();
    }
  }

  private async stopAndDisposeClient(): Promise<void> {
    const client = this.languageClient;
    this.languageClient = undefined;
    if (client === undefined) {
      return;
    }
    try {
      await client.dispose(2000);
    } catch (error) {
      // The server may already be gone; stopping it is best effort.
      this.outputChannel.appendLine(`crmplan: stopping the language server failed: ${String(error)}`);
    }
  }
}
