// CRM Plan: Export... (crmplan.export) in the real extension host, against the real language
// server: the command given a format and a target URI writes the file with no dialog, and the
// file is what a calendar reads (ical.js) with the dates crmplan's own CLI computes.
/* global suite, suiteSetup, suiteTeardown, test -- mocha's tdd interface, set up by index.mjs */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import * as vscode from 'vscode';
import { waitFor } from './wait-for.mjs';

// __dirname is out/test/extension-host/ once bundled.
const repoRoot = path.resolve(__dirname, '../../..');
const sample = path.join(repoRoot, 'samples/connectsphere.crmplan.yaml');

/** The built CLI's answer, as a second opinion (ELECTRON_RUN_AS_NODE: the host may be Electron). */
function cli(...args) {
  return execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'pipe',
  });
}

const isoDate = (time) => `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;

function dayAfter(date) {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

suite('CRM Plan: Export...', () => {
  /** @type {string} */
  let exportDir;

  suiteSetup(async () => {
    exportDir = await mkdtemp(path.join(os.tmpdir(), 'crmplan-export-command-'));
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(sample));
    await vscode.window.showTextDocument(document);
    // The server is up once it answers for the plan (a clean sample may publish no diagnostics at all).
    await waitFor('the server lists the symbols of the sample', async () => {
      const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
      return Array.isArray(symbols) && symbols.length > 0;
    }, { timeoutMs: 30_000 });
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (exportDir) await rm(exportDir, { recursive: true, force: true });
  });

  test('crmplan.export with format ics and a target URI writes a calendar that ical.js reads, with the schedule\'s dates and the CLI\'s bytes', async () => {
    const target = vscode.Uri.file(path.join(exportDir, 'connectsphere.ics'));
    const written = await vscode.commands.executeCommand('crmplan.export', { document: vscode.Uri.file(sample), format: 'ics', target });
    assert.equal(String(written), target.toString(), 'the command does not report the file it wrote');
    const text = await readFile(target.fsPath, 'utf8');
    assert.equal(text, cli('export', 'samples/connectsphere.crmplan.yaml', '--format', 'ics'), 'the editor and the CLI export different calendars');

    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const schedule = JSON.parse(cli('schedule', 'samples/connectsphere.crmplan.yaml', '--format', 'json'));
    const tasks = new Map(schedule.tasks.map((task) => [task.id, task]));
    const taskEvents = events.filter((event) => !event.uid.startsWith('communication/') && tasks.has(event.uid.split('@')[0]));
    assert.ok(taskEvents.length >= 5, `only ${taskEvents.length} task events`);
    for (const event of taskEvents) {
      const task = tasks.get(event.uid.split('@')[0]);
      assert.equal(isoDate(event.startDate), task.start, `${event.uid} starts on another day`);
      assert.equal(isoDate(event.endDate), dayAfter(task.finish), `${event.uid} ends on another day`);
    }
    assert.ok(taskEvents.some((event) => event.uid === 'uat@connectsphere-crm-rollout.crmplan'), 'no UAT window');
    const series = events.filter((event) => event.isRecurring());
    assert.ok(series.length > 0, 'no recurring communication');
  });
});
