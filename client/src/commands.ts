import * as vscode from 'vscode';
import type { CommandFactory } from './client-context.js';

/** crmplan.restartServer: picks up a rebuilt server or recovers one that crashed too often. */
export const restartServer: CommandFactory = (context) => async () => {
  try {
    await context.restart();
    void vscode.window.setStatusBarMessage('crmplan: language server restarted', 3000);
  } catch (error) {
    context.outputChannel.appendLine(`crmplan: restarting the language server failed: ${String(error)}`);
    void vscode.window.showErrorMessage(`crmplan: the language server did not restart (${String(error)}).`);
  }
};

/** crmplan.showOutput: the server log and, with `crmplan.trace.server`, the protocol trace. */
export const showOutput: CommandFactory = (context) => () => {
  context.outputChannel.show(true);
};
