import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspTestClient } from '../lsp/lsp-test-client.js';
import { applyEdit, randomEdit, seededRandom } from '../incremental/random-edits.js';
import { checkAnswer } from './properties.js';

/**
 * The protocol fuzzer: drives the real server (dist/server.js --stdio)
 * with a seeded mix of incremental edits (in range, past the end, past a
 * line's end, reversed, negative, several in one notification, whole-text,
 * close and reopen, malformed) and every request the server answers, at
 * random places, plus malformed requests. It keeps its own copy of the
 * text, applying each change as VS Code's text model does (positions
 * clamped to the document, a reversed range taken from its smaller end),
 * written here without the server's code, and fails on:
 * - the server exiting, or not answering within 30 s;
 * - an internal error (-32603) for any request, well-formed or not;
 * - an answer with a position outside the document, or a leaked value;
 * - a well-formed request slower than `maxLatencyMs`;
 * - diagnostics that differ from a fresh open of the same text, at every
 *   checkpoint, and after the original text is restored.
 */
export interface LspFuzzOptions {
  readonly seed: number;
  readonly edits: number;
  readonly requests: number;
  /** The plan the run starts from, and is restored to. */
  readonly text: string;
  /** Operations between two checkpoints (diagnostics compared with a fresh open). */
  readonly checkEvery: number;
  /** Infinity in vitest: tests make no timed assertions. */
  readonly maxLatencyMs: number;
  readonly log?: (line: string) => void;
  /** Keeps what led to a difference in diagnostics (the text at the last good checkpoint, the changes since, the text now); returns where. */
  readonly writeReplay?: (replay: LspReplay) => string;
}

/** One message of a fuzz session, as sent (a wait is for the diagnostics of a version). */
export type SessionStep =
  | { readonly notify: string; readonly params: unknown }
  | { readonly request: string; readonly params: unknown; readonly awaited: boolean }
  | { readonly wait: string; readonly version: number };

export interface LspReplay {
  /** Every message of the session up to the failure. */
  readonly session: readonly SessionStep[];
  readonly base: string;
  readonly notifications: readonly { readonly version: number; readonly changes: readonly Change[] }[];
  readonly text: string;
}

export interface LspFuzzSummary {
  readonly seed: number;
  readonly edits: Record<string, number>;
  readonly requests: Record<string, number>;
  readonly malformedRequests: number;
  readonly errorCodes: Record<string, number>;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number; readonly slowest: string };
  readonly checkpoints: number;
  readonly restores: number;
  readonly failures: readonly string[];
  readonly exitCode: number | null;
  readonly stderr: string;
  readonly milliseconds: number;
}

export const LSP_FUZZ_URI = 'file:///fuzz/lsp/plan.crmplan.yaml';
const URI = LSP_FUZZ_URI;
const NO_ANSWER_MS = 30_000;
const INTERNAL_ERROR = -32603;

type Position = { line: number; character: number };
type Range = { start: Position; end: Position };
export type Change = { range?: Range; text: string };

/** The text as the client has it, changed as VS Code's text model changes it. */
class ClientText {
  constructor(public text: string) {}

  private lineStarts(): number[] {
    const starts = [0];
    for (let index = 0; index < this.text.length; index++) {
      const character = this.text[index];
      if (character === '\r' && this.text[index + 1] === '\n') index++;
      if (character === '\r' || character === '\n') starts.push(index + 1);
    }
    return starts;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  lineLength(line: number): number {
    return this.text.split(/\r\n|\r|\n/)[line]?.length ?? 0;
  }

  /** A position clamped to the text: past the last line is the end, past a line's end is that end (before its line break). */
  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line]!;
    if (position.character <= 0) return start;
    let offset = Math.min(start + position.character, starts[position.line + 1] ?? this.text.length);
    while (offset > start && (this.text[offset - 1] === '\n' || this.text[offset - 1] === '\r')) offset--;
    return offset;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= clamped) line++;
    return { line, character: clamped - starts[line]! };
  }

  apply(change: Change): void {
    if (!change.range) {
      this.text = change.text;
      return;
    }
    const a = this.offsetAt(change.range.start);
    const b = this.offsetAt(change.range.end);
    this.text = this.text.slice(0, Math.min(a, b)) + change.text + this.text.slice(Math.max(a, b));
  }
}

