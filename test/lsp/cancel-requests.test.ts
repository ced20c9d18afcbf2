import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generatePlan } from '../../bench/generate-plan.js';
import { answerInSteps } from '../../server/src/lsp/request-steps.js';
import { LanguageService } from '../../server/src/service/language-service.js';
import { SERVER_PATH } from './lsp-test-client.js';
import { RawServerProcess, type RpcMessage } from './raw-server-process.js';

/**
 * `$/cancelRequest` over the real protocol on a plan of 10,000 tasks: a
 * cancelled request answers RequestCancelled (-32800), and the server then
 * answers the next request as if nothing happened.
 */

const REQUEST_CANCELLED = -32800;
const URI = 'file:///tmp/cancel/big.crmplan.yaml';
const PLAN = generatePlan(10_000);
const LINES = PLAN.split('\n');
/** On `t5000` in `- id: t5000`: a task with references. */
const TASK = { line: LINES.findIndex((line) => line.trim() === '- id: t5000'), character: 14 };
const textDocument = { uri: URI };
const everything = { start: { line: 0, character: 0 }, end: { line: LINES.length, character: 0 } };

let server: RawServerProcess;
let version = 1;
/** A whole-text change, so the next request finds the new text not analysed yet. */
const edit = (): RpcMessage => {
  version += 1;
  return { method: 'textDocument/didChange', params: { textDocument: { uri: URI, version }, contentChanges: [{ text: PLAN.replace('name: Task 7\n', `name: Task 7 v${version}\n`) }] } };
};
const references = (id: number): RpcMessage => ({ id, method: 'textDocument/references', params: { textDocument, position: TASK, context: { includeDeclaration: true } } });
const cancel = (id: number): RpcMessage => ({ method: '$/cancelRequest', params: { id } });

beforeAll(async () => {
  if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run npm run build first`);
  expect(TASK.line).toBeGreaterThan(0);
  server = new RawServerProcess();
  await server.initialize();
  server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'crmplan', version, text: PLAN } } });
  await server.waitFor((message) => message.method === 'textDocument/publishDiagnostics', 'diagnostics of the big plan', 120_000);
}, 180_000);
afterAll(async () => {
  server.send({ id: 9999, method: 'shutdown' }, { method: 'exit' });
  expect(await server.exited).toBe(0);
});

describe('$/cancelRequest', () => {
  it('a cancelled references request on a plan not analysed yet answers -32800, and the next one answers normally', async () => {
    server.send(edit(), references(10), cancel(10), references(11));
    const cancelled = await server.answerTo(10);
    expect(cancelled.error?.code).toBe(REQUEST_CANCELLED);
    expect(cancelled.error?.message).toMatch(/cancelled/);
    const answered = await server.answerTo(11);
    expect(answered.error).toBeUndefined();
    const locations = answered.result as { range: { start: { line: number } } }[];
    // The declaration and the tasks that depend on t5000.
    expect(locations.length).toBeGreaterThan(1);
    expect(locations.map((location) => location.range.start.line)).toContain(TASK.line);
  }, 120_000);

  for (const [method, params] of [
    ['textDocument/rename', { textDocument, position: TASK, newName: 'renamed' }],
    ['textDocument/codeAction', { textDocument, range: everything, context: { diagnostics: [] } }],
    ['crmplan/timeline', { uri: URI }],
    ['textDocument/documentSymbol', { textDocument }],
  ] as const) {
    it(`${method}: cancelled answers -32800, the same request again answers a result`, async () => {
      const id = 100 + version;
      server.send(edit(), { id, method, params }, cancel(id), { id: id + 50, method, params });
      expect((await server.answerTo(id)).error?.code).toBe(REQUEST_CANCELLED);
      const answered = await server.answerTo(id + 50);
      expect(answered.error).toBeUndefined();
      expect(answered.result).toBeTruthy();
    }, 120_000);
  }

  it('a cancel for a request already answered, or never sent, changes nothing', async () => {
    server.send(references(300));
    const first = await server.answerTo(300);
    server.send(cancel(300), cancel(123_456), references(301));
    const again = await server.answerTo(301);
    expect(again.result).toEqual(first.result);
  }, 120_000);

  it('leaves nothing on stderr', () => {
    expect(server.stderr).toBe('');
  });
});

describe('answerInSteps', () => {
  it('stops between the analysis steps once the token is cancelled: the work never runs', async () => {
    const service = new LanguageService();
    const document = TextDocument.create(URI, 'crmplan', 1, PLAN);
    const source = new CancellationTokenSource();
    // Cancelled while the first step (the parse of 10,000 tasks) hands the event loop over.
    setTimeout(() => source.cancel(), 0);
    let ran = false;
    const answer = await answerInSteps({ service, documents: { get: () => document } }, 'test/request', document, source.token, () => (ran = true));
    expect(ran).toBe(false);
    expect(answer).toMatchObject({ code: REQUEST_CANCELLED });
    // Not cancelled, the same request on the kept parse answers.
    const answered = await answerInSteps({ service, documents: { get: () => document } }, 'test/request', document, new CancellationTokenSource().token, () => 'done');
    expect(answered).toBe('done');
  });

  it('answers ContentModified when the document changed between the steps', async () => {
    const service = new LanguageService();
    const document = TextDocument.create(URI, 'crmplan', 1, PLAN);
    const newer = TextDocument.create(URI, 'crmplan', 2, PLAN);
    let current = document;
    setTimeout(() => (current = newer), 0);
    const answer = await answerInSteps({ service, documents: { get: () => current } }, 'test/request', document, new CancellationTokenSource().token, () => 'stale');
    expect(answer).toMatchObject({ code: -32801 });
  });
});
