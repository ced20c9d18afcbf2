import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover, MarkupContent, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { LspTestClient } from './lsp-test-client.js';

// Mon 2027-01-04 is working day 0; 8 hours a day. Both tasks run the first week:
// pm has 100% + 50% = 12 h a day of 8 h (150%). 'review' writes no load.
const PLAN = `crmplan: 1
plan: {name: Overallocation over the protocol, start: 2027-01-04}
people:
  - {id: pm, name: Dana Lee, capacity: 40h/w}
  - {id: spare, name: Sam}
phases:
  - id: p
    tasks:
      - id: requirements
        name: Requirements
        duration: 1w
        assign:
          - {person: pm, load: 100%}
      - {id: audit, name: Data audit, duration: 1w, assign: [{person: pm, load: 50%}]}
      - {id: review, name: Review, duration: 1d, start: 2027-01-11, assign: [{person: spare}, {person: spare, load: 10%}]}
`;
const uri = 'file:///tmp/protocol/overallocation.crmplan.yaml';
const textDocument = { uri };

/** 0-based position of the first occurrence of `needle`, plus `delta` characters. */
function positionOf(needle: string, delta = 0): { line: number; character: number } {
  const before = PLAN.slice(0, PLAN.indexOf(needle) + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

function textOf(range: Range): string {
  const lines = PLAN.split('\n');
  if (range.start.line !== range.end.line) throw new Error('a range over lines');
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

let client: LspTestClient;
let overallocations: Diagnostic[];
beforeAll(async () => {
  client = new LspTestClient(() => ({ validation: { delay: 0 } }));
  await client.initialize();
  await client.open(uri, PLAN);
  const diagnostics = await client.diagnosticsFor(uri);
  overallocations = diagnostics.filter((diagnostic) => diagnostic.code === 'overallocation');
});
afterAll(async () => {
  await client.shutdown();
});

describe('the overallocation finding over the real protocol', () => {
  it('sits on the load value that is too high, with the person and the other task as related information', () => {
    // requirements, audit (pm) and review's second item (spare: 100% + 10% on one day).
    expect(overallocations.map((diagnostic) => [diagnostic.range.start, textOf(diagnostic.range)])).toEqual([
      [positionOf('load: 100%', 'load: '.length), '100%'],
      [positionOf('load: 50%', 'load: '.length), '50%'],
      // review books spare twice: one finding per (person, task), on the first item, which writes no load.
      [positionOf('{person: spare}', '{person: '.length), 'spare'],
    ]);
    const [requirements] = overallocations;
    expect(requirements?.relatedInformation?.map((related) => [related.location.uri, textOf(related.location.range), related.message])).toEqual([
      [uri, 'pm', "Dana Lee ('pm') is declared here, with a capacity of 40h/w (8 hours a day)."],
      [uri, '50%', "'audit' also books Dana Lee ('pm') (50%) from 2027-01-04 to 2027-01-08."],
    ]);
    expect(requirements?.relatedInformation?.[0]?.location.range.start).toEqual(positionOf('{id: pm', '{id: '.length));
  });

  it('offers its quick fixes at the load: lowering it writes over the value', async () => {
    const diagnostic = overallocations[0]!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument,
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const lower = actions.find((action) => action.title === "Lower Dana Lee's load on 'requirements' to 50%");
    expect(lower, JSON.stringify(actions.map((action) => action.title))).toBeDefined();
    const edits = (lower!.edit as WorkspaceEdit).changes?.[uri] ?? [];
    expect(edits.map((edit) => [textOf(edit.range), edit.newText])).toEqual([['100%', '50%']]);
    expect(actions.map((action) => action.title)).toContain("Reassign 'requirements' to 'spare' (Sam)");
  });

  it("hovers the load with the person's week", async () => {
    const result = await client.request<Hover>('textDocument/hover', { textDocument, position: positionOf('load: 100%', 'load: '.length + 1) });
    expect(result.range).toEqual({ start: positionOf('load: 100%', 'load: '.length), end: positionOf('load: 100%', 'load: 100%'.length) });
    const markdown = (result.contents as MarkupContent).value;
    // 5 days x (8 + 4) h = 60 h of 5 x 8 h = 40 h.
    expect(markdown).toContain('- Week of Mon 2027-01-04: **60 h of 40 h** (150%), **overallocated**\n  - `requirements` 40 h, `audit` 20 h');
    expect(markdown).toContain('[overallocation]');
  });
});
