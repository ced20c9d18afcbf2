#!/usr/bin/env node
// Checks the quick start, `npm start` (scripts/start.mjs): starts it as a child process, waits
// for the URL it prints, checks code-server's /healthz, that the workbench page loads and that
// the extension is installed, then sends SIGINT as Ctrl-C would and checks that the script
// exits 0 in time, that nothing listens on the port any more and that the sandbox is gone.
//
//   npm run test:start
//
// Exit status: 0 all checks passed, 1 a check failed.
/* global fetch */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { poll } from '../vscode/poll.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
// Building, packaging and (on a clean machine) installing code-server come before the URL.
const startupBudgetMs = 300_000;
const stopBudgetMs = 20_000;

const checks = [];
function check(name, pass, detail) {
  checks.push({ name, pass: Boolean(pass), detail });
  console.log(`${pass ? 'PASS' : 'FAIL'} ${name}`);
  if (!pass && detail) console.log(String(detail).replace(/^/gm, '     '));
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

// Its own process group, so a failed check can still take everything down below.
const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/start.mjs')], {
  cwd: repoRoot,
  env: { ...process.env, PORT: '' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
/** @type {{code: number | null, signal: string | null} | undefined} */
let exit;
const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exit = { code, signal }))));

let port;
try {
  const url = await poll('scripts/start.mjs prints the URL', () => {
    if (exit) throw new Error(`scripts/start.mjs exited with ${JSON.stringify(exit)} before printing a URL`);
    return /\[crmplan start\] open (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output)?.[1];
  }, { timeoutMs: startupBudgetMs, intervalMs: 250 });
  port = Number(new URL(url).port);
  check(`it prints a URL on 127.0.0.1 that opens samples/: ${url}`, new URL(url).searchParams.get('folder') === path.join(repoRoot, 'samples'));

  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  check('/healthz answers 200', health.ok, `status ${health.status}`);

  const page = await fetch(url);
  const html = await page.text();
  check('the workbench page loads (200, the VS Code workbench script)', page.ok && /workbench/.test(html) && /<html/i.test(html), html.slice(0, 500));

  const extensionFolder = /\[crmplan start\] extension installed in (\S+)/.exec(output)?.[1];
  const installed = extensionFolder ? JSON.parse(readFileSync(path.join(extensionFolder, 'package.json'), 'utf8')) : undefined;
  check(
    `the extension ${manifest.publisher}.${manifest.name} ${manifest.version} is installed from the .vsix`,
    installed?.name === manifest.name && installed?.version === manifest.version && existsSync(path.join(extensionFolder, 'dist/server.js')),
    `folder: ${extensionFolder}`,
  );

  child.kill('SIGINT');
  const stopped = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(undefined), stopBudgetMs))]);
  check(`after SIGINT it exits with code 0 within ${stopBudgetMs / 1000} s`, stopped?.code === 0, `exit: ${JSON.stringify(stopped)}`);
  check(`nothing listens on port ${port} any more`, !(await listening(port)));
  check('the sandbox (extensions folder) is removed', extensionFolder !== undefined && !existsSync(extensionFolder));
} catch (error) {
  check('the quick start runs', false, `${error instanceof Error ? error.message : String(error)}\n--- output\n${output.slice(-5000)}`);
} finally {
  if (!exit && child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

const failed = checks.filter((item) => !item.pass).length;
if (failed > 0) console.log(`--- scripts/start.mjs output\n${output.slice(-5000)}`);
console.log(`start: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
