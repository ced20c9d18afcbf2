#!/usr/bin/env node
// Runs the extension-host test suite (out/test/extension-host/index.js) in desktop VS Code
// through @vscode/test-electron, which DOWNLOADS VS Code into .vscode-test/ on first use: it
// needs the network (on a machine without it, use run-in-code-server.mjs). On Linux without a
// display, run it under `xvfb-run -a`.
//
//   npm run test:extension-host:electron
//
// VS Code version: CRMPLAN_VSCODE_VERSION (default 1.100.3, the version code-server 4.100.3
// ships and the lowest engines.vscode allows; "stable" or "insiders" also work).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests, TestRunFailedError } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');

// An empty folder to open. runTests itself adds --no-sandbox, --disable-workspace-trust,
// --skip-welcome and, since reuseMachineInstall is false, a user data and extensions folder
// under .vscode-test/, so the developer's own settings and extensions stay out of the run.
const sandbox = await mkdtemp(path.join(os.tmpdir(), 'crmplan-ext-host-electron-'));
const workspace = path.join(sandbox, 'workspace');
let exitCode = 1;
try {
  await mkdir(workspace, { recursive: true });
  exitCode = await runTests({
    version: process.env.CRMPLAN_VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: repoRoot,
    // A file exporting run(): Promise<void>; runTests passes it as --extensionTestsPath.
    extensionTestsPath: path.join(repoRoot, 'out/test/extension-host/index.js'),
    launchArgs: [
      workspace, // the first launch argument is the folder VS Code opens
      '--disable-extensions', // any other extension; the one under development still loads
    ],
  });
  console.log(`extension-host (electron): exit code ${exitCode}`);
} catch (error) {
  // runTests rejects with TestRunFailedError when VS Code exits non-zero (a test failed), or
  // with a download error without the network.
  console.error(`extension-host (electron): ${error instanceof Error ? error.message : String(error)}`);
  exitCode = error instanceof TestRunFailedError && typeof error.code === 'number' && error.code !== 0 ? error.code : 1;
} finally {
  await rm(sandbox, { recursive: true, force: true });
}
process.exit(exitCode);
