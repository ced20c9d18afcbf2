// The extension-host suite (mocha, tdd): runs inside the real VS Code extension host through
// index.mjs and uses the VS Code API against the crmplan extension and its language server.
// Bundled by scripts/build-extension-tests.mjs into out/test/extension-host/crmplan.test.js.
//
// "a plan with a typo" works on a temporary copy of fixtures/plan.crmplan.yaml. Its schedule
// (plan.start Mon 2027-01-04, Monday-Friday): while `depends_on: [kickof]` is unknown, kickoff
// is Mon Jan 4, requirements Mon Jan 4 -> Fri Jan 8 and configuration Mon Jan 11 -> Fri Jan 15;
// once the quick fix makes it `[kickoff]`, requirements is Tue Jan 5 -> Mon Jan 11
// (`crmplan schedule` agrees). The other suites open the plans in samples/ as they are.
//
// broken-server-check.mjs runs the diagnostics test alone (mocha grep on its title: keep the
// two in step) against a server that never publishes, and expects it to fail.
/* global suite, suiteSetup, suiteTeardown, test -- mocha's tdd interface, set up by index.mjs */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import { waitFor } from './wait-for.mjs';

const extensionId = 'crmplan.crmplan';
// __dirname is out/test/extension-host/ once bundled.
const repoRoot = path.resolve(__dirname, '../../..');
const fixture = path.join(repoRoot, 'test/e2e/extension-host/fixtures/plan.crmplan.yaml');
const samples = path.join(repoRoot, 'samples');
const cleanSamples = [
  'connectsphere.crmplan.yaml',
  'eight-stage-transformation.crmplan.yaml',
  'five-phase-project.crmplan.yaml',
  'launch-90-day.crmplan.yaml',
  'mid-market-8-week.crmplan.yaml',
];

/** @type {vscode.TextDocument} */
let doc;
/** @type {string} */
let tempDir;

/** The position of the `occurrence`-th `needle` in the document, `shift` characters into it. */
function positionOf(needle, { shift = 0, occurrence = 0, document = doc } = {}) {
  const text = document.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i += 1) {
    index = text.indexOf(needle, index + 1);
    assert.notEqual(index, -1, `"${needle}" (occurrence ${occurrence}) is not in the plan`);
  }
  return document.positionAt(index + shift);
}

/** @param {vscode.Diagnostic} diagnostic */
function codeValue(diagnostic) {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

/** @param {string} rule @param {vscode.Uri} [uri] */
function diagnosticsOf(rule, uri = doc.uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeValue(d) === rule);
}

function unknownReferences() {
  return diagnosticsOf('unknown-reference');
}

/** @param {vscode.MarkdownString | vscode.MarkedString} content */
function markdownText(content) {
  return typeof content === 'string' ? content : content.value;
}

/** @param {string | vscode.InlayHintLabelPart[]} label */
function hintText(label) {
  return typeof label === 'string' ? label : label.map((part) => part.value).join('');
}

async function inlayHints() {
  const whole = new vscode.Range(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end);
  /** @type {vscode.InlayHint[]} */
  const hints = (await vscode.commands.executeCommand('vscode.executeInlayHintProvider', doc.uri, whole)) ?? [];
  return hints.map((hint) => ({ line: hint.position.line, label: hintText(hint.label) }));
}

/** @param {vscode.Position} position @param {vscode.Uri} [uri] */
async function hoverText(position, uri = doc.uri) {
  /** @type {vscode.Hover[]} */
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((hover) => hover.contents.map(markdownText)).join('\n');
}

/** @param {string} name */
async function openSample(name) {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(samples, name)));
  await vscode.window.showTextDocument(document);
  return document;
}

