import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList, Diagnostic, InitializeResult } from 'vscode-languageserver-protocol';
import { LspClient } from '../../bench/lsp/lsp-client.js';
import { yamlLanguageServerSettings } from '../../bench/lsp/yaml-settings.js';

/**
 * docs/editors.md, "The schema without the crmplan extension": Red Hat's
 * yaml-language-server alone (the real one, node_modules/yaml-language-server/bin,
 * over stdio, as the YAML extension runs it) validates and completes a plan
 * against schemas/crmplan.schema.json when the plan names it in a
 * `# yaml-language-server: $schema=...` modeline, with no `yaml.schemas`
 * setting: a path relative to the plan, and a URL (served here by a local
 * HTTP server, as raw.githubusercontent.com serves the repository's file).
 * Without the modeline there are no schema diagnostics; `yaml.schemas` is the
 * other way to associate the schema.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const SCHEMA = path.join(ROOT, 'schemas', 'crmplan.schema.json');
const TIMEOUT_MS = 30_000;

/** A plan whose task `kickoff` has a kind the schema does not allow, and an empty line in `config` to complete on. */
function planText(modeline: string | undefined): string {
  return `${modeline === undefined ? '' : `${modeline}\n`}crmplan: 1
plan:
  name: Modeline rollout
  start: 2027-01-04
phases:
  - id: build
    tasks:
      - id: kickoff
        name: Kickoff
        duration: 1d
        kind: party
      - id: config
        name: Configure
        duration: 2d
        
`;
}

let workspace: string;
let schemaServer: Server;
let schemaUrl: string;
let schemaRequests = 0;
const clients: LspClient[] = [];

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'crmplan-yaml-ls-'));
  // A repository that keeps a copy of the schema next to its plans, as docs/editors.md suggests.
  await mkdir(path.join(workspace, 'schemas'));
  await mkdir(path.join(workspace, 'plans'));
  await copyFile(SCHEMA, path.join(workspace, 'schemas', 'crmplan.schema.json'));
  const schemaText = await readFile(SCHEMA, 'utf8');
  schemaServer = createServer((request, response) => {
    const served = request.url === '/crmplan/crmplan/main/schemas/crmplan.schema.json';
    if (served) schemaRequests++;
    response.writeHead(served ? 200 : 404, { 'content-type': served ? 'application/json' : 'text/plain' });
    response.end(served ? schemaText : 'not found');
  });
  await new Promise<void>((resolve) => schemaServer.listen(0, '127.0.0.1', resolve));
  schemaUrl = `http://127.0.0.1:${(schemaServer.address() as AddressInfo).port}/crmplan/crmplan/main/schemas/crmplan.schema.json`;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
});
afterAll(async () => {
  await new Promise<void>((resolve) => schemaServer.close(() => resolve()));
  await rm(workspace, { recursive: true, force: true });
});

/** yaml-language-server, initialized, with its settings applied (`yaml.schemas` as given: none by default). */
async function startYamlLanguageServer(schemas: Record<string, string> = {}): Promise<LspClient> {
  const client = new LspClient(SERVER, workspace, (section) => yamlLanguageServerSettings(section, schemas), TIMEOUT_MS);
  clients.push(client);
  const folder = pathToFileURL(workspace).href;
  const initialized = await client.request<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'plans' }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { completion: { completionItem: { snippetSupport: true } }, publishDiagnostics: { versionSupport: true } },
    },
  });
  expect(initialized.capabilities.completionProvider).toBeDefined();
  await client.notify('initialized', {});
  // As bench/lsp does: it pulls `yaml` after initialized; its codeLens handler waits for that pull to be applied.
  await client.waitUntil(() => client.sectionsAsked.includes('yaml'), 'yaml settings pulled');
  await client.request('textDocument/codeLens', { textDocument: { uri: pathToFileURL(path.join(workspace, 'plans', 'none.yaml')).href } });
  return client;
}

/** Opens a plan (as the YAML extension does: language `yaml`) and waits for its first diagnostics. */
async function openPlan(client: LspClient, name: string, text: string): Promise<{ uri: string; diagnostics: readonly Diagnostic[] }> {
  const file = path.join(workspace, 'plans', name);
  await writeFile(file, text);
  const uri = pathToFileURL(file).href;
  const since = client.publishes.length;
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const published = await client.publishAfter(since, (publish) => publish.uri === uri, `diagnostics for ${name}`);
  return { uri, diagnostics: published.diagnostics };
}

