import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER_PATH } from './lsp-test-client.js';

/**
 * `dist/server.js --stdio` driven with raw JSON-RPC frames: unlike
 * LspTestClient (vscode-jsonrpc), several messages can go out in one write,
 * so that the server reads a request and its `$/cancelRequest` together, and
 * the process's streams can be closed one by one to lose the client.
 */

export interface RpcMessage {
  readonly id?: number;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

export function frame(message: RpcMessage): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

export class RawServerProcess {
  readonly process: ChildProcess;
  readonly received: RpcMessage[] = [];
  stderr = '';
  private pending = Buffer.alloc(0);
  private readonly waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;

  constructor(extraArgs: readonly string[] = []) {
    this.process = spawn(process.execPath, [SERVER_PATH, '--stdio', ...extraArgs], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
    this.process.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.process.stdout?.on('data', (chunk: Buffer) => this.read(chunk));
    // A write after the server ended is not what these tests look at.
    this.process.stdin?.on('error', () => undefined);
  }

  /** Writes the messages in one write, in this order. */
  send(...messages: RpcMessage[]): void {
    this.process.stdin?.write(messages.map(frame).join(''));
  }

  initialize(): Promise<RpcMessage> {
    this.send({ id: 0, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }, { method: 'initialized', params: {} });
    return this.answerTo(0);
  }

  /** The answer to request `id` (waits up to `timeoutMs`). */
  answerTo(id: number, timeoutMs = 60_000): Promise<RpcMessage> {
    return this.waitFor((message) => message.id === id && message.method === undefined, `an answer to request ${id}`, timeoutMs);
  }

  async waitFor(accept: (message: RpcMessage) => boolean, what: string, timeoutMs = 60_000): Promise<RpcMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(accept);
      if (found) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no ${what} within ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private read(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (;;) {
      const headerEnd = this.pending.indexOf('\r\n\r\n');
      if (headerEnd < 0) break;
      const length = Number(/Content-Length: (\d+)/i.exec(this.pending.subarray(0, headerEnd).toString())?.[1]);
      if (this.pending.length < headerEnd + 4 + length) break;
      this.received.push(JSON.parse(this.pending.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as RpcMessage);
      this.pending = this.pending.subarray(headerEnd + 4 + length);
    }
    for (const wake of this.waiters.splice(0)) wake();
  }
}
