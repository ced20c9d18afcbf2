import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../parse/parse-plan-text.js';
import { placeholder } from '../yaml/snippet-syntax.js';
import { isPlainSafe, scalarText } from '../yaml/scalar-text.js';
import { detectIndentStyle } from '../yaml/indent-style.js';
import {
  appendSeqItems,
  appendToList,
  fillEmptyWithMap,
  insertMapEntries,
  insertMappingItem,
  insertNestedMap,
  joinEdits,
  removeMapEntry,
  removeSeqItem,
  replaceScalar,
  scalarToFlowMap,
  setMapValue,
} from './text-edits.js';
import type { FixEdit } from './types.js';

/** Applies edits (non-overlapping) to a text, last first. */
function apply(text: string, edits: readonly (FixEdit | undefined)[]): string {
  let result = text;
  for (const edit of [...edits].filter((edit): edit is FixEdit => !!edit).sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

/** The node at a path of keys and indexes from the root. */
function nodeAt(text: string, ...path: (string | number)[]): Node {
  let node: unknown = parsePlanText(text).doc.contents;
  for (const step of path) {
    if (typeof step === 'number' && isSeq(node)) node = node.items[step];
    else if (typeof step === 'string' && isMap(node)) node = node.get(step, true);
    else throw new Error(`no ${step}`);
  }
  return node as Node;
}

const mapAt = (text: string, ...path: (string | number)[]): YAMLMap => nodeAt(text, ...path) as YAMLMap;
const seqAt = (text: string, ...path: (string | number)[]): YAMLSeq => nodeAt(text, ...path) as YAMLSeq;

describe('scalars', () => {
  it('writes plain scalars only when they read back as the same string', () => {
    expect(['kickoff', '10%', '2027-01-04', '1w', '-2d', 'Data backup before migration', 'TODO e.g. 85%'].every(isPlainSafe)).toBe(true);
    const unsafe = ['', ' x', '123', '1.5', '0x1f', 'true', 'null', '~', 'a: b', 'a #b', 'a, b', '[x]', '{x}', '#x', '- x', "'x", '*x', 'x:'];
    expect(unsafe.filter(isPlainSafe)).toEqual([]);
    expect(scalarText('2027')).toBe('"2027"');
    expect(scalarText('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
  });

  it('replaces a scalar in its own quoting style, leaving a trailing comment', () => {
    const text = 'a: "kickof"   # c\nb: \'it\'\'s\'\nc: plain\n';
    const root = mapAt(text);
    const edit = (key: string, value: string): FixEdit | undefined => {
      const scalar = root.get(key, true);
      return isScalar(scalar) ? replaceScalar(text, scalar, value) : undefined;
    };
    expect(apply(text, [edit('a', 'kickoff'), edit('b', "don't"), edit('c', '123')])).toBe(
      'a: "kickoff"   # c\nb: \'don\'\'t\'\nc: "123"\n',
    );
  });
});

describe('mappings', () => {
  it('adds entries after the last one of a block mapping, at its indentation, after its trailing comment', () => {
    const text = 'items:\n    -   id: a    # first\n        name: A   # comment\n    -   id: b\n';
    expect(apply(text, [insertMapEntries(text, mapAt(text, 'items', 0), [{ key: 'owner', value: 'pm' }])])).toBe(
      'items:\n    -   id: a    # first\n        name: A   # comment\n        owner: pm\n    -   id: b\n',
    );
  });

  it('keeps CRLF line breaks', () => {
    const text = 'plan:\r\n  name: X\r\n  start: 2027-01-04\r\n';
    expect(apply(text, [insertMapEntries(text, mapAt(text, 'plan'), [{ key: 'sponsor', value: 'ceo' }])])).toBe(
      'plan:\r\n  name: X\r\n  start: 2027-01-04\r\n  sponsor: ceo\r\n',
    );
  });

  it('adds `, key: value` to a flow mapping, and fills an empty one', () => {
    const text = 'a: {x: 1, y: [2]}   # c\nb: {}\n';
    const entry = [{ key: 'z', value: '3' }];
    expect(apply(text, [insertMapEntries(text, mapAt(text, 'a'), entry), insertMapEntries(text, mapAt(text, 'b'), entry)])).toBe(
      'a: {x: 1, y: [2], z: 3}   # c\nb: {z: 3}\n',
    );
  });

  it('sets a value: replaces a scalar, fills an empty key, or adds the key', () => {
    const text = "a:\n  owner: 'x'\nb:\n  owner:   # who?\nc:\n  name: C\n";
    expect(
      apply(text, [
        setMapValue(text, mapAt(text, 'a'), 'owner', 'pm'),
        setMapValue(text, mapAt(text, 'b'), 'owner', 'pm'),
        setMapValue(text, mapAt(text, 'c'), 'owner', 'pm'),
      ]),
    ).toBe("a:\n  owner: 'pm'\nb:\n  owner: pm   # who?\nc:\n  name: C\n  owner: pm\n");
  });

  it('adds a nested mapping at the indentation step, or fills an empty key with one', () => {
    const text = 'a:\n    b: 1\nrules:    # none yet\n';
    const root = mapAt(text);
    expect(detectIndentStyle(parsePlanText(text).doc.contents, text).unit).toBe(4);
    expect(apply(text, [insertNestedMap(text, root, 'extra', [{ key: 'k', value: 'off' }], 4)])).toBe(
      'a:\n    b: 1\nrules:    # none yet\nextra:\n    k: off\n',
    );
    const rules = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'rules')!;
    expect(apply(text, [fillEmptyWithMap(text, root, rules, [{ key: 'k', value: 'off' }], 4)])).toBe(
      'a:\n    b: 1\nrules:    # none yet\n    k: off\n',
    );
  });

  it('removes a block entry with its line and trailing comment, keeping the comment lines around it', () => {
    const text = 'a:\n    x: 1\n    # about start\n    start: 2027-01-04   # pinned\n    y: 2\n';
    const map = mapAt(text, 'a');
    expect(apply(text, [removeMapEntry(text, map, map.items[1]!)])).toBe('a:\n    x: 1\n    # about start\n    y: 2\n');
    const crlf = text.replace(/\n/g, '\r\n');
    const crlfMap = mapAt(crlf, 'a');
    expect(apply(crlf, [removeMapEntry(crlf, crlfMap, crlfMap.items[1]!)])).toBe('a:\r\n    x: 1\r\n    # about start\r\n    y: 2\r\n');
  });

  it("moves the next key onto the dash's line when the first key of an item goes; keeps an only key", () => {
    const text = 'items:\n  - start: 2027-01-04   # pinned\n    id: a\n  - start: 2027-01-04\n';
    const first = mapAt(text, 'items', 0);
    expect(apply(text, [removeMapEntry(text, first, first.items[0]!)])).toBe('items:\n  - id: a\n  - start: 2027-01-04\n');
    const only = mapAt(text, 'items', 1);
    expect(removeMapEntry(text, only, only.items[0]!)).toBeUndefined();
  });

  it('removes a flow entry with one comma; the only one leaves {}', () => {
    const text = 'a: {x: 1, start: 2, y: 3}\nb: {x: 1, start: 2}   # c\nc: { start: 2 }\n';
    const entry = (key: string) => {
      const map = mapAt(text, key);
      return removeMapEntry(text, map, map.items.find((pair) => isScalar(pair.key) && pair.key.value === 'start')!);
    };
    expect(apply(text, [entry('a'), entry('b'), entry('c')])).toBe('a: {x: 1, y: 3}\nb: {x: 1}   # c\nc: {  }\n');
    // A separator over a line break may hold a comment: left alone.
    const multiline = 'a: {x: 1,   # one\n    start: 2}\n';
    const map = mapAt(multiline, 'a');
    expect(removeMapEntry(multiline, map, map.items[1]!)).toBeUndefined();
  });

  it('wraps a scalar in a flow mapping as written, in a one-item list where a mapping cannot go', () => {
    const text = 'a: [x, "y"]   # c\nb: z\n';
    const seq = seqAt(text, 'a');
    const lag = [{ key: 'lag', value: '2d' }];
    const single = nodeAt(text, 'b');
    expect(
      apply(text, [
        scalarToFlowMap(text, seq.items[1] as Scalar, 'task', lag),
        isScalar(single) ? scalarToFlowMap(text, single, 'task', lag, true) : undefined,
      ]),
    ).toBe('a: [x, {task: "y", lag: 2d}]   # c\nb: [{task: z, lag: 2d}]\n');
  });

  it('joins insertions at one offset into one edit, in order', () => {
    const edits = joinEdits([
      { span: { start: 5, end: 5 }, newText: ' a', snippet: ' ${1:a}' },
      { span: { start: 1, end: 2 }, newText: 'x' },
      { span: { start: 5, end: 5 }, newText: '\n  b: $' },
    ]);
    expect(edits).toEqual([
      { span: { start: 1, end: 2 }, newText: 'x' },
      { span: { start: 5, end: 5 }, newText: ' a\n  b: $', snippet: ' ${1:a}\n  b: \\$' },
    ]);
  });

  it('writes snippet text next to the plain text', () => {
    const text = 'a:\n  b: 1\n';
    const edit = insertMapEntries(text, mapAt(text, 'a'), [
      { key: 'metric', value: 'TODO', snippetValue: placeholder(1, 'TODO') },
      { key: 'cost', value: '$5' },
    ]);
    expect(edit?.newText).toBe('\n  metric: TODO\n  cost: $5');
    expect(edit?.snippet).toBe('\n  metric: ${1:TODO}\n  cost: \\$5');
  });
});

describe('lists', () => {
  it('appends to flow lists, empty ones and block lists', () => {
    const text = 'a: [x, y ]   # c\nb: []\nc:\n  - x   # first\n  - y   # last\nd: 1\n';
    expect(
      apply(text, [
        appendSeqItems(text, seqAt(text, 'a'), ['z']),
        appendSeqItems(text, seqAt(text, 'b'), ['z', 'w']),
        appendSeqItems(text, seqAt(text, 'c'), ['z']),
      ]),
    ).toBe('a: [x, y, z ]   # c\nb: [z, w]\nc:\n  - x   # first\n  - y   # last\n  - z\nd: 1\n');
  });

  it('adds to a list under a key whatever its form', () => {
    const text = 't1: {id: a}\nt2:\n  depends_on: x   # one\nt3:\n  depends_on:\nt4:\n  id: d\n';
    expect(
      apply(text, [
        appendToList(text, mapAt(text, 't1'), 'depends_on', ['b']),
        appendToList(text, mapAt(text, 't2'), 'depends_on', ['b']),
        appendToList(text, mapAt(text, 't3'), 'depends_on', ['b']),
        appendToList(text, mapAt(text, 't4'), 'depends_on', ['b']),
      ]),
    ).toBe('t1: {id: a, depends_on: [b]}\nt2:\n  depends_on: [x, b]   # one\nt3:\n  depends_on: [b]\nt4:\n  id: d\n  depends_on: [b]\n');
  });

  it('removes flow items with one comma; the last one leaves []', () => {
    const text = 'a: [x, y, z]\n';
    const seq = seqAt(text, 'a');
    expect(apply(text, removeSeqItem(text, seq, 0))).toBe('a: [y, z]\n');
    expect(apply(text, removeSeqItem(text, seq, 1))).toBe('a: [x, z]\n');
    expect(apply(text, removeSeqItem(text, seq, 2))).toBe('a: [x, y]\n');
    const single = 'a: [ "x" ]  # c\n';
    expect(apply(single, removeSeqItem(single, seqAt(single, 'a'), 0))).toBe('a: []  # c\n');
  });

  it('removes a block item with its lines and trailing comment, keeping comment lines', () => {
    const text = 'a:\n  - x\n  # about y\n  - {task: y,\n     lag: 1d}   # why\n  - z\nb: 1';
    expect(apply(text, removeSeqItem(text, seqAt(text, 'a'), 1))).toBe('a:\n  - x\n  # about y\n  - z\nb: 1');
    const last = 'a:\n  - x\n  - y';
    expect(apply(last, removeSeqItem(last, seqAt(last, 'a'), 1))).toBe('a:\n  - x\n');
  });

  it('leaves `key: []` when the only block item goes', () => {
    const text = 'a:\n  depends_on:   # c\n    - x   # y\n  b: 1\n';
    const map = mapAt(text, 'a');
    const pair = map.items[0]!;
    const seq = pair.value as YAMLSeq;
    expect(apply(text, removeSeqItem(text, seq, 0, { map, pair }))).toBe('a:\n  depends_on: []   # c\n  b: 1\n');
  });
});

describe('mapping items', () => {
  const entries = [
    { key: 'id', value: 'n' },
    { key: 'name', value: 'New' },
  ];

  it('inserts a block item in the columns of its sibling, above the comments over it', () => {
    const text = 'tasks:\n    -   id: a\n        name: A\n    # about b\n    -   id: b\n        name: B\n';
    const seq = seqAt(text, 'tasks');
    expect(apply(text, [insertMappingItem(text, seq, 1, 'before', entries)])).toBe(
      'tasks:\n    -   id: a\n        name: A\n    -   id: n\n        name: New\n    # about b\n    -   id: b\n        name: B\n',
    );
    expect(apply(text, [insertMappingItem(text, seq, 0, 'after', entries)])).toBe(
      'tasks:\n    -   id: a\n        name: A\n    -   id: n\n        name: New\n    # about b\n    -   id: b\n        name: B\n',
    );
    expect(apply(text, [insertMappingItem(text, seq, 1, 'after', entries)])).toBe(
      'tasks:\n    -   id: a\n        name: A\n    # about b\n    -   id: b\n        name: B\n    -   id: n\n        name: New\n',
    );
  });

  it('does not take block-scalar lines for comments over the item', () => {
    const text = 'tasks:\n  - id: a\n    note: |\n      # not a comment\n  - id: b\n';
    expect(apply(text, [insertMappingItem(text, seqAt(text, 'tasks'), 1, 'before', entries)])).toBe(
      'tasks:\n  - id: a\n    note: |\n      # not a comment\n  - id: n\n    name: New\n  - id: b\n',
    );
  });

  it('follows flow siblings: `- {..}` lines in a block list, `{..}` items in a flow list', () => {
    const block = 'tasks:\n  - {id: a}\n';
    expect(apply(block, [insertMappingItem(block, seqAt(block, 'tasks'), 0, 'before', entries)])).toBe(
      'tasks:\n  - {id: n, name: New}\n  - {id: a}\n',
    );
    const flow = 'tasks: [{id: a}, {id: b}]\n';
    const seq = seqAt(flow, 'tasks');
    expect(apply(flow, [insertMappingItem(flow, seq, 1, 'before', entries)])).toBe('tasks: [{id: a}, {id: n, name: New}, {id: b}]\n');
    expect(apply(flow, [insertMappingItem(flow, seq, 1, 'after', entries)])).toBe('tasks: [{id: a}, {id: b}, {id: n, name: New}]\n');
  });
});
