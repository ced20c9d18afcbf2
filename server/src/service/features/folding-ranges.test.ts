import { describe, expect, it } from 'vitest';
import type { FoldingRange } from 'vscode-languageserver-types';
import { plan } from './feature-test-support.js';
import { foldingRanges } from './folding-ranges.js';

/** `3-9` or `1-2 comment`, with 1-based lines as the editor shows them. */
function describeFolds(ranges: readonly FoldingRange[]): string[] {
  return ranges.map((range) => `${range.startLine + 1}-${range.endLine + 1}${range.kind ? ` ${range.kind}` : ''}`);
}

describe('foldingRanges', () => {
  it('folds multi-line values from their key, items from their dash, and comment runs', () => {
    const { analysis, document } = plan(`# Plan header
# continued
crmplan: 1
plan:
  name: P
  start: 2027-01-04
  calendar:
    workdays: [mon, tue,
      wed]
    hours_per_day: 8
people:
  - {id: pm, name: Dana}
phases:
  # The first phase
  - id: setup
    description: >
      # not a comment
      # also text
    tasks:
      - id: a
        duration: 1d

      # about b, which comes next
      # second line
  - id: b
    tasks: []
rules:
  no-pilot: off
# end
`);
    expect(describeFolds(foldingRanges(analysis, document))).toEqual([
      '1-2 comment', // the header
      '4-10', // plan:
      '7-10', // calendar:
      '8-9', // a flow sequence over two lines
      // people: is a one-item list on one line after its key: it folds (two lines), the item does not.
      '11-12',
      '13-26', // phases:, up to b's last line
      '15-21', // setup, up to its last task's last line, not the blank line or the comments after it
      '16-18', // the folded scalar; its `#` lines are text, not a comment run
      '19-21', // tasks:
      '20-21', // task a
      '23-24 comment',
      '25-26', // b
      '27-28', // rules:
    ]);
  });

  it('does not fold single lines or a single comment line', () => {
    const { analysis, document } = plan(`crmplan: 1 # one
plan: {name: P, start: 2027-01-04}
# lone comment
people: []
`);
    expect(foldingRanges(analysis, document)).toEqual([]);
  });

  it('still folds a half-typed plan', () => {
    const { analysis, document } = plan(`crmplan: 1
phases:
  - id: p
    tasks:
      - id: a
        name: [unclosed
      - id:
`);
    const folds = describeFolds(foldingRanges(analysis, document));
    expect(folds).toContain('2-7');
    expect(folds).toContain('3-7');
  });
});
