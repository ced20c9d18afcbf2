import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generatePlan } from '../../bench/generate-plan.js';
import { randomPlanText } from '../../server/src/model/random-plan-test-support.js';
import { TASK_KINDS } from '../../server/src/model/types.js';
import { applyEdit, randomEdit, seededRandom } from '../incremental/random-edits.js';

/**
 * fast-check arbitraries for plan text: valid plans (from the project's
 * own generators, the samples and the fixtures, and a structured plan of
 * fast-check values that shrinks field by field), and damaged text built
 * from them by a list of mutations. A mutation holds its place as a
 * fraction of the text, so that it still means something after the other
 * mutations and while fast-check shrinks the list.
 */

/** The plans kept in the repository that the fuzz suite starts from. */
export interface PlanFile {
  readonly name: string;
  readonly text: string;
}

export function repositoryPlans(root: string): PlanFile[] {
  return ['samples', 'samples/with-problems', 'test/fixtures'].flatMap((folder) =>
    readdirSync(path.join(root, folder))
      .filter((name) => name.endsWith('.crmplan.yaml'))
      .sort()
      .map((name) => ({ name: `${folder}/${name}`, text: readFileSync(path.join(root, folder, name), 'utf8') })),
  );
}

const ID = fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/);
const DATE = fc
  .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const DURATION = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('d', 'w')).map(([count, unit]) => `${count}${unit}`);
/** Every kind of the format, and one that is no kind (`UAT`). */
const KIND = fc.constantFrom(...TASK_KINDS, 'UAT');
/** Free text as a person types it: quoted in the plan as JSON, which is valid YAML. */
const NAME = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('Kick-off', 'Go live', '<b>bold</b>', '`code`', '*Dana*', '[x](javascript:alert(1))', '@team', 'a: b # c'),
);

interface GeneratedTask {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly duration: string;
  readonly owner: number;
  readonly dependsOn: readonly number[];
  readonly deadline: string | null;
  readonly milestone: boolean;
}

