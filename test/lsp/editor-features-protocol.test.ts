import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionList, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, MarkupContent, SelectionRange, WorkspaceEdit } from 'vscode-languageserver-types';
import { LspTestClient } from './lsp-test-client.js';

const PLAN = `crmplan: 1
plan:
  name: Features over the protocol
  start: 2027-01-04
people:
  - {id: pm, name: Dana, role: Project Manager}
objectives:
  - id: adoption
    due: 30d after go-live
phases:
  - id: build
    owner: pm
    tasks:
      - id: config
        name: Configure
        duration: 2d
      - id: go-live
        name: Go live
        milestone: true
        depends_on: [config]
`;
const uri = 'file:///tmp/protocol/features.crmplan.yaml';
const textDocument = { uri };
/** 0-based position of the n-th occurrence of `needle` (plus `delta` characters). */
function positionOf(needle: string, occurrence = 1, delta = 0): { line: number; character: number } {
  let offset = -1;
  for (let count = 0; count < occurrence; count++) offset = PLAN.indexOf(needle, offset + 1);
  const before = PLAN.slice(0, offset + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

let client: LspTestClient;
beforeAll(async () => {
  client = new LspTestClient(() => ({ validation: { delay: 0 } }));
  const init = await client.initialize();
  expect(init.capabilities).toMatchObject({
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: expect.anything(),
    foldingRangeProvider: true,
    selectionRangeProvider: true,
  });
  await client.open(uri, PLAN);
  await client.diagnosticsFor(uri);
});
afterAll(async () => {
  await client.shutdown();
});

describe('editor features over the real protocol', () => {
  it('goes to the definition of a dependency', async () => {
    const location = await client.request<Location>('textDocument/definition', { textDocument, position: positionOf('[config]', 1, 2) });
    expect(location.range.start).toEqual(positionOf('id: config', 1, 4));
  });

  it('finds references to a task, including the id inside due ... after', async () => {
    const locations = await client.request<Location[]>('textDocument/references', {
      textDocument,
      position: positionOf('id: go-live', 1, 5),
      context: { includeDeclaration: true },
    });
    expect(locations.map((location) => location.range.start)).toEqual([positionOf('after go-live', 1, 6), positionOf('id: go-live', 1, 4)].sort((a, b) => a.line - b.line));
  });

  it('highlights an id: its declaration as written, its references as read', async () => {
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument, position: positionOf('[config]', 1, 2) });
    expect(highlights.map((highlight) => [highlight.range.start, highlight.kind])).toEqual([
      [positionOf('id: config', 1, 4), 3],
      [positionOf('[config]', 1, 1), 2],
    ]);
  });

  it('prepares a rename on an id and refuses one elsewhere', async () => {
    const prepared = await client.request<{ range: unknown; placeholder: string } | null>('textDocument/prepareRename', {
      textDocument,
      position: positionOf('id: config', 1, 5),
    });
    expect(prepared?.placeholder).toBe('config');
    const nothing = await client.request('textDocument/prepareRename', { textDocument, position: positionOf('name: Configure', 1, 1) });
    expect(nothing).toBeNull();
  });

  it('renames a task everywhere and refuses a taken name with a message', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument, position: positionOf('id: config', 1, 5), newName: 'configure-crm' });
    expect(edit.changes?.[uri]).toHaveLength(2);
    await expect(
      client.request('textDocument/rename', { textDocument, position: positionOf('id: config', 1, 5), newName: 'go-live' }),
    ).rejects.toThrow(/go-live/);
  });

  it('serves the outline, folding and selection ranges', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument });
    const names = JSON.stringify(symbols);
    for (const name of ['pm', 'adoption', 'build', 'config', 'go-live']) expect(names).toContain(`"name":"${name}"`);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument });
    expect(folds.some((fold) => fold.startLine === positionOf('  - id: build').line)).toBe(true);
    const [selection] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument, positions: [positionOf('Configure', 1, 2)] });
    expect(selection?.parent).toBeDefined();
  });

  it('hovers a task with its computed dates, and a diagnostic with its rule page', async () => {
    const taskHover = await client.request<Hover>('textDocument/hover', { textDocument, position: positionOf('id: config', 1, 5) });
    const taskText = (taskHover.contents as MarkupContent).value;
    expect(taskText).toContain('Mon 2027-01-04');
    expect(taskText).toContain('Tue 2027-01-05');
  });

  it('completes person ids for an owner, with their name and role', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument, position: positionOf('owner: pm', 1, 7) });
    const pm = list.items.find((item) => item.label === 'pm');
    expect(pm?.detail).toContain('Dana');
    expect(pm?.detail).toContain('Project Manager');
  });

  it('offers quick-fixes for a diagnostic, built from its data', async () => {
    const broken = 'file:///tmp/protocol/fix.crmplan.yaml';
    await client.open(broken, PLAN.replace('depends_on: [config]', 'depends_on: [confg]'));
    const diagnostics = await client.diagnosticsFor(broken, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-reference'));
    const unknown = diagnostics.find((diagnostic) => diagnostic.code === 'unknown-reference')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: broken },
      range: unknown.range,
      context: { diagnostics: [unknown] },
    });
    const replace = actions.find((action) => action.edit?.changes?.[broken]?.some((edit) => edit.newText === 'config'));
    expect(replace?.kind).toBe('quickfix');
    expect(replace?.edit?.changes?.[broken]).toEqual([{ range: unknown.range, newText: 'config' }]);
    expect(actions.some((action) => action.title.includes('Disable') && action.title.includes('unknown-reference'))).toBe(true);
  });

  it('shows computed dates as inlay hints', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument,
      range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    });
    const labels = hints.map((hint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')));
    expect(labels.some((label) => label.includes('Jan 4 -> Jan 5'))).toBe(true);
  });
});

describe('settings that turn features off', () => {
  it('returns no inlay hints when crmplan.inlayHints.enabled is false', async () => {
    const quiet = new LspTestClient(() => ({ validation: { delay: 0 }, inlayHints: { enabled: false } }));
    try {
      await quiet.initialize();
      await quiet.open(uri, PLAN);
      await quiet.diagnosticsFor(uri);
      const hints = await quiet.request<InlayHint[]>('textDocument/inlayHint', {
        textDocument,
        range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
      });
      expect(hints).toEqual([]);
    } finally {
      await quiet.shutdown();
    }
  });
});
