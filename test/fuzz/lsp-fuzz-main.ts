import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { OptionError, freshSeed, readOptions } from './cli-options.js';
import { LSP_FUZZ_URI, fuzzLsp, replaySession, type LspReplay } from './lsp-fuzzer.js';

/**
 * `npm run fuzz:lsp -- [--seed N] [--edits N] [--requests N] [--sample FILE]
 * [--max-latency-ms N] [--check-every N]`: the protocol fuzzer against
 * dist/server.js; `--replay out/fuzz/lsp-replay-....json` sends the
 * session a failing run kept again. Prints the seed, progress and a summary (operation
 * counts, error codes, p50/p99/max latency); exits 1 on any failure.
 */
export async function main(argv: readonly string[], root: string): Promise<number> {
  let options: { seed: number; edits: number; requests: number; sample: string; maxLatencyMs: number; checkEvery: number; replay: string };
  try {
    options = readOptions(argv, {
      seed: freshSeed(),
      edits: 500,
      requests: 500,
      sample: 'samples/connectsphere.crmplan.yaml',
      maxLatencyMs: 2000,
      checkEvery: 50,
      replay: '',
    });
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    console.error(`fuzz:lsp: ${error.message}`);
    return 2;
  }
  if (options.replay) {
    // A session a failing run kept: sent again to a new server, to see whether the difference comes back.
    const replay = JSON.parse(readFileSync(path.resolve(root, options.replay), 'utf8')) as LspReplay;
    const { differs, stderr } = await replaySession(replay.session, LSP_FUZZ_URI, replay.text);
    console.log(`fuzz:lsp: replay of ${options.replay} (${replay.session.length} messages): diagnostics ${differs ? 'differ again' : 'are the same this time'}`);
    if (stderr) console.log(stderr.slice(0, 2000));
    return differs ? 1 : 0;
  }
  let replays = 0;
  const text = readFileSync(path.resolve(root, options.sample), 'utf8');
  console.log(`fuzz:lsp: seed ${options.seed}, ${options.edits} edits and ${options.requests} requests on ${options.sample}`);
  const summary = await fuzzLsp({
    seed: options.seed,
    edits: options.edits,
    requests: options.requests,
    text,
    checkEvery: Math.max(1, options.checkEvery),
    maxLatencyMs: options.maxLatencyMs,
    log: (line) => console.log(`  ${line}`),
    writeReplay: (replay) => {
      const file = path.join(root, 'out', 'fuzz', `lsp-replay-${options.seed}-${replays++}.json`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(replay));
      return path.relative(root, file);
    },
  });
  const count = (counts: Record<string, number>): string =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => `${name} ${value}`)
      .join(', ');
  const total = (counts: Record<string, number>): number => Object.values(counts).reduce((sum, value) => sum + value, 0);
  console.log(`edits (${total(summary.edits)}): ${count(summary.edits)}`);
  console.log(`requests (${total(summary.requests)}, ${summary.malformedRequests} malformed): ${count(summary.requests)}`);
  console.log(`error answers by code: ${count(summary.errorCodes) || 'none'}`);
  const latency = summary.latencyMs;
  console.log(`latency of well-formed requests: p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms (${latency.slowest})`);
  console.log(`checkpoints: ${summary.checkpoints} (${summary.restores} after restoring the original text); server exit code ${summary.exitCode}`);
  if (summary.stderr) console.log(`server stderr (${summary.stderr.split('\n').length} lines):\n${summary.stderr.slice(0, 2000)}`);
  for (const failure of summary.failures) console.log(`FAIL ${failure}`);
  console.log(`fuzz:lsp: seed ${summary.seed}: ${summary.failures.length} failures, ${(summary.milliseconds / 1000).toFixed(1)} s`);
  return summary.failures.length > 0 ? 1 : 0;
}
