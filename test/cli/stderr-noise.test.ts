import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { PARSE_OPTIONS } from '../../server/src/parse/parse-plan-text.js';
import { LspTestClient } from '../lsp/lsp-test-client.js';
import { CLI, crmplan } from './cli-process.js';

/**
 * No noise on stderr: on plans with complex keys, aliases, merge keys and
 * custom tags, the CLI's commands print on stderr only crmplan's own
 * one-line messages (`crmplan: ...`), and the server prints nothing; no
 * library warning (yaml's "Keys with collection values will be
 * stringified", a process warning) gets through.
 */

const COMPLEX_KEYS = `crmplan: 1
? [a, b]
: 1
plan:
  name: Complex keys
  start: 2027-01-04
  ? {x: 1}
  : y
phases:
  - id: p
    name: P
    tasks:
      - id: a
        name: A
        duration: 2d
        ? [k]
        : v
      - {id: b, name: B, duration: 1d, ? !weird [z] : 3}
`;
const ALIASES = `crmplan: 1
plan:
  name: &n Aliases
  start: 2027-01-04
people:
  - &pm {id: pm, name: Dana, role: Project Manager}
  - {<<: *pm, id: pm2}
phases:
  - id: p
    name: *n
    owner: pm
    tasks:
      - {id: a, name: *n, duration: 1d, tags: [${Array.from({ length: 1500 }, () => '*n').join(', ')}]}
`;
const CUSTOM_TAGS = `crmplan: 1
plan: !plan
  name: !custom Tags
  start: !!timestamp 2027-01-04
  calendar: !!omap
    - holidays: [2027-05-31]
phases:
  - id: p
    name: !!binary aGVsbG8=
    tasks:
      - {id: a, name: A, duration: !!float .nan, depends_on: !!set {b: null}}
      - {id: b, name: !!str B, duration: !duration 2d, kind: [x]}
`;
const PLANS: Record<string, string> = {
  'complex-keys.crmplan.yaml': COMPLEX_KEYS,
  'aliases.crmplan.yaml': ALIASES,
  'custom-tags.crmplan.yaml': CUSTOM_TAGS,
};

const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-stderr-'));
const files = Object.entries(PLANS).map(([name, text]) => {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
});

/** Every stderr line is crmplan's own one-line message. */
function expectOnlyOwnLines(stderr: string, command: string): void {
  for (const line of stderr.split('\n').filter((line) => line !== '')) {
    expect(line, `${command}: ${stderr}`).toMatch(/^crmplan: \S/);
  }
  expect(stderr, command).not.toMatch(/Warning|stringified|mapAsMap|node --trace-warnings|\n {4}at /);
}

describe('CLI stderr on plans with complex keys, aliases and custom tags', () => {
  const runs: string[][] = [];
  for (const [index, file] of files.entries()) {
    for (const format of index === 0 ? ['text', 'json', 'sarif', 'github', 'gitlab'] : ['text']) runs.push(['check', file, '--format', format]);
    for (const format of ['text', 'json']) runs.push(['schedule', file, '--format', format]);
    for (const format of ['mermaid', 'markdown']) runs.push(['gantt', file, '--format', format]);
    runs.push(['diff', file, files[(index + 1) % files.length]!, '--format', index === 0 ? 'json' : 'markdown']);
  }
  it(`${runs.length} runs of check, schedule, gantt and diff print only crmplan's own lines on stderr`, () => {
    for (const args of runs) {
      const result = crmplan(args);
      const command = args.map((arg) => path.basename(arg)).join(' ');
      expect([0, 1], `${command}: ${result.stderr}`).toContain(result.status);
      expectOnlyOwnLines(result.stderr, command);
    }
    // Each run starts a process: on a busy machine this takes a while.
  }, 180_000);

  it('check reports each complex key as a schema finding on the key, not on the whole file', () => {
    const result = crmplan(['check', files[0]!, '--format', 'json']);
    const report = JSON.parse(result.stdout) as { files: { diagnostics: { rule: string; message: string; range: { start: { line: number; character: number }; end: { line: number } } }[] }[] };
    const keys = report.files[0]!.diagnostics.filter((finding) => finding.message === 'Keys must be plain text.');
    expect(keys.map((finding) => [finding.rule, finding.range.start.line, finding.range.start.character])).toEqual([
      ['schema', 1, 2],
      ['schema', 6, 4],
      ['schema', 15, 10],
      ['schema', 17, COMPLEX_KEYS.split('\n')[17]!.indexOf('[z]')],
    ]);
    for (const finding of keys) expect(finding.range.end.line).toBe(finding.range.start.line);
  });

  it('a process warning emitted while the CLI runs is not printed', () => {
    // The CLI bundle as its entry point runs it, then a warning as a library would emit one.
    const script = `process.argv.splice(1, 0, 'crmplan'); require(${JSON.stringify(CLI)}); process.emitWarning('planted library warning');`;
    const result = spawnSync(process.execPath, ['-e', script, 'check', files[0]!], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/Keys must be plain text/);
    expect(result.stderr).toBe('');
  });

  it("yaml's toJS on a complex key emits no warning with the plan's parse options", async () => {
    const warnings: string[] = [];
    const listener = (warning: Error): void => void warnings.push(warning.message);
    process.on('warning', listener);
    try {
      parseDocument(COMPLEX_KEYS, PARSE_OPTIONS).toJS();
      // Node emits warnings on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(warnings).toEqual([]);
  });
});

describe('server stderr on the same plans', () => {
  let client: LspTestClient;
  beforeAll(async () => {
    client = new LspTestClient(() => ({ validation: { delay: 0 } }));
    await client.initialize();
  });
  afterAll(async () => {
    expect(await client.shutdown()).toBe(0);
  });

  it('diagnostics and every feature on each plan, with nothing on stderr', async () => {
    for (const [name, text] of Object.entries(PLANS)) {
      const uri = `file:///tmp/stderr/${name}`;
      await client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri);
      expect(diagnostics.length, name).toBeGreaterThan(0);
      const lines = text.split('\n');
      for (let line = 0; line < lines.length; line++) {
        const position = { line, character: Math.min(6, lines[line]!.length) };
        await client.request('textDocument/hover', { textDocument: { uri }, position });
        await client.request('textDocument/completion', { textDocument: { uri }, position });
      }
      const everything = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: everything, context: { diagnostics } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/inlayHint', { textDocument: { uri }, range: everything });
      await client.request('crmplan/timeline', { uri });
      await client.close(uri);
    }
    expect(client.stderr).toBe('');
  });
});
