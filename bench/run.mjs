// Bundles the benchmark entry with esbuild (as the product is bundled) and runs it.
import { spawnSync } from 'node:child_process';
import { bundleForNode } from './bundle.mjs';

await bundleForNode('bench/bench-entry.ts', 'out/bench/bench.js');
const result = spawnSync(process.execPath, ['out/bench/bench.js'], { stdio: 'inherit', env: process.env });
process.exitCode = result.status ?? 1;
