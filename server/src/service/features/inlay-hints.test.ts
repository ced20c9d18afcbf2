import { describe, expect, it } from 'vitest';
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { plan } from './feature-test-support.js';
import { inlayHints } from './inlay-hints.js';

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** Each hint drawn into its line: `12:        name: Design⟨Jan 4 -> Jan 6 · critical⟩`. */
function drawn(document: TextDocument, hints: readonly InlayHint[]): string[] {
  const lines = document.getText().split('\n');
  return hints.map((hint) => {
    const { line, character } = hint.position;
    const text = lines[line] ?? '';
    const label = typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
    return `${line + 1}:${text.slice(0, character)}⟨${label}⟩${text.slice(character)}`;
  });
}

function hintsOf(text: string, range: Range = WHOLE): { lines: string[]; hints: InlayHint[] } {
  const { analysis, document } = plan(text);
  const hints = inlayHints(analysis, document, range);
  return { lines: drawn(document, hints), hints };
}

// Mon 2027-01-04 is working day 0. a: 3d, days 0..2 (Mon 01-04 -> Wed 01-06);
// b after a: 2d, days 3..4 (Thu 01-07 -> Fri 01-08); m after b: day 5 (Mon 01-11);
// c: 1d on day 0 with float 4 (the project ends on day 5); x and y form a cycle.
const PLAN = `crmplan: 1
plan:
  name: Hints
  start: 2027-01-04
phases:
  - id: p
    tasks:
      - id: a
        name: Design
        duration: 3d
      - id: b
        name: "Build" # the real work
        duration: 2d
        depends_on: [a]
      - id: c
        duration: 1d
      - id: m
        name: Done
        milestone: true
        depends_on: [b]
      - {id: x, name: X, duration: 1d, depends_on: [y]}
      - {id: y, name: Y, duration: 1d, depends_on: [x]}
`;

describe('inlayHints', () => {
  it('writes the computed dates after each task name, with critical tasks marked', () => {
    expect(hintsOf(PLAN).lines).toEqual([
      '9:        name: Design⟨Jan 4 -> Jan 6 · critical⟩',
      '12:        name: "Build"⟨Jan 7 -> Jan 8 · critical⟩ # the real work',
      '16:        duration: 1d⟨Jan 4⟩',
      '18:        name: Done⟨◆ Jan 11 · critical⟩',
    ]);
  });

  it('pads the label and spells out dates and float in the tooltip', () => {
    const [design, , single, milestone] = hintsOf(PLAN).hints;
    expect(design).toMatchObject({
      paddingLeft: true,
      tooltip: 'Mon 2027-01-04 to Wed 2027-01-06: 3 working days.\nTotal float: 0 working days (critical).',
    });
    expect(single?.tooltip).toBe('On Mon 2027-01-04: 1 working day.\nTotal float: 4 working days.');
    expect(milestone?.tooltip).toBe('Milestone on Mon 2027-01-11.\nTotal float: 0 working days (critical).');
  });

  it('returns only the hints inside the requested range', () => {
    // Lines 11..16 (0-based 10..15): b's name and c's duration.
    const range: Range = { start: { line: 10, character: 0 }, end: { line: 15, character: 20 } };
    expect(hintsOf(PLAN, range).lines).toEqual([
      '12:        name: "Build"⟨Jan 7 -> Jan 8 · critical⟩ # the real work',
      '16:        duration: 1d⟨Jan 4⟩',
    ]);
    // A range that ends just before c's hint position leaves it out.
    const before: Range = { start: { line: 10, character: 0 }, end: { line: 15, character: 19 } };
    expect(hintsOf(PLAN, before).lines).toEqual(['12:        name: "Build"⟨Jan 7 -> Jan 8 · critical⟩ # the real work']);
    expect(hintsOf(PLAN, { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }).lines).toEqual([]);
  });

  it('skips holidays and weekends and shows the year when it is not the start year', () => {
    // Working days from Mon 2027-12-27 without Fri 12-31: 27, 28, 29, 30 | Jan 3, 4, 5.
    // prep 2d: Dec 27 -> Dec 28. cutover waits 1d after prep: day 3 (Dec 30), 3d -> Tue 2028-01-04.
    // after: day 6, Wed 2028-01-05.
    const text = `crmplan: 1
plan:
  name: New year
  start: 2027-12-27
  calendar:
    holidays: [{date: 2027-12-31, name: New Year's Eve}]
phases:
  - id: p
    tasks:
      - {id: prep, name: Prep, duration: 2d}
      - {id: cutover, name: Cutover, duration: 3d, depends_on: [{task: prep, lag: 1d}]}
      - {id: after, name: After, duration: 1d, depends_on: [cutover]}
`;
    expect(hintsOf(text).lines).toEqual([
      '10:      - {id: prep, name: Prep⟨Dec 27 -> Dec 28 · critical⟩, duration: 2d}',
      '11:      - {id: cutover, name: Cutover⟨Dec 30 -> Jan 4, 2028 · critical⟩, duration: 3d, depends_on: [{task: prep, lag: 1d}]}',
      '12:      - {id: after, name: After⟨Jan 5, 2028 · critical⟩, duration: 1d, depends_on: [cutover]}',
    ]);
  });

  it('puts the hint after the whole text of a block-scalar name', () => {
    const text = `crmplan: 1
plan: {name: Block, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - id: a
        name: >-
          A long
          name

        duration: 2w
`;
    expect(hintsOf(text).lines).toEqual(['9:          name⟨Jan 4 -> Jan 15 · critical⟩']);
  });

  it('gives no hints without a plan start', () => {
    expect(hintsOf('crmplan: 1\nplan: {name: No start}\nphases: [{id: p, tasks: [{id: a, name: A, duration: 1d}]}]\n').hints).toEqual([]);
  });
});
