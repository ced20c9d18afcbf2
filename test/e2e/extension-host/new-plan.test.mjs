// "CRM Plan: New Plan from Template..." in the real extension host (code-server's remote host,
// with the sandbox workspace folder open): the test answers the quick pick, the two input
// boxes and the save dialog (code-server's simple file dialog, itself a quick input) with the
// workbench's own commands, as a keyboard would, and checks the file it writes and that the
// language server finds nothing in it. `crmplan.newPlan.describe` reports which prompt is up
// (the API has no other way to see a quick input); every wait is bounded (waitFor).
/* global suite, test -- mocha's tdd interface, set up by index.mjs */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { localToday, nextMonday, PLAN_TEMPLATES, planFileName, planFromTemplate, planTemplate, templateName } from '../../../server/src/shared/plan-templates.ts';
import { waitFor } from './wait-for.mjs';

const describePrompt = () => vscode.commands.executeCommand('crmplan.newPlan.describe');
const accept = () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

/** @param {string} step */
function promptAt(step) {
  return waitFor(`the "${step}" prompt is up`, async () => (await describePrompt()).step === step, { lastSeen: describePrompt });
}

suite('a new plan from a template', () => {
  test('the quick pick, the name, the start and the save dialog answered: the plan opens with no diagnostics', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite runs with a workspace folder open');
    const template = planTemplate('launch-90-day');
    assert.ok(template);
    const start = nextMonday(localToday());
    const created = vscode.commands.executeCommand('crmplan.newPlanFromTemplate');

    await promptAt('template');
    // Down the list to the 90-day launch, as the arrow keys would.
    await waitFor('the quick pick has the 90-day launch under the cursor', async () => {
      const state = await describePrompt();
      if (state.template === template.id) return true;
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      return false;
    }, { timeoutMs: 20_000, intervalMs: 200, lastSeen: describePrompt });
    await accept();
    await promptAt('name');
    assert.equal((await describePrompt()).value, templateName(template));
    await accept();
    await promptAt('start');
    assert.equal((await describePrompt()).value, start);
    await accept();
    await promptAt('save');
    // The save dialog proposes <name>.crmplan.yaml in the folder; Enter takes it.
    await waitFor('the save dialog took the proposed file', async () => {
      if ((await describePrompt()).step === 'done') return true;
      await accept();
      return false;
    }, { timeoutMs: 20_000, intervalMs: 500, lastSeen: describePrompt });
    const uri = await created;
    assert.ok(uri instanceof vscode.Uri, `the command resolved with ${String(uri)}`);
    assert.equal(uri.toString(), vscode.Uri.joinPath(folder.uri, planFileName(templateName(template))).toString());

    const expected = planFromTemplate(template, templateName(template), start);
    const written = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    assert.equal(written, expected);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor.document.languageId, 'crmplan');

    // No diagnostics: zero is also what is seen before the server has answered, so first make
    // the server report something (a misspelt dependency), then take it back and wait until its
    // diagnostics for the template's own text are in: none at all, of any severity.
    const needle = 'depends_on: [kickoff]';
    const at = editor.document.positionAt(expected.indexOf(needle) + needle.length - 1);
    await editor.edit((edit) => edit.insert(at, 'x'));
    await waitFor('the misspelt dependency is reported', () => vscode.languages.getDiagnostics(uri).some((d) => String(d.code?.value ?? d.code) === 'unknown-reference'), {
      timeoutMs: 20_000,
      lastSeen: () => vscode.languages.getDiagnostics(uri).map((d) => d.message),
    });
    await editor.edit((edit) => edit.delete(new vscode.Range(at, at.translate(0, 1))));
    assert.equal(editor.document.getText(), expected);
    const remaining = await waitFor('the plan has no diagnostics', () => vscode.languages.getDiagnostics(uri).length === 0, {
      timeoutMs: 20_000,
      lastSeen: () => vscode.languages.getDiagnostics(uri).map((d) => `${d.severity} ${d.message}`),
    });
    assert.equal(remaining, true);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  test('an empty plan file shows one hint, offers the templates first, and a template accepted as it is leaves no diagnostics', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'crmplan', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    const uri = document.uri;
    const shown = () => vscode.languages.getDiagnostics(uri).map((d) => ({ severity: d.severity, code: String(d.code?.value ?? d.code), message: d.message }));
    // The server has answered once this hint is there; nothing else is.
    await waitFor('the empty plan has its hint', () => shown().length > 0, { timeoutMs: 20_000, lastSeen: shown });
    assert.deepEqual(shown().map(({ severity, code }) => ({ severity, code })), [{ severity: vscode.DiagnosticSeverity.Hint, code: 'schema' }]);
    assert.match(shown()[0].message, /^The plan is empty: start it from a template/);

    /** @type {vscode.CompletionList} */
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(0, 0));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    const titles = PLAN_TEMPLATES.map((template) => `new plan: ${template.title}`);
    assert.deepEqual(labels.slice(0, titles.length), titles, `offered: ${labels.join(' | ')}`);
    const bySort = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(bySort.slice(0, titles.length).map((item) => item.label), titles);

    const template = PLAN_TEMPLATES[0];
    const item = list.items[0];
    assert.ok(item.insertText instanceof vscode.SnippetString, 'the template item is a snippet');
    await editor.insertSnippet(item.insertText, new vscode.Position(0, 0));
    assert.equal(document.getText(), planFromTemplate(template, templateName(template), nextMonday(localToday())));
    await waitFor('the new plan has no diagnostics', () => shown().length === 0, { timeoutMs: 20_000, lastSeen: shown });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
