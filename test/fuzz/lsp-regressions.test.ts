import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate-plan.js';
import { LspTestClient, SERVER_PATH } from '../lsp/lsp-test-client.js';

/**
 * Bugs the protocol fuzzer found, kept as deterministic protocol tests.
 */
describe('protocol fuzzer regressions', () => {
  it('publishes the diagnostics of the text of a version, never those of an older text under its number', async () => {
    // The analysis of a large plan runs in steps; a whole-text change arrives
    // while it runs. The server used to compare the document (changed in
    // place) with itself, so the old analysis went on and was published as
    // the new version: a generated plan's findings, placed on a small plan's
    // text. (This can miss the bug when the change comes before or after the
    // analysis, never report it wrongly.)
    if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run npm run build first`);
    const client = new LspTestClient(() => ({ validation: { delay: 0 } }));
    await client.initialize();
    const small = 'crmplan: 1\nplan: {name: Small, start: 2027-01-04}\nphases:\n  - id: p\n    tasks:\n      - {id: a, name: A, duration: 1d}\n';
    const fresh = 'file:///fuzz/regressions/fresh.crmplan.yaml';
    await client.open(fresh, small, 1);
    const expected = JSON.stringify(await client.diagnosticsFor(fresh, (params) => params.version === 1)).split(fresh).join('<uri>');
    const large = generatePlan(2000);
    // The small text arrives while the large one is analysed: how soon that is depends on the machine, so a few delays.
    for (const [attempt, delayMs] of [5, 30, 120].entries()) {
      const uri = `file:///fuzz/regressions/plan-${attempt}.crmplan.yaml`;
      await client.open(uri, small, 1);
      await client.diagnosticsFor(uri, (params) => params.version === 1);
      await client.change(uri, 2, large);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await client.change(uri, 3, small);
      const published = await client.diagnosticsFor(uri, (params) => params.version === 3);
      expect(JSON.stringify(published).split(uri).join('<uri>'), `a change after ${delayMs} ms`).toBe(expected);
      // Every publish of version 3 is the same (none first with the large plan's findings).
      const versionThree = client.published.filter((params) => params.uri === uri && params.version === 3);
      expect(new Set(versionThree.map((params) => JSON.stringify(params.diagnostics))).size).toBe(1);
    }
    expect(await client.shutdown()).toBe(0);
  }, 60_000);
});
