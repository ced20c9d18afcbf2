import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, Pair, parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PARSE_OPTIONS } from '../parse/parse-plan-text.js';
import {
  documentValue,
  MAX_ALIAS_EXPANDED_NODES,
  MAX_ALIAS_EXPANSIONS,
  UNREAD_ALIAS,
  type DocumentValueProblem,
} from './document-value.js';
import { compilePlanSchema } from './plan-schema-ajv.js';

const ROOT = path.resolve(__dirname, '../../..');

function parse(text: string): Document.Parsed {
  return parseDocument(text, PARSE_OPTIONS);
}

function yamlFilesIn(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return yamlFilesIn(file);
    return /\.ya?ml$/.test(name) ? [file] : [];
  });
}

// bench/ lies outside server/'s rootDir, so the plan generator is loaded at run time instead of imported.
async function loadPlanGenerator(): Promise<(taskCount: number) => string> {
  const generator = (await import(path.join(ROOT, 'bench', 'generate-plan.ts'))) as { generatePlan(taskCount: number): string };
  return generator.generatePlan;
}

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const KEYS = ['id', 'name', 'duration', '__proto__', 'constructor', 'toString', '1', '01', '', 'a b', 'null', 'true', '<key 1 that is not text>'];
const SCALARS: unknown[] = ['text', '', 'yes', 'no', '2027-01-04', '3d', '0x1F', '1e3', '~', 0, -1, 1.5, 2 ** 70, true, false, null, 'a: b', '# not a comment', '*star'];

/**
 * A random document built with the yaml API (so its text is valid YAML),
 * with anchors and with aliases to nodes finished earlier in document order,
 * never to an ancestor.
 */
function randomDocumentText(random: () => number): string {
  const doc = new Document();
  const finished: Node[] = [];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const build = (depth: number): Node => {
    const roll = random();
    let node: Node;
    if (finished.length > 0 && roll < 0.12) {
      return doc.createAlias(pick(finished) as YAMLMap, `a${finished.length}`);
    } else if (depth < 4 && roll < 0.45) {
      const map = doc.createNode({}) as YAMLMap;
      map.flow = random() < 0.3;
      const size = Math.floor(random() * 5);
      for (let index = 0; index < size; index++) {
        const key = doc.createNode(pick(KEYS));
        // Pushed, not added: a key may come twice (a parse error, but toJS and the reader still read it).
        map.items.push(doc.createPair(key, build(depth + 1)));
      }
      node = map;
    } else if (depth < 4 && roll < 0.7) {
      const seq = doc.createNode([]) as YAMLSeq;
      seq.flow = random() < 0.3;
      const size = Math.floor(random() * 5);
      for (let index = 0; index < size; index++) seq.add(build(depth + 1));
      node = seq;
    } else {
      node = doc.createNode(pick(SCALARS)) as Node;
    }
    if (random() < 0.2) node.anchor = `n${finished.length}`;
    finished.push(node);
    return node;
  };
  doc.contents = build(0) as typeof doc.contents;
  return doc.toString();
}

