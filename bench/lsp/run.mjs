// npm run bench:lsp (after npm run build): bundles bench/lsp/lsp-bench.ts with esbuild into
// out/bench/, as bench/run.mjs does for the in-process benchmark, and runs it.
//   CRMPLAN_BENCH_SIZES=100,1000         plan sizes (default 100,1000,10000)
//   CRMPLAN_BENCH_TIMEOUT_MS=120000      longest wait for any one answer
//   CRMPLAN_BENCH_SERVER=path/server.js  another build of our server (default dist/server.js)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bundleForNode } from '../bundle.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, 'out/bench/lsp-bench.js');
await bundleForNode(path.join(root, 'bench/lsp/lsp-bench.ts'), bundle);
const result = spawnSync(process.execPath, [bundle], { cwd: root, stdio: 'inherit', env: process.env });
process.exitCode = result.status ?? 1;
