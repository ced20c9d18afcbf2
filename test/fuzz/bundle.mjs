// Runs a TypeScript entry of the fuzz suite outside vitest: bundled by esbuild into out/fuzz/ (as
// scripts/build.mjs bundles the server, with the same schema plugin, so that the long runs test
// the code the server ships), then loaded and its `main(argv)` awaited; its result is the exit code.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { planSchemaStandalonePlugin } from '../../scripts/plan-schema-plugin.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');

export async function runBundled(entry, argv) {
  const outfile = path.join(root, 'out', 'fuzz', `${path.basename(entry, '.ts')}.cjs`);
  await esbuild.build({
    entryPoints: [path.join(root, 'test', 'fuzz', entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [planSchemaStandalonePlugin()],
  });
  process.setSourceMapsEnabled(true);
  const { main } = createRequire(import.meta.url)(outfile);
  process.exitCode = await main(argv, root);
}
