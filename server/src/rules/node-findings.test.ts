import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { reparsePlanText } from '../parse/incremental-parse.js';
import { parsePlanText } from '../parse/parse-plan-text.js';
import { nodeFindings, type NodeFindingsMemory } from './node-findings.js';
import type { Finding } from './types.js';

/** A finding on every `flag: true`, so the test can say where each one is. */
function flags(collection: YAMLMap | YAMLSeq): Finding[] {
  if (!isMap(collection)) return [];
  return collection.items.flatMap((pair) =>
    isPair(pair) && isScalar(pair.key) && pair.key.value === 'flag' && isScalar(pair.value) && pair.value.range
      ? [{ rule: 'test', message: 'flag', span: { start: pair.value.range[0], end: pair.value.range[1] } }]
      : [],
  );
}

const children = (collection: YAMLMap | YAMLSeq): unknown[] =>
  isSeq(collection) ? collection.items : collection.items.map((pair) => (isPair(pair) ? pair.value : undefined));

function tasks(count: number, flagged: ReadonlySet<number>): string {
  const lines = ['crmplan: 1', 'phases:', '  - id: p', '    tasks:'];
  for (let task = 0; task < count; task++) {
    lines.push(`      - id: t${task}`, '        duration: 1d');
    if (flagged.has(task)) lines.push('        flag: true');
  }
  return `${lines.join('\n')}\n`;
}

describe('nodeFindings', () => {
  it('re-checks only the nodes an edit touched, and moves the kept findings with their nodes', () => {
    const memory: NodeFindingsMemory = new WeakMap();
    const text = tasks(40, new Set([5, 30]));
    let checkedCollections = 0;
    const counting = (collection: YAMLMap | YAMLSeq): Finding[] => {
      checkedCollections++;
      return flags(collection);
    };
    const parsed = parsePlanText(text);
    const first = nodeFindings(memory, parsed.doc.contents, counting, children);
    expect(first.map((finding) => text.slice(finding.span.start, finding.span.end))).toEqual(['true', 'true']);
    // The root, `phases`, the phase, its `tasks` list and 40 tasks.
    expect(checkedCollections).toBe(44);

    // t10's duration gets one more character: t30's flag moves by one.
    const at = text.indexOf('1d', text.indexOf('- id: t10\n'));
    const edited = `${text.slice(0, at)}10d${text.slice(at + 2)}`;
    const reparsed = reparsePlanText(parsed, edited);
    expect(reparsed.origin).toBe('incremental');
    checkedCollections = 0;
    const second = nodeFindings(memory, reparsed.doc.contents, counting, children);
    // Only the path to the edit: the root, `phases`, the phase, `tasks` and t10.
    expect(checkedCollections).toBe(5);
    const flagAt = (source: string, task: number): number => source.indexOf('true', source.indexOf(`- id: t${task}\n`));
    expect(second.map((finding) => finding.span)).toEqual([
      { start: flagAt(edited, 5), end: flagAt(edited, 5) + 4 },
      { start: flagAt(edited, 30), end: flagAt(edited, 30) + 4 },
    ]);
    expect(flagAt(edited, 30)).toBe(flagAt(text, 30) + 1);
    // The same as a walk of a fresh parse with nothing remembered.
    expect(second).toEqual(nodeFindings(new WeakMap(), parsePlanText(edited).doc.contents, flags, children));
  });
});
