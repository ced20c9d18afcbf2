import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeTimeline, type TimelineResult } from '../../server/src/shared/protocol.js';
import { LspTestClient, SERVER_PATH } from './lsp-test-client.js';

const BROKEN_PLAN = `crmplan: 1
plan:
  name: Protocol test
  start: 2027-01-04
people:
  - {id: pm, name: Dana}
phases:
  - id: build
    tasks:
      - id: config
        name: Configure
        duration: 2d
        depends_on: [kickof]
      - id: kickoff
        name: Kickoff
        duration: 1d
        owner: pm
`;
const FIXED_PLAN = BROKEN_PLAN.replace('[kickof]', '[kickoff]');

let clients: LspTestClient[] = [];
function startClient(settingsFor?: (scopeUri: string | undefined) => unknown): LspTestClient {
  const client = new LspTestClient(settingsFor);
  clients.push(client);
  return client;
}

beforeAll(() => {
  if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run npm run build first`);
});

afterEach(async () => {
  await Promise.all(clients.map((client) => client.shutdown()));
  clients = [];
});

describe('language server over stdio', () => {
  it('answers initialize, publishes diagnostics on open with rule code, docs link and exact range', async () => {
    const client = startClient(() => ({ validation: { delay: 0 } }));
    const init = await client.initialize();
    expect(init.serverInfo?.name).toBe('crmplan');
    const uri = 'file:///tmp/protocol/plan.crmplan.yaml';
    await client.open(uri, BROKEN_PLAN);
    const diagnostics = await client.diagnosticsFor(uri);
    const unknown = diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-reference');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({
      range: { start: { line: 12, character: 21 }, end: { line: 12, character: 27 } },
      severity: 1,
      source: 'crmplan',
      data: { rule: 'unknown-reference', candidates: ['kickoff'] },
    });
    expect(unknown[0]?.message).toContain("Did you mean 'kickoff'?");
    expect(unknown[0]?.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/rules\/unknown-reference\.md$/);
  });

  it('re-validates on change and clears diagnostics when the document closes', async () => {
    const client = startClient(() => ({ validation: { delay: 0 } }));
    await client.initialize();
    const uri = 'file:///tmp/protocol/change.crmplan.yaml';
    await client.open(uri, BROKEN_PLAN);
    await client.diagnosticsFor(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-reference'));
    await client.change(uri, 2, FIXED_PLAN);
    const after = await client.diagnosticsFor(uri, (params) => params.version === 2);
    expect(after.filter((diagnostic) => diagnostic.code === 'unknown-reference')).toEqual([]);
    await client.close(uri);
    const cleared = await client.diagnosticsFor(uri, (params) => params.version === undefined);
    expect(cleared).toEqual([]);
  });

  it('debounces a burst of changes into one validation of the last version', async () => {
    // A long delay keeps this independent of machine speed: the burst is
    // sent at once, long before the delay can run out.
    const client = startClient(() => ({ validation: { delay: 1500 } }));
    await client.initialize();
    const uri = 'file:///tmp/protocol/burst.crmplan.yaml';
    await client.open(uri, BROKEN_PLAN);
    await client.diagnosticsFor(uri, (params) => params.version === 1);
    for (let version = 2; version <= 6; version++) await client.change(uri, version, version === 6 ? FIXED_PLAN : BROKEN_PLAN);
    await client.diagnosticsFor(uri, (params) => params.version === 6);
    const versions = client.published.filter((params) => params.uri === uri).map((params) => params.version);
    expect(versions).toEqual([1, 6]);
  });

  it('reads settings per document (scopeUri)', async () => {
    const quiet = 'file:///tmp/protocol/quiet.crmplan.yaml';
    const loud = 'file:///tmp/protocol/loud.crmplan.yaml';
    const client = startClient((scopeUri) =>
      scopeUri === quiet
        ? { validation: { delay: 0 }, rules: { 'unknown-reference': 'off' } }
        : { validation: { delay: 0 }, rules: { 'unknown-reference': 'warning' } },
    );
    await client.initialize();
    await client.open(quiet, BROKEN_PLAN);
    await client.open(loud, BROKEN_PLAN);
    const quietDiagnostics = await client.diagnosticsFor(quiet);
    const loudDiagnostics = await client.diagnosticsFor(loud);
    expect(quietDiagnostics.some((diagnostic) => diagnostic.code === 'unknown-reference')).toBe(false);
    expect(loudDiagnostics.find((diagnostic) => diagnostic.code === 'unknown-reference')?.severity).toBe(2);
    expect(client.configurationRequests.map((item) => item.scopeUri)).toEqual(expect.arrayContaining([quiet, loud]));
  });

  it('survives text that is not YAML at all and reports it', async () => {
    const client = startClient(() => ({ validation: { delay: 0 } }));
    await client.initialize();
    const uri = 'file:///tmp/protocol/garbage.crmplan.yaml';
    await client.open(uri, '\u0000{{{ ]]] : : \n\t- - -\n"');
    const diagnostics = await client.diagnosticsFor(uri);
    expect(diagnostics.some((diagnostic) => diagnostic.code === 'yaml-syntax')).toBe(true);
    // Still alive: a second document is validated.
    const second = 'file:///tmp/protocol/second.crmplan.yaml';
    await client.open(second, FIXED_PLAN);
    await client.diagnosticsFor(second);
  });
});

// The plan the VS Code end-to-end test uses; its schedule is worked out by hand in
// test/e2e/vscode/run-e2e.mjs (migration: Tue 2027-01-26 -> Mon 2027-02-01, critical).
const CLEAN_PLAN = readFileSync(path.resolve(__dirname, '../e2e/vscode/workspace/clean.crmplan.yaml'), 'utf8');
const TASK_IDS = ['kickoff', 'requirements', 'configuration', 'backup', 'cleansing', 'migration', 'validation', 'uat', 'training', 'pilot', 'go-live', 'hypercare', 'review'];

describe('crmplan/timeline over stdio', () => {
  it('answers with the computed tasks (as columns) and phases, each task with the offsets of its id in the text', async () => {
    const client = startClient(() => ({ validation: { delay: 0 } }));
    await client.initialize();
    const uri = 'file:///tmp/protocol/timeline.crmplan.yaml';
    await client.open(uri, CLEAN_PLAN, 3);
    const result = await client.request<TimelineResult>('crmplan/timeline', { uri });
    expect(result.uri).toBe(uri);
    expect(result.version).toBe(3);
    if (result.timeline === null) throw new Error(`no timeline: ${result.reason}`);
    expect(result.timeline.tasks.id).toEqual(TASK_IDS);
    const timeline = decodeTimeline(result.timeline);
    expect(timeline.tasks.map((task) => task.id)).toEqual(TASK_IDS);
    expect(timeline.tasks.map((task) => task.key)).toEqual(TASK_IDS.map((_id, index) => `t${index}`));
    expect(timeline.phases.map((phase) => phase.id)).toEqual(['discovery', 'build', 'launch']);
    expect(timeline.start).toBe('2027-01-04');
    expect(timeline.workingDays).toBe(44);
    const migration = timeline.tasks.find((task) => task.id === 'migration');
    expect(migration).toMatchObject({ start: '2027-01-26', finish: '2027-02-01', critical: true, phaseKey: 'p1' });
    // `- id: migration` is on line 56, the id at column 13 (1-based) in the fixture.
    const lineStart = CLEAN_PLAN.split('\n').slice(0, 55).join('\n').length + 1;
    expect(migration?.span).toEqual({ start: lineStart + 12, end: lineStart + 21 });
    for (const task of timeline.tasks) expect(CLEAN_PLAN.slice(task.span.start, task.span.end)).toBe(task.id);
    for (const phase of timeline.phases) expect(CLEAN_PLAN.slice(phase.span.start, phase.span.end)).toBe(phase.id);
  });

  it('answers timeline null with a reason for a plan without plan.start, and a timeline again once it is back', async () => {
    const client = startClient(() => ({ validation: { delay: 0 } }));
    await client.initialize();
    const uri = 'file:///tmp/protocol/no-start.crmplan.yaml';
    const withoutStart = CLEAN_PLAN.replace(/^ {2}start: .*\n/m, '');
    expect(withoutStart).not.toBe(CLEAN_PLAN);
    await client.open(uri, withoutStart);
    const broken = await client.request<TimelineResult>('crmplan/timeline', { uri });
    expect(broken.timeline).toBeNull();
    expect(broken.timeline === null ? broken.reason : '').toMatch(/plan\.start/);
    await client.change(uri, 2, CLEAN_PLAN);
    const fixed = await client.request<TimelineResult>('crmplan/timeline', { uri });
    expect(fixed.version).toBe(2);
    expect(fixed.timeline?.tasks.id).toHaveLength(TASK_IDS.length);
  });

  it('answers an error for a document that is not open', async () => {
    const client = startClient(() => ({ validation: { delay: 0 } }));
    await client.initialize();
    await expect(client.request('crmplan/timeline', { uri: 'file:///tmp/protocol/never-opened.crmplan.yaml' })).rejects.toThrow(/not open/);
  });
});
