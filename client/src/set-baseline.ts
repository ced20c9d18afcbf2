import * as vscode from 'vscode';
import { SET_BASELINE_REQUEST, type SetBaselineParams, type SetBaselineResult } from '@crmplan/shared/protocol.js';
import type { CommandFactory } from './client-context.js';
import { localIsoDate } from './preview/preview-html.js';

/**
 * "CRM Plan: Set Baseline": asks the server for the edit that writes the
 * active plan's current dates into its `baseline:` block (dated today) and
 * applies it as one workspace edit, so Undo takes it back and the file is
 * saved only when the user saves it. An edit for an older version of the
 * text (the user typed meanwhile) is not applied.
 */
export const setBaseline: CommandFactory = (context) => async () => {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'crmplan') {
    void vscode.window.showInformationMessage('crmplan: open a CRM plan (*.crmplan.yaml) first.');
    return;
  }
  const client = context.client;
  if (!client) {
    void vscode.window.showErrorMessage('crmplan: the language server is not running (see the "crmplan" output channel).');
    return;
  }
  const document = editor.document;
  const params: SetBaselineParams = { uri: client.code2ProtocolConverter.asUri(document.uri), date: localIsoDate(new Date()) };
  const answer = await client.sendRequest<SetBaselineResult>(SET_BASELINE_REQUEST, params);
  if ('refused' in answer) {
    void vscode.window.showWarningMessage(`crmplan: cannot set the baseline: ${answer.refused}.`);
    return;
  }
  if (answer.version !== document.version) {
    void vscode.window.showWarningMessage('crmplan: the plan changed while the baseline was computed; run Set Baseline again.');
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const textEdit of answer.edits) {
    const range = new vscode.Range(textEdit.range.start.line, textEdit.range.start.character, textEdit.range.end.line, textEdit.range.end.character);
    edit.replace(document.uri, range, textEdit.newText);
  }
  if (await vscode.workspace.applyEdit(edit)) void vscode.window.setStatusBarMessage(`crmplan: ${answer.summary}`, 5000);
};
