#!/usr/bin/env node
// npm package check: `npm pack` (which runs `prepare`, the build), checks that the tarball holds
// exactly what the CLI and the language server need (.npmignore), installs it into an empty
// folder with `npm install --global --prefix` (offline, with an empty cache and an unreachable
// registry: the package has no dependencies), checks that no devDependency came along, then runs
// the installed commands from <prefix>/bin with a PATH that holds only them and node:
// `crmplan check` (exit codes, output), `schedule`, `gantt`, `diff` of two files, and
// `crmplan-language-server --stdio` answering `initialize` and publishing diagnostics for an
// opened plan over the real protocol.
//
//   npm run test:npm-package
//
// Exit status: 0 all checks passed, 1 a check failed.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { filesUnder as filesUnderRoot } from '../repo-files.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const SAMPLE = path.join(repoRoot, 'samples', 'five-phase-project.crmplan.yaml');
const PACK_TIMEOUT_MS = 180_000;
const INSTALL_TIMEOUT_MS = 120_000;
const COMMAND_TIMEOUT_MS = 30_000;
const LSP_TIMEOUT_MS = 20_000;

const checks = [];
function check(name, pass, detail) {
  checks.push({ name, pass: Boolean(pass), detail });
}

/** Every file under `dir` of the repository (`/`-separated). */
const filesUnder = (dir) => filesUnderRoot(repoRoot, dir);

/** What the tarball must hold: the two bundles, the schema, the docs (rule pages included), the manifest and the three texts. */
function expectedFiles() {
  return ['package.json', 'README.md', 'LICENSE', 'NOTICE', 'CHANGELOG.md', 'dist/cli.js', 'dist/server.js', 'dist/resvg.wasm', ...filesUnder('dist/fonts'), ...filesUnder('schemas'), ...filesUnder('docs')].sort();
}

/** The environment without npm's own variables (an `npm run` parent sets many), with HOME in the sandbox. */
function cleanEnv(home, extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_PATH' && key !== 'NODE_OPTIONS'));
  return { ...env, HOME: home, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

function output(result) {
  return `exit ${result.status}${result.signal ? ` (${result.signal})` : ''}${result.error ? ` (${result.error.message})` : ''}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`.slice(-4000);
}

/** The value of a JSON text, or undefined when it is not JSON. */
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The JSON array that `npm pack --json` prints (after any output of the `prepare` script). */
function packJson(stdout) {
  const start = stdout.search(/^\[/m);
  return start < 0 ? undefined : parseJson(stdout.slice(start));
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)))]).finally(() => clearTimeout(timer));
}

/** Any folder named node_modules at or under `dir`. */
function nodeModulesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name === 'node_modules')
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

// vscode-jsonrpc's writer can leave a rejected write behind when the server is gone (EPIPE):
// that is a failure of the exchange, reported with the rest, not a crash without the summary.
process.on('unhandledRejection', (error) => check('the test client has no unhandled error', false, error instanceof Error ? error.stack : String(error)));

