#!/usr/bin/env node
// Runs the extension-host test suite (out/test/extension-host/index.js) inside a real VS Code
// extension host without a network: code-server 4.100.3 (VS Code 1.100.3) from
// .cache/code-server, its web workbench opened in Debian's Chromium with a `payload` that
// carries extensionDevelopmentPath and extensionTestsPath (what `code --extensionTestsPath`
// does on the desktop). The workbench reports the suite's log through
// window.codeAutomationLog and its exit code through window.codeAutomationExit.
//
//   npm run test:extension-host   (installs code-server, builds, bundles the suite, runs this)
//
// Options (broken-server-check.mjs uses both):
//   --extension DIR  the extension to load (extensionDevelopmentPath; default: this repository)
//   --grep TEXT      run only the tests whose full title contains TEXT (mocha grep, passed to
//                    the extension host as CRMPLAN_EXT_HOST_GREP)
//
// Exits with the suite's exit code; 1 with a message when the run does not finish in time.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchHeadlessChromium } from '../vscode/headless-chromium.mjs';
import { startCodeServer } from '../vscode/code-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const testsBundle = path.join(repoRoot, 'out/test/extension-host/index.js');
const { values: options } = parseArgs({ options: { extension: { type: 'string' }, grep: { type: 'string' } } });
const extensionPath = path.resolve(options.extension ?? repoRoot);
// code-server passes its environment on to the extension host, where index.js reads it.
if (options.grep) process.env.CRMPLAN_EXT_HOST_GREP = options.grep;
else delete process.env.CRMPLAN_EXT_HOST_GREP;
// The whole run, code-server start included. CRMPLAN_EXT_HOST_TIMEOUT_MS overrides it.
const budgetMs = Number(process.env.CRMPLAN_EXT_HOST_TIMEOUT_MS ?? 120_000);
if (!existsSync(testsBundle)) {
  console.error(`${path.relative(repoRoot, testsBundle)} is missing: run "node scripts/build-extension-tests.mjs" first`);
  process.exit(2);
}

const started = Date.now();
let passed = 0;
let failed = 0;

/**
 * The suite's own output (TAP-like: `1..N`, `ok N - ...`, `not ok N - ...`, `# ...`) goes to
 * stdout as it is; everything else the workbench logs (marketplace lookups that fail offline,
 * socket messages) is prefixed with [workbench].
 * @param {string} text
 */
function record(text) {
  for (const line of text.split('\n')) {
    if (/^ok \d+ /.test(line)) passed += 1;
    else if (/^not ok \d+ /.test(line)) failed += 1;
    const ours = /^(ok \d+ |not ok \d+ |1\.\.\d+$|\s*# )/.test(line);
    console.log(ours ? line : `[workbench] ${line}`);
  }
}

/** The workbench formats extension host console calls with %c styles; keep the text only. */
function automationText(args) {
  const parts = (Array.isArray(args) ? args : [args]).map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg)));
  if (parts.length > 0 && parts[0].includes('%c')) {
    const styles = (parts[0].match(/%c/g) ?? []).length;
    return [parts[0].replace(/%c/g, ''), ...parts.slice(1 + styles)].join(' ');
  }
  return parts.join(' ');
}

const emptyWorkspace = await mkdtemp(path.join(os.tmpdir(), 'crmplan-ext-host-ws-'));
const codeServer = await startCodeServer({ repoRoot, workspaceFixtures: emptyWorkspace, linkExtension: false });
let browser;
let exitCode = 1;
let timer;
try {
  const remote = (absolute) => `vscode-remote://${codeServer.authority}${absolute}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsBundle)],
  ];
  const url = `${codeServer.url}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  browser = await launchHeadlessChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

  /** @type {(code: number) => void} */
  let onExit = () => {};
  /** @type {Promise<number>} */
  const exited = new Promise((resolve, reject) => {
    onExit = resolve;
    timer = setTimeout(
      () => reject(new Error(`the extension-host tests did not finish within ${budgetMs / 1000} s (the workbench never called codeAutomationExit)`)),
      budgetMs - (Date.now() - started),
    );
  });
  exited.catch(() => {}); // handled below; keeps an early timeout from being an unhandled rejection
  await page.exposeFunction('codeAutomationExit', (code) => onExit(Number(code ?? 1)));
  await page.exposeFunction('codeAutomationLog', (_type, args) => record(automationText(args)));
  page.on('pageerror', (error) => console.error(`[workbench page error] ${error.message}`));

  await page.goto(url);
  exitCode = await exited;
  // The suite restarts the server while VS Code asks for code actions and hovers
  // (timelines-everywhere.test.mjs), and opens and closes plans throughout: a request that
  // failed only because the client was stopping must not be logged as a failure.
  const crmplanLog = (await codeServer.extensionLogs()).split('\n--- ').filter((part) => /crmplan[^/]*\.log$/i.test(part.split('\n')[0]));
  const failedRequests = crmplanLog.flatMap((part) => part.split('\n')).filter((line) => /Request \S+ failed|Starting server failed/.test(line));
  if (failedRequests.length > 0) {
    console.log(`not ok - the crmplan output channel logged failed requests during the run:\n${failedRequests.slice(0, 10).join('\n')}`);
    failed += 1;
  } else {
    console.log(`# the crmplan output channel logged no failed request (${crmplanLog.length} log file${crmplanLog.length === 1 ? '' : 's'} read)`);
  }
} catch (error) {
  console.error(`extension-host: ${error instanceof Error ? error.message : String(error)}`);
  console.error('--- extension host and crmplan logs');
  console.error(await codeServer.extensionLogs().catch(() => '(no logs)'));
  console.error('--- code-server log (tail)');
  console.error(codeServer.log().slice(-5000));
  exitCode = 1;
} finally {
  clearTimeout(timer);
  await browser?.close().catch(() => {});
  await codeServer.stop();
  await codeServer.removeSandbox();
  await rm(emptyWorkspace, { recursive: true, force: true });
}

if (exitCode !== 0 && failed === 0) failed = Math.max(1, failed);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`extension-host: ${passed} passed, ${failed} failed (exit code ${exitCode}, ${seconds} s)`);
process.exit(exitCode === 0 && failed === 0 ? 0 : exitCode || 1);