function wrongKind(diagnostics: readonly Diagnostic[], text: string): Diagnostic | undefined {
  const line = text.split('\n').findIndex((candidate) => candidate.includes('kind: party'));
  return diagnostics.find((diagnostic) => diagnostic.range.start.line === line && /Value is not accepted/.test(diagnostic.message));
}

async function completionLabels(client: LspClient, uri: string, text: string): Promise<string[]> {
  // The empty line under `config`'s duration, at the indentation of its keys.
  const lines = text.split('\n');
  const line = lines.findIndex((candidate, index) => candidate.trim() === '' && index > 0 && lines[index - 1]!.includes('duration: 2d'));
  const answer = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri },
    position: { line, character: 8 },
  });
  const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
  return items.map((item) => item.label);
}

describe('yaml-language-server with the modeline, without yaml.schemas', () => {
  for (const [form, modeline] of [
    // After another comment, as in the samples, whose first lines say where they come from.
    ['a path relative to the plan', () => '# The rollout plan.\n# yaml-language-server: $schema=../schemas/crmplan.schema.json'],
    ['a URL of the repository file', () => `# yaml-language-server: $schema=${schemaUrl}`],
  ] as const) {
    it(`${form}: the wrong kind is a schema diagnostic, and task keys complete`, async () => {
      const client = await startYamlLanguageServer();
      const requestsBefore = schemaRequests;
      const text = planText(modeline());
      const { uri, diagnostics } = await openPlan(client, form.startsWith('a URL') ? 'url.crmplan.yaml' : 'relative.crmplan.yaml', text);

      const diagnostic = wrongKind(diagnostics, text);
      expect(diagnostic, JSON.stringify(diagnostics)).toBeDefined();
      expect(diagnostic!.message).toContain('"go-live"');
      expect(diagnostic!.source).toMatch(/^yaml-schema: /);
      // Only that: the rest of the plan is valid under the schema.
      expect(diagnostics.filter((other) => other !== diagnostic)).toEqual([]);

      const labels = await completionLabels(client, uri, text);
      expect(labels).toEqual(expect.arrayContaining(['kind', 'owner', 'depends_on', 'milestone', 'assign']));
      // Keys the task already has are not offered again.
      expect(labels).not.toContain('duration');
      // The URL form really was fetched; the path form never asks the network.
      expect(schemaRequests - requestsBefore).toBe(form.startsWith('a URL') ? 1 : 0);
    });
  }

  it('without the modeline (and without yaml.schemas) there are no schema diagnostics and no task keys', async () => {
    const client = await startYamlLanguageServer();
    const text = planText(undefined);
    const { uri, diagnostics } = await openPlan(client, 'plain.crmplan.yaml', text);
    expect(diagnostics).toEqual([]);
    expect(await completionLabels(client, uri, text)).not.toContain('depends_on');
  });

  it('a modeline whose path does not exist is reported, not ignored', async () => {
    const client = await startYamlLanguageServer();
    const text = planText('# yaml-language-server: $schema=../schemas/no-such.schema.json');
    const { diagnostics } = await openPlan(client, 'missing.crmplan.yaml', text);
    expect(wrongKind(diagnostics, text)).toBeUndefined();
    expect(diagnostics.some((diagnostic) => /no-such\.schema\.json/.test(diagnostic.message)), JSON.stringify(diagnostics)).toBe(true);
  });
});

describe('yaml-language-server with yaml.schemas, without the modeline', () => {
  it('associates *.crmplan.yaml with the schema (a path relative to the workspace folder): the same diagnostic and completion', async () => {
    const client = await startYamlLanguageServer({ './schemas/crmplan.schema.json': '*.crmplan.yaml' });
    const text = planText(undefined);
    const { uri, diagnostics } = await openPlan(client, 'setting.crmplan.yaml', text);
    expect(wrongKind(diagnostics, text), JSON.stringify(diagnostics)).toBeDefined();
    expect(await completionLabels(client, uri, text)).toEqual(expect.arrayContaining(['kind', 'owner', 'depends_on']));
  });
});
