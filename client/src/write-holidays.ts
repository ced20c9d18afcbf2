import * as vscode from 'vscode';
import type { ClientContext } from './client-context.js';

/**
 * The title of the server's code action on the calendar's `country`
 * (server/src/fixes/write-holidays.ts WRITE_HOLIDAYS_TITLE): the command
 * asks for the code actions of the whole plan and applies that one.
 */
const WRITE_HOLIDAYS_TITLE = "Write the country's holidays as dates";

/** "CRM Plan: Write Country Holidays as Dates": the code action, for the active plan. */
export function writeCountryHolidays(_context: ClientContext): () => Promise<void> {
  return async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'crmplan') {
      void vscode.window.showInformationMessage('crmplan: open a CRM plan (*.crmplan.yaml) first.');
      return;
    }
    const document = editor.document;
    const whole = new vscode.Range(new vscode.Position(0, 0), document.lineAt(Math.max(0, document.lineCount - 1)).range.end);
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const action = actions.find((candidate) => candidate.title === WRITE_HOLIDAYS_TITLE);
    if (!action?.edit) {
      void vscode.window.showInformationMessage(
        "crmplan: this plan's calendar names no country the holiday library knows (or it cannot be scheduled), so there are no country holidays to write.",
      );
      return;
    }
    await vscode.workspace.applyEdit(action.edit);
  };
}
