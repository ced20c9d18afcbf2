import { existsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspTestClient, SERVER_PATH } from './lsp-test-client.js';

/**
 * Incremental document sync over the real protocol, with the ranges a
 * careless or racing client sends: past the end of the file, reversed,
 * malformed. The server clamps a range to the document (as VS Code's text
 * model does) and never corrupts its copy of the text.
 */

const NINE_LINES = `crmplan: 1
plan:
  name: Sync test
  start: 2027-01-04
phases:
  - id: build
    tasks:
      - {id: config, duration: 2d, depends_on: [kickof]}
      - {id: kickoff, duration: 1d}
`;

let clients: LspTestClient[] = [];
beforeAll(() => {
  if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run npm run build first`);
});
afterEach(async () => {
  await Promise.all(clients.map((client) => client.shutdown()));
  clients = [];
});

async function openedClient(uri: string, text: string): Promise<LspTestClient> {
  const client = new LspTestClient(() => ({ validation: { delay: 0 } }));
  clients.push(client);
  await client.initialize();
  await client.open(uri, text);
  await client.diagnosticsFor(uri, (params) => params.version === 1);
  return client;
}

/** Every position of every diagnostic is a pair of whole numbers inside the text. */
function expectWellFormed(diagnostics: readonly Diagnostic[], text: string): void {
  const lines = text.split('\n');
  for (const { range } of diagnostics) {
    for (const position of [range.start, range.end]) {
      expect(Number.isInteger(position.line) && Number.isInteger(position.character), JSON.stringify(range)).toBe(true);
      expect(position.line).toBeLessThan(lines.length);
      expect(position.character).toBeLessThanOrEqual(lines[position.line]!.length);
    }
  }
}

describe('incremental sync with ranges outside the document', () => {
  it('clamps a range past the end of a 9-line file (line 20) and keeps every position right', async () => {
    const uri = 'file:///tmp/sync/nine.crmplan.yaml';
    const client = await openedClient(uri, NINE_LINES);
    // The text holds as many line breaks as the range spans, which used to write line offsets past the table.
    await client.changeRange(uri, 2, { start: { line: 20, character: 0 }, end: { line: 21, character: 0 } }, '# appended\n');
    const expected = `${NINE_LINES}# appended\n`;
    const afterStale = await client.diagnosticsFor(uri, (params) => params.version === 2);
    expectWellFormed(afterStale, expected);
    // The next ordinary edit lands where the client means it: the typo on line 8 is fixed.
    await client.changeRange(uri, 3, { start: { line: 7, character: 48 }, end: { line: 7, character: 54 } }, 'kickoff');
    const fixed = await client.diagnosticsFor(uri, (params) => params.version === 3);
    expectWellFormed(fixed, expected.replace('[kickof]', '[kickoff]'));
    expect(fixed.filter((diagnostic) => diagnostic.code === 'unknown-reference')).toEqual([]);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 8, character: 13 },
    });
    expect(hover?.contents.value).toContain('kickoff');
  });

  it('survives a range at line 100,000,000 and answers the next edits', async () => {
    const uri = 'file:///tmp/sync/far.crmplan.yaml';
    const client = await openedClient(uri, NINE_LINES);
    await client.changeRange(uri, 2, { start: { line: 100_000_000, character: 5 }, end: { line: 100_000_001, character: 0 } }, '# far\n');
    await client.diagnosticsFor(uri, (params) => params.version === 2);
    await client.changeRange(uri, 3, { start: { line: 7, character: 48 }, end: { line: 7, character: 54 } }, 'kickoff');
    const diagnostics = await client.diagnosticsFor(uri, (params) => params.version === 3);
    expectWellFormed(diagnostics, `${NINE_LINES}# far\n`.replace('[kickof]', '[kickoff]'));
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.length).toBeGreaterThan(0);
  });

  it('takes a reversed range from its smaller end and ignores malformed changes without losing the text', async () => {
    const uri = 'file:///tmp/sync/reversed.crmplan.yaml';
    const client = await openedClient(uri, NINE_LINES);
    await client.changeRange(uri, 2, { start: { line: 7, character: 54 }, end: { line: 7, character: 48 } }, 'kickoff');
    const fixed = await client.diagnosticsFor(uri, (params) => params.version === 2);
    expect(fixed.filter((diagnostic) => diagnostic.code === 'unknown-reference')).toEqual([]);
    await client.changeRange(uri, 3, { start: { line: 'x', character: null }, end: {} }, 'garbage');
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 4 } });
    await client.notify('textDocument/didChange', {});
    // A real edit after the malformed ones: the text is still the fixed plan, plus this edit.
    await client.changeRange(uri, 5, { start: { line: 7, character: 48 }, end: { line: 7, character: 55 } }, 'nothing');
    const after = await client.diagnosticsFor(uri, (params) => params.version === 5);
    const unknown = after.filter((diagnostic) => diagnostic.code === 'unknown-reference');
    expect(unknown.map((diagnostic) => diagnostic.range)).toEqual([{ start: { line: 7, character: 48 }, end: { line: 7, character: 55 } }]);
    expect(client.stderr).toBe('');
  });

  it('asks for the settings once per document, and again after the configuration changed', async () => {
    const uri = 'file:///tmp/sync/settings.crmplan.yaml';
    const client = await openedClient(uri, NINE_LINES);
    for (let version = 2; version <= 4; version++) {
      await client.changeRange(uri, version, { start: { line: 2, character: 8 }, end: { line: 2, character: 9 } }, String(version));
      await client.diagnosticsFor(uri, (params) => params.version === version);
    }
    const asked = (): number => client.configurationRequests.filter((item) => item.scopeUri === uri).length;
    expect(asked()).toBe(1);
    await client.configurationChanged();
    await client.changeRange(uri, 5, { start: { line: 2, character: 8 }, end: { line: 2, character: 9 } }, 'x');
    await client.diagnosticsFor(uri, (params) => params.version === 5);
    expect(asked()).toBe(2);
  });
});
