// One esbuild script, one context per bundle (see microsoft/vscode-extension-samples esbuild-sample).
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { planSchemaStandalonePlugin } from './plan-schema-plugin.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The plan schema's validator is ajv standalone code made at build time (scripts/plan-schema-plugin.mjs).
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, plugins: [planSchemaStandalonePlugin()] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [planSchemaStandalonePlugin()] },
  // The GitHub Action's program (action.yml), next to the CLI it runs.
  { entryPoints: ['action/run-action.ts'], outfile: 'dist/action.js' },
  // The timeline preview's page (and its stylesheet) for the webview: a browser script, no Node.
  {
    // markdown-preview.ts: the script of VS Code's Markdown preview (contributes.markdown.previewScripts).
    entryPoints: ['client/webview/preview.ts', 'client/webview/preview.css', 'client/webview/markdown-preview.ts'],
    outdir: 'dist/webview',
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
  },
];

// Mermaid runs in the webview as its own IIFE (it defines globalThis.mermaid), loaded from the
// extension's files: the webview's CSP allows no remote script.
mkdirSync('dist/webview', { recursive: true });
copyFileSync('node_modules/mermaid/dist/mermaid.min.js', 'dist/webview/mermaid.min.js');

// `crmplan export --format png` rasterises with resvg's WebAssembly and the DejaVu Sans font
// (Bitstream Vera licence, shipped with it), read next to the bundles (server/src/export/png.ts).
mkdirSync('dist/fonts', { recursive: true });
copyFileSync('node_modules/@resvg/resvg-wasm/index_bg.wasm', 'dist/resvg.wasm');
for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) copyFileSync(`node_modules/dejavu-fonts-ttf/ttf/${font}`, `dist/fonts/${font}`);
copyFileSync('node_modules/dejavu-fonts-ttf/LICENSE', 'dist/fonts/LICENSE');

const contexts = await Promise.all(bundles.map((bundle) => esbuild.context({ ...common, ...bundle })));
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
  chmodSync('dist/cli.js', 0o755);
}
