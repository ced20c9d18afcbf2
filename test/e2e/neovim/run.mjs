#!/usr/bin/env node
// A second real LSP client: Neovim drives dist/server.js over stdio
// (run-neovim-check.lua) and this script judges what Neovim saw.
//
//   npm run build && npm run test:neovim
//
// A plain Node script, not a vitest file: it needs the `nvim` binary (and
// may install Debian's `neovim` as root), which the unit-test run cannot
// assume everywhere it runs.
//
// Environment:
//   CRMPLAN_NVIM             nvim to use (default: `nvim` on PATH)
//   CRMPLAN_NVIM_TIMEOUT_MS  bound for each wait inside Neovim (default 15000)
//   CRMPLAN_KEEP_TMP=1       keep the temp folder (it is always kept on failure)
//
// Exit status: 0 all checks passed, 1 a check failed, 2 could not run.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');
const SERVER = join(ROOT, 'dist', 'server.js');
const CLI = join(ROOT, 'dist', 'cli.js');
const LUA = join(HERE, 'run-neovim-check.lua');
const FIXTURE = join(HERE, 'typo-plan.crmplan.yaml');
const PLAN_NAME = 'typo-plan.crmplan.yaml';
const TYPO = 'kickof';
const FIXED = 'kickoff';
const TYPO_IN_TEXT = `[${TYPO}]`;
const RULE = 'unknown-reference';
const NVIM_PROCESS_TIMEOUT_MS = 120_000;
const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 };

const started = performance.now();

function setupFailure(message) {
  console.error(`neovim: ${message}`);
  console.log('neovim: 0 passed, 1 failed (could not run)');
  process.exit(2);
}

/** `nvim --version`'s first line, or null when there is no such program. */
function nvimVersion(bin) {
  const run = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return null;
  return run.stdout.split('\n')[0] ?? '';
}

function aptGet(args) {
  const run = spawnSync('apt-get', args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) return { ok: false, output: String(run.error) };
  return { ok: run.status === 0, output: `${run.stdout}\n${run.stderr}` };
}

function ensureNvim() {
  const bin = process.env.CRMPLAN_NVIM || 'nvim';
  let version = nvimVersion(bin);
  if (version === null && !process.env.CRMPLAN_NVIM) {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
      setupFailure("nvim not found: install Neovim >= 0.7 (Debian: sudo apt-get install neovim) or set CRMPLAN_NVIM");
    }
    const installStart = performance.now();
    console.log('neovim: nvim not found, installing Debian package neovim (apt-get install -y neovim)');
    let install = aptGet(['install', '-y', 'neovim']);
    if (!install.ok) {
      // Package lists may be missing or stale: refresh once and retry.
      console.log('neovim: install failed, running apt-get update and retrying');
      const update = aptGet(['update']);
      if (!update.ok) setupFailure(`apt-get update failed:\n${tail(update.output, 20)}`);
      install = aptGet(['install', '-y', 'neovim']);
    }
    if (!install.ok) setupFailure(`apt-get install neovim failed:\n${tail(install.output, 20)}`);
    console.log(`neovim: installed in ${seconds(performance.now() - installStart)}`);
    version = nvimVersion(bin);
  }
  if (version === null) setupFailure(`cannot run ${bin} --version`);
  const match = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) setupFailure(`unexpected \`${bin} --version\` output: ${version}`);
  const [major, minor] = [Number(match[1]), Number(match[2])];
  // vim.lsp.start_client + buf_attach_client + vim.diagnostic: 0.7 and later.
  if (major === 0 && minor < 7) setupFailure(`${version} is too old: the check needs Neovim 0.7 or later`);
  return { bin, version };
}

function tail(text, lines) {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `crmplan check --format json` on one file: its diagnostics, LSP-shaped. */
function cliDiagnostics(file) {
  const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { encoding: 'utf8' });
  if (run.error || (run.status !== 0 && run.status !== 1)) {
    throw new Error(`crmplan check ${file} failed (status ${run.status}): ${run.stderr || run.error}`);
  }
  const report = JSON.parse(run.stdout);
  return (report.files?.[0]?.diagnostics ?? []).map((d) => ({
    code: d.rule,
    severity: SEVERITY[d.severity],
    message: d.message,
    range: d.range,
  }));
}

/** One comparable line per diagnostic, sorted: what must match between two sources. */
function keys(diagnostics) {
  return diagnostics
    .map((d) => `${rangeKey(d.range)} ${d.code} (severity ${d.severity}) ${d.message}`)
    .sort();
}

