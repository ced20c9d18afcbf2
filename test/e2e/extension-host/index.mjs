// Extension-host integration tests: they run inside the real VS Code extension host (the
// `extensionTestsPath` contract: a module exporting `run(): Promise<void>`) and use the
// VS Code API against the crmplan extension and its language server, on a temporary copy of
// fixtures/plan.crmplan.yaml. Bundled by scripts/build-extension-tests.mjs into
// out/test/extension-host/index.js; run by run-in-code-server.mjs (offline) or
// run-in-electron.mjs (@vscode/test-electron, downloads VS Code).
//
// The plan's schedule (plan.start Mon 2027-01-04, Monday-Friday): while `depends_on: [kickof]`
// is unknown, kickoff is Mon Jan 4, requirements Mon Jan 4 -> Fri Jan 8 and configuration
// Mon Jan 11 -> Fri Jan 15; once the quick fix makes it `[kickoff]`, requirements is
// Tue Jan 5 -> Mon Jan 11 (`crmplan schedule` agrees).
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { runAll, test, waitFor } from './runner.mjs';

const extensionId = 'crmplan.crmplan';
// __dirname is out/test/extension-host/ once bundled.
const fixture = path.resolve(__dirname, '../../../test/e2e/extension-host/fixtures/plan.crmplan.yaml');

/** @type {vscode.TextDocument} */
let doc;
/** @type {string} */
let tempDir;

/** The position of the `occurrence`-th `needle` in the document, `shift` characters into it. */
function positionOf(needle, { shift = 0, occurrence = 0 } = {}) {
  const text = doc.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i += 1) {
    index = text.indexOf(needle, index + 1);
    assert.notEqual(index, -1, `"${needle}" (occurrence ${occurrence}) is not in the plan`);
  }
  return doc.positionAt(index + shift);
}

/** @param {vscode.Diagnostic} diagnostic */
function codeValue(diagnostic) {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

function unknownReferences() {
  return vscode.languages.getDiagnostics(doc.uri).filter((d) => codeValue(d) === 'unknown-reference');
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

/** @param {vscode.Position} position */
async function hoverText(position) {
  /** @type {vscode.Hover[]} */
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, position)) ?? [];
  return hovers.flatMap((hover) => hover.contents.map(markdownText)).join('\n');
}

test('the plan opens with languageId crmplan and the extension is active', async () => {
  assert.equal(doc.languageId, 'crmplan');
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `extension ${extensionId} is not installed`);
  await waitFor('the extension is active', () => extension.isActive, { timeoutMs: 20_000 });
});

test('an unknown-reference diagnostic on "kickof" links to docs/rules/unknown-reference.md', async () => {
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
  assert.match(doc.getText(), /depends_on: \[kickoff\]/);
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

export async function run() {
  await runAll({
    before: async () => {
      tempDir = await mkdtemp(path.join(os.tmpdir(), 'crmplan-ext-host-'));
      const file = path.join(tempDir, 'plan.crmplan.yaml');
      await copyFile(fixture, file);
      doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc);
    },
    after: async () => {
      // Save (the quick fix left it dirty) so closing cannot prompt, then clean up.
      if (doc?.isDirty) await doc.save();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  });
}
