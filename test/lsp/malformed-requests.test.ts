import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspTestClient, SERVER_PATH } from './lsp-test-client.js';

/**
 * Malformed requests get InvalidParams (-32602) with a message, never an
 * internal error (-32603), and the server goes on answering well-formed ones.
 */

const URI = 'file:///tmp/malformed/plan.crmplan.yaml';
const PLAN = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n  - id: p\n    tasks:\n      - {id: a, duration: 1d}\n';
const position = { line: 5, character: 13 };
const range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
const doc = { uri: URI };

/** Each method with well-formed params, and params that lack or break one thing each. */
const REQUESTS: readonly { method: string; good: Record<string, unknown>; bad: readonly unknown[] }[] = [
  { method: 'textDocument/hover', good: { textDocument: doc, position }, bad: [{ textDocument: doc }, { position }, { textDocument: doc, position: { line: 'x', character: 0 } }, null, []] },
  { method: 'textDocument/completion', good: { textDocument: doc, position }, bad: [{ textDocument: doc }, { textDocument: {}, position }] },
  { method: 'textDocument/definition', good: { textDocument: doc, position }, bad: [{ textDocument: doc, position: { line: -1, character: 0 } }] },
  { method: 'textDocument/references', good: { textDocument: doc, position, context: { includeDeclaration: true } }, bad: [{ textDocument: doc, position }] },
  { method: 'textDocument/documentHighlight', good: { textDocument: doc, position }, bad: [{ textDocument: doc, position: null }] },
  { method: 'textDocument/prepareRename', good: { textDocument: doc, position }, bad: [{ textDocument: doc }] },
  { method: 'textDocument/rename', good: { textDocument: doc, position, newName: 'b' }, bad: [{ textDocument: doc, position }, { textDocument: doc, position, newName: 7 }] },
  { method: 'textDocument/codeAction', good: { textDocument: doc, range, context: { diagnostics: [] } }, bad: [{ textDocument: doc, context: { diagnostics: [] } }, { textDocument: doc, range }] },
  { method: 'textDocument/inlayHint', good: { textDocument: doc, range }, bad: [{ textDocument: doc }, { textDocument: doc, range: { start: position } }] },
  { method: 'textDocument/documentSymbol', good: { textDocument: doc }, bad: [{}, { textDocument: { uri: 3 } }] },
  { method: 'textDocument/foldingRange', good: { textDocument: doc }, bad: [{ textDocument: null }] },
  { method: 'textDocument/selectionRange', good: { textDocument: doc, positions: [position] }, bad: [{ textDocument: doc }, { textDocument: doc, positions: [null] }] },
  { method: 'crmplan/timeline', good: { uri: URI }, bad: [{}, { uri: 5 }] },
];

let client: LspTestClient;
beforeAll(async () => {
  if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run npm run build first`);
  client = new LspTestClient(() => ({ validation: { delay: 0 } }));
  await client.initialize();
  await client.open(URI, PLAN);
  await client.diagnosticsFor(URI);
});
afterAll(async () => {
  expect(await client.shutdown()).toBe(0);
});

describe('malformed requests', () => {
  for (const { method, good, bad } of REQUESTS) {
    it(`${method}: InvalidParams with a message for each malformed form, then an answer to a good one`, async () => {
      for (const params of bad) {
        const error = await client.request(method, params).then(
          () => undefined,
          (caught: unknown) => caught as { code?: number; message?: string },
        );
        expect(error?.code, `${method} ${JSON.stringify(params)}`).toBe(-32602);
        expect(error?.message).toMatch(/\S/);
      }
      await expect(client.request(method, good)).resolves.not.toBeInstanceOf(Error);
    });
  }

  it('leaves nothing on stderr', () => {
    expect(client.stderr).toBe('');
  });
});
