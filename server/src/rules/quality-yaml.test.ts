import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, visit, type YAMLMap } from 'yaml';
import { randomPlanText } from '../model/random-plan-test-support.js';
import { spanOf } from '../model/yaml-nodes.js';
import { parsePlanText, type ParsedDocument } from '../parse/parse-plan-text.js';
import { mapAt } from './quality-yaml.js';

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

describe('mapAt', () => {
  it('finds every mapping of the document by its span, as a visit of the whole document does', () => {
    for (const text of plans()) {
      const parsed = parsePlanText(text);
      for (const [key, map] of everyMapBySpan(parsed)) {
        const [start, end] = key.split(':').map(Number);
        expect(mapAt(parsed, { start: start!, end: end! }), `${key} in ${text.slice(0, 60)}`).toBe(map);
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
        if (!maps.has(`${start}:${end}`)) expect(mapAt(parsed, { start, end })).toBeUndefined();
      });
      expect(mapAt(parsed, { start: -1, end: text.length + 1 })).toBeUndefined();
      expect(mapAt(parsed, { start: 0, end: 0 })).toBeUndefined();
    }
  });
});
