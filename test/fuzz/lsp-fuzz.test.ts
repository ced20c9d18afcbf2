import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_PATH } from '../lsp/lsp-test-client.js';
import { fuzzLsp } from './lsp-fuzzer.js';

/**
 * The short run of the protocol fuzzer in every `vitest run`: 200
 * operations (100 edits, 100 requests) from a fixed seed on one sample,
 * against the built server. No latency limit here (tests make no timed
 * assertions); `npm run fuzz:lsp` applies the 2 s limit.
 */
const SAMPLE = path.resolve(__dirname, '..', '..', 'samples', 'mid-market-8-week.crmplan.yaml');

describe('protocol fuzzer (short run)', () => {
  it('survives 200 seeded edits and requests, and its diagnostics always equal a fresh open', async () => {
    if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run npm run build first`);
    const summary = await fuzzLsp({ seed: 20261203, edits: 100, requests: 100, text: readFileSync(SAMPLE, 'utf8'), checkEvery: 25, maxLatencyMs: Infinity });
    expect(summary.failures).toEqual([]);
    expect(summary.exitCode).toBe(0);
    const count = (counts: Record<string, number>): number => Object.values(counts).reduce((sum, value) => sum + value, 0);
    // Every edit and request was sent (plus the restores of the checkpoints), and the checks ran.
    expect(count(summary.edits) - (summary.edits['restore'] ?? 0)).toBe(100);
    expect(count(summary.requests)).toBe(100);
    expect(summary.checkpoints).toBeGreaterThanOrEqual(8);
    expect(summary.restores).toBeGreaterThanOrEqual(2);
    expect(Object.keys(summary.requests).length).toBeGreaterThanOrEqual(10);
  }, 240_000);
});