suite('a plan with a typo', () => {
  suiteSetup(async () => {
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'crmplan-ext-host-'));
    const file = path.join(tempDir, 'plan.crmplan.yaml');
    await copyFile(fixture, file);
    doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
  });

  suiteTeardown(async () => {
    // Save (the quick fix left it dirty) so closing cannot prompt, then clean up.
    if (doc?.isDirty) await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  test('the plan opens with languageId crmplan and the extension is active', async () => {
    assert.equal(doc.languageId, 'crmplan');
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `extension ${extensionId} is not installed`);
    await waitFor('the extension is active', () => extension.isActive, { timeoutMs: 20_000 });
  });

  test('the server publishes an unknown-reference error on "kickof" whose code links to docs/rules/unknown-reference.md', async () => {
    const [diagnostic] = await waitFor('an unknown-reference diagnostic is published', () => unknownReferences().length > 0 && unknownReferences(), {
      timeoutMs: 20_000,
      lastSeen: () => vscode.languages.getDiagnostics(doc.uri).map((d) => ({ code: codeValue(d), message: d.message })),
    });
    assert.equal(doc.getText(diagnostic.range), 'kickof');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const code = diagnostic.code;
    const target = typeof code === 'object' && code !== null ? code.target : undefined;
    assert.ok(target, `the diagnostic's code has no target: ${JSON.stringify(code)}`);
    assert.match(target.toString(true), /docs\/rules\/unknown-reference\.md$/);
  });

  test('hover on a task id shows its computed dates', async () => {
    const position = positionOf('id: configuration', { shift: 5 });
    const text = await waitFor('the hover of configuration has its dates', async () => {
      const value = await hoverText(position);
      return /2027-01-11/.test(value) && /2027-01-15/.test(value) && value;
    }, { lastSeen: () => hoverText(position) });
    assert.match(text, /Start: Mon 2027-01-11/);
    assert.match(text, /Finish: Fri 2027-01-15/);
  });

  test('completion at an owner value lists the person ids', async () => {
    const position = positionOf('owner: admin', { shift: 'owner: '.length });
    const labels = async () => {
      /** @type {vscode.CompletionList | undefined} */
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position);
      return (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    };
    await waitFor('completion lists ceo, pm and admin', async () => {
      const found = await labels();
      return ['ceo', 'pm', 'admin'].every((id) => found.includes(id));
    }, { lastSeen: labels });
  });

  test('document symbols list the phases and their tasks', async () => {
    /** @returns {Promise<string[]>} */
    const names = async () => {
      /** @type {(vscode.DocumentSymbol | vscode.SymbolInformation)[]} */
      const symbols = (await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
      const all = [];
      const walk = (list, parent) => {
        for (const symbol of list) {
          all.push(parent ? `${parent}/${symbol.name}` : symbol.name);
          if ('children' in symbol && symbol.children) walk(symbol.children, parent ? `${parent}/${symbol.name}` : symbol.name);
        }
      };
      walk(symbols, '');
      return all;
    };
    const found = await waitFor('the symbols include the phases and tasks', async () => {
      const all = await names();
      return ['discovery', 'kickoff', 'requirements', 'build', 'configuration'].every((id) => all.some((name) => name.split('/').at(-1) === id)) && all;
    }, { lastSeen: names });
    // Tasks are children of their phase.
    assert.ok(found.some((name) => /(^|\/)discovery\/kickoff$/.test(name)), `kickoff is not under discovery: ${found.join(', ')}`);
    assert.ok(found.some((name) => /(^|\/)build\/configuration$/.test(name)), `configuration is not under build: ${found.join(', ')}`);
  });

  test('go to definition on a depends_on reference returns the declaration', async () => {
    const reference = positionOf('depends_on: [requirements]', { shift: 'depends_on: ['.length + 2 });
    const declaration = positionOf('id: requirements', { shift: 4 });
    const results = await waitFor('the definition provider answers', async () => {
      /** @type {(vscode.Location | vscode.LocationLink)[] | undefined} */
      const found = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, reference);
      return found && found.length > 0 && found;
    });
    assert.equal(results.length, 1);
    const [result] = results;
    const uri = 'targetUri' in result ? result.targetUri : result.uri;
    const range = 'targetUri' in result ? (result.targetSelectionRange ?? result.targetRange) : result.range;
    assert.equal(uri.toString(), doc.uri.toString());
    assert.ok(range.contains(declaration), `the definition ${JSON.stringify(range)} does not contain ${JSON.stringify(declaration)}`);
  });

  test('rename returns edits for every occurrence of a person id', async () => {
    const text = doc.getText();
    const occurrences = [...text.matchAll(/\bpm\b/g)].map((match) => match.index);
    assert.equal(occurrences.length, 4, 'the fixture names pm four times (manager, people, two owners)');
    /** @type {vscode.WorkspaceEdit} */
    const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, positionOf('manager: pm', { shift: 9 }), 'lead');
    assert.ok(edit, 'no rename edit');
    const edits = edit.get(doc.uri);
    assert.deepEqual(
      edits.map((e) => doc.offsetAt(e.range.start)).sort((a, b) => a - b),
      occurrences,
    );
    for (const e of edits) {
      assert.equal(doc.getText(e.range), 'pm');
      assert.equal(e.newText, 'lead');
    }
    assert.equal(edit.entries().length, 1, 'the rename touches only this plan');
  });

  test('inlay hints show dates and crmplan.inlayHints.enabled=false turns them off', async () => {
    const kickoffLine = positionOf('name: Kickoff meeting').line;
    const configurationLine = positionOf('name: Configure the CRM').line;
    const hints = await waitFor('inlay hints with dates', async () => {
      const found = await inlayHints();
      return found.some((h) => h.line === kickoffLine && h.label.includes('Jan 4')) && found;
    }, { lastSeen: inlayHints });
    assert.ok(hints.some((h) => h.line === configurationLine && h.label.includes('Jan 11 -> Jan 15')), JSON.stringify(hints));

    const configuration = vscode.workspace.getConfiguration('crmplan');
    await configuration.update('inlayHints.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('no inlay hints once disabled', async () => (await inlayHints()).length === 0, { lastSeen: inlayHints });
    } finally {
      await vscode.workspace.getConfiguration('crmplan').update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the inlay hints are back once restored', async () => (await inlayHints()).length > 0, { lastSeen: inlayHints });
  });

  test('the quick fix replaces the typo and the diagnostic goes away', async () => {
    const [diagnostic] = await waitFor('the unknown-reference diagnostic', () => unknownReferences().length > 0 && unknownReferences());
    /** @type {(vscode.CodeAction | vscode.Command)[]} */
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
    const fix = (actions ?? []).find((action) => 'edit' in action && action.edit && action.title === "Change 'kickof' to 'kickoff'");
    assert.ok(fix && 'edit' in fix && fix.edit, `no quick fix among: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit returned false');
    assert.equal(doc.lineAt(diagnostic.range.start.line).text, '        depends_on: [kickoff]');
    await waitFor('the unknown-reference diagnostic is gone', () => unknownReferences().length === 0, {
      lastSeen: () => unknownReferences().map((d) => d.message),
    });
  });

  test('after the fix the schedule follows: requirements is Jan 5 -> Jan 11', async () => {
    const line = positionOf('name: Requirements workshops').line;
    await waitFor('the requirements hint shows the new dates', async () => (await inlayHints()).some((h) => h.line === line && h.label.includes('Jan 5 -> Jan 11')), {
      lastSeen: inlayHints,
    });
  });
});

suite('the sample plans', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('with-problems/no-objectives.crmplan.yaml gets the no-objectives warning on its plan: line (8)', async () => {
    const document = await openSample('with-problems/no-objectives.crmplan.yaml');
    assert.equal(document.languageId, 'crmplan');
    const [diagnostic] = await waitFor('a no-objectives diagnostic is published', () => {
      const found = diagnosticsOf('no-objectives', document.uri);
      return found.length > 0 && found;
    }, {
      timeoutMs: 20_000,
      lastSeen: () => vscode.languages.getDiagnostics(document.uri).map((d) => ({ code: codeValue(d), message: d.message })),
    });
    assert.equal(diagnostic.range.start.line, 7);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /no objectives/);
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri).map(codeValue), ['no-objectives'], 'the plan is wrong in one way only');
  });

  for (const name of cleanSamples) {
    test(`${name} is scheduled: the hover on its first task shows a start date, and it has no errors`, async () => {
      const document = await openSample(name);
      assert.equal(document.languageId, 'crmplan');
      const firstTask = /^ {6}- id: (\S+)/m.exec(document.getText());
      assert.ok(firstTask, `${name} has no task written as "      - id: ..."`);
      const position = document.positionAt(firstTask.index + firstTask[0].length - 1);
      const text = await waitFor(`the hover of ${firstTask[1]} has its dates`, async () => {
        const value = await hoverText(position, document.uri);
        return /Start: \w{3} \d{4}-\d{2}-\d{2}/.test(value) && value;
      }, { timeoutMs: 20_000, lastSeen: () => hoverText(position, document.uri) });
      assert.ok(text.includes(`task \`${firstTask[1]}\``), `the hover does not name task ${firstTask[1]}:\n${text}`);
      const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(errors.map((d) => d.message), []);
    });
  }
});

