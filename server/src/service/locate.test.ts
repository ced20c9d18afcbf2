import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isScalar } from 'yaml';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { withCursor } from '../testing/fixtures.js';
import { locate } from './locate.js';
import { offeredSchema } from './features/completion.js';
import { keyDescription } from './features/schema-descriptions.js';
import { schemaDefinition } from './schema-view.js';

/** Every sample plan, the ones with problems included. */
const SAMPLES = ['samples', 'samples/with-problems'].flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.crmplan.yaml'))
    .map((name) => `${folder}/${name}`),
);
/** A generous bound for a slow shared machine; the walk is not timed. */
const WALK_TIMEOUT = 120_000;

describe('locate', () => {
  it('names the key, its path and its property schema on a key', () => {
    const { text, offset } = withCursor('crmplan: 1\nplan:\n  name: X\n  sta|rt: 2027-01-04\n');
    const location = locate(analyzePlan(text), offset);
    expect(location.on).toBe('key');
    expect(location.path).toEqual(['plan', 'start']);
    expect(location.key).toEqual({ name: 'start', span: { start: text.indexOf('start'), end: text.indexOf('start') + 5 } });
    expect(location.schema?.refs).toEqual(['date']);
    expect(location.schema?.outer).toBe(schemaDefinition('plan')?.properties?.['start']);
  });

  it('names the value and its list index on a value, and the id there', () => {
    const { text, offset } = withCursor(
      'crmplan: 1\nplan: {name: X, start: 2027-01-04}\npeople:\n  - id: pm\nphases:\n  - id: p\n    tasks:\n      - id: a\n        name: A\n        duration: 1d\n        owner: p|m\n',
    );
    const location = locate(analyzePlan(text), offset);
    expect(location.on).toBe('value');
    expect(location.path).toEqual(['phases', 0, 'tasks', 0, 'owner']);
    expect(location.schema?.refs).toEqual(['personRef']);
    expect(location.id).toMatchObject({ id: 'pm', namespace: 'person' });
  });

  it("decides a task's if/then on the task written: a milestone's duration has the milestone text too", () => {
    const milestone = withCursor('crmplan: 1\nphases:\n  - id: p\n    tasks:\n      - id: a\n        milestone: true\n        dura|tion: 0d\n');
    const task = withCursor('crmplan: 1\nphases:\n  - id: p\n    tasks:\n      - id: a\n        dura|tion: 1d\n');
    const onMilestone = keyDescription(locate(analyzePlan(milestone.text), milestone.offset));
    const onTask = keyDescription(locate(analyzePlan(task.text), task.offset));
    expect(onMilestone?.conditional).toEqual(['A milestone takes no time: omit `duration` or write `0d`.']);
    expect(onTask?.conditional).toEqual([]);
    // The key's own schema is the task's property either way.
    expect(onMilestone?.schema.outer).toBe(schemaDefinition('task')?.properties?.['duration']);
    expect(onTask?.schema.outer).toBe(onMilestone?.schema.outer);
  });

  it('is on no node on a comment above the plan', () => {
    const { text, offset } = withCursor('# a com|ment\ncrmplan: 1\nplan:\n  name: X\n');
    expect(locate(analyzePlan(text), offset)).toMatchObject({ on: 'none', path: [], schema: undefined });
  });
});

/**
 * Completion and hover both reach the schema through locate() and the one
 * schema view, so at every place they name the same schema node. Every
 * offset of every sample is located; completion, which re-reads the
 * typed word's part of the plan, is asked once per word (every offset of
 * a word has the same place: the word is what completion replaces).
 */
describe('completion and hover agree on the schema at every offset of the samples', () => {
  for (const file of SAMPLES) {
    it(file, () => {
      const text = readFileSync(file, 'utf8');
      const analysis = analyzePlan(text);
      const offeredByWord = new Map<number, ReturnType<typeof offeredSchema>>();
      let keys = 0;
      let values = 0;
      for (let offset = 0; offset <= text.length; offset++) {
        const location = locate(analysis, offset);
        const node = location.node;
        if (location.on === 'none' || !node?.range) continue;
        if (!isScalar(node)) continue;
        const described = location.on === 'key' ? keyDescription(location)?.schema : location.schema;
        if (!described) continue;
        const wordStart = wordStartAt(text, offset);
        if (!offeredByWord.has(wordStart)) offeredByWord.set(wordStart, offeredSchema(analysis, offset));
        const offered = offeredByWord.get(wordStart);
        // A value completion may place the cursor in a different (inner) word; only keys and whole scalars compare.
        if (location.on === 'key') {
          keys++;
          expect(offered?.outer, `${file} at ${offset} (key ${location.key?.name})`).toBe(described.outer);
        } else if (offered) {
          values++;
          expect(offered.outer, `${file} at ${offset} (${location.path.join('/')})`).toBe(described.outer);
        }
      }
      expect(keys).toBeGreaterThan(100);
      expect(values).toBeGreaterThan(20);
    }, WALK_TIMEOUT);
  }
});

/** Where completion's word around `offset` starts (completion-context.ts's word characters). */
function wordStartAt(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && !/[\s,[\]{}:#"'`]/.test(text[start - 1]!)) start--;
  return start;
}
