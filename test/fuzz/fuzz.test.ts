import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROPERTIES } from './properties.js';
import { runProperty } from './fuzz-run.js';

/**
 * The short run of the fuzz suite in every `vitest run`: each property on
 * a few dozen generated inputs, with a fixed seed so that a failure is the
 * same on every machine (CRMPLAN_FUZZ_SEED and CRMPLAN_FUZZ_RUNS change
 * them). `npm run fuzz` is the long run that keeps reproducers.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const RUNS = Number(process.env['CRMPLAN_FUZZ_RUNS'] ?? 60);
const SEED = Number(process.env['CRMPLAN_FUZZ_SEED'] ?? 20261203);

describe('fuzz (short run)', () => {
  for (const property of PROPERTIES) {
    it(`${property.name}: ${property.summary}`, () => {
      const result = runProperty(property, { root: ROOT, runs: RUNS, seed: SEED, writeRepro: false });
      expect(result.error, `seed ${SEED}`).toBeUndefined();
      expect(result.failed).toBe(false);
      expect(result.runs).toBe(RUNS);
    }, 120_000);
  }
});
