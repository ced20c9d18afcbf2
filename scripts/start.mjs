#!/usr/bin/env node
// `npm start`: the quick start. Builds and packages the extension (npm run package), installs
// code-server into .cache/code-server/ if needed, starts it on 127.0.0.1 with the .vsix
// installed in a throwaway sandbox (its own user data, extensions folder, HOME and TMPDIR),
// opens samples/ and prints the URL. Ctrl-C (SIGINT) or SIGTERM stops code-server with its
// whole process group and removes the sandbox, then exits 0.
//
// Environment: PORT  the port to listen on (default: a free one)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from '../test/e2e/vscode/code-server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (message) => console.log(`[crmplan start] ${message}`);

/** Runs a setup step with its output shown; stops here with its exit code if it fails. */
function step(description, command, args) {
  log(description);
  const run = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`[crmplan start] ${description} failed (${run.error ? run.error.message : `exit code ${run.status}`})`);
    process.exit(run.status || 1);
  }
}

let port;
if (process.env.PORT !== undefined && process.env.PORT !== '') {
  port = Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`[crmplan start] PORT must be a port number (1-65535), not "${process.env.PORT}"`);
    process.exit(2);
  }
}

step('building and packaging the extension (npm run package)', 'npm', ['run', '--silent', 'package']);
step('checking code-server (installed into .cache/code-server on first use, about a minute)', 'bash', ['scripts/install-code-server.sh', '--no-chromium']);

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const vsix = path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
log(`starting code-server with ${path.basename(vsix)} installed`);
let codeServer;
try {
  codeServer = await startCodeServer({ repoRoot, folder: path.join(repoRoot, 'samples'), vsix, port });
} catch (error) {
  console.error(`[crmplan start] code-server did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

let stopping = false;
async function stop(reason, exitCode) {
  if (stopping) return;
  stopping = true;
  log(`${reason}: stopping code-server`);
  await codeServer.stop();
  await codeServer.removeSandbox();
  log('stopped');
  process.exit(exitCode);
}
process.on('SIGINT', () => void stop('SIGINT', 0));
process.on('SIGTERM', () => void stop('SIGTERM', 0));
void codeServer.exited.then((code) => {
  if (!stopping) {
    console.error(`[crmplan start] code-server exited by itself (code ${code}):\n${codeServer.log().slice(-3000)}`);
    void stop('code-server exited', 1);
  }
});

log(`extension installed in ${codeServer.extensionFolder}`);
log(`open ${codeServer.url}`);
log('the samples/ folder is open there; press Ctrl-C to stop');
