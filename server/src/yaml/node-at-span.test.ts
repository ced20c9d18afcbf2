import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { randomPlanText } from '../model/random-plan-test-support.js';
import { spanOf } from '../model/yaml-nodes.js';
import { parsePlanText, type ParsedDocument } from '../parse/parse-plan-text.js';
import { locateNode, mapAtSpan, pairWithKeyAtSpan, parentPair, scalarAtSpan, seqItemAtSpan, trimmedSpan } from './node-at-span.js';

/** The reference: every mapping of the document by its span, from a visit of the whole document. */
function everyMapBySpan(parsed: ParsedDocument): Map<string, YAMLMap> {
  const maps = new Map<string, YAMLMap>();
  visit(parsed.doc, {
    Map(_key, node) {
      const span = spanOf(node);
      if (span) maps.set(`${span.start}:${span.end}`, node);
    },
  });
  return maps;
}

const ODD_YAML = [
  // Flow maps in flow sequences, single pairs in flow sequences, anchors and aliases, comments.
  `crmplan: 1
plan: {name: P, start: 2027-01-04, calendar: {holidays: [{date: 2027-05-31, name: M}]}}
people: [{id: a}, {id: b, role: x}, c: d]
phases:
  - &phase
    id: one # a comment
    tasks:
      - {id: t1, depends_on: [{task: t0, lag: 1d}, t2]}
      -
      - id: t2
        assign: [{person: a, load: 50%}]
  - *phase
  - ? {complex: key}
    : {value: map}
`,
  // Not a map at the root; empty collections.
  '- a\n- {b: 1}\n',
  'crmplan: 1\nphases: []\npeople: {}\n',
  '',
];

function plans(): string[] {
  const samples = ['samples', 'samples/with-problems', 'test/fixes/plans'].flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.crmplan.yaml'))
      .map((name) => readFileSync(join(folder, name), 'utf8')),
  );
  const random = Array.from({ length: 150 }, (_, seed) => randomPlanText(seed + 1));
  return [...ODD_YAML, ...samples, ...random];
}

/**
 * The reference for whole nodes: by span, the first mapping, sequence or
 * scalar with it in a visit of the whole document (outermost first), with
 * the visit's path as its ancestors.
 */
function everyNodeBySpan(doc: ParsedDocument['doc']): Map<string, { node: unknown; ancestors: unknown[] }> {
  const nodes = new Map<string, { node: unknown; ancestors: unknown[] }>();
  visit(doc, (_key, node, path) => {
    if (!(isMap(node) || isSeq(node) || isScalar(node)) || !node.range) return;
    const key = `${node.range[0]}:${node.range[1]}`;
    if (!nodes.has(key)) nodes.set(key, { node, ancestors: [...path] });
  });
  return nodes;
}

function sameItems(actual: readonly unknown[] | undefined, expected: readonly unknown[]): boolean {
  return actual !== undefined && actual.length === expected.length && actual.every((item, index) => item === expected[index]);
}

describe('the node at a span', () => {
  it('finds every mapping of the document by its span, as a visit of the whole document does', () => {
    for (const text of plans()) {
      const parsed = parsePlanText(text);
      for (const [key, map] of everyMapBySpan(parsed)) {
        const [start, end] = key.split(':').map(Number);
        expect(mapAtSpan(parsed.doc, { start: start!, end: end! }), `${key} in ${text.slice(0, 60)}`).toBe(map);
      }
    }
  });

  it('finds nothing where no mapping spans exactly the span', () => {
    for (const text of plans()) {
      const parsed = parsePlanText(text);
      const maps = everyMapBySpan(parsed);
      visit(parsed.doc, (_key, node) => {
        if (isMap(node) || !node || typeof node !== 'object' || !('range' in node) || !node.range) return;
        const [start, end] = node.range as [number, number];
        if (!maps.has(`${start}:${end}`)) expect(mapAtSpan(parsed.doc, { start, end })).toBeUndefined();
      });
      expect(mapAtSpan(parsed.doc, { start: -1, end: text.length + 1 })).toBeUndefined();
      expect(mapAtSpan(parsed.doc, { start: 0, end: 0 })).toBeUndefined();
    }
  });

  it('finds every node with its ancestors, as the visit does, from the document or from its contents', () => {
    for (const text of plans()) {
      const parsed = parsePlanText(text);
      for (const [key, expected] of everyNodeBySpan(parsed.doc)) {
        const [start, end] = key.split(':').map(Number);
        const span = { start: start!, end: end! };
        const located = locateNode(parsed.doc, span);
        expect(located?.node, `${key} in ${text.slice(0, 60)}`).toBe(expected.node);
        // Identity, not deep equality: the same document, collections and pairs.
        expect(sameItems(located?.ancestors, expected.ancestors)).toBe(true);
        expect(sameItems(locateNode(parsed.doc.contents, span)?.ancestors, expected.ancestors.slice(1))).toBe(true);
      }
    }
  });

  it('finds a sequence item with its position, a pair by its key, and cuts a span back to its content', () => {
    const text = 'a:\n  - x   # first\n  - {k: v}\nb: 1   # last\n\n';
    const parsed = parsePlanText(text);
    const item = seqItemAtSpan(parsed.doc, { start: text.indexOf('{k'), end: text.indexOf('}') + 1 });
    expect(item?.index).toBe(1);
    const x = text.indexOf('x');
    expect(scalarAtSpan(parsed.doc, { start: x, end: x + 1 })?.value).toBe('x');
    const b = text.indexOf('b:');
    const pair = pairWithKeyAtSpan(parsed.doc, { start: b, end: b + 1 });
    expect(pair?.map).toBe(parsed.doc.contents);
    expect(isScalar(pair?.pair.value) && pair.pair.value.value).toBe(1);
    const root = parsed.doc.contents as YAMLMap;
    const whole = { start: root.range![0], end: root.range![1] };
    expect(text.slice(whole.start, trimmedSpan(text, parsed.doc.contents, whole).end)).toBe(text.trimEnd().replace(/ +# last$/, ''));
    const seq = root.items[0]!.value as YAMLSeq;
    expect(parentPair(locateNode(parsed.doc, { start: seq.range![0], end: seq.range![1] })!)?.pair).toBe(root.items[0]);
  });
});
