import { describe, expect, it } from 'vitest';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SelectionRange } from 'vscode-languageserver-types';
import { planWithCursor } from './feature-test-support.js';
import { selectionRanges } from './selection-ranges.js';

const PLAN = `# header comment
crmplan: 1
phases:
  - id: setup
    tasks:
      - id: a
        depends_on: [kickoff, {task: b, lag: 1d}]

      # about c
      - id: c
        name: "Quoted name"
objectives:
  - id: o
    due: 30d after go-live
`;

/** The texts of the chain, innermost first; the whole document is shown as `<document>`. */
function chain(document: TextDocument, range: SelectionRange | undefined): string[] {
  const texts: string[] = [];
  for (let current = range; current; current = current.parent) {
    const text = document.getText(current.range);
    texts.push(text === document.getText() ? '<document>' : text);
  }
  return texts;
}

function expand(from: string, to: string): string[] {
  expect(PLAN).toContain(from);
  const { analysis, document, position } = planWithCursor(PLAN.replace(from, to));
  const ranges = selectionRanges(analysis, document, [position]);
  expect(ranges).toHaveLength(1);
  return chain(document, ranges[0]);
}

const TASK_A = 'id: a\n        depends_on: [kickoff, {task: b, lag: 1d}]';
const TASKS = `- ${TASK_A}\n\n      # about c\n      - id: c\n        name: "Quoted name"`;
const PHASE = `id: setup\n    tasks:\n      ${TASKS}`;
const PHASES_PAIR = `phases:\n  - ${PHASE}`;
const OBJECTIVE = 'id: o\n    due: 30d after go-live';
const ROOT = `crmplan: 1\n${PHASES_PAIR}\nobjectives:\n  - ${OBJECTIVE}`;

describe('selectionRanges', () => {
  it('expands from an id in a flow map to the pair, the map, the list, the item, the section and the document', () => {
    expect(expand('{task: b,', '{task: |b,')).toEqual([
      'b',
      'task: b',
      '{task: b, lag: 1d}',
      '[kickoff, {task: b, lag: 1d}]',
      'depends_on: [kickoff, {task: b, lag: 1d}]',
      TASK_A,
      TASKS,
      `tasks:\n      ${TASKS}`,
      PHASE,
      `- ${PHASE}`,
      PHASES_PAIR,
      ROOT,
      '<document>',
    ]);
  });

  it('selects the id inside `due: ... after` first', () => {
    expect(expand('after go-live', 'after go-|live')).toEqual([
      'go-live',
      '30d after go-live',
      'due: 30d after go-live',
      OBJECTIVE,
      `- ${OBJECTIVE}`,
      `objectives:\n  - ${OBJECTIVE}`,
      ROOT,
      '<document>',
    ]);
  });

  it('selects the text inside quotes before the quoted scalar', () => {
    expect(expand('"Quoted name"', '"Quoted| name"').slice(0, 4)).toEqual([
      'Quoted name',
      '"Quoted name"',
      'name: "Quoted name"',
      'id: c\n        name: "Quoted name"',
    ]);
  });

  it('expands from a key to its pair', () => {
    expect(expand('depends_on:', 'depends|_on:').slice(0, 3)).toEqual([
      'depends_on',
      'depends_on: [kickoff, {task: b, lag: 1d}]',
      TASK_A,
    ]);
  });

  it('does not take a comment between items into either item', () => {
    expect(expand('# about c', '# abo|ut c')).toEqual([
      TASKS,
      `tasks:\n      ${TASKS}`,
      PHASE,
      `- ${PHASE}`,
      PHASES_PAIR,
      ROOT,
      '<document>',
    ]);
  });

  it('gives an empty range inside the document outside every node', () => {
    const { analysis, document, position } = planWithCursor(PLAN.replace('# header', '# hea|der'));
    const [range] = selectionRanges(analysis, document, [position]);
    expect(range?.range).toEqual({ start: position, end: position });
    expect(chain(document, range)).toEqual(['', '<document>']);
  });

  it('answers every position, in order', () => {
    const { analysis, document } = planWithCursor(PLAN.replace('crmplan', '|crmplan'));
    const positions = [document.positionAt(PLAN.indexOf('kickoff') + 2), document.positionAt(PLAN.indexOf('setup') + 2)];
    const ranges = selectionRanges(analysis, document, positions);
    expect(ranges.map((range) => document.getText(range.range))).toEqual(['kickoff', 'setup']);
  });
});