/** A plan of fast-check values: people, objectives, risks, phases and tasks with dependencies (any, so cycles too). */
export const structuredPlanText: fc.Arbitrary<string> = fc
  .record({
    name: NAME,
    start: DATE,
    people: fc.array(fc.record({ id: ID, name: NAME, capacity: fc.constantFrom('40h/w', '50%', '100%', '8h/w') }), { minLength: 1, maxLength: 4 }),
    sponsor: fc.boolean(),
    phases: fc.array(
      fc.record({
        id: ID,
        name: NAME,
        tasks: fc.array(
          fc.record({
            id: ID,
            name: NAME,
            kind: KIND,
            duration: DURATION,
            owner: fc.nat(),
            dependsOn: fc.array(fc.nat(), { maxLength: 3 }),
            deadline: fc.option(DATE),
            milestone: fc.boolean(),
          }),
          { maxLength: 6 },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    risks: fc.array(fc.record({ id: ID, likelihood: fc.constantFrom('low', 'medium', 'high', 'certain'), owner: fc.nat() }), { maxLength: 2 }),
    contingency: fc.integer({ min: 0, max: 40 }),
  })
  .map((plan) => {
    const q = (text: string): string => JSON.stringify(text);
    const person = (index: number): string => plan.people[index % plan.people.length]!.id;
    const allTasks: GeneratedTask[] = plan.phases.flatMap((phase) => phase.tasks);
    const lines = [
      'crmplan: 1',
      'plan:',
      `  name: ${q(plan.name)}`,
      `  start: ${plan.start}`,
      ...(plan.sponsor ? [`  sponsor: ${person(0)}`] : []),
      `  budget: {currency: USD, total: 100000, contingency: ${plan.contingency}%}`,
      'people:',
      ...plan.people.map((p) => `  - {id: ${p.id}, name: ${q(p.name)}, capacity: ${p.capacity}}`),
      'objectives:',
      '  - id: adoption',
      '    statement: 80% of users log in weekly within 30 days of go-live',
      '    metric: weekly active users',
      '    target: 80%',
      `    due: 30d after ${allTasks[0]?.id ?? plan.phases[0]!.id}`,
      `    owner: ${person(0)}`,
      'risks:',
      ...plan.risks.map((r) => `  - {id: ${r.id}, title: Risk, likelihood: ${r.likelihood}, impact: high, owner: ${person(r.owner)}}`),
      'phases:',
    ];
    for (const phase of plan.phases) {
      lines.push(`  - id: ${phase.id}`, `    name: ${q(phase.name)}`, '    tasks:');
      for (const task of phase.tasks) {
        lines.push(`      - id: ${task.id}`, `        name: ${q(task.name)}`, `        kind: ${task.kind}`);
        lines.push(task.milestone ? '        milestone: true' : `        duration: ${task.duration}`);
        lines.push(`        owner: ${person(task.owner)}`);
        if (task.deadline !== null) lines.push(`        deadline: ${task.deadline}`);
        const dependencies = task.dependsOn.map((index) => allTasks[index % allTasks.length]!.id);
        if (dependencies.length > 0) lines.push(`        depends_on: [${dependencies.join(', ')}]`);
      }
    }
    return `${lines.join('\n')}\n`;
  });

/** A valid (or, for the samples with problems, deliberately flawed but well-formed) plan. */
export function planText(plans: readonly PlanFile[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...plans.map((plan) => plan.text)) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((seed) => randomPlanText(seed)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 80 }).map((tasks) => generatePlan(tasks)) },
    { weight: 3, arbitrary: structuredPlanText },
  );
}

/** Text to insert: the characters and shapes that break parsers, renderers and offset arithmetic. */
const HOSTILE_TEXT = [
  '\ud800',
  '\udfff',
  'a\ud83dz',
  '\u202e',
  '\u200f',
  '\u200b',
  '\u0000',
  '\ufeff',
  '\u2028',
  '\u2029',
  '\u0085',
  '\f',
  '\v',
  '\t',
  '\r',
  '\r\n',
  'e\u0301',
  '\ud83d\ude80',
  '\u{1F469}\u200d\u{1F4BB}',
  '[object Object]',
  '`` ` ``',
  '<img src=x onerror=alert(1)>',
  '${x}',
  '%TAG ! tag:x:\n',
  '---\n',
  '...\n',
  '? [a, b]\n: c\n',
  '? {a: 1}\n',
  '<<: *a\n',
] as const;

/** A value that no sane plan has, for the place of a duration, date, number or id. */
const ABSURD_VALUES = [
  '1e309',
  '-1e309',
  '.nan',
  '.inf',
  '-.inf',
  '-0',
  '0x7fffffff',
  '0o777',
  '99999999999999999999d',
  '9007199254740993d',
  '-5d',
  '1.5d',
  '0d',
  '100000w',
  '3.7e2d',
  '9999-12-31',
  '0000-00-00',
  '2027-02-30',
  '2027-13-01',
  '1-01-01',
  '+275760-09-13',
  '2027-01-04T25:61:61Z',
  '99999999999999999999%',
  '-50%',
  '1e999h/w',
  'null',
  '~',
  '""',
  '[]',
  '{}',
  '[[[[]]]]',
  '{a: {b: {c: d}}}',
  '!!binary aGVsbG8=',
  '!!timestamp 2027-01-04',
  '!custom x',
  '!<tag:example.com,2000:x> y',
  '!!set {a, b}',
  '!!omap [a: 1]',
  '!!python/object:os.system ls',
  '*undefined-alias',
  '&anchor value',
  '|\n  block',
  '>-\n  folded',
] as const;

const VALUE_KEY = /(?:duration|lag|load|capacity|owner|start|deadline|due|id|kind|likelihood|total|contingency|hours_per_day|crmplan|status|milestone|task|type): *([^\s,}\]#]*)/g;

/** One damage done to a text. Places are fractions in [0, 1) of the text (or of its lines) at the time it is applied. */
export type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'swap-lines'; readonly a: number; readonly b: number }
  | { readonly kind: 'indent'; readonly line: number; readonly by: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'absurd-value'; readonly which: number; readonly value: string }
  | { readonly kind: 'alias-bomb'; readonly uses: number; readonly depth: number }
  | { readonly kind: 'tag'; readonly line: number; readonly tag: string }
  | { readonly kind: 'crlf'; readonly all: boolean; readonly at: number }
  | { readonly kind: 'duplicate'; readonly from: number; readonly lines: number; readonly to: number }
  | { readonly kind: 'typing'; readonly seed: number };

const FRACTION = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: FRACTION, bit: fc.integer({ min: 0, max: 15 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: FRACTION }),
  fc.record({ kind: fc.constant('delete' as const), at: FRACTION, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: FRACTION, b: FRACTION }),
  fc.record({ kind: fc.constant('indent' as const), line: FRACTION, by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: FRACTION,
    text: fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant('absurd-value' as const), which: FRACTION, value: fc.constantFrom(...ABSURD_VALUES) }),
  fc.record({ kind: fc.constant('alias-bomb' as const), uses: fc.constantFrom(3, 120, 1_500), depth: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant('tag' as const), line: FRACTION, tag: fc.constantFrom('!custom ', '!!str ', '!!map ', '!!seq ', '!!int ', '!!float ', '!<x> ', '! ') }),
  fc.record({ kind: fc.constant('crlf' as const), all: fc.boolean(), at: FRACTION }),
  fc.record({ kind: fc.constant('duplicate' as const), from: FRACTION, lines: fc.integer({ min: 1, max: 12 }), to: FRACTION }),
  fc.record({ kind: fc.constant('typing' as const), seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }) }),
);

