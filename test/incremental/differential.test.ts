import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate-plan.js';
import { reparsePlanText } from '../../server/src/parse/incremental-parse.js';
import { parsePlanText, type ParsedDocument } from '../../server/src/parse/parse-plan-text.js';
import { analyzePlan, reanalyzePlan, type PlanAnalysis } from '../../server/src/analysis/analyze-plan.js';
import { analysisSnapshot, parseSnapshot } from './analysis-snapshot.js';
import { applyEdit, randomEdit, seededRandom, type Edit } from './random-edits.js';

/**
 * The incremental analysis equals a from-scratch analysis of the same text,
 * after every edit of long chains of seeded random edits: the parse (every
 * node's range and value, line starts, problems), then findings, model,
 * symbols and schedule. `npm test` runs a few hundred edits;
 * `npm run test:incremental` (CRMPLAN_INCREMENTAL_EDITS=20000) runs more.
 */

const TOTAL_EDITS = Number(process.env['CRMPLAN_INCREMENTAL_EDITS'] ?? 300);
const CHAIN_LENGTH = 25;
/** The long run is long: give it time, and let vitest's worker breathe between chains. */
const TIMEOUT_MS = Math.max(60_000, TOTAL_EDITS * 250);
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const planFiles = ['samples', 'samples/with-problems', 'test/fixtures'].flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.crmplan.yaml'))
    .map((name) => join(folder, name)),
);
const bases: { readonly name: string; readonly text: string }[] = [
  ...planFiles.map((file) => ({ name: file, text: readFileSync(file, 'utf8') })),
  { name: 'generated 120 tasks', text: generatePlan(120) },
  // Findings of the limits rule spread through a plan, kept per node after an edit (rules/node-findings.ts).
  { name: 'generated 60 tasks, values over the limits', text: overLimits(generatePlan(60)) },
];

/** Durations over 100 years on every seventh task, and a deadline in 1800 on every eleventh. */
function overLimits(text: string): string {
  return text
    .replace(/(- id: t(\d+)\n(?: {8}.*\n)*? {8}duration: )\d+d/g, (whole, head: string, task: string) => (Number(task) % 7 === 3 ? `${head}30000d` : whole))
    .replace(/(- id: t(\d+)\n)/g, (whole, head: string, task: string) => (Number(task) % 11 === 5 ? `${head}        deadline: 1800-01-01\n` : whole));
}

/**
 * The next edit of a chain. Most edits that leave the YAML broken are
 * undone next (back to the last clean text), as a person fixes a typo, so that chains spend time in both
 * clean and broken states.
 */
function nextEdit(text: string, lastCleanText: string, broken: boolean, random: () => number): Edit {
  if (broken && random() < 0.8) return { start: 0, end: text.length, text: lastCleanText, kind: 'undo' };
  return randomEdit(text, random);
}

interface ChainStep {
  readonly edit: Edit;
  readonly text: string;
}

function describeFailure(base: string, seed: number, steps: readonly ChainStep[]): string {
  const last = steps[steps.length - 1]!;
  return `${base}, seed ${seed}, step ${steps.length} (${last.edit.kind} at ${last.edit.start}-${last.edit.end}: ${JSON.stringify(last.edit.text)})`;
}

/** Deep equality, compared as JSON first because `toEqual` on large trees is slow; `toEqual` shows the difference. */
function expectSame(actual: unknown, expected: unknown, message: string): void {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return;
  expect(actual, message).toEqual(expected);
}

/**
 * Runs seeded chains of edits over the bases, `total` edits in all: `update`
 * takes the state to the new text, `check` compares it with a from-scratch
 * result. Returns how many edits left clean YAML and how many of those were
 * re-parsed incrementally.
 */
async function runChains<State extends { readonly parsed: ParsedDocument }>(
  seed: number,
  total: number,
  start: (text: string) => State,
  update: (state: State, text: string) => State,
  check: (state: State, text: string, failure: string) => void,
): Promise<{ clean: number; incremental: number }> {
  const random = seededRandom(seed);
  let clean = 0;
  let incremental = 0;
  let edits = 0;
  for (let chain = 0; edits < total; chain++) {
    await breathe();
    const base = bases[chain % bases.length]!;
    const chainSeed = Math.floor(random() * 2 ** 31);
    const next = seededRandom(chainSeed);
    let text = base.text;
    let state = start(text);
    let lastCleanText = text;
    const steps: ChainStep[] = [];
    for (let step = 0; step < CHAIN_LENGTH && edits < total; step++, edits++) {
      const edit = nextEdit(text, lastCleanText, state.parsed.problems.length > 0, next);
      text = applyEdit(text, edit);
      steps.push({ edit, text });
      state = update(state, text);
      if (state.parsed.problems.length === 0) {
        lastCleanText = text;
        clean++;
        if (state.parsed.origin === 'incremental') incremental++;
      }
      check(state, text, describeFailure(base.name, chainSeed, steps));
    }
  }
  return { clean, incremental };
}

