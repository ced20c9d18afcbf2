import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspTestClient } from '../lsp/lsp-test-client.js';
import { crmplan } from './cli-process.js';

/**
 * The inputs of `npm run bench:limits` (a 50 MB file, a 10,000-level
 * nesting, a billion-laughs document, a three-million-item list, a
 * 750,000-line list) through `crmplan check` and the server: each gives the
 * finding that names its limit, and the rest of the plan is still checked.
 * Not timed: the benchmark measures time and memory.
 */

interface Expected {
  readonly rule: string;
  readonly message: RegExp;
  /** Other findings besides it: the rest of the plan was read. */
  readonly alone: boolean;
}

type InputName = 'a 50 MB file' | 'a 10,000-level nesting' | 'a billion-laughs document' | 'a 3,000,000-element flow sequence' | 'a 750,000-line list' | '100 lists of 9,999 items';

const EXPECTED: Record<InputName, Expected> = {
  'a 50 MB file': { rule: 'limits', message: /^The file has 52,4\d\d,\d\d\d characters: plans over 10,485,760 \(10 MB\) are not read\./, alone: true },
  'a 10,000-level nesting': { rule: 'limits', message: /^Lists and mappings nest more than 100 levels deep here/, alone: false },
  'a billion-laughs document': { rule: 'schema', message: /^Aliases expand to too much: at most 10,000 nodes are read through aliases/, alone: false },
  'a 3,000,000-element flow sequence': { rule: 'limits', message: /^This list in brackets has 3,000,000 items: at most 10,000 are read, so it is read as empty\.$/, alone: false },
  'a 750,000-line list': { rule: 'limits', message: /^The file has 750,013 lines: plans over 200,000 lines are not read\./, alone: true },
  '100 lists of 9,999 items': { rule: 'limits', message: /^The file has 1,000,303 items in brackets \(\[a, b\] or \{a: 1\}\) in all: plans with over 300,000 are not read\./, alone: true },
};

interface JsonFinding {
  readonly rule: string;
  readonly message: string;
  readonly range: { readonly start: { readonly line: number; readonly character: number } };
}

const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-limits-'));
const NAMES = Object.keys(EXPECTED) as InputName[];
const texts = new Map<InputName, string>();
beforeAll(async () => {
  // The benchmark's own inputs (an ES module: imported, not required).
  const { LIMIT_INPUTS } = await import('../../bench/limits-inputs.mjs');
  for (const name of NAMES) texts.set(name, LIMIT_INPUTS[name]());
}, 60_000);

function expectFindings(name: InputName, findings: readonly { rule: string; message: string }[]): void {
  const expected = EXPECTED[name];
  expect(findings.filter((finding) => finding.rule === expected.rule && expected.message.test(finding.message)), name).toHaveLength(
    name === 'a 10,000-level nesting' ? 2 : 1,
  );
  if (expected.alone) expect(findings, name).toHaveLength(1);
  else expect(findings.some((finding) => finding.rule !== expected.rule), `${name}: the rest of the plan is checked`).toBe(true);
}

describe('crmplan check on the limits benchmark inputs', () => {
  for (const name of NAMES) {
    it(`${name}: the finding of its limit, exit 1, nothing on stderr`, () => {
      const text = texts.get(name)!;
      const file = path.join(folder, `${name.replace(/\W+/g, '-')}.crmplan.yaml`);
      writeFileSync(file, text);
      const result = crmplan(['check', file, '--format', 'json']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      const findings = (JSON.parse(result.stdout) as { files: { diagnostics: JsonFinding[] }[] }).files[0]!.diagnostics;
      expectFindings(name, findings);
      if (name === 'a 50 MB file') expect(findings[0]!.range.start).toEqual({ line: 0, character: 0 });
      if (name === 'a 750,000-line list') expect(findings[0]!.range.start).toEqual({ line: 200_000, character: 0 });
    }, 120_000);
  }
});

describe('the server on the same inputs', () => {
  let client: LspTestClient;
  beforeAll(async () => {
    client = new LspTestClient(() => ({ validation: { delay: 0 } }));
    await client.initialize();
  });
  afterAll(async () => {
    expect(await client.shutdown()).toBe(0);
    expect(client.stderr).toBe('');
  });

  for (const name of NAMES) {
    it(`${name}: the first diagnostics hold the finding of its limit`, async () => {
      const text = texts.get(name)!;
      const uri = `file:///tmp/limits/${name.replace(/\W+/g, '-')}.crmplan.yaml`;
      await client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri, () => true, 120_000);
      expectFindings(name, diagnostics.map((diagnostic) => ({ rule: String(diagnostic.code), message: diagnostic.message })));
      await client.close(uri);
    }, 180_000);
  }
});
