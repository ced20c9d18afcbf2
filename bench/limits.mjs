// Hostile inputs against the resource limits (docs/format.md, "Limits"):
// peak RSS and wall time of `crmplan check` and of the language server's
// first diagnostics (dist/server.js --stdio), on a 50 MB file, a
// 10,000-level nesting, a billion-laughs document, a three-million-element
// flow sequence and a 750,000-line block list. Target: none over 10 s or 500 MB. Run `npm run build` first
// (`npm run bench:limits` does). Prints a table; exits 1 when a figure misses.
//
// Peak RSS is the child's own (process.resourceUsage().maxRSS, written by a
// preloaded module at exit), not this script's.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { LIMIT_INPUTS as INPUTS } from './limits-inputs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const LIMIT_MS = 10_000;
const LIMIT_MB = 500;
/** A run that takes longer is stopped: the figure is then "over". */
const KILL_AFTER_MS = 60_000;

const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-limits-'));
const preload = path.join(folder, 'peak-rss.cjs');
writeFileSync(
  preload,
  "process.on('exit', () => { try { require('fs').writeFileSync(process.env.CRMPLAN_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n",
);

/** Runs node with the preload; `drive` talks to the child and resolves when the measured work is done. */
function measure(args, drive) {
  const rssFile = path.join(folder, `rss-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', preload, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, CRMPLAN_PEAK_RSS_FILE: rssFile },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.on('error', () => undefined);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, KILL_AFTER_MS);
  const done = Promise.race([drive(child), exited]).then(() => performance.now() - started);
  return done.then(async (ms) => {
    await drive.finish?.(child);
    const { code, signal } = await exited;
    clearTimeout(timer);
    let peakMb = NaN;
    try {
      peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
    } catch {
      // Killed: no figure.
    }
    return { ms: killed ? Infinity : ms, peakMb, code, signal, stderr: stderr.trim().split('\n')[0] ?? '' };
  });
}

function check(file) {
  const drive = (child) => new Promise((resolve) => child.once('exit', resolve));
  return measure([CLI, 'check', file], drive);
}

function frame(message) {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Time to the first publishDiagnostics after didOpen (initialize included). */
function serverFirstDiagnostics(text) {
  const drive = (child) =>
    new Promise((resolve) => {
      let seen = '';
      child.stdout.on('data', (chunk) => {
        // The method name may straddle two chunks: keep the tail of the last one.
        const text = seen + chunk.toString('latin1');
        if (text.includes('"textDocument/publishDiagnostics"')) resolve();
        seen = text.slice(-64);
      });
      child.stdin.write(
        frame({ id: 0, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }) +
          frame({ method: 'initialized', params: {} }) +
          frame({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///bench/limits.crmplan.yaml', languageId: 'crmplan', version: 1, text } } }),
      );
    });
  drive.finish = (child) => {
    if (child.exitCode === null) child.stdin.write(frame({ id: 1, method: 'shutdown' }) + frame({ method: 'exit' }));
  };
  return measure([SERVER, '--stdio'], drive);
}

const rows = [];
let failed = false;
for (const [name, make] of Object.entries(INPUTS)) {
  const text = make();
  const file = path.join(folder, 'input.crmplan.yaml');
  writeFileSync(file, text);
  for (const [what, run] of [
    ['crmplan check', () => check(file)],
    ['server, first diagnostics', () => serverFirstDiagnostics(text)],
  ]) {
    const result = await run();
    const over = !(result.ms <= LIMIT_MS) || !(result.peakMb <= LIMIT_MB);
    failed ||= over;
    rows.push({ input: `${name} (${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB)`, what, ...result, over });
  }
}
rmSync(folder, { recursive: true, force: true });

console.log(`| input | run | time | peak RSS | exit | within ${LIMIT_MS / 1000} s and ${LIMIT_MB} MB |`);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  const time = Number.isFinite(row.ms) ? `${(row.ms / 1000).toFixed(2)} s` : `over ${KILL_AFTER_MS / 1000} s (killed)`;
  const exit = row.signal ?? String(row.code) + (row.stderr ? `: ${row.stderr.slice(0, 80)}` : '');
  console.log(`| ${row.input} | ${row.what} | ${time} | ${Number.isNaN(row.peakMb) ? 'n/a' : `${row.peakMb.toFixed(0)} MB`} | ${exit} | ${row.over ? 'no' : 'yes'} |`);
}
process.exitCode = failed ? 1 : 0;
