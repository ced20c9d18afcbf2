// Bundles the benchmark entry with esbuild (as the product is bundled) and runs it.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

await esbuild.build({
  entryPoints: ['bench/bench-entry.ts'],
  outfile: 'out/bench/bench.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['out/bench/bench.js'], { stdio: 'inherit', env: process.env });
process.exitCode = result.status ?? 1;
