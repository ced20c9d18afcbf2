/**
 * crmplan's language server against Red Hat's yaml-language-server, through
 * the real protocol over stdio, on the same generated plans, in the same run.
 * Run with `npm run bench:lsp` (bench/lsp/run.mjs builds and bundles this).
 *
 * Both servers get incremental didChange edits as an editor sends them, with
 * their validation debounce at 0: crmplan through `crmplan.validation.delay`,
 * yaml-language-server (whose 200 ms is hard-coded) through
 * yaml-language-server-no-debounce.mjs. yaml-language-server validates the
 * plan against schemas/crmplan.schema.json, as the VS Code YAML extension
 * does with our `yamlValidation` contribution. Everything is stdio: no network.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Hover, InitializeParams, InitializeResult } from 'vscode-languageserver-protocol';
import { generatePlan } from '../generate-plan.js';
import { LspClient, TimeoutError, type Publish } from './lsp-client.js';
import { printReport, type Measure, type Run, type SizeResult } from './report.js';
import { yamlLanguageServerSettings } from './yaml-settings.js';

const root = path.resolve(__dirname, '../..');
const timeoutMs = Number(process.env['CRMPLAN_BENCH_TIMEOUT_MS'] ?? 120_000);
const sizes = (process.env['CRMPLAN_BENCH_SIZES'] ?? '100,1000,10000').split(',').map(Number);
/** Another build of our server can be measured instead (e.g. a commit's, built elsewhere). */
const crmplanServer = path.resolve(process.env['CRMPLAN_BENCH_SERVER'] ?? path.join(root, 'dist/server.js'));
/** Repetitions of completion and hover (medians). */
const REQUESTS = 7;
/** Where the tasks whose duration is edited (and edited back: 2 edits each) are in the plan. */
const EDITED_TASKS = [0, 0.2, 0.4, 0.6, 0.8, 1];
/** The tasks edited (and back) in the crmplan/timeline rounds. */
const TIMELINE_TASKS = [0.1, 0.5, 0.9];
/** Time left after each edit's diagnostics to see whether more follow. */
const SETTLE_MS = 100;

const schemaUri = pathToFileURL(path.join(root, 'schemas/crmplan.schema.json')).href;

/** What each server is asked for, as the editor's settings would answer. */
function settings(section: string | undefined): unknown {
  if (section === 'crmplan') return { validation: { delay: 0 }, rules: {}, inlayHints: { enabled: true } };
  return yamlLanguageServerSettings(section, { [schemaUri]: '*.crmplan.yaml' });
}

interface ServerSpec {
  readonly name: 'crmplan' | 'yaml-language-server';
  readonly script: string;
  readonly languageId: string;
  readonly hasTimeline: boolean;
  /** Resolves once the server has applied its settings, so that didOpen is measured alone. */
  ready(client: LspClient, unopenedUri: string): Promise<void>;
}

const SERVERS: readonly ServerSpec[] = [
  {
    name: 'crmplan',
    script: crmplanServer,
    languageId: 'crmplan',
    hasTimeline: true,
    // crmplan asks for its settings per document, when it validates; a round trip suffices.
    ready: async (client, unopenedUri) => {
      await client.request('textDocument/hover', { textDocument: { uri: unopenedUri }, position: { line: 0, character: 0 } });
    },
  },
  {
    name: 'yaml-language-server',
    script: path.join(root, 'bench/lsp/yaml-language-server-no-debounce.mjs'),
    languageId: 'yaml',
    hasTimeline: false,
    // It pulls `yaml` after initialized and again after didChangeConfiguration; its codeLens
    // handler awaits the last pull (configurationPullPromise), so its answer means "applied".
    ready: async (client, unopenedUri) => {
      await client.waitUntil(() => client.sectionsAsked.filter((section) => section === 'yaml').length >= 2, 'yaml settings pulled twice');
      await client.request('textDocument/codeLens', { textDocument: { uri: unopenedUri } });
    },
  },
];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function median(samples: readonly number[]): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function emptyMeasure(): Measure {
  return { median: null, samples: [], timeouts: 0, errors: [] };
}

