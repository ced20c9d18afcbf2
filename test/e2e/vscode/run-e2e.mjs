#!/usr/bin/env node
// End-to-end test of the crmplan extension in a real VS Code (code-server 4.100.3, i.e.
// VS Code 1.100.3) driven through Debian's Chromium with playwright-core.
//
//   npm run test:e2e      (installs code-server on first use, builds, then runs this)
//
// The extension is not packaged: the repository folder is linked into code-server's
// extensions folder, so what runs is exactly dist/ + package.json + syntaxes/.
// Every wait polls for a state with a bound; nothing sleeps for a fixed time.
// Screenshots go to .cache/e2e/. On failure the Problems panel, the crmplan output
// channel (with the protocol trace) and the code-server log are printed.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startCodeServer } from './code-server.mjs';
import { poll } from './poll.mjs';
import { Workbench } from './workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const screenshots = path.join(repoRoot, '.cache/e2e');
const chromiumPath = process.env.CRMPLAN_E2E_CHROMIUM ?? '/usr/bin/chromium';
const totalBudgetMs = 170_000;

// Flags for Chromium on a machine without a network (see the editors-offline notes):
// without the background-networking ones it keeps trying to reach Google's hosts.
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const brokenPlan = 'unknown-dependency.crmplan.yaml';
const cleanPlan = 'clean.crmplan.yaml';
// Where the typo is in test/e2e/vscode/workspace/unknown-dependency.crmplan.yaml (1-based).
const typo = { line: 25, column: 22, text: 'kickof', fixedLine: '        depends_on: [kickoff]' };

/** @type {{codeServer?: Awaited<ReturnType<typeof startCodeServer>>, browser?: import('playwright-core').Browser, workbench?: Workbench}} */
const state = {};

