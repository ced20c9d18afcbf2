#!/usr/bin/env node
// Packaging check: runs `npm run package` (production build + vsce), then checks that the
// .vsix holds exactly the files the extension needs (no sources, tests, samples, maps or
// caches), reports its size, installs it into code-server (`--install-extension`, in a
// throwaway sandbox) and checks the installed folder's package.json.
//
//   npm run test:package   (installs code-server first if needed)
//
// Exit status: 0 all checks passed, 1 a check failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installVsix, isolatedEnv } from '../vscode/code-server.mjs';
import { zipEntryNames } from './zip-entries.mjs';
import { filesUnder as filesUnderRoot } from '../repo-files.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const vsix = path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);

/** Every file under `dir` of the repository (`/`-separated). */
const filesUnder = (dir) => filesUnderRoot(repoRoot, dir);

/**
 * What the .vsix must hold: vsce's two manifest files, then the extension's files under
 * extension/ (vsce renames README.md, CHANGELOG.md and LICENSE). docs/ is there because
 * diagnostics link to the rule pages inside the installed extension, and the README and the
 * pages link to each other and to docs/images/ (test/docs/links.test.ts checks those links).
 */
function expectedEntries() {
  const extensionFiles = [
    'package.json',
    'readme.md',
    'changelog.md',
    'LICENSE.txt',
    'NOTICE',
    manifest.icon,
    'language-configuration.json',
    'syntaxes/crmplan.tmLanguage.json',
    'schemas/crmplan.schema.json',
    'dist/extension.js',
    'dist/server.js',
    'dist/resvg.wasm',
    ...filesUnder('dist/fonts'),
    // The preview's page, stylesheet and mermaid; never the source maps of a development build.
    ...filesUnder('dist/webview').filter((file) => /\.(js|css)$/.test(file)),
    // The walkthrough's pages too (contributes.walkthroughs media).
    ...filesUnder('docs').filter((file) => /^docs\/(?:rules\/|walkthrough\/)?[^/]+\.md$/.test(file)),
    ...filesUnder('docs/images').filter((file) => file.endsWith('.png')),
  ];
  return ['extension.vsixmanifest', '[Content_Types].xml', ...extensionFiles.map((file) => `extension/${file}`)].sort();
}

const checks = [];
function check(name, pass, detail) {
  checks.push({ name, pass: Boolean(pass), detail });
}

const packaging = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, encoding: 'utf8' });
check('npm run package exits 0', packaging.status === 0, `${packaging.stdout}\n${packaging.stderr}`.trim().slice(-3000));
check(`it wrote ${path.basename(vsix)}`, existsSync(vsix));

if (existsSync(vsix)) {
  const entries = zipEntryNames(vsix).sort();
  const expected = expectedEntries();
  const extra = entries.filter((entry) => !expected.includes(entry));
  const missing = expected.filter((entry) => !entries.includes(entry));
  check(
    `the .vsix holds exactly the ${expected.length} expected files`,
    extra.length === 0 && missing.length === 0,
    [extra.length > 0 ? `not expected: ${extra.join(', ')}` : '', missing.length > 0 ? `missing: ${missing.join(', ')}` : ''].filter(Boolean).join('\n'),
  );
  // Every page and picture a walkthrough step shows must be in the package, or the step is blank.
  const media = (manifest.contributes?.walkthroughs ?? []).flatMap((walkthrough) =>
    walkthrough.steps.flatMap((step) => [step.media?.markdown, step.media?.image, step.media?.svg].filter((file) => typeof file === 'string')),
  );
  const missingMedia = media.filter((file) => !entries.includes(`extension/${file}`));
  check(`the walkthrough's ${media.length} media files ship`, media.length > 0 && missingMedia.length === 0, `missing: ${missingMedia.join(', ')}`);
  const bytes = statSync(vsix).size;
  console.log(`size: ${path.basename(vsix)} is ${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes, ${entries.length} entries)`);

  const sandbox = await mkdtemp(path.join(os.tmpdir(), 'crmplan-vsix-'));
  try {
    const dirs = { extensions: path.join(sandbox, 'extensions'), userData: path.join(sandbox, 'user-data'), home: path.join(sandbox, 'home'), tmp: path.join(sandbox, 'tmp') };
    await Promise.all(Object.values(dirs).map((dir) => mkdir(dir, { recursive: true })));
    let installError = '';
    try {
      await installVsix({ repoRoot, vsix, extensionsDir: dirs.extensions, userDataDir: dirs.userData, env: isolatedEnv(dirs) });
    } catch (error) {
      installError = error instanceof Error ? error.message : String(error);
    }
    check('code-server --install-extension installs it', installError === '', installError);
    const folder = path.join(dirs.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    const installed = await readFile(path.join(folder, 'package.json'), 'utf8').then(JSON.parse, () => undefined);
    check(
      `the installed folder ${path.basename(folder)} has a package.json named ${manifest.name} ${manifest.version}`,
      installed?.name === manifest.name && installed?.version === manifest.version,
      `extensions folder: ${readdirSync(dirs.extensions).join(', ') || '(empty)'}`,
    );
    check('the installed extension has its bundled server', existsSync(path.join(folder, 'dist/server.js')));
  } finally {
    await rm(sandbox, { recursive: true, force: true });
  }
}

for (const item of checks) {
  console.log(`${item.pass ? 'PASS' : 'FAIL'} ${item.name}`);
  if (!item.pass && item.detail) console.log(item.detail.replace(/^/gm, '     '));
}
const failed = checks.filter((item) => !item.pass).length;
console.log(`package: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
