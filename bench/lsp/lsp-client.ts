/**
 * A minimal LSP client for the benchmark: starts a server over stdio, answers
 * its `workspace/configuration` requests, records every
 * `textDocument/publishDiagnostics` with the time it arrived, and bounds
 * every wait with a timeout so that a stuck server cannot hang the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  CancellationTokenSource,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { ConfigurationParams, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export class TimeoutError extends Error {}

export interface Publish {
  readonly uri: string;
  readonly version: number | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** performance.now() when the notification arrived. */
  readonly at: number;
}

/** The value of one settings section (`yaml`, `crmplan`, ...), or null. */
export type SettingsProvider = (section: string | undefined) => unknown;

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class LspClient {
  readonly publishes: Publish[] = [];
  /** Sections the server asked for, in order. */
  readonly sectionsAsked: (string | undefined)[] = [];
  private readonly child: ChildProcess;
  private readonly connection: MessageConnection;
  private readonly exited: Promise<void>;
  private readonly listeners = new Set<() => void>();
  private closed: Error | undefined;
  private stderrTail = '';

  constructor(
    script: string,
    cwd: string,
    settings: SettingsProvider,
    private readonly timeoutMs: number,
  ) {
    this.child = spawn(process.execPath, [script, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    live.add(this.child);
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        live.delete(this.child);
        this.close(new Error(`the server exited (${signal ?? `status ${code}`})${this.stderrTail ? `: ${this.stderrTail.trim()}` : ''}`));
        resolve();
      }),
    );
    this.child.once('error', (error) => this.close(error));
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderrTail = `${this.stderrTail}${chunk.toString()}`.slice(-2000);
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.sectionsAsked.push(...params.items.map((item) => item.section));
      this.notifyListeners();
      return params.items.map((item) => settings(item.section));
    });
    // client/registerCapability, window/workDoneProgress/create, ...: accepted, nothing to do.
    this.connection.onRequest(() => null);
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.publishes.push({ uri: params.uri, version: params.version, diagnostics: params.diagnostics, at: performance.now() });
      this.notifyListeners();
    });
    this.connection.onNotification(() => undefined); // window/logMessage, telemetry/event, ...
    this.connection.onClose(() => this.close(new Error('the connection to the server closed')));
    this.connection.onError(([error]) => this.close(error));
    this.connection.listen();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** A request, rejected with TimeoutError (and cancelled) after the timeout. */
  async request<R>(method: string, params: unknown, timeoutMs = this.timeoutMs): Promise<R> {
    if (this.closed) throw this.closed;
    const cancellation = new CancellationTokenSource();
    let timer: NodeJS.Timeout | undefined;
    let unlisten = (): void => undefined;
    try {
      return await Promise.race([
        this.connection.sendRequest<R>(method, params, cancellation.token),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => {
            cancellation.cancel();
            reject(new TimeoutError(`${method}: no answer within ${timeoutMs} ms`));
          }, timeoutMs);
          unlisten = this.listen(() => {
            if (this.closed) reject(this.closed);
          });
        }),
      ]);
    } finally {
      clearTimeout(timer);
      unlisten();
      cancellation.dispose();
    }
  }

  async notify(method: string, params: unknown): Promise<void> {
    if (this.closed) throw this.closed;
    await this.connection.sendNotification(method, params);
  }

  /** Resolves once `condition()` holds (checked after each message from the server). */
  waitUntil(condition: () => boolean, what: string, timeoutMs = this.timeoutMs): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unlisten();
        reject(new TimeoutError(`${what}: not within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = (): void => {
        if (!condition() && !this.closed) return;
        clearTimeout(timer);
        unlisten();
        if (condition()) resolve();
        else reject(this.closed);
      };
      const unlisten = this.listen(check);
      check();
    });
  }

  /** The first publish at index `since` or later that `accepts`. */
  async publishAfter(since: number, accepts: (publish: Publish) => boolean, what: string): Promise<Publish> {
    const find = (): Publish | undefined => this.publishes.slice(since).find(accepts);
    await this.waitUntil(() => find() !== undefined, what);
    return find()!;
  }

  /** Peak resident set size of the server process (VmHWM), in kB; null where /proc is missing. */
  peakRssKb(): number | null {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
      return match ? Number(match[1]) : null;
    } catch {
      return null;
    }
  }

  /** The server's command line, from /proc (to show the RSS is the server's own). */
  commandLine(): string | null {
    try {
      return readFileSync(`/proc/${this.child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    } catch {
      return null;
    }
  }

  /** shutdown + exit; SIGKILL if the process is still there 5 s later. Returns whether it had to kill. */
  async stop(): Promise<boolean> {
    let killed = false;
    if (!this.closed) {
      try {
        await this.request('shutdown', null, Math.min(this.timeoutMs, 30_000));
        await this.notify('exit', null);
      } catch {
        // Killed below.
      }
      const lingered = await Promise.race([this.exited.then(() => false), sleep(5000).then(() => true)]);
      if (lingered) {
        killed = true;
        this.child.kill('SIGKILL');
        await Promise.race([this.exited, sleep(5000)]);
      }
    }
    this.connection.dispose();
    return killed;
  }

  private listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notifyListeners(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private close(error: Error): void {
    this.closed ??= error;
    this.notifyListeners();
  }
}