/** Runs one timed step into `measure`; a timeout or an error is recorded, not thrown. */
async function sample(measure: Measure, step: () => Promise<number>): Promise<void> {
  try {
    measure.samples.push(await step());
  } catch (error) {
    if (error instanceof TimeoutError) measure.timeouts++;
    else measure.errors.push(error instanceof Error ? error.message : String(error));
  }
  measure.median = median(measure.samples);
}

/** Offsets of the value of `key:` in task `t<task>`'s block. */
function taskValue(text: string, task: number, key: string): { start: number; end: number; value: string } {
  const block = text.indexOf(`\n      - id: t${task}\n`);
  if (block < 0) throw new Error(`no task t${task} in the plan`);
  const next = text.indexOf('\n      - id: ', block + 1);
  const keyAt = text.indexOf(`\n        ${key}: `, block + 1);
  if (keyAt < 0 || (next >= 0 && keyAt > next)) throw new Error(`task t${task} has no ${key}`);
  const start = keyAt + `\n        ${key}: `.length;
  const end = text.indexOf('\n', start);
  return { start, end, value: text.slice(start, end) };
}

/** Task indexes at these fractions of the plan (0 = first task, 1 = last). */
function tasksAt(size: number, fractions: readonly number[]): number[] {
  return fractions.map((fraction) => Math.round(fraction * (size - 1)));
}

/** One open document and the edits sent to it, as an editor keeps them. */
class EditedDocument {
  private readonly document: TextDocument;
  readonly publishCounts: number[] = [];

  constructor(
    private readonly client: LspClient,
    readonly uri: string,
    languageId: string,
    text: string,
  ) {
    this.document = TextDocument.create(uri, languageId, 1, text);
  }

  get text(): string {
    return this.document.getText();
  }

  async open(): Promise<Publish> {
    const since = this.client.publishes.length;
    const sent = performance.now();
    await this.client.notify('textDocument/didOpen', {
      textDocument: { uri: this.uri, languageId: this.document.languageId, version: 1, text: this.text },
    });
    const publish = await this.client.publishAfter(since, (candidate) => candidate.uri === this.uri, 'first diagnostics');
    return { ...publish, at: publish.at - sent };
  }

  /**
   * Replaces [start, end) with `text` (an incremental didChange) and waits
   * for the diagnostics of the new version: the publish carrying that
   * version, or, from a server that sends none, the first publish after the
   * edit. Resolves with the publish and `at` = milliseconds since sending;
   * `during` (started right after the edit is sent) runs alongside.
   */
  async edit(start: number, end: number, text: string, during?: (version: number, sent: number) => Promise<void>): Promise<Publish> {
    const range = { start: this.document.positionAt(start), end: this.document.positionAt(end) };
    const version = this.document.version + 1;
    TextDocument.update(this.document, [{ range, text }], version);
    const since = this.client.publishes.length;
    const sent = performance.now();
    await this.client.notify('textDocument/didChange', { textDocument: { uri: this.uri, version }, contentChanges: [{ range, text }] });
    const diagnostics = this.client.publishAfter(
      since,
      (candidate) => candidate.uri === this.uri && (candidate.version === undefined || candidate.version === version),
      `diagnostics for version ${version}`,
    );
    const [publish] = await Promise.all([diagnostics, during?.(version, sent)]);
    // More publishes for the same edit would show here (and be counted).
    await sleep(SETTLE_MS);
    this.publishCounts.push(this.client.publishes.slice(since).filter((candidate) => candidate.uri === this.uri).length);
    return { ...publish, at: publish.at - sent };
  }

  positionAt(offset: number): { line: number; character: number } {
    return this.document.positionAt(offset);
  }
}

function itemCount(result: CompletionList | CompletionItem[] | null): number {
  if (!result) return 0;
  return Array.isArray(result) ? result.length : result.items.length;
}

