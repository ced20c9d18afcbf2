// Timelines wherever plans are read, and the preview's behaviours (issue 17), in the real
// extension host against the real language server:
// - VS Code's own Markdown preview renders a `crmplan-gantt` block with the plugin the
//   extension returns from activate (markdown.api.render runs the preview's markdown-it, with
//   every contributed plugin, on a document);
// - "Open Timeline Preview to the Side" twice reveals the one preview, in its column;
// - restarting the server while VS Code asks for code actions logs no failed request (the
//   runner, run-in-code-server.mjs, fails the run when the crmplan log has one).
/* global suite, suiteSetup, suiteTeardown, test -- mocha's tdd interface, set up by index.mjs */
import assert from 'node:assert/strict';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './wait-for.mjs';

const extensionId = 'crmplan.crmplan';
// __dirname is out/test/extension-host/ once bundled.
const repoRoot = path.resolve(__dirname, '../../..');
const sample = path.join(repoRoot, 'samples/connectsphere.crmplan.yaml');

function workspaceFolder() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the extension-host run has no workspace folder');
  return folder.uri.fsPath;
}

suite('timelines in Markdown (the Markdown preview plugin)', () => {
  /** @type {string} */
  let dir;

  suiteSetup(async () => {
    dir = path.join(workspaceFolder(), 'markdown-timelines');
    await mkdir(path.join(dir, 'plans'), { recursive: true });
    await copyFile(sample, path.join(dir, 'plans', 'connectsphere.crmplan.yaml'));
    await vscode.extensions.getExtension(extensionId)?.activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the extension returns extendMarkdownIt from activate and contributes it with the preview scripts', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension?.isActive, 'the extension is not active');
    assert.equal(typeof extension.exports?.extendMarkdownIt, 'function');
    const contributes = extension.packageJSON.contributes;
    assert.equal(contributes['markdown.markdownItPlugins'], true);
    assert.deepEqual(contributes['markdown.previewScripts'], ['./dist/webview/mermaid.min.js', './dist/webview/markdown-preview.js']);
  });

  test('markdown.api.render draws a crmplan-gantt block as the plan\'s Mermaid chart, and refuses a plan outside the workspace', async () => {
    const readme = vscode.Uri.file(path.join(dir, 'README.md'));
    await writeFile(
      readme.fsPath,
      '# Rollout\n\n```crmplan-gantt\nplans/connectsphere.crmplan.yaml collapse-over=10\n```\n\n```crmplan-gantt\n../../../../etc/passwd\n```\n\n' +
        '<!-- crmplan:gantt plans/connectsphere.crmplan.yaml -->\n```mermaid\ngantt\nStale :t0, 2020-01-01, 2020-01-02\n```\n<!-- /crmplan:gantt -->\n',
    );
    const document = await vscode.workspace.openTextDocument(readme);
    const render = () => vscode.commands.executeCommand('markdown.api.render', document);
    const html = await waitFor('the crmplan-gantt block is drawn (the chart made and the preview refreshed)', async () => {
      const rendered = await render();
      // Both charts made: no placeholder, and the marker block no longer shows its stale text.
      return typeof rendered === 'string' && !rendered.includes('crmplan-gantt-pending') && !rendered.includes('Stale :t0') && rendered.includes('crmplan-gantt-unavailable') && rendered;
    }, { timeoutMs: 30_000, lastSeen: render });
    const source = /<pre class="crmplan-gantt-source">([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? '';
    assert.match(source, /^gantt\ndateFormat YYYY-MM-DD\n/);
    // collapse-over=10: the sample has more tasks, so each phase is one summary bar (`p<n>` keys).
    assert.match(source, /:(?:[a-z]+, )*p0, \d{4}-\d\d-\d\d, \d{4}-\d\d-\d\d\n/);
    assert.doesNotMatch(source, /, t0, /);
    assert.match(html, /crmplan: no timeline for \.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd: the plan is outside the workspace/);
    // The mermaid block under an --embed marker: drawn from the plan as it is now (every task, t0 first), not the stale text.
    const sources = [...html.matchAll(/<pre class="crmplan-gantt-source">([\s\S]*?)<\/pre>/g)].map((match) => match[1]);
    assert.equal(sources.length, 2);
    assert.match(html, /<!-- crmplan:gantt [^>]*-->\n<div class="crmplan-gantt" [^>]*><pre class="crmplan-gantt-source">gantt\ndateFormat YYYY-MM-DD\n/);
    assert.match(sources[1], /[:,] ?t0, \d{4}-\d\d-\d\d, \d{4}-\d\d-\d\d\n/);
  });
});

suite('the timeline preview: one per window', () => {
  const previewTabs = () =>
    vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('crmplan.timelinePreview'));

  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('"Open Timeline Preview to the Side" again, from the plan or from the preview, reveals the preview in its column', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(sample));
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('crmplan.showPreviewToSide');
    const [first] = await waitFor('one preview tab', () => previewTabs().length === 1 && previewTabs(), { timeoutMs: 20_000 });
    const column = first.group.viewColumn;
    assert.notEqual(column, vscode.ViewColumn.One);

    // From the plan's editor, and with the preview itself focused (Beside of it would be a third column).
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('crmplan.showPreviewToSide');
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    await vscode.commands.executeCommand('crmplan.showPreviewToSide', document.uri);
    await vscode.commands.executeCommand('crmplan.showPreview', document.uri);
    const tabs = previewTabs();
    assert.equal(tabs.length, 1, `previews: ${tabs.map((tab) => `${tab.label} in ${tab.group.viewColumn}`).join(', ')}`);
    assert.equal(tabs[0].group.viewColumn, column);
    assert.equal(vscode.window.tabGroups.all.length, 2, `editor groups: ${vscode.window.tabGroups.all.length}`);
  });
});

suite('restarting the language server', () => {
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('while VS Code asks for code actions and hovers, every request settles and the server answers afterwards', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(sample));
    await vscode.window.showTextDocument(document);
    // On the first task's id: a hover the server always has (the task's dates).
    const text = document.getText();
    const position = document.positionAt(text.indexOf('- id: ', text.indexOf('tasks:')) + '- id: '.length + 1);
    const range = new vscode.Range(position, position);
    const ask = () => [
      vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, range),
      vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position),
    ];
    const asked = [];
    for (let round = 0; round < 3; round++) {
      asked.push(...ask());
      const restart = vscode.commands.executeCommand('crmplan.restartServer');
      asked.push(...ask());
      await restart;
      asked.push(...ask());
    }
    const settled = await Promise.allSettled(asked);
    const rejected = settled.filter((result) => result.status === 'rejected').map((result) => String(result.reason));
    assert.deepEqual(rejected, []);
    // The last server answers (the log itself is checked by the runner after the run).
    await waitFor('a hover from the restarted server', async () => {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position);
      return Array.isArray(hovers) && hovers.length > 0;
    }, { timeoutMs: 30_000 });
  });
});
