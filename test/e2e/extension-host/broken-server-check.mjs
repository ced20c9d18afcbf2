#!/usr/bin/env node
// Shows that the extension-host suite fails when the language server is broken: it copies the
// built extension into a temporary folder, replaces its dist/server.js with silent-server.mjs
// (starts, initializes, never publishes diagnostics), runs only the diagnostics test of the
// suite against that copy in code-server (run-in-code-server.mjs --extension --grep), and
// expects the run to exit non-zero with that test reported as failed for want of diagnostics.
//
//   npm run test:broken-server   (after test:extension-host has installed code-server and
//                                 bundled the suite)
//
// Exit status: 0 the suite failed as it must, 1 it did not (or failed for another reason).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
// The title of the test in crmplan.test.mjs that waits for the server's first diagnostic.
const diagnosticsTestTitle = 'the server publishes an unknown-reference error on "kickof"';
// What the extension needs to load, the server excepted (package.json names the rest).
const extensionParts = ['package.json', 'dist/extension.js', 'language-configuration.json', 'syntaxes', 'schemas'];

const sandbox = await mkdtemp(path.join(os.tmpdir(), 'crmplan-broken-server-'));
const extension = path.join(sandbox, 'extension');
let output = '';
let exitCode;
try {
  for (const part of extensionParts) {
    if (!existsSync(path.join(repoRoot, part))) throw new Error(`${part} is missing: run "npm run build" first`);
    await cp(path.join(repoRoot, part), path.join(extension, part), { recursive: true });
  }
  await mkdir(path.join(extension, 'dist'), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(here, 'silent-server.mjs')],
    outfile: path.join(extension, 'dist/server.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });

  const child = spawn(
    process.execPath,
    [path.join(here, 'run-in-code-server.mjs'), '--extension', extension, '--grep', diagnosticsTestTitle],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  exitCode = await new Promise((resolve) => child.once('exit', (code) => resolve(code)));

  const suiteLines = output.split('\n').filter((line) => /^(ok|not ok) \d+ |^1\.\.\d+$|^\s*# /.test(line));
  const checks = [
    ['the extension started the replacement server (it answered initialize)', existsSync(path.join(extension, 'dist/initialized'))],
    ['mocha ran exactly one test (the grep matched the diagnostics test only)', suiteLines.includes('1..1')],
    [`the diagnostics test failed: "not ok 1 - ... ${diagnosticsTestTitle}"`, suiteLines.some((line) => line.startsWith('not ok 1 - ') && line.includes(diagnosticsTestTitle))],
    ['it failed because no diagnostic came ("timed out ... waiting until an unknown-reference diagnostic is published")', /timed out after \d+ ms waiting until an unknown-reference diagnostic is published/.test(output)],
    ['run-in-code-server.mjs exited non-zero', typeof exitCode === 'number' && exitCode !== 0],
  ];
  for (const [name, pass] of checks) console.log(`${pass ? 'PASS' : 'FAIL'} ${name}`);
  const failed = checks.filter(([, pass]) => !pass).length;
  if (failed > 0) {
    console.log('--- the suite run against the silent server');
    console.log(suiteLines.join('\n') || output.slice(-5000));
  }
  console.log(`broken-server: ${checks.length - failed} passed, ${failed} failed (the suite exited with ${exitCode})`);
  process.exitCode = failed > 0 ? 1 : 0;
} catch (error) {
  console.error(`broken-server: ${error instanceof Error ? error.message : String(error)}`);
  if (output) console.error(output.slice(-5000));
  process.exitCode = 1;
} finally {
  await rm(sandbox, { recursive: true, force: true });
}
