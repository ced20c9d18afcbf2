// Bundles the extension-host test suite into out/test/extension-host/:
// - index.js: CommonJS exporting run(), the `extensionTestsPath` contract, with mocha inside
//   (no node_modules needed at run time, in code-server's remote extension host or in Electron);
// - one <name>.test.js per test/e2e/extension-host/<name>.test.mjs, which index.js adds to mocha.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(repoRoot, 'test/e2e/extension-host');
const outDir = path.join(repoRoot, 'out/test/extension-host');
const testFiles = readdirSync(sourceDir).filter((name) => name.endsWith('.test.mjs'));

// A test file renamed or removed must not keep running from a stale bundle.
rmSync(outDir, { recursive: true, force: true });

await esbuild.build({
  entryPoints: [
    { in: path.join(sourceDir, 'index.mjs'), out: 'index' },
    ...testFiles.map((name) => ({ in: path.join(sourceDir, name), out: name.replace(/\.mjs$/, '') })),
  ],
  outdir: outDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
  // mocha's parallel mode (worker files found with require.resolve) is never used here.
  logOverride: { 'require-resolve-not-external': 'silent' },
});