describe('incremental parse', () => {
  it('re-parses one unit and keeps untouched nodes', () => {
    const text = generatePlan(100);
    const parsed = parsePlanText(text);
    const phases = parsed.doc.getIn(['phases'], true);
    const untouchedBefore = parsed.doc.getIn(['phases', 0], true);
    const untouchedAfter = parsed.doc.getIn(['phases', 1, 'tasks', 40], true);
    const at = text.indexOf('duration:', text.indexOf('- id: t70\n')) + 'duration: '.length;
    const edited = `${text.slice(0, at)}12d${text.slice(text.indexOf('\n', at))}`;
    const reparsed = reparsePlanText(parsed, edited);
    expect(reparsed.origin).toBe('incremental');
    expect(parseSnapshot(reparsed)).toEqual(parseSnapshot(parsePlanText(edited)));
    // Untouched subtrees are the same objects; the path to the edit is new.
    expect(reparsed.doc.getIn(['phases', 0], true)).toBe(untouchedBefore);
    expect(reparsed.doc.getIn(['phases', 1, 'tasks', 40], true)).toBe(untouchedAfter);
    expect(reparsed.doc.getIn(['phases'], true)).not.toBe(phases);
    expect(reparsed.doc.getIn(['phases', 1, 'tasks', 20, 'duration'])).toBe('12d');
  });

  it('parses the whole text when the edit crosses structure or the text has aliases', () => {
    const text = 'crmplan: 1\nplan:\n  name: A\npeople:\n  - id: p1\n';
    expect(reparsePlanText(parsePlanText(text), text.replace('people:', 'persons:')).origin).toBe('incremental');
    // `people:` then `- id: p1` at column 0 is the same list: the `people` entry alone is re-parsed.
    expect(reparsePlanText(parsePlanText(text), text.replace('  - id: p1', '- id: p1')).origin).toBe('incremental');
    expect(reparsePlanText(parsePlanText(text), text.replace('A\npeople:', 'A people:')).origin).toBe('full');
    expect(reparsePlanText(parsePlanText(text), `${text}risks: []\n`).origin).toBe('full');
    const withAlias = 'crmplan: 1\nplan: &p\n  name: A\ncopy: *p\n';
    expect(reparsePlanText(parsePlanText(withAlias), withAlias.replace('name: A', 'name: B')).origin).toBe('full');
    const broken = 'crmplan: 1\nplan:\n  name: [A\n';
    expect(reparsePlanText(parsePlanText(broken), broken.replace('1', '2')).origin).toBe('full');
  });

  it('equals a full parse after every edit of random chains, and re-uses the parse for most of them', async () => {
    const { clean, incremental } = await runChains(
      20261203,
      TOTAL_EDITS,
      (text) => ({ parsed: parsePlanText(text) }),
      (state, text) => ({ parsed: reparsePlanText(state.parsed, text) }),
      (state, text, failure) => expectSame(parseSnapshot(state.parsed), parseSnapshot(parsePlanText(text)), failure),
    );
    // Guard against a test that passes because nothing was ever re-used: most
    // edits that leave clean YAML (the others must be parsed whole) re-use it.
    expect(clean).toBeGreaterThan(TOTAL_EDITS / 3);
    expect(incremental / clean).toBeGreaterThan(0.75);
  }, TIMEOUT_MS);
});

describe('incremental analysis', () => {
  it('equals a from-scratch analysis after every edit: findings, model, symbols, schedule', async () => {
    const { clean, incremental } = await runChains<PlanAnalysis>(
      31122026,
      TOTAL_EDITS / 2,
      (text) => analyzePlan(text),
      (analysis, text) => reanalyzePlan(analysis, text),
      (analysis, text, failure) => expectSame(analysisSnapshot(analysis), analysisSnapshot(analyzePlan(text)), failure),
    );
    expect(incremental / clean).toBeGreaterThan(0.75);
  }, TIMEOUT_MS);
});