const place = (fraction: number, length: number): number => Math.min(length, Math.floor(fraction * (length + 1)));

/**
 * An alias bomb appended as root keys: `depth` levels, each a list of nine
 * aliases of the level below (a billion laughs), and a list of `uses`
 * aliases of the top level (the alias limit).
 */
function aliasBomb(uses: number, depth: number): string {
  const lines = ['bomb0: &b0 [lol]'];
  for (let level = 1; level <= depth; level++) lines.push(`bomb${level}: &b${level} [${Array.from({ length: 9 }, () => `*b${level - 1}`).join(', ')}]`);
  lines.push(`bombs: [${Array.from({ length: uses }, () => `*b${depth}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

export function applyMutation(text: string, change: Mutation): string {
  switch (change.kind) {
    case 'flip': {
      const at = place(change.at, text.length - 1);
      if (text.length === 0) return text;
      return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << change.bit)) + text.slice(at + 1);
    }
    case 'truncate':
      return text.slice(0, place(change.at, text.length));
    case 'delete': {
      const at = place(change.at, text.length);
      return text.slice(0, at) + text.slice(at + change.length);
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = place(change.a, lines.length - 1);
      const b = place(change.b, lines.length - 1);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'indent': {
      const lines = text.split('\n');
      const index = place(change.line, lines.length - 1);
      const line = lines[index] ?? '';
      lines[index] = change.by >= 0 ? ' '.repeat(change.by) + line : line.replace(new RegExp(`^ {0,${-change.by}}`), '');
      return lines.join('\n');
    }
    case 'insert': {
      const at = place(change.at, text.length);
      return text.slice(0, at) + change.text + text.slice(at);
    }
    case 'absurd-value': {
      const values = [...text.matchAll(VALUE_KEY)];
      const found = values[Math.floor(change.which * values.length)];
      if (found?.index === undefined || found[1] === undefined) return `${text}absurd: ${change.value}\n`;
      const start = found.index + found[0].length - found[1].length;
      return text.slice(0, start) + change.value + text.slice(start + found[1].length);
    }
    case 'alias-bomb':
      return `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${aliasBomb(change.uses, change.depth)}`;
    case 'tag': {
      const lines = text.split('\n');
      const index = place(change.line, lines.length - 1);
      lines[index] = (lines[index] ?? '').replace(/^(\s*(?:- )?[^:#]*:\s*)(?=\S)/, `$1${change.tag}`);
      return lines.join('\n');
    }
    case 'crlf': {
      if (change.all) return text.replace(/\r?\n/g, '\r\n');
      const at = text.indexOf('\n', place(change.at, text.length));
      return at < 0 ? text : `${text.slice(0, at)}\r${text.slice(at)}`;
    }
    case 'duplicate': {
      const lines = text.split('\n');
      const from = place(change.from, lines.length - 1);
      const copied = lines.slice(from, from + change.lines);
      lines.splice(place(change.to, lines.length), 0, ...copied);
      return lines.join('\n');
    }
    case 'typing': {
      // A few edits as the differential test makes them: typing, deleting, pasting.
      const random = seededRandom(change.seed);
      let typed = text;
      for (let step = 0; step < 3; step++) typed = applyEdit(typed, randomEdit(typed, random));
      return typed;
    }
  }
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyMutation, text);
}

/** A damaged plan: a plan and the mutations done to it, kept apart so that a counterexample shows both. */
export interface DamagedPlan {
  readonly base: string;
  readonly mutations: readonly Mutation[];
}

export function damagedPlan(plans: readonly PlanFile[]): fc.Arbitrary<DamagedPlan> {
  return fc.record({ base: planText(plans), mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }) });
}

/** Where the editor features are asked: fractions of the text, and a few places past its end. */
export const probes: fc.Arbitrary<readonly number[]> = fc.array(fc.oneof({ weight: 9, arbitrary: FRACTION }, { weight: 1, arbitrary: fc.constantFrom(1, 1.5, -0.5) }), {
  minLength: 1,
  maxLength: 5,
});