// Neovim's json_encode does not keep key order: compare ranges field by field.
function rangeKey({ start, end }) {
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

function sameList(left, right) {
  return left.length === right.length && left.every((item, index) => item === right[index]);
}

// ---------------------------------------------------------------- setup

if (!existsSync(SERVER) || !existsSync(CLI)) {
  setupFailure(`${existsSync(SERVER) ? CLI : SERVER} is missing: run \`npm run build\` first`);
}
const nvim = ensureNvim();

const tmp = mkdtempSync(join(tmpdir(), 'crmplan-neovim-'));
const workspace = join(tmp, 'workspace');
mkdirSync(workspace);
const plan = join(workspace, PLAN_NAME);
copyFileSync(FIXTURE, plan);
const out = join(tmp, 'result.json');

const brokenText = readFileSync(FIXTURE, 'utf8');
const lines = brokenText.split('\n');
const typoLine = lines.findIndex((line) => line.includes(TYPO_IN_TEXT));
if (typoLine < 0 || lines.findIndex((line, index) => index > typoLine && line.includes(TYPO_IN_TEXT)) >= 0) {
  setupFailure(`${FIXTURE} must contain ${TYPO_IN_TEXT} on exactly one line`);
}
const typoText = lines[typoLine];
// JavaScript string indexes are UTF-16 code units: LSP's default columns.
const typoCharacter = typoText.indexOf(TYPO_IN_TEXT) + 1;
const typoByte = Buffer.byteLength(typoText.slice(0, typoCharacter));
const fixedLineText = typoText.replace(TYPO_IN_TEXT, `[${FIXED}]`);
const fixedText = [...lines.slice(0, typoLine), fixedLineText, ...lines.slice(typoLine + 1)].join('\n');
// Completion is requested at the value of the first `owner: pm` line: the people are pm and admin.
const ownerLine = lines.findIndex((line) => /^\s+owner: pm$/.test(line));
if (ownerLine < 0) setupFailure(`${FIXTURE} must have a line "owner: pm" of its own`);
const ownerCharacter = lines[ownerLine].indexOf('owner: ') + 'owner: '.length;
const PEOPLE = ['pm', 'admin'];
// The CLI reads the same texts from disk; outside the workspace Neovim uses.
const cliDir = join(tmp, 'cli');
mkdirSync(cliDir);
writeFileSync(join(cliDir, 'broken.crmplan.yaml'), brokenText);
writeFileSync(join(cliDir, 'fixed.crmplan.yaml'), fixedText);

// ---------------------------------------------------------------- run Neovim

const nvimStart = performance.now();
const run = spawnSync(
  nvim.bin,
  ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${LUA.replaceAll(' ', '\\ ')}`, '-c', 'cquit 4'],
  {
    cwd: workspace,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: NVIM_PROCESS_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    env: {
      ...process.env,
      // Keep Neovim's log, state and the LSP log out of ~.
      XDG_CONFIG_HOME: join(tmp, 'xdg', 'config'),
      XDG_DATA_HOME: join(tmp, 'xdg', 'data'),
      XDG_STATE_HOME: join(tmp, 'xdg', 'state'),
      XDG_CACHE_HOME: join(tmp, 'xdg', 'cache'),
      NVIM_LOG_FILE: join(tmp, 'nvim.log'),
      CRMPLAN_NVIM_PLAN: plan,
      CRMPLAN_NVIM_SERVER: SERVER,
      CRMPLAN_NVIM_OUT: out,
      CRMPLAN_NVIM_FIX_LINE: String(typoLine),
      CRMPLAN_NVIM_FIX_TEXT: fixedLineText,
      CRMPLAN_NVIM_COMPLETION_LINE: String(ownerLine),
      CRMPLAN_NVIM_COMPLETION_CHARACTER: String(ownerCharacter),
      CRMPLAN_NVIM_NODE: process.execPath,
    },
  },
);
const nvimMs = performance.now() - nvimStart;

function dumpAndFail(reason, result) {
  console.error(`neovim: ${reason}`);
  if (run.stdout?.trim()) console.error(`--- nvim stdout\n${tail(run.stdout, 40)}`);
  if (run.stderr?.trim()) console.error(`--- nvim stderr\n${tail(run.stderr, 40)}`);
  const lspLog = result?.lsp_log;
  if (typeof lspLog === 'string' && existsSync(lspLog)) console.error(`--- ${lspLog}\n${tail(readFileSync(lspLog, 'utf8'), 40)}`);
  console.error(`neovim: kept ${tmp}`);
  console.log('neovim: 0 passed, 1 failed (the Neovim run did not finish)');
  process.exit(1);
}

if (run.error) dumpAndFail(`could not run ${nvim.bin}: ${run.error.message}`);
let result;
try {
  result = JSON.parse(readFileSync(out, 'utf8'));
} catch (error) {
  dumpAndFail(`nvim exited with status ${run.status} (signal ${run.signal}) and no readable ${out}: ${error.message}`);
}
if (run.status !== 0 || result.error) {
  dumpAndFail(`nvim exited with status ${run.status}: ${result.error ?? 'no error recorded'}`, result);
}

// ---------------------------------------------------------------- checks

const checks = [];
function check(name, pass, detail) {
  checks.push({ name, pass: Boolean(pass), detail });
}

const before = result.before?.diagnostics ?? [];
const after = result.after?.diagnostics ?? [];
const expectedRange = {
  start: { line: typoLine, character: typoCharacter },
  end: { line: typoLine, character: typoCharacter + TYPO.length },
};
const unknownBefore = before.filter((d) => d.code === RULE);
check(
  `first diagnostics: one ${RULE} at ${typoLine}:${typoCharacter}-${typoLine}:${typoCharacter + TYPO.length} (0-based, UTF-16)`,
  unknownBefore.length === 1 && rangeKey(unknownBefore[0].range) === rangeKey(expectedRange),
  `got ${JSON.stringify(unknownBefore.map((d) => d.range))}`,
);

const shownBefore = (result.before_shown ?? []).filter((d) => d.code === RULE);
check(
  `Neovim shows it at line ${typoLine}, byte columns ${typoByte}-${typoByte + TYPO.length}`,
  shownBefore.length === 1 &&
    shownBefore[0].lnum === typoLine &&
    shownBefore[0].col === typoByte &&
    shownBefore[0].end_col === typoByte + TYPO.length,
  `vim.diagnostic.get(): ${JSON.stringify(shownBefore)}`,
);

const cliBroken = keys(cliDiagnostics(join(cliDir, 'broken.crmplan.yaml')));
check(
  'first diagnostics equal `crmplan check` on the same text',
  sameList(keys(before), cliBroken),
  `neovim: ${JSON.stringify(keys(before))}\ncli:    ${JSON.stringify(cliBroken)}`,
);

// A completion answer is a CompletionItem[] or a CompletionList; Neovim passes it on as is.
const completion = result.completion?.result;
const completionItems = Array.isArray(completion) ? completion : (completion?.items ?? []);
const completionLabels = completionItems.map((item) => item.label);
check(
  `completion at the owner value (${ownerLine}:${ownerCharacter}) lists the people ${PEOPLE.join(', ')}`,
  PEOPLE.every((id) => completionLabels.includes(id)),
  `error: ${JSON.stringify(result.completion?.err)}, labels: ${JSON.stringify(completionLabels)}`,
);

check(
  `after the edit (version ${result.edited_version}): ${RULE} is gone`,
  result.after?.version === result.edited_version && !after.some((d) => d.code === RULE),
  `published ${JSON.stringify(result.after)}`,
);

const bufferText = (result.buffer_text ?? []).join('\n');
const cliFixed = keys(cliDiagnostics(join(cliDir, 'fixed.crmplan.yaml')));
check(
  "after the edit: Neovim's incremental change reached the server intact (diagnostics equal `crmplan check` on the fixed text)",
  // Neovim's buffer has no trailing empty line for the final newline.
  bufferText === fixedText.replace(/\n$/, '') && sameList(keys(after), cliFixed),
  bufferText === fixedText.replace(/\n$/, '')
    ? `neovim: ${JSON.stringify(keys(after))}\ncli:    ${JSON.stringify(cliFixed)}`
    : 'the Neovim buffer does not hold the expected fixed text',
);

const configRequests = result.configuration_requests ?? [];
check(
  'settings: the server asked workspace/configuration (section crmplan, scopeUri = the buffer) and Neovim answered',
  configRequests.length > 0 && configRequests.every((item) => item.section === 'crmplan' && item.scopeUri === result.uri),
  `requests: ${JSON.stringify(configRequests)}`,
);

check(
  'the server exits with code 0 after shutdown + exit',
  result.server_exit?.code === 0 && result.server_exit?.signal === 0,
  `server_exit: ${JSON.stringify(result.server_exit)}`,
);

// ---------------------------------------------------------------- report

for (const item of checks) {
  console.log(`${item.pass ? 'PASS' : 'FAIL'} ${item.name}`);
  if (!item.pass && item.detail) console.log(item.detail.replace(/^/gm, '     '));
}
// Warnings Neovim logged about the server are worth seeing even when all passes.
const lspLog = typeof result.lsp_log === 'string' && existsSync(result.lsp_log) ? readFileSync(result.lsp_log, 'utf8') : '';
for (const line of lspLog.split('\n').filter((line) => /^\[(WARN|ERROR)\]/.test(line))) {
  console.log(`note: Neovim lsp.log: ${line}`);
}
const passed = checks.filter((item) => item.pass).length;
const failed = checks.length - passed;
console.log(
  `neovim: ${passed} passed, ${failed} failed (${nvim.version}; nvim run ${seconds(nvimMs)}, total ${seconds(performance.now() - started)})`,
);
if (failed > 0 || process.env.CRMPLAN_KEEP_TMP === '1') {
  console.log(`neovim: kept ${tmp}`);
} else {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);