async function runServer(spec: ServerSpec, size: number, text: string, folder: string): Promise<Run> {
  const uri = pathToFileURL(path.join(folder, 'bench.crmplan.yaml')).href;
  const unopenedUri = pathToFileURL(path.join(folder, 'not-open.crmplan.yaml')).href;
  const run: Run = {
    server: spec.name,
    version: null,
    startup: emptyMeasure(),
    ready: emptyMeasure(),
    open: emptyMeasure(),
    openDiagnostics: null,
    validationCheck: null,
    edit: emptyMeasure(),
    publishesPerEdit: [],
    completionOwner: emptyMeasure(),
    completionOwnerItems: null,
    completionDependsOn: emptyMeasure(),
    completionDependsOnItems: null,
    hover: emptyMeasure(),
    hoverFound: null,
    timeline: spec.hasTimeline ? emptyMeasure() : null,
    timelineRoundDiagnostics: spec.hasTimeline ? emptyMeasure() : null,
    configurationItems: 0,
    peakRssKb: null,
    process: null,
    killed: false,
    error: null,
  };
  const started = performance.now();
  const client = new LspClient(spec.script, folder, settings, timeoutMs);
  try {
    const initializeParams: InitializeParams = {
      processId: process.pid,
      clientInfo: { name: 'crmplan bench:lsp' },
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          completion: { contextSupport: true, completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    };
    await sample(run.startup, async () => {
      const result = await client.request<InitializeResult>('initialize', initializeParams);
      run.version = result.serverInfo?.version ?? null;
      return performance.now() - started;
    });
    if (run.startup.median === null) throw new Error(`initialize failed: ${run.startup.errors.join('; ') || 'timeout'}`);
    await client.notify('initialized', {});
    // As VS Code's client does once it is initialized.
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await sample(run.ready, async () => {
      await spec.ready(client, unopenedUri);
      return performance.now() - started;
    });

    const document = new EditedDocument(client, uri, spec.languageId, text);
    await sample(run.open, async () => {
      const publish = await document.open();
      run.openDiagnostics = publish.diagnostics.length;
      return publish.at;
    });

    // Does the server validate? A schema error planted once, and removed (not measured).
    try {
      const kind = taskValue(document.text, 1, 'kind');
      const line = document.positionAt(kind.start).line;
      const planted = await document.edit(kind.start, kind.end, 'not-a-kind');
      const reverted = await document.edit(kind.start, kind.start + 'not-a-kind'.length, kind.value);
      run.validationCheck = {
        line: line + 1,
        reported: planted.diagnostics.filter((diagnostic) => diagnostic.range.start.line === line).map((diagnostic) => diagnostic.message.split('\n')[0]!),
        diagnosticsAfterRevert: reverted.diagnostics.length,
      };
    } catch (error) {
      run.validationCheck = { line: null, reported: [], diagnosticsAfterRevert: null, error: error instanceof Error ? error.message : String(error) };
    }

    // Edit -> diagnostics: one task's duration changes, then changes back; tasks from start to end.
    for (const task of tasksAt(size, EDITED_TASKS)) {
      const duration = taskValue(document.text, task, 'duration');
      const days = Number.parseInt(duration.value, 10);
      for (const value of [`${days <= 5 ? days + 4 : days - 4}d`, duration.value]) {
        const current = taskValue(document.text, task, 'duration');
        await sample(run.edit, async () => (await document.edit(current.start, current.end, value)).at);
      }
    }

    // crmplan/timeline sent right after an edit (as the preview asks), timed from the edit.
    if (run.timeline && run.timelineRoundDiagnostics) {
      const timeline = run.timeline;
      const roundDiagnostics = run.timelineRoundDiagnostics;
      for (const task of tasksAt(size, TIMELINE_TASKS)) {
        const duration = taskValue(document.text, task, 'duration');
        const days = Number.parseInt(duration.value, 10);
        for (const value of [`${days <= 5 ? days + 3 : days - 3}d`, duration.value]) {
          const current = taskValue(document.text, task, 'duration');
          await sample(roundDiagnostics, async () => {
            const publish = await document.edit(current.start, current.end, value, (version, sent) =>
              sample(timeline, async () => {
                const answer = await client.request<{ version: number }>('crmplan/timeline', { uri });
                const received = performance.now() - sent;
                if (answer.version !== version) throw new Error(`crmplan/timeline answered version ${answer.version}, expected ${version}`);
                return received;
              }),
            );
            return publish.at;
          });
        }
      }
    }

    // Completion after typing a new `owner: ` line (edit, its diagnostics, then the requests).
    const middle = Math.floor(size / 2) + 1 < size ? Math.floor(size / 2) + 1 : 0;
    const completionAt = async (
      measure: Measure,
      task: number,
      line: string,
      column: number,
    ): Promise<number | null> => {
      const kindLine = document.text.lastIndexOf('\n', taskValue(document.text, task, 'kind').start) + 1;
      await document.edit(kindLine, kindLine, `${line}\n`);
      const position = { line: document.positionAt(kindLine).line, character: column };
      let items: number | null = null;
      for (let repeat = 0; repeat < REQUESTS; repeat++) {
        await sample(measure, async () => {
          const sent = performance.now();
          const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
            textDocument: { uri },
            position,
            context: { triggerKind: 1 },
          });
          const received = performance.now() - sent;
          items ??= itemCount(result);
          return received;
        });
      }
      await document.edit(kindLine, kindLine + line.length + 1, '');
      return items;
    };
    run.completionOwnerItems = await completionAt(run.completionOwner, middle, '        owner: ', '        owner: '.length);
    // Inside a new `depends_on: []` (the editor closes the bracket) of a task that has none: a phase's first.
    run.completionDependsOnItems = await completionAt(
      run.completionDependsOn,
      Math.floor(size / 100) * 50,
      '        depends_on: []',
      '        depends_on: ['.length,
    );

    // Hover on a task's id.
    const idLine = document.positionAt(document.text.indexOf(`\n      - id: t${middle}\n`) + 1).line;
    for (let repeat = 0; repeat < REQUESTS; repeat++) {
      await sample(run.hover, async () => {
        const sent = performance.now();
        const result = await client.request<Hover | null>('textDocument/hover', {
          textDocument: { uri },
          position: { line: idLine, character: '      - id: t'.length },
        });
        const received = performance.now() - sent;
        run.hoverFound ??= result !== null && result !== undefined;
        return received;
      });
    }
    run.publishesPerEdit = document.publishCounts;
  } catch (error) {
    run.error = error instanceof Error ? error.message : String(error);
  } finally {
    // The server process itself: dist/server.js, or the wrapper that loads yaml-language-server in-process.
    run.peakRssKb = client.peakRssKb();
    run.process = client.commandLine();
    run.killed = await client.stop();
    run.configurationItems = client.sectionsAsked.length;
  }
  return run;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-bench-lsp-'));
  const results: SizeResult[] = [];
  try {
    for (const size of sizes) {
      const text = generatePlan(size);
      writeFileSync(path.join(folder, 'bench.crmplan.yaml'), text);
      const runs: Run[] = [];
      // A fresh process per server and size: no cache carries over.
      for (const spec of SERVERS) {
        process.stderr.write(`bench:lsp: ${size} tasks, ${spec.name}...\n`);
        runs.push(await runServer(spec, size, text, folder));
      }
      results.push({ tasks: size, lines: text.split('\n').length - 1, runs });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const packageJson = (name: string): { version: string } =>
    JSON.parse(readFileSync(path.join(root, name, 'package.json'), 'utf8')) as { version: string };
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    crmplan: packageJson('.').version,
    crmplanServer,
    yamlLanguageServer: packageJson('node_modules/yaml-language-server').version,
    repetitions: { edits: EDITED_TASKS.length * 2, timelineRounds: TIMELINE_TASKS.length * 2, requests: REQUESTS },
    settleMs: SETTLE_MS,
    timeoutMs,
    sizes: results,
  };
  mkdirSync(path.join(root, 'out/bench'), { recursive: true });
  writeFileSync(path.join(root, 'out/bench/lsp.json'), `${JSON.stringify(report, null, 2)}\n`);
  const problems = printReport(report);
  console.log('\nAll figures: out/bench/lsp.json');
  if (problems > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