const sandbox = await mkdtemp(path.join(os.tmpdir(), 'crmplan-npm-'));
const home = path.join(sandbox, 'home');
const packDir = path.join(sandbox, 'pack');
const prefix = path.join(sandbox, 'prefix');
const work = path.join(sandbox, 'work');
let server;
// Also on a crash: no sandbox and no server are left behind.
process.on('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  rmSync(sandbox, { recursive: true, force: true });
});
try {
  await Promise.all([home, packDir, prefix, work].map((dir) => mkdir(dir, { recursive: true })));

  // 1. npm pack (runs prepare: the build).
  const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', packDir], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: PACK_TIMEOUT_MS,
    env: cleanEnv(home, { npm_config_cache: path.join(sandbox, 'pack-cache') }),
  });
  check('npm pack exits 0', pack.status === 0, output(pack));
  const packed = packJson(pack.stdout ?? '')?.[0];
  check('npm pack --json describes one tarball', packed?.filename, output(pack));
  const tarball = packed ? path.join(packDir, packed.filename) : undefined;
  check(`it wrote ${packed?.filename ?? 'the tarball'} into the pack folder`, tarball && existsSync(tarball), packDir);
  if (!tarball || !existsSync(tarball)) throw new Error('no tarball');

  const entries = packed.files.map((file) => file.path).sort();
  const expected = expectedFiles();
  const extra = entries.filter((entry) => !expected.includes(entry));
  const missing = expected.filter((entry) => !entries.includes(entry));
  check(
    `the tarball holds exactly the ${expected.length} expected files (bundles, schema, docs, README, LICENSE, NOTICE, CHANGELOG)`,
    extra.length === 0 && missing.length === 0,
    [extra.length > 0 ? `not expected: ${extra.join(', ')}` : '', missing.length > 0 ? `missing: ${missing.join(', ')}` : ''].filter(Boolean).join('\n'),
  );
  console.log(`size: ${packed.filename} is ${(packed.size / 1024).toFixed(1)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${entries.length} files`);
  check('the package declares no dependencies', Object.keys(manifest.dependencies ?? {}).length === 0 && packed.bundled.length === 0, JSON.stringify(manifest.dependencies));

  // 2. Install the tarball into an empty prefix: offline, empty cache, a registry that does not answer.
  const install = spawnSync(
    'npm',
    ['install', '--global', '--prefix', prefix, '--offline', '--cache', path.join(sandbox, 'install-cache'), '--registry', 'http://127.0.0.1:9/', tarball],
    { cwd: sandbox, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS, env: cleanEnv(home) },
  );
  check('npm install --global --prefix <tmp> --offline <tarball> exits 0 (no registry needed)', install.status === 0, output(install));

  const installed = path.join(prefix, 'lib', 'node_modules', manifest.name);
  const installedManifest = await readFile(path.join(installed, 'package.json'), 'utf8').then(JSON.parse, () => undefined);
  check(
    `the installed folder has the package.json of ${manifest.name} ${manifest.version}`,
    installedManifest?.name === manifest.name && installedManifest?.version === manifest.version,
    installed,
  );
  if (!installedManifest) throw new Error('not installed');
  const globalModules = readdirSync(path.join(prefix, 'lib', 'node_modules')).filter((name) => !name.startsWith('.'));
  check(`the prefix holds only ${manifest.name} (no devDependency installed next to it)`, globalModules.length === 1 && globalModules[0] === manifest.name, globalModules.join(', '));
  const nested = nodeModulesUnder(installed);
  check('the installed package has no node_modules inside', nested.length === 0, nested.join(', '));
  const devDependencies = Object.keys(manifest.devDependencies ?? {});
  const present = devDependencies.filter((name) => existsSync(path.join(prefix, 'lib', 'node_modules', name)) || existsSync(path.join(installed, 'node_modules', name)));
  check(`none of the ${devDependencies.length} devDependencies is present`, devDependencies.length > 0 && present.length === 0, present.join(', '));

  const binDir = path.join(prefix, 'bin');
  for (const [command, target] of [
    ['crmplan', 'dist/cli.js'],
    ['crmplan-language-server', 'dist/server.js'],
  ]) {
    const link = path.join(binDir, command);
    let resolved = '';
    let executable = false;
    try {
      resolved = realpathSync(link);
      accessSync(link, constants.X_OK);
      executable = true;
    } catch {
      // reported below
    }
    check(`${command} is linked in <prefix>/bin to ${target}, executable`, executable && resolved === realpathSync(path.join(installed, target)), `${link} -> ${resolved || '(missing)'}`);
    const firstLine = existsSync(path.join(installed, target)) ? readFileSync(path.join(installed, target), 'utf8').split('\n', 1)[0] : '';
    check(`${target} starts with #!/usr/bin/env node`, firstLine === '#!/usr/bin/env node', firstLine);
  }

  // 3. The CLI, found on a PATH that holds only <prefix>/bin and node, run outside the repository.
  const env = { PATH: [binDir, path.dirname(process.execPath)].join(path.delimiter), HOME: home, LANG: 'C.UTF-8' };
  const run = (command, args) => spawnSync(command, args, { cwd: work, env, encoding: 'utf8', timeout: COMMAND_TIMEOUT_MS });
  const sample = await readFile(SAMPLE, 'utf8');
  const broken = sample.replace(/^(\s*sponsor:[ \t]*)\S+/m, '$1nobody-here');
  const slipped = sample.replace(/(\n\s*duration:[ \t]*)1d\b/, '$16d');
  check('the sample has a sponsor and a 1-day task to edit', broken !== sample && slipped !== sample, SAMPLE);
  await Promise.all(['plans', 'broken', 'diff'].map((dir) => mkdir(path.join(work, dir))));
  await copyFile(SAMPLE, path.join(work, 'plans', 'clean.crmplan.yaml'));
  await writeFile(path.join(work, 'broken', 'broken.crmplan.yaml'), broken);
  await copyFile(SAMPLE, path.join(work, 'diff', 'base.crmplan.yaml'));
  await writeFile(path.join(work, 'diff', 'head.crmplan.yaml'), slipped);

  const version = run('crmplan', ['--version']);
  check(`crmplan --version prints ${manifest.version}`, version.status === 0 && version.stdout.includes(manifest.version), output(version));

  const clean = run('crmplan', ['check', 'plans']);
  check('crmplan check on a clean sample copy exits 0: "1 plan checked: no problems"', clean.status === 0 && /^1 plan checked: no problems$/m.test(clean.stdout), output(clean));

  const failing = run('crmplan', ['check', 'broken/broken.crmplan.yaml']);
  const sponsorLine = broken.slice(0, broken.indexOf('nobody-here')).split('\n').length;
  check(
    `crmplan check on a copy with an unknown sponsor exits 1 with broken/broken.crmplan.yaml:${sponsorLine}:N error ... [unknown-reference]`,
    failing.status === 1 && new RegExp(`^broken/broken\\.crmplan\\.yaml:${sponsorLine}:\\d+ error .*nobody-here.* \\[unknown-reference\\]$`, 'm').test(failing.stdout) && /^1 plan checked: 1 error/m.test(failing.stdout),
    output(failing),
  );

  const folder = run('crmplan', ['check']);
  check('crmplan check (the current folder) finds the four plans and exits 1', folder.status === 1 && /^4 plans checked: 1 error/m.test(folder.stdout), output(folder));

  const usage = run('crmplan', ['check', '--format', 'xml']);
  check('crmplan check --format xml exits 2 with one line on stderr', usage.status === 2 && usage.stderr.trim().split('\n').length === 1, output(usage));

  const sarif = run('crmplan', ['check', '--format', 'sarif', 'broken']);
  const sarifLog = parseJson(sarif.stdout);
  const sarifRun = sarifLog?.runs?.[0];
  const sarifRule = sarifRun?.tool?.driver?.rules?.find((rule) => rule.id === 'unknown-reference');
  check(
    'crmplan check --format sarif exits 1 with an unknown-reference result and the rule in the driver',
    sarif.status === 1 && sarifLog?.version === '2.1.0' && sarifRun.results.some((result) => result.ruleId === 'unknown-reference') && sarifRule,
    output(sarif),
  );
  const helpUri = sarifRule?.helpUri ?? '';
  check(
    "the SARIF rule's page is a file of the installed package or a web address of the rule's page",
    helpUri.startsWith('file:') ? fileURLToPath(helpUri).startsWith(installed + path.sep) && existsSync(fileURLToPath(helpUri)) : /^https?:\/\/\S+unknown-reference/.test(helpUri),
    helpUri,
  );

  const schedule = run('crmplan', ['schedule', 'plans/clean.crmplan.yaml']);
  check(
    'crmplan schedule exits 0 with the finish, the critical tasks and a row per task',
    schedule.status === 0 && /: \d{4}-\d\d-\d\d -> \d{4}-\d\d-\d\d, \d+ working days$/m.test(schedule.stdout) && /^critical tasks, by start: /m.test(schedule.stdout) && /^\* +kickoff +\S+ +\d{4}-\d\d-\d\d/m.test(schedule.stdout),
    output(schedule),
  );
  const scheduleJson = run('crmplan', ['schedule', 'plans/clean.crmplan.yaml', '--format', 'json']);
  const scheduled = parseJson(scheduleJson.stdout);
  check('crmplan schedule --format json exits 0 with JSON', scheduleJson.status === 0 && scheduled && typeof scheduled === 'object', output(scheduleJson));

  const gantt = run('crmplan', ['gantt', 'plans/clean.crmplan.yaml']);
  check(
    'crmplan gantt exits 0 with a Mermaid gantt (dateFormat, sections, the kickoff task)',
    gantt.status === 0 && gantt.stdout.startsWith('gantt\n') && /^dateFormat YYYY-MM-DD$/m.test(gantt.stdout) && /^section /m.test(gantt.stdout) && /^[^\n]*[Kk]ickoff[^\n]*:crit, /m.test(gantt.stdout),
    output(gantt),
  );
  // The PNG export needs dist/resvg.wasm and the fonts next to the bundle: the package must ship them.
  const png = run('crmplan', ['export', 'plans/clean.crmplan.yaml', '--format', 'png', '--output', 'timeline.png']);
  const pngBytes = existsSync(path.join(work, 'timeline.png')) ? readFileSync(path.join(work, 'timeline.png')) : Buffer.alloc(0);
  check(
    'crmplan export --format png exits 0 and writes a PNG (the wasm renderer and the font ship in the package)',
    png.status === 0 && pngBytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && pngBytes.length > 10_000,
    output(png),
  );
  const ganttMarkdown = run('crmplan', ['gantt', 'plans/clean.crmplan.yaml', '--format', 'markdown']);
  check('crmplan gantt --format markdown exits 0 with a fenced mermaid block', ganttMarkdown.status === 0 && /^```mermaid\ngantt\n[\s\S]*^```$/m.test(ganttMarkdown.stdout), output(ganttMarkdown));

  const diff = run('crmplan', ['diff', 'diff/base.crmplan.yaml', 'diff/head.crmplan.yaml', '--format', 'json']);
  const diffJson = parseJson(diff.stdout);
  const diffFile = diffJson?.files?.[0];
  const kickoff = diffFile?.tasks?.changed?.find((task) => task.id === 'kickoff');
  check(
    'crmplan diff BASE HEAD --format json exits 0: modified, finish 5 working days later, kickoff duration 1 -> 6',
    diff.status === 0 && diffFile?.status === 'modified' && diffFile.finish?.workingDays === 5 && kickoff?.changes?.some((change) => change.field === 'duration' && change.from === 1 && change.to === 6),
    output(diff),
  );
  const diffMarkdown = run('crmplan', ['diff', 'diff/base.crmplan.yaml', 'diff/head.crmplan.yaml', '--format', 'markdown']);
  check(
    'crmplan diff --format markdown exits 0 with the finish move and a Gantt chart',
    diffMarkdown.status === 0 && /^## Plan changes$/m.test(diffMarkdown.stdout) && diffMarkdown.stdout.includes('Finish moved +5 working days') && diffMarkdown.stdout.includes('```mermaid'),
    output(diffMarkdown),
  );
  const slip = run('crmplan', ['diff', 'diff/base.crmplan.yaml', 'diff/head.crmplan.yaml', '--fail-on', 'finish-slip']);
  const same = run('crmplan', ['diff', 'diff/base.crmplan.yaml', 'plans/clean.crmplan.yaml', '--fail-on', 'finish-slip']);
  check('crmplan diff --fail-on finish-slip exits 1 on the slip and 0 on an unchanged copy', slip.status === 1 && same.status === 0, `${output(slip)}\n${output(same)}`);

  // 4. The language server over stdio, started as the installed command.
  server = spawn('crmplan-language-server', ['--stdio'], { cwd: work, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let serverStderr = '';
  server.stderr.setEncoding('utf8');
  server.stderr.on('data', (text) => (serverStderr += text));
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  // A server that fails to start or dies early ends the exchange with its exit status, not a hang.
  const gone = Promise.race([
    new Promise((_, reject) => server.once('error', reject)),
    exited.then(({ code, signal }) => Promise.reject(new Error(`the server exited early: code ${code}, signal ${signal}`))),
  ]);
  gone.catch(() => undefined);
  server.stdin.on('error', () => undefined);
  const untilGone = (promise, what) => withTimeout(Promise.race([promise, gone]), LSP_TIMEOUT_MS, what);
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const diagnostics = new Map();
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    diagnostics.set(params.uri, params);
    for (const waiter of [...waiters]) waiter();
  });
  connection.onRequest((method, params) => (method === 'workspace/configuration' ? params.items.map(() => null) : null));
  connection.listen();
  const diagnosticsFor = (uri, version, accept) =>
    new Promise((resolve) => {
      const test = () => {
        const published = diagnostics.get(uri);
        if (published && (published.version === undefined || published.version === version) && accept(published.diagnostics)) {
          waiters.splice(waiters.indexOf(test), 1);
          resolve(published.diagnostics);
        }
      };
      waiters.push(test);
      test();
    });

  const planUri = pathToFileURL(path.join(work, 'broken', 'broken.crmplan.yaml')).href;
  try {
    const initialize = await untilGone(
      connection.sendRequest('initialize', {
        processId: process.pid,
        clientInfo: { name: 'check-npm-package' },
        rootUri: pathToFileURL(work).href,
        workspaceFolders: [{ uri: pathToFileURL(work).href, name: 'work' }],
        capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, synchronization: { dynamicRegistration: false } } },
      }),
      'initialize',
    );
    const capabilities = initialize?.capabilities ?? {};
    check('crmplan-language-server --stdio answers initialize with document sync, completion and hover', capabilities.textDocumentSync !== undefined && capabilities.completionProvider && capabilities.hoverProvider, JSON.stringify(initialize)?.slice(0, 2000));
    await connection.sendNotification('initialized', {});

    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: planUri, languageId: 'crmplan', version: 1, text: broken } });
    const opened = await untilGone(diagnosticsFor(planUri, 1, (list) => list.length > 0), 'diagnostics for the opened plan');
    const unknown = opened.find((item) => item.code === 'unknown-reference');
    check(
      `it publishes an unknown-reference error (source crmplan) on line ${sponsorLine} of the opened plan`,
      unknown && unknown.source === 'crmplan' && unknown.severity === 1 && unknown.range.start.line === sponsorLine - 1 && unknown.message.includes('nobody-here'),
      JSON.stringify(opened, undefined, 1).slice(0, 2000),
    );
    const href = unknown?.codeDescription?.href ?? '';
    check(
      "the diagnostic links the rule's page: a file of the installed package or a web address",
      href.startsWith('file:') ? fileURLToPath(href).startsWith(installed + path.sep) && existsSync(fileURLToPath(href)) : /^https?:\/\/\S+unknown-reference/.test(href),
      href,
    );

    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: planUri, version: 2 }, contentChanges: [{ text: sample }] });
    const fixed = await untilGone(diagnosticsFor(planUri, 2, (list) => !list.some((item) => item.code === 'unknown-reference')), 'diagnostics after the fix');
    check('after the sponsor is fixed (didChange) it publishes no diagnostics for the plan', fixed.length === 0, JSON.stringify(fixed).slice(0, 2000));

    await untilGone(connection.sendRequest('shutdown'), 'shutdown');
    await connection.sendNotification('exit');
    const { code, signal } = await withTimeout(exited, LSP_TIMEOUT_MS, 'the server exiting after exit');
    check('after shutdown and exit the server exits 0', code === 0, `code ${code}, signal ${signal}\n${serverStderr.slice(-2000)}`);
  } catch (error) {
    check('the language server exchange completes', false, `${error instanceof Error ? error.message : String(error)}\n--- server stderr\n${serverStderr.slice(-2000)}`);
  } finally {
    connection.dispose();
  }
} catch (error) {
  if (checks.every((item) => item.pass)) check('the check ran to its end', false, error instanceof Error ? error.stack : String(error));
} finally {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  await rm(sandbox, { recursive: true, force: true });
}

for (const item of checks) {
  console.log(`${item.pass ? 'PASS' : 'FAIL'} ${item.name}`);
  if (!item.pass && item.detail) console.log(String(item.detail).replace(/^/gm, '     '));
}
const failed = checks.filter((item) => !item.pass).length;
console.log(`npm-package: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