export async function fuzzLsp(options: LspFuzzOptions): Promise<LspFuzzSummary> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const log = options.log ?? (() => undefined);

  const client = new LspTestClient(() => ({ validation: { delay: 0 } }));
  let exited: { code: number | null; signal: string | null } | undefined;
  void client.exit.then((exit) => (exited = exit));
  const failures: string[] = [];
  const edits: Record<string, number> = {};
  const requests: Record<string, number> = {};
  const errorCodes: Record<string, number> = {};
  const latencies: { method: string; ms: number }[] = [];
  let malformedRequests = 0;
  let checkpoints = 0;
  let restores = 0;
  let freshDocuments = 0;
  const history: string[] = [];
  const fail = (message: string): void => {
    failures.push(`${message} (after: ${history.slice(-5).join(' | ')})`);
    log(`FAIL ${message}`);
  };

  const session: SessionStep[] = [];
  const wire = recordingWire(client, session);
  const mirror = new ClientText(options.text);
  /** What happened since the last checkpoint that passed: the text then and every change since, to replay a failure. */
  let sinceCheckpoint: { base: string; notifications: { version: number; changes: readonly Change[] }[] } = { base: options.text, notifications: [] };
  let version = 1;
  let open = true;

  /** A request, timed; its answer checked against the text it was asked on (when `checked`). */
  const ask = async (method: string, params: unknown, well: 'well-formed' | 'outside' | 'malformed', checked: boolean, awaited: boolean): Promise<void> => {
    const textAsked = mirror.text;
    const sent = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      wire.request(method, params, awaited).then(
        (answer) => ({ answer }),
        (error: unknown) => ({ error }),
      ),
      new Promise<{ timeout: true }>((resolve) => (timer = setTimeout(() => resolve({ timeout: true }), NO_ANSWER_MS))),
    ]);
    clearTimeout(timer);
    const ms = performance.now() - sent;
    requests[method] = (requests[method] ?? 0) + 1;
    const label = `${method} ${JSON.stringify(params).slice(0, 300)}`;
    if ('timeout' in outcome) return fail(`no answer in ${NO_ANSWER_MS / 1000} s: ${label}`);
    if (well === 'well-formed') {
      latencies.push({ method, ms });
      if (ms > options.maxLatencyMs) fail(`${Math.round(ms)} ms for ${label}`);
    }
    if ('error' in outcome) {
      const code = (outcome.error as { code?: unknown }).code;
      errorCodes[String(code)] = (errorCodes[String(code)] ?? 0) + 1;
      if (code === INTERNAL_ERROR) fail(`internal error ${JSON.stringify((outcome.error as Error).message)} for ${label}`);
      else if (typeof code !== 'number') fail(`no answer (${String(outcome.error)}) for ${label}`);
      return;
    }
    if (!checked || textAsked !== mirror.text) return;
    // A code action carries the diagnostics it was asked for, which may be stale: they are the client's.
    const answer = method === 'textDocument/codeAction' && Array.isArray(outcome.answer)
      ? outcome.answer.map((action: Record<string, unknown>) => ({ ...action, diagnostics: undefined }))
      : outcome.answer;
    try {
      checkAnswer(answer, TextDocument.create(URI, 'crmplan', version, mirror.text), mirror.text, method);
    } catch (error) {
      fail(`${(error as Error).message} for ${label}`);
    }
  };

  const change = async (kind: string, changes: readonly Change[]): Promise<void> => {
    edits[kind] = (edits[kind] ?? 0) + 1;
    history.push(`${kind} ${JSON.stringify(changes).slice(0, 160)}`);
    if (history.length > 20) history.shift();
    for (const each of changes) mirror.apply(each);
    version++;
    sinceCheckpoint.notifications.push({ version, changes });
    await wire.notify('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: changes });
  };

  const somePosition = (): Position => mirror.positionAt(int(0, mirror.text.length));
  const inRangeEdit = (): Change => {
    const edit = randomEdit(mirror.text, random);
    return { range: { start: mirror.positionAt(edit.start), end: mirror.positionAt(edit.end) }, text: edit.text };
  };

  const doEdit = async (): Promise<void> => {
    if (!open) {
      edits['reopen'] = (edits['reopen'] ?? 0) + 1;
      version++;
      await wire.open(URI, mirror.text, version);
      open = true;
      return;
    }
    const roll = random();
    if (roll < 0.52) return change('in range', [inRangeEdit()]);
    if (roll < 0.6) {
      // Past the end, with as many line breaks as the range spans (the case that once broke the line table).
      const line = mirror.lineCount + pick([0, 1, 11, 100_000_000]);
      const span = pick([0, 1, 3]);
      return change('past the end', [{ range: { start: { line, character: int(0, 9) }, end: { line: line + span, character: int(0, 9) } }, text: `${'\n'.repeat(span)}${pick(['x', '- id: z', ''])}` }]);
    }
    if (roll < 0.65) {
      const line = int(0, mirror.lineCount - 1);
      const character = mirror.lineLength(line) + pick([1, 2, 1000]);
      return change('past a line end', [{ range: { start: { line, character }, end: { line, character: character + int(0, 3) } }, text: pick(['a', ' ', ':', '\n']) }]);
    }
    if (roll < 0.72) {
      const edit = inRangeEdit();
      return change('reversed', [{ range: { start: edit.range!.end, end: edit.range!.start }, text: edit.text }]);
    }
    if (roll < 0.75) {
      const start = pick([{ line: -1, character: 0 }, { line: 0, character: -5 }, { line: -3, character: -3 }]);
      return change('negative', [{ range: { start, end: somePosition() }, text: pick(['', '#', 'crmplan: 1\n']) }]);
    }
    if (roll < 0.8) {
      // Several changes in one notification: each in the text the ones before it left.
      const changes: Change[] = [];
      const copy = new ClientText(mirror.text);
      for (let count = int(2, 3); count > 0; count--) {
        const edit = randomEdit(copy.text, random);
        const each = { range: { start: copy.positionAt(edit.start), end: copy.positionAt(edit.end) }, text: edit.text };
        copy.apply(each);
        changes.push(each);
      }
      return change('several', changes);
    }
    if (roll < 0.85) return change('whole text', [{ text: random() < 0.5 ? options.text : applyEdit(mirror.text, randomEdit(mirror.text, random)) }]);
    if (roll < 0.9) {
      return change('whole range', [{ range: { start: { line: 0, character: 0 }, end: mirror.positionAt(mirror.text.length) }, text: options.text }]);
    }
    if (roll < 0.93) {
      edits['close'] = (edits['close'] ?? 0) + 1;
      await wire.close(URI);
      open = false;
      return;
    }
    // Malformed changes: ignored by the server, so the text stays as it is.
    edits['malformed'] = (edits['malformed'] ?? 0) + 1;
    await wire.notify(
      'textDocument/didChange',
      pick([
        { textDocument: { uri: URI, version: version + 1 }, contentChanges: [{ range: { start: { line: 'x', character: 0 }, end: somePosition() }, text: 'y' }] },
        { textDocument: { uri: URI, version: version + 1 }, contentChanges: [{ range: { start: somePosition(), end: somePosition() } }] },
        { textDocument: { uri: URI, version: version + 1 }, contentChanges: [null, 5, 'text'] },
        { textDocument: { uri: URI, version: version + 1 } },
        { textDocument: { uri: 'file:///fuzz/not-open.crmplan.yaml', version: 2 }, contentChanges: [{ text: 'x' }] },
        null,
      ]),
    );
  };

  const pending: Promise<void>[] = [];
  const doRequest = async (awaited: boolean): Promise<void> => {
    const textDocument = { uri: URI };
    /** Set when a place outside the document was asked for: the answer then need not be quick. */
    let outside = false;
    const position = (): Position => {
      if (random() < 0.85) return somePosition();
      outside = true;
      return pick([{ line: mirror.lineCount + 3, character: 0 }, { line: 0, character: 100_000 }, { line: 1_000_000_000, character: 1_000_000_000 }]);
    };
    const range = (): Range => {
      const [a, b] = [position(), position()];
      return mirror.offsetAt(a) <= mirror.offsetAt(b) ? { start: a, end: b } : { start: b, end: a };
    };
    const lastDiagnostics = (): Diagnostic[] => [...client.published].reverse().find((published) => published.uri === URI)?.diagnostics ?? [];
    const wellFormed: (() => [string, unknown])[] = [
      () => ['textDocument/hover', { textDocument, position: position() }],
      () => ['textDocument/completion', { textDocument, position: position(), context: random() < 0.5 ? { triggerKind: 1 } : { triggerKind: 2, triggerCharacter: pick([':', ' ', '-', '[', ',']) } }],
      () => ['textDocument/definition', { textDocument, position: position() }],
      () => ['textDocument/references', { textDocument, position: position(), context: { includeDeclaration: random() < 0.5 } }],
      () => ['textDocument/documentHighlight', { textDocument, position: position() }],
      () => ['textDocument/prepareRename', { textDocument, position: position() }],
      () => ['textDocument/rename', { textDocument, position: position(), newName: pick(['renamed', 'x-2', '', 'a b', '\u{1F680}', '\u202eevil', 'id: x', 'z'.repeat(300)]) }],
      () => ['textDocument/documentSymbol', { textDocument }],
      () => ['textDocument/foldingRange', { textDocument }],
      () => ['textDocument/selectionRange', { textDocument, positions: Array.from({ length: int(1, 3) }, position) }],
      () => ['textDocument/codeAction', { textDocument, range: range(), context: { diagnostics: random() < 0.6 ? lastDiagnostics().slice(0, 5) : [] } }],
      () => ['textDocument/inlayHint', { textDocument, range: random() < 0.5 ? range() : { start: { line: 0, character: 0 }, end: { line: mirror.lineCount, character: 0 } } }],
      () => ['crmplan/timeline', { uri: URI }],
    ];
    if (random() < 0.12) {
      malformedRequests++;
      const [method] = pick(wellFormed)();
      const params = pick<unknown>([
        null,
        [],
        {},
        { textDocument },
        { position: position() },
        { textDocument: { uri: 5 }, position: position() },
        { textDocument, position: { line: 'one', character: 0 } },
        { textDocument, position: { line: 1e308, character: -1 } },
        { textDocument, position: null, range: { start: position() } },
        { textDocument, positions: [null, 3] },
        { textDocument, range: { start: position(), end: null }, context: { diagnostics: [{ range: null, code: {} }] } },
        { textDocument: { uri: 'file:///fuzz/not-open.crmplan.yaml' }, position: position(), range: range(), positions: [position()] },
        { uri: [URI] },
      ]);
      return ask(random() < 0.1 ? 'crmplan/no-such-request' : method, params, 'malformed', false, awaited);
    }
    const [method, params] = pick(wellFormed)();
    return ask(method, params, outside ? 'outside' : 'well-formed', open, awaited);
  };

  /** Diagnostics as a client compares them: the document's own URI left out. */
  const normalized = (diagnostics: readonly Diagnostic[], uri: string): string => JSON.stringify(diagnostics).split(JSON.stringify(uri).slice(1, -1)).join('<uri>');

  const diagnosticsOf = async (uri: string, wanted: number): Promise<Diagnostic[] | undefined> => {
    try {
      session.push({ wait: uri, version: wanted });
      return await client.diagnosticsFor(uri, (published) => published.version === wanted, NO_ANSWER_MS);
    } catch {
      fail(`no diagnostics for version ${wanted} of ${uri} within ${NO_ANSWER_MS / 1000} s`);
      return undefined;
    }
  };

  const freshDiagnostics = async (text: string): Promise<string | undefined> => {
    const uri = `file:///fuzz/lsp/fresh-${++freshDocuments}.crmplan.yaml`;
    await wire.open(uri, text, 1);
    const diagnostics = await diagnosticsOf(uri, 1);
    await wire.close(uri);
    return diagnostics && normalized(diagnostics, uri);
  };

  const reference = await (async () => {
    await client.initialize();
    await wire.open(URI, options.text, version);
    return freshDiagnostics(options.text);
  })();

  const checkpoint = async (restore: boolean): Promise<void> => {
    await Promise.all(pending.splice(0));
    if (!open) await doEdit();
    if (restore) {
      restores++;
      await change('restore', [{ text: options.text }]);
    }
    checkpoints++;
    const current = await diagnosticsOf(URI, version);
    const fresh = restore ? reference : await freshDiagnostics(mirror.text);
    if (current && fresh !== undefined && normalized(current, URI) !== fresh) {
      const replay = options.writeReplay?.({ ...sinceCheckpoint, text: mirror.text, session: [...session] });
      const publishes = client.published.filter((published) => published.uri === URI).map((published) => `${published.version ?? '-'}:${published.diagnostics.length}`);
      const kept = `${replay ? ` (replay: ${replay})` : ''}; published (version:count) ${publishes.slice(-12).join(' ')}`;
      fail(`diagnostics of version ${version} differ from a fresh open of the same text${restore ? ' (the original, restored)' : ''}${kept}: ${normalized(current, URI).slice(0, 400)} vs ${fresh.slice(0, 400)}`);
    }
  };

  const afterCheckpoint = (passed: boolean): void => {
    if (passed) sinceCheckpoint = { base: mirror.text, notifications: [] };
  };

  let editsLeft = options.edits;
  let requestsLeft = options.requests;
  let operations = 0;
  while ((editsLeft > 0 || requestsLeft > 0) && !exited && failures.length < 10) {
    if (random() * (editsLeft + requestsLeft) < editsLeft) {
      editsLeft--;
      await doEdit();
    } else {
      requestsLeft--;
      // Most requests wait for their answer; some stay in flight while edits arrive.
      const awaited = random() >= 0.2;
      const asked = doRequest(awaited);
      if (awaited) await asked;
      else pending.push(asked);
    }
    operations++;
    if (operations % options.checkEvery === 0) {
      const before = failures.length;
      await checkpoint(operations % (options.checkEvery * 4) === 0);
      afterCheckpoint(failures.length === before);
      log(`${operations} operations, ${checkpoints} checkpoints, ${failures.length} failures`);
    }
  }
  if (!exited) await checkpoint(true);
  if (exited) fail(`the server exited (${JSON.stringify(exited)}); stderr: ${client.stderr.slice(-2000)}`);
  const exitCode = exited ? exited.code : await client.shutdown();
  if (exitCode !== 0 && !exited) fail(`shutdown and exit ended the server with ${exitCode}`);

  const sorted = latencies.map((entry) => entry.ms).sort((a, b) => a - b);
  const quantile = (q: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  const slowest = latencies.reduce<{ method: string; ms: number } | undefined>((worst, entry) => (!worst || entry.ms > worst.ms ? entry : worst), undefined);
  return {
    seed: options.seed,
    edits,
    requests,
    malformedRequests,
    errorCodes,
    latencyMs: { p50: quantile(0.5), p99: quantile(0.99), max: quantile(1), slowest: slowest?.method ?? '' },
    checkpoints,
    restores,
    failures,
    exitCode,
    stderr: client.stderr,
    milliseconds: Date.now() - started,
  };
}

/** The client's messages, each recorded in `session` as it is sent. */
function recordingWire(client: LspTestClient, session: SessionStep[]) {
  return {
    notify: (method: string, params: unknown): Promise<void> => {
      session.push({ notify: method, params });
      return client.notify(method, params);
    },
    open: (uri: string, text: string, version: number): Promise<void> => {
      const params = { textDocument: { uri, languageId: 'crmplan', version, text } };
      session.push({ notify: 'textDocument/didOpen', params });
      return client.notify('textDocument/didOpen', params);
    },
    close: (uri: string): Promise<void> => {
      const params = { textDocument: { uri } };
      session.push({ notify: 'textDocument/didClose', params });
      return client.notify('textDocument/didClose', params);
    },
    request: (method: string, params: unknown, awaited: boolean): Promise<unknown> => {
      session.push({ request: method, params, awaited });
      return client.request<unknown>(method, params);
    },
  };
}

/**
 * Sends a recorded session again to a new server, waiting where the run
 * waited, then compares the diagnostics of `uri`'s last version with a
 * fresh open of `text`. True when they differ (the failure reproduces).
 */
export async function replaySession(session: readonly SessionStep[], uri: string, text: string): Promise<{ differs: boolean; stderr: string }> {
  const client = new LspTestClient(() => ({ validation: { delay: 0 } }));
  await client.initialize();
  let lastVersion = 0;
  const inFlight: Promise<unknown>[] = [];
  for (const step of session) {
    if ('notify' in step) {
      const version = (step.params as { textDocument?: { uri?: string; version?: number } } | null)?.textDocument;
      if (version?.uri === uri && typeof version.version === 'number' && step.notify !== 'textDocument/didClose') lastVersion = version.version;
      await client.notify(step.notify, step.params);
    } else if ('request' in step) {
      const answer = client.request(step.request, step.params).catch(() => undefined);
      if (step.awaited) await answer;
      else inFlight.push(answer);
    } else {
      await Promise.all(inFlight.splice(0));
      await client.diagnosticsFor(step.wait, (published) => published.version === step.version, NO_ANSWER_MS).catch(() => undefined);
    }
  }
  await Promise.all(inFlight);
  const current = await client.diagnosticsFor(uri, (published) => published.version === lastVersion, NO_ANSWER_MS);
  await client.notify('textDocument/didOpen', { textDocument: { uri: 'file:///fuzz/lsp/replay-fresh.crmplan.yaml', languageId: 'crmplan', version: 1, text } });
  const fresh = await client.diagnosticsFor('file:///fuzz/lsp/replay-fresh.crmplan.yaml', (published) => published.version === 1, NO_ANSWER_MS);
  const strip = (diagnostics: unknown, from: string): string => JSON.stringify(diagnostics).split(from).join('<uri>');
  const differs = strip(current, uri) !== strip(fresh, 'file:///fuzz/lsp/replay-fresh.crmplan.yaml');
  await client.shutdown();
  return { differs, stderr: client.stderr };
}