const checks = [
  {
    name: 'code-server starts with the crmplan extension linked in and answers /healthz',
    run: async () => {
      state.codeServer = await startCodeServer({ repoRoot, workspaceFixtures: path.join(here, 'workspace') });
    },
  },
  {
    name: 'the workbench opens the workspace in Chromium',
    run: async () => {
      state.browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags, headless: true });
      const page = await state.browser.newPage({ viewport: { width: 1600, height: 1000 } });
      state.workbench = new Workbench(page);
      await page.goto(requireCodeServer().url, { timeout: 30_000 });
      await state.workbench.waitForWorkspace(brokenPlan);
    },
  },
  {
    name: `${cleanPlan} opens in the crmplan language (status bar shows "CRM plan")`,
    run: async () => {
      const workbench = requireWorkbench();
      await workbench.openFile(cleanPlan);
      await poll('the status bar language mode is "CRM plan"', async () => (await workbench.languageMode()) === 'CRM plan', {
        timeoutMs: 15_000,
        lastSeen: () => workbench.languageMode(),
      });
    },
  },
  {
    name: `${brokenPlan} gets an error squiggle from the language server`,
    run: async () => {
      const workbench = requireWorkbench();
      await workbench.openFile(brokenPlan);
      await poll('the status bar language mode is "CRM plan"', async () => (await workbench.languageMode()) === 'CRM plan', {
        timeoutMs: 15_000,
        lastSeen: () => workbench.languageMode(),
      });
      // The first diagnostics wait for extension activation and the server's start.
      await poll('an error squiggle is drawn in the editor', async () => (await workbench.errorSquiggles()) > 0, {
        timeoutMs: 45_000,
      });
    },
  },
  {
    name: 'the Problems panel lists the unknown dependency with rule code unknown-reference, and nothing for the clean plan',
    run: async () => {
      const workbench = requireWorkbench();
      await workbench.showProblemsPanel();
      const rows = await poll(
        `the Problems panel lists an unknown-reference error for '${typo.text}' in ${brokenPlan}`,
        async () => {
          const problems = await workbench.problemRows();
          const found = problems.some(
            (row) =>
              row.file === brokenPlan &&
              row.severity === 'error' &&
              row.text.includes(`'${typo.text}'`) &&
              row.text.includes(`line ${typo.line} and character ${typo.column}`),
          );
          return found ? problems : undefined;
        },
        { timeoutMs: 15_000, lastSeen: () => workbench.problemsPanelText() },
      );
      // The code is shown next to the message as "crmplan(unknown-reference)".
      const panelText = await workbench.problemsPanelText();
      if (!/unknown-reference/.test(panelText)) {
        throw new Error(`the Problems panel does not show the rule code unknown-reference:\n${panelText}`);
      }
      const errorsElsewhere = rows.filter((row) => row.severity === 'error' && row.file !== brokenPlan);
      if (errorsElsewhere.length > 0) {
        throw new Error(`unexpected errors outside ${brokenPlan}:\n${errorsElsewhere.map((row) => `${row.file}: ${row.text}`).join('\n')}`);
      }
      const errors = await workbench.errorCount();
      if (errors !== 1) {
        throw new Error(`the status bar counts ${errors} errors in the workspace; expected exactly 1`);
      }
      await screenshot('vscode-problems.png');
    },
  },
  {
    name: 'crmplan: Restart Language Server replaces the server process, and the new one reports the problem again',
    run: async () => {
      const workbench = requireWorkbench();
      const initializeCount = async () =>
        ((await requireCodeServer().extensionLogs()).match(/Sending request 'initialize/g) ?? []).length;
      const codeServer = requireCodeServer();
      const before = await initializeCount();
      const serversBefore = await codeServer.serverProcesses();
      if (serversBefore.length !== 1) {
        throw new Error(`expected one crmplan server process before the restart, found ${serversBefore.length}`);
      }
      await workbench.runCommand('crmplan: Restart Language Server');
      await poll('the crmplan output channel shows a second initialize request', async () => (await initializeCount()) > before, {
        timeoutMs: 20_000,
        lastSeen: async () => `${await initializeCount()} initialize requests`,
      });
      await poll('the restarted server reports the error again', async () => (await workbench.errorCount()) === 1 && (await workbench.errorSquiggles()) > 0, {
        timeoutMs: 20_000,
        lastSeen: async () => `${await workbench.errorCount()} errors, ${await workbench.errorSquiggles()} squiggles`,
      });
      // The old server must have exited: a restart that leaks a process per click is a bug.
      await poll(
        'exactly one crmplan server process runs, and not the old one',
        async () => {
          const servers = await codeServer.serverProcesses();
          return servers.length === 1 && servers[0] !== serversBefore[0];
        },
        { timeoutMs: 10_000, lastSeen: async () => `server pids ${JSON.stringify(await codeServer.serverProcesses())}, before ${JSON.stringify(serversBefore)}` },
      );
    },
  },
  {
    name: 'typing the missing letter fixes the dependency and the problem disappears',
    run: async () => {
      const workbench = requireWorkbench();
      await workbench.goTo(typo.line, typo.column + typo.text.length);
      await workbench.page.keyboard.type('f');
      await poll(`the editor shows "${typo.fixedLine.trim()}"`, async () => (await workbench.visibleLines()).includes(typo.fixedLine), {
        timeoutMs: 10_000,
        lastSeen: async () => (await workbench.visibleLines()).filter((line) => line.includes('depends_on')).join(' | '),
      });
      await poll(
        'the squiggle is gone, the Problems panel has no unknown-reference and the status bar counts 0 errors',
        async () =>
          (await workbench.errorSquiggles()) === 0 &&
          !(await workbench.problemsPanelText()).includes('unknown-reference') &&
          (await workbench.errorCount()) === 0,
        {
          timeoutMs: 15_000,
          lastSeen: async () =>
            `${await workbench.errorSquiggles()} squiggles, ${await workbench.errorCount()} errors; panel: ${await workbench.problemsPanelText()}`,
        },
      );
      await screenshot('vscode-fixed.png');
    },
  },
];

function requireCodeServer() {
  if (state.codeServer === undefined) throw new Error('code-server did not start');
  return state.codeServer;
}

function requireWorkbench() {
  if (state.workbench === undefined) throw new Error('the workbench did not open');
  return state.workbench;
}

async function screenshot(name) {
  if (state.workbench === undefined) return undefined;
  await mkdir(screenshots, { recursive: true });
  const file = path.join(screenshots, name);
  await state.workbench.page.screenshot({ path: file }).catch(() => undefined);
  return file;
}

async function reportFailure(error) {
  console.error(`\n${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  const shot = await screenshot('vscode-failure.png');
  if (shot) console.error(`\nscreenshot: ${path.relative(repoRoot, shot)}`);
  if (state.workbench) {
    console.error(`\n=== Problems panel ===\n${await state.workbench.problemsPanelText()}`);
    console.error(`\n=== status bar: language mode "${await state.workbench.languageMode()}", errors ${await state.workbench.errorCount()} ===`);
  }
  if (state.codeServer) {
    console.error(`\n=== crmplan output channel and extension host log ===\n${await state.codeServer.extensionLogs()}`);
    console.error(`\n=== code-server output (last 4000 characters) ===\n${state.codeServer.log().slice(-4000)}`);
    console.error(`\nsandbox kept for inspection: ${state.codeServer.sandbox}`);
  }
}

async function cleanUp(keepSandbox) {
  await state.browser?.close().catch(() => undefined);
  await state.codeServer?.stop().catch(() => undefined);
  if (!keepSandbox) await state.codeServer?.removeSandbox().catch(() => undefined);
}

async function main() {
  if (!existsSync(chromiumPath)) {
    console.error(`Chromium is not at ${chromiumPath}: run "bash scripts/install-code-server.sh" (it installs Debian's chromium).`);
    return 1;
  }
  const watchdog = setTimeout(() => {
    console.error(`\nthe end-to-end test exceeded its ${totalBudgetMs / 1000} s budget`);
    void reportFailure(new Error('overall timeout')).finally(() => cleanUp(true).finally(() => process.exit(1)));
  }, totalBudgetMs);

  const started = Date.now();
  let passed = 0;
  let failed = 0;
  for (const [index, check] of checks.entries()) {
    if (failed > 0) {
      console.log(`skip ${index + 1} - ${check.name} (an earlier check failed)`);
      continue;
    }
    const checkStarted = Date.now();
    try {
      await check.run();
      passed += 1;
      console.log(`ok ${index + 1} - ${check.name} (${((Date.now() - checkStarted) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed += 1;
      console.log(`not ok ${index + 1} - ${check.name} (${((Date.now() - checkStarted) / 1000).toFixed(1)} s)`);
      await reportFailure(error);
    }
  }
  clearTimeout(watchdog);
  await cleanUp(failed > 0);
  const skipped = checks.length - passed - failed;
  console.log(`\nVS Code end-to-end, ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(repoRoot, screenshots)}/`);
  console.log(`e2e: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return failed > 0 ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void cleanUp(false).finally(() => process.exit(130));
  });
}

process.exitCode = await main();