describe('documentValue', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the value of toJS for every sample and every YAML file of the tests', () => {
    // test/fuzz/repro/ holds hostile reproducers (complex keys, alias bombs) on purpose: the fuzz suite replays them.
    const fuzzRepro = path.join(ROOT, 'test', 'fuzz') + path.sep;
    const files = [...yamlFilesIn(path.join(ROOT, 'samples')), ...yamlFilesIn(path.join(ROOT, 'test'))].filter((file) => !file.startsWith(fuzzRepro));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const doc = parse(readFileSync(file, 'utf8'));
      const read = documentValue(doc);
      expect(read.problems, file).toEqual([]);
      expect(read.value, file).toStrictEqual(doc.toJS());
    }
  });

  it('gives the value of toJS for generated plans of every size', async () => {
    const generatePlan = await loadPlanGenerator();
    for (const taskCount of [1, 49, 50, 51, 777, 3000]) {
      const doc = parse(generatePlan(taskCount));
      expect(documentValue(doc).value).toStrictEqual(doc.toJS());
    }
  });

  it('gives the value of toJS for random documents with anchors and aliases', () => {
    const random = seededRandom(20270104);
    let withAliases = 0;
    for (let run = 0; run < 300; run++) {
      const text = randomDocumentText(random);
      if (/\*[an]\d/.test(text)) withAliases++;
      const doc = parse(text);
      const read = documentValue(doc);
      expect(read.problems, text).toEqual([]);
      // Node's comparison: vitest's strict one takes an own `constructor` key for the object's class.
      expect(isDeepStrictEqual(read.value, doc.toJS({ maxAliasCount: -1 })), text).toBe(true);
    }
    expect(withAliases).toBeGreaterThan(50);
  });

  it('gives every alias the value of the last anchor of its name before it', () => {
    const read = documentValue(parse('a: &x 1\nb: *x\nc: &x [2]\nd: *x\n'));
    expect(read.value).toEqual({ a: 1, b: 1, c: [2], d: [2] });
    expect((read.value as { c: unknown; d: unknown }).d).toBe((read.value as { c: unknown }).c);
  });

  it('expands at most MAX_ALIAS_EXPANSIONS aliases and reports the first one past it', () => {
    const count = MAX_ALIAS_EXPANSIONS + 500;
    const doc = parse(`first: &day mon\nlist:\n${'  - *day\n'.repeat(count)}`);
    const read = documentValue(doc);
    const list = (read.value as { list: unknown[] }).list;
    expect(list.slice(0, MAX_ALIAS_EXPANSIONS).every((item) => item === 'mon')).toBe(true);
    expect(list.slice(MAX_ALIAS_EXPANSIONS).every((item) => item === UNREAD_ALIAS)).toBe(true);
    const listNode = doc.get('list') as YAMLSeq;
    expect(read.problems).toEqual([{ kind: 'alias-limit', limit: 'expansions', alias: listNode.items[MAX_ALIAS_EXPANSIONS] }]);
  });

  it('counts an alias as the whole value it expands to', () => {
    // 100 aliases of a mapping of 99 keys: 199 nodes each, so the 51st goes past 10,000.
    const keys = Array.from({ length: 99 }, (_, index) => `  k${index}: v`).join('\n');
    const doc = parse(`big: &big\n${keys}\nuses:\n${'  - *big\n'.repeat(100)}`);
    const read = documentValue(doc);
    const perAlias = 1 + 99 * 2;
    const fitting = Math.floor(MAX_ALIAS_EXPANDED_NODES / perAlias);
    const uses = (read.value as { uses: unknown[] }).uses;
    expect(uses[fitting - 1]).toBe((read.value as { big: unknown }).big);
    expect(uses[fitting]).toBe(UNREAD_ALIAS);
    expect(read.problems).toEqual([{ kind: 'alias-limit', limit: 'nodes', alias: (doc.get('uses') as YAMLSeq).items[fitting] }]);
  });

  it('stops a billion laughs after a few thousand nodes', () => {
    const levels = ['a: &a [' + Array(10).fill('lol').join(', ') + ']'];
    for (let level = 1; level < 9; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const read = documentValue(parse(`${levels.join('\n')}\n`));
    expect(read.problems.map((problem) => problem.kind)).toEqual(['alias-limit']);
    // Shared values, and a bounded tree behind them: what the schema walks stays small.
    expect(JSON.stringify(read.value).length).toBeLessThan(200_000);
  });

  it('reports an alias inside its own anchor and one without an anchor before it, and reads the rest', () => {
    const doc = parse('loop: &loop [1, *loop]\nearly: *late\nlate: &late 2\n');
    const read = documentValue(doc);
    expect(read.value).toEqual({ loop: [1, UNREAD_ALIAS], early: UNREAD_ALIAS, late: 2 });
    expect(read.problems.map((problem) => problem.kind)).toEqual(['recursive-alias', 'unresolved-alias']);
  });

  it('reports keys that are not text and gives them keys unlike any real key', () => {
    const text = [
      '? [a, b]',
      ': list key',
      '{c: 1}: map key',
      'anchored: &m {x: 1}',
      '*m : alias key',
      '? !!timestamp 2027-01-04',
      ': date key',
      '"<key 1 that is not text>": real key',
      'after: still read',
      '',
    ].join('\n');
    const emitWarning = vi.spyOn(process, 'emitWarning');
    const doc = parse(text);
    const read = documentValue(doc);
    expect(emitWarning).not.toHaveBeenCalled();
    const root = doc.contents as YAMLMap;
    expect(read.problems).toEqual(
      [0, 1, 3, 4].map((index): DocumentValueProblem => ({ kind: 'complex-key', key: root.items[index]!.key as Node })),
    );
    const value = read.value as Record<string, unknown>;
    expect(value['<key 1 that is not text>']).toBe('real key');
    expect(value['after']).toBe('still read');
    const madeUp = [...(read.syntheticKeys.get(value) ?? [])];
    expect(madeUp).toHaveLength(4);
    expect(madeUp.map((key) => value[key])).toEqual(['list key', 'map key', 'alias key', 'date key']);
    expect(Object.keys(value)).toHaveLength(3 + 4);
  });

  it('never throws, not even on a document nested deeper than the parser can read', () => {
    const depth = 5000;
    const doc = parse(`a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(() => documentValue(doc)).not.toThrow();
  });

  it('re-uses the value of every untouched collection after an edit that copied the changed item and its ancestors', async () => {
    const generatePlan = await loadPlanGenerator();
    const before = parse(generatePlan(120));
    const first = documentValue(before).value as PlanValue;

    // What the incremental parser does for an edit of task 1 of phase 1:
    // a new item, and new copies of the tasks list, the phase, the phases list and the root.
    const after = shallowCopy(before);
    const root = copyCollection(before.contents as YAMLMap);
    const phases = copyCollection(root.get('phases') as YAMLSeq);
    const phase = copyCollection(phases.items[1] as YAMLMap);
    const tasks = copyCollection(phase.get('tasks') as YAMLSeq);
    const edited = parse('id: t51\nname: Renamed task\nduration: 2d\n').contents as YAMLMap;
    tasks.items[1] = edited;
    replaceValue(phase, 'tasks', tasks);
    phases.items[1] = phase;
    replaceValue(root, 'phases', phases);
    after.contents = root as Document.Parsed['contents'];

    const second = documentValue(after).value as PlanValue;
    expect(second).toStrictEqual(after.toJS());
    expect(second.phases[1]!.tasks[1]).toEqual({ id: 't51', name: 'Renamed task', duration: '2d' });
    // Untouched: the same objects as before.
    expect(second.plan).toBe(first.plan);
    expect(second.people).toBe(first.people);
    expect(second.phases[0]).toBe(first.phases[0]);
    expect(second.phases[2]).toBe(first.phases[2]);
    expect(second.phases[1]!.tasks[0]).toBe(first.phases[1]!.tasks[0]);
    expect(second.phases[1]!.tasks[2]).toBe(first.phases[1]!.tasks[2]);
    // Copied: new objects, and the first value is unchanged.
    expect(second).not.toBe(first);
    expect(second.phases[1]).not.toBe(first.phases[1]);
    expect(first).toStrictEqual(before.toJS());
  });

  it('re-uses the alias-free parts of a document with aliases', () => {
    const text = 'people:\n  - id: pm\n    name: Dana\nowner: &pm pm\nsponsor: *pm\n';
    const before = parse(text);
    const first = documentValue(before).value as { people: unknown };
    const after = shallowCopy(before);
    after.contents = copyCollection(before.contents as YAMLMap) as Document.Parsed['contents'];
    const second = documentValue(after).value as { people: unknown; sponsor: unknown };
    expect(second.people).toBe(first.people);
    expect(second.sponsor).toBe('pm');
  });

  it('gives values the schema validator only reads (they are shared between conversions)', () => {
    const plan = readFileSync(path.join(ROOT, 'samples', 'connectsphere.crmplan.yaml'), 'utf8');
    // A validator with useDefaults, coerceTypes or removeAdditional would add
    // workdays, turn '8' into 8 and drop sponsr, changing the shared value.
    const touchable = 'crmplan: 1\nplan: {name: P, start: banana, sponsr: x, calendar: {hours_per_day: "8"}}\n';
    for (const text of [plan, touchable]) {
      const value = documentValue(parse(text)).value;
      const before = structuredClone(value);
      compilePlanSchema()(value);
      expect(value).toStrictEqual(before);
    }
  });
});

interface PlanValue {
  readonly plan: unknown;
  readonly people: unknown;
  readonly phases: { readonly tasks: unknown[] }[];
}

function shallowCopy<T extends object>(value: T): T {
  return Object.create(Object.getPrototypeOf(value) as object | null, Object.getOwnPropertyDescriptors(value)) as T;
}

function copyCollection<T extends YAMLMap | YAMLSeq>(collection: T): T {
  const copy = shallowCopy(collection);
  copy.items = collection.items.slice() as T['items'];
  if (!isMap(copy) && !isSeq(copy)) throw new Error('not a collection');
  return copy;
}

/** A new pair with the new value: the old pair still belongs to the old map. */
function replaceValue(map: YAMLMap, key: string, value: unknown): void {
  const index = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === key);
  map.items[index] = new Pair(map.items[index]!.key, value);
}

