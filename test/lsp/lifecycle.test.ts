import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVER_PATH } from './lsp-test-client.js';
import { RawServerProcess } from './raw-server-process.js';

/**
 * How the server ends, over the real protocol: `shutdown` then `exit` with
 * code 0, `exit` alone with code 1 (as the LSP specification says), and a
 * lost client (stdin closed, stdout closed, the `--clientProcessId` process
 * gone) ends it too; never with anything on stderr.
 */

const URI = 'file:///tmp/lifecycle/plan.crmplan.yaml';
const PLAN = 'crmplan: 1\nplan: {name: P, start: banana}\nphases:\n  - id: p\n    tasks:\n      - {id: a, duration: 1d}\n';
const open = { method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'crmplan', version: 1, text: PLAN } } };

async function openedServer(extraArgs: readonly string[] = []): Promise<RawServerProcess> {
  const server = new RawServerProcess(extraArgs);
  await server.initialize();
  server.send(open);
  await server.waitFor((message) => message.method === 'textDocument/publishDiagnostics', 'diagnostics');
  return server;
}

beforeAll(() => {
  if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run npm run build first`);
});

describe('server lifecycle', () => {
  it('shutdown then exit: code 0, shutdown answered with null, nothing on stderr', async () => {
    const server = await openedServer();
    server.send({ id: 1, method: 'shutdown' });
    expect((await server.answerTo(1)).result).toBeNull();
    server.send({ method: 'exit' });
    expect(await server.exited).toBe(0);
    expect(server.stderr).toBe('');
  });

  it('exit without shutdown: code 1, nothing on stderr', async () => {
    const server = await openedServer();
    server.send({ method: 'exit' });
    expect(await server.exited).toBe(1);
    expect(server.stderr).toBe('');
  });

  it('stdin closed (the client is gone): the process ends, nothing on stderr', async () => {
    const server = await openedServer();
    server.process.stdin?.end();
    expect(await server.exited).toBe(1);
    expect(server.stderr).toBe('');
  });

  it('stdin closed after shutdown: code 0', async () => {
    const server = await openedServer();
    server.send({ id: 1, method: 'shutdown' });
    await server.answerTo(1);
    server.process.stdin?.end();
    expect(await server.exited).toBe(0);
    expect(server.stderr).toBe('');
  });

  it('stdout closed while the server still has answers and diagnostics to send: ends without a stack trace', async () => {
    const server = await openedServer();
    server.process.stdout?.destroy();
    server.send(
      { method: 'textDocument/didChange', params: { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: `${PLAN}# edited\n` }] } },
      { id: 2, method: 'textDocument/hover', params: { textDocument: { uri: URI }, position: { line: 1, character: 20 } } },
    );
    expect(await server.exited).toBe(1);
    expect(server.stderr).toBe('');
  });

  it('--clientProcessId of a process that is gone: the server ends by itself, nothing on stderr', async () => {
    const parent = spawn(process.execPath, ['-e', '']);
    const parentPid = parent.pid;
    await new Promise((resolve) => parent.once('exit', resolve));
    const server = await openedServer([`--clientProcessId=${String(parentPid)}`]);
    // vscode-languageserver looks every 3 s; the test's timeout bounds the wait.
    expect(await server.exited).toBe(1);
    expect(server.stderr).toBe('');
  });
});
