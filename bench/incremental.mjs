// Bundles the in-process incremental benchmark with esbuild (as the product is bundled) and runs it.
import { spawnSync } from 'node:child_process';
import { bundleForNode } from './bundle.mjs';

await bundleForNode('bench/incremental-entry.ts', 'out/bench/incremental.js');
const result = spawnSync(process.execPath, ['out/bench/incremental.js'], { stdio: 'inherit', env: process.env });
process.exitCode = result.status ?? 1;
