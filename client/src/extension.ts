import * as vscode from 'vscode';
import * as commands from './commands.js';
import { ClientContext } from './client-context.js';
import { describeNewPlanPrompt, newPlanFromTemplate } from './new-plan.js';
import { registerPreviewCommands } from './preview/preview-commands.js';
import { exportPlan } from './export/export-command.js';
import { writeCountryHolidays } from './write-holidays.js';
import { setBaseline } from './set-baseline.js';

let context: ClientContext | undefined;

export async function activate(extensionContext: vscode.ExtensionContext): Promise<void> {
  context = new ClientContext(extensionContext);
  // Commands first: "Restart Language Server" must work even when the first start fails.
  context.registerCommand('crmplan.restartServer', commands.restartServer);
  context.registerCommand('crmplan.showOutput', commands.showOutput);
  context.registerCommand('crmplan.newPlanFromTemplate', newPlanFromTemplate);
  context.registerCommand('crmplan.newPlan.describe', describeNewPlanPrompt);
  registerPreviewCommands(context);
  context.registerCommand('crmplan.export', exportPlan);
  context.registerCommand('crmplan.writeHolidays', writeCountryHolidays);
  context.registerCommand('crmplan.setBaseline', setBaseline);
  try {
    await context.start();
  } catch (error) {
    context.outputChannel.appendLine(`crmplan: the language server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage(
      'crmplan: the language server did not start. See the "crmplan" output channel.',
    );
  }
}

export async function deactivate(): Promise<void> {
  await context?.dispose();
  context = undefined;
}
