import * as vscode from 'vscode';
import * as commands from './commands.js';
import { ClientContext } from './client-context.js';
import { describeNewPlanPrompt, newPlanFromTemplate } from './new-plan.js';
import { registerPreviewCommands } from './preview/preview-commands.js';
import { exportPlan } from './export/export-command.js';
import { MarkdownCharts } from './markdown/markdown-charts.js';
import type MarkdownIt from 'markdown-it';
import { crmplanMarkdownPlugin } from './markdown/markdown-plugin.js';
import { writeCountryHolidays } from './write-holidays.js';
import { setBaseline } from './set-baseline.js';

let context: ClientContext | undefined;

/** What `activate` returns: VS Code's Markdown preview calls `extendMarkdownIt` (contributes.markdown.markdownItPlugins). */
export interface CrmplanExtensionApi {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export async function activate(extensionContext: vscode.ExtensionContext): Promise<CrmplanExtensionApi> {
  context = new ClientContext(extensionContext);
  const charts = new MarkdownCharts(context);
  extensionContext.subscriptions.push(charts);
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
  return { extendMarkdownIt: (md) => crmplanMarkdownPlugin(md, charts) };
}

export async function deactivate(): Promise<void> {
  await context?.dispose();
  context = undefined;
}
