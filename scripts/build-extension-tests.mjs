// Bundles the extension-host test suite (test/e2e/extension-host/index.mjs) into
// out/test/extension-host/index.js: CommonJS exporting run(), the `extensionTestsPath` contract.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await esbuild.build({
  entryPoints: [path.join(repoRoot, 'test/e2e/extension-host/index.mjs')],
  outfile: path.join(repoRoot, 'out/test/extension-host/index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
});