suite('the timeline preview', () => {
  const previewViewType = 'crmplan.timelinePreview';

  /** Tabs whose input is a webview of the preview's viewType (VS Code prefixes the viewType). */
  function previewTabs() {
    return vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes(previewViewType));
  }

  function allTabs() {
    return vscode.window.tabGroups.all.flatMap((group) =>
      group.tabs.map((tab) => ({ label: tab.label, viewColumn: group.viewColumn, viewType: tab.input instanceof vscode.TabInputWebview ? tab.input.viewType : undefined })),
    );
  }

  /** @type {string} */
  let exportDir;

  suiteSetup(async () => {
    exportDir = await mkdtemp(path.join(os.tmpdir(), 'crmplan-export-'));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (exportDir) await rm(exportDir, { recursive: true, force: true });
  });

  /** @returns {Promise<{documentUri: unknown, renderedTaskBars: number, loadRows: number, notice?: unknown} | undefined>} */
  const describe = () => vscode.commands.executeCommand('crmplan.preview.describe');

  /** Waits until the preview reports task bars drawn for `document`; returns its description. */
  function drawnPreviewOf(document) {
    return waitFor(`the preview has drawn the task bars of ${path.basename(document.uri.fsPath)}`, async () => {
      const found = await describe();
      return found && String(found.documentUri) === document.uri.toString() && found.renderedTaskBars > 0 && found;
    }, { timeoutMs: 30_000, lastSeen: describe });
  }

  /** Opens a sample with its preview beside it, drawn. */
  async function previewSample(name) {
    const document = await openSample(name);
    await vscode.commands.executeCommand('crmplan.showPreviewToSide');
    return { document, description: await drawnPreviewOf(document) };
  }

  test('crmplan.showPreviewToSide opens a crmplan.timelinePreview webview beside connectsphere.crmplan.yaml that draws its task bars', async () => {
    const document = await openSample('connectsphere.crmplan.yaml');
    // Registered once the extension has activated, which opening the plan starts (the other suites may not have run).
    await waitFor('the command crmplan.showPreviewToSide is registered', async () => (await vscode.commands.getCommands(true)).includes('crmplan.showPreviewToSide'), { timeoutMs: 20_000 });
    await vscode.commands.executeCommand('crmplan.showPreviewToSide');
    const [tab] = await waitFor('a tab with a crmplan.timelinePreview webview', () => {
      const found = previewTabs();
      return found.length > 0 && found;
    }, { timeoutMs: 20_000, lastSeen: allTabs });
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the preview opened over the plan instead of beside it');

    await drawnPreviewOf(document);
  });

  test('crmplan.showPreviewToSide given the URI of a plan no editor has opened draws that plan (the preview opens the document for the server)', async () => {
    await previewSample('connectsphere.crmplan.yaml');
    // A plan this session has never opened, like a preview restored after a reload whose editor is gone.
    const unopened = vscode.Uri.file(path.join(exportDir, 'never-opened.crmplan.yaml'));
    await copyFile(path.join(samples, 'launch-90-day.crmplan.yaml'), unopened.fsPath);
    assert.ok(!vscode.workspace.textDocuments.some((open) => open.uri.toString() === unopened.toString()), 'the plan is already open');
    await vscode.commands.executeCommand('crmplan.showPreviewToSide', unopened);
    const drawn = await waitFor('the preview has drawn never-opened.crmplan.yaml', async () => {
      const found = await describe();
      return found && String(found.documentUri) === unopened.toString() && found.renderedTaskBars > 0 && found;
    }, { timeoutMs: 30_000, lastSeen: describe });
    assert.equal(drawn.notice, undefined, `the preview shows a notice: ${String(drawn.notice)}`);
    assert.ok(!vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === unopened.toString()), 'an editor was opened for the plan');
  });

  test('crmplan.exportTimelineSvg with a target URI writes the chart there (no dialog), with as many task bars as the preview drew', async () => {
    const { description } = await previewSample('connectsphere.crmplan.yaml');
    const target = vscode.Uri.file(path.join(exportDir, 'connectsphere.timeline.svg'));
    const written = await vscode.commands.executeCommand('crmplan.exportTimelineSvg', target);
    assert.equal(String(written), target.toString(), 'the command does not report the file it wrote');
    const svg = await readFile(target.fsPath, 'utf8');
    assert.match(svg, /^(<\?xml[^>]*\?>\s*)?<svg[\s>]/, `the file is not an SVG: ${svg.slice(0, 100)}`);
    // Mermaid's task bars: <rect id="<chart id>-t<n>" class="task ...">, as the preview counts them.
    const taskBars = [...svg.matchAll(/<rect\b[^>]*>/g)].filter(([tag]) => /\bid="[^"]*-t\d+"/.test(tag) && /\bclass="(?:[^"]*\s)?task[\s"]/.test(tag));
    assert.equal(taskBars.length, description.renderedTaskBars);
  });

  test('crmplan.exportTimelineMermaid with a target URI writes the gantt text there (no untitled editor), a section per phase', async () => {
    const { document } = await previewSample('connectsphere.crmplan.yaml');
    const untitled = () => vscode.workspace.textDocuments.filter((open) => open.isUntitled).length;
    const untitledBefore = untitled();
    const target = vscode.Uri.file(path.join(exportDir, 'connectsphere.mmd'));
    const written = await vscode.commands.executeCommand('crmplan.exportTimelineMermaid', target);
    assert.equal(String(written), target.toString(), 'the command does not report the file it wrote');
    const mermaid = await readFile(target.fsPath, 'utf8');
    assert.match(mermaid, /^gantt\n/);
    const phases = parseYaml(document.getText()).phases;
    const sections = mermaid.split('\n').filter((line) => line.startsWith('section '));
    assert.equal(sections.length, phases.length, `sections: ${sections.join(' | ')}`);
    assert.equal(untitled(), untitledBefore, 'an untitled editor was opened');
  });
});
