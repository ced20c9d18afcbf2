import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../schedule/schedule-test-support.js';
import { overallocationRule } from './rule.js';
import { EVERYONE_OVERLOADED, PLAN } from './test-plans.js';
import { WAIT_CHECK_LIMIT, waitCheckCounter } from './waits.js';
import type { OverallocationData } from './data.js';
import type { Finding } from '../types.js';
import { analyzePlan, type PlanAnalysis } from '../../analysis/analyze-plan.js';
import { codeActions } from '../../service/features/code-actions.js';
import { ruleFixes } from '../../fixes/index.js';
import { addDependenciesFix } from '../practice-fixes.js';
import type { QuickFix } from '../../edits/types.js';

const analyze = (text: string): PlanAnalysis => analyzePlan(text, {}, [overallocationRule]);

function apply(text: string, fix: QuickFix): string {
  let result = text;
  for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

/** (person, task) pairs the overallocation findings name. */
function pairs(analysis: PlanAnalysis): Set<string> {
  return new Set(
    analysis.findings.flatMap((finding) =>
      finding.data?.rule === 'overallocation' ? [`${finding.data.personId}:${finding.data.taskId ?? ''}`] : [],
    ),
  );
}

/**
 * A random plan where people are shared across overlapping tasks: phases
 * that wait for earlier ones, FS and SS links with lags (some negative),
 * pinned starts, loads in % and h/w, and people booked twice on one task.
 */
function randomPlan(seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const people = ['pm', 'ba', 'dev', 'qa'];
  const lines = [
    'crmplan: 1',
    'plan: {name: Random, start: 2027-01-04, manager: pm}',
    'people:',
    '  - {id: pm, name: Dana Lee}',
    '  - {id: ba, capacity: 60%}',
    '  - {id: dev, capacity: 32h/w}',
    '  - {id: qa}',
    'phases:',
  ];
  const ids: string[] = [];
  for (let phase = 0; phase < 3; phase++) {
    lines.push(`  - id: phase-${phase}`);
    if (phase > 0 && random() < 0.4) lines.push(`    depends_on: [phase-${phase - 1}]`);
    lines.push('    tasks:');
    const count = 2 + Math.floor(random() * 4);
    for (let index = 0; index < count; index++) {
      const id = `t${ids.length}`;
      const fields = [`id: ${id}`, `name: Task ${ids.length}`, `duration: ${1 + Math.floor(random() * 6)}d`];
      const dependencies = ids.filter(() => random() < 0.25).map((target) => {
        const roll = random();
        if (roll < 0.6) return target;
        if (roll < 0.8) return `{task: ${target}, lag: ${Math.floor(random() * 4) - 1}d}`;
        return `{task: ${target}, type: SS, lag: ${Math.floor(random() * 3)}d}`;
      });
      if (dependencies.length > 0) fields.push(`depends_on: [${dependencies.join(', ')}]`);
      if (random() < 0.15) fields.push(`start: 2027-01-${String(4 + Math.floor(random() * 10)).padStart(2, '0')}`);
      const assignments = people
        .filter(() => random() < 0.45)
        .map((person) => {
          const roll = random();
          return roll < 0.2 ? `{person: ${person}}` : roll < 0.7 ? `{person: ${person}, load: ${pick([25, 50, 75])}%}` : `{person: ${person}, load: ${pick([8, 16, 24])}h/w}`;
        });
      if (random() < 0.05 && assignments.length > 0) assignments.push(assignments[0]!);
      if (assignments.length > 0) fields.push(`assign: [${assignments.join(', ')}]`);
      lines.push(`      - {${fields.join(', ')}}`);
      ids.push(id);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The titles of the fixes of every overallocation finding, by `person on task`. */
function fixTitles(analysis: PlanAnalysis): Record<string, string[]> {
  const titles: Record<string, string[]> = {};
  for (const finding of analysis.findings) {
    if (finding.data?.rule !== 'overallocation') continue;
    titles[`${finding.data.personId} on ${finding.data.taskId ?? ''}`] = ruleFixes(finding, analysis).map((fix) => fix.title);
  }
  return titles;
}

/** How many "what if it waited" checks `run` ran. */
function checksDuring(run: () => void): number {
  const before = waitCheckCounter.checks;
  run();
  return waitCheckCounter.checks - before;
}

/**
 * The tasks a finding's task could be made to wait for with a `depends_on`
 * that the plan accepts: the other tasks of its overallocations, with an id
 * that names only them, in the task's phase or an earlier one.
 */
function waitableTasks(analysis: PlanAnalysis, finding: Finding): number[] {
  const data = finding.data;
  if (data?.rule !== 'overallocation') return [];
  const { model, symbols } = analysis;
  const phaseIndex = model.tasks[data.taskIndex]!.phaseIndex;
  return data.tasks.flatMap((id) => {
    const declaration = symbols.lookup('work', id);
    if (declaration?.kind !== 'task' || declaration.index === data.taskIndex) return [];
    return model.tasks[declaration.index]!.phaseIndex <= phaseIndex ? [declaration.index] : [];
  });
}

/** The overallocation findings of 60 random plans, each with its plan. */
function* randomFindings(): Generator<RandomFinding> {
  for (let seed = 1; seed <= 60; seed++) {
    const text = randomPlan(seed);
    const before = analyze(text);
    const beforePairs = pairs(before);
    for (const finding of before.findings) {
      if (finding.data?.rule === 'overallocation') yield { seed, text, before, beforePairs, finding, data: finding.data };
    }
  }
}

interface RandomFinding {
  readonly seed: number;
  readonly text: string;
  readonly before: PlanAnalysis;
  readonly beforePairs: ReadonlySet<string>;
  readonly finding: Finding;
  readonly data: OverallocationData;
}

/**
 * What is wrong after a fix for `data`'s finding: its (person, task) pair
 * still overallocated, or pairs that were not before; undefined when neither.
 */
function newPairs(beforePairs: ReadonlySet<string>, after: PlanAnalysis, data: OverallocationData): string[] | undefined {
  const afterPairs = pairs(after);
  const wrong = [...afterPairs].filter((pair) => !beforePairs.has(pair) || pair === `${data.personId}:${data.taskId ?? ''}`);
  return wrong.length > 0 ? wrong : undefined;
}

describe('overallocation fixes', () => {
  it('offers each wait, load and person that removes the finding', () => {
    const analysis = analyze(PLAN);
    expect(fixTitles(analysis)).toEqual({
      // 'c' waits for 'a' (SS): making 'a' wait for 'c' would close a cycle. Waiting for 'b'
      // moves 'a' a week later, and 'c' (7 days after its start) with it: they still overlap.
      // Wen is busy in the first week, Ana has 60%, Sam has 10% on 'b'.
      "pm on a": ["Lower Dana Lee's load on 'a' to 50%"],
      // Free means free on every day of the task: Wen is busy in its week; Sam is on it already.
      "pm on b": ["Make 'b' wait for 'a'", "Reassign 'b' to 'ba' (Ana)"],
      "pm on c": ["Make 'c' wait for 'a'", "Reassign 'c' to 'dev' (Wen)", "Reassign 'c' to 'ba' (Ana)", "Reassign 'c' to 'spare' (Sam)"],
      "ba on d": [
        "Make 'd' wait for 'e'",
        "Lower Ana's load on 'd' to 35%",
        "Reassign 'd' to 'pm' (Dana Lee)",
        "Reassign 'd' to 'dev' (Wen)",
        "Reassign 'd' to 'spare' (Sam)",
      ],
      "ba on e": [
        "Make 'e' wait for 'd'",
        "Lower Ana's load on 'e' to 4h/w",
        "Reassign 'e' to 'pm' (Dana Lee)",
        "Reassign 'e' to 'dev' (Wen)",
        "Reassign 'e' to 'spare' (Sam)",
      ],
    });
  });

  it('checks the waits when code actions are asked for, not when the plan is validated', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people:
  - {id: pm}
  - {id: dev}
phases:
  - id: first
    tasks:
      - {id: a, name: A, duration: 1w, assign: [{person: pm}]}
      - {id: b, name: B, duration: 1w, assign: [{person: pm}, {person: dev}]}
      - {id: x, name: X, duration: 1w, start: 2027-01-11, assign: [{person: dev}]}
  - id: second
    tasks:
      - {id: c, name: C, duration: 1w, depends_on: [x], assign: [{person: pm, load: 10%}]}
      - {id: late, name: Late, duration: 1w, start: 2027-01-04, assign: [{person: pm, load: 10%}]}
`;
    let analysis: PlanAnalysis | undefined;
    expect(checksDuring(() => (analysis = analyze(text)))).toBe(0);
    const document = TextDocument.create('file:///plan.crmplan.yaml', 'crmplan', 1, text);
    const waitsAt = (line: string): string[] => {
      // Over the task's assignment to pm: the finding sits on its load value, or on the person without one.
      const start = text.indexOf('{person: pm', text.indexOf(line));
      const range = { start: document.positionAt(start), end: document.positionAt(text.indexOf('}', start)) };
      return codeActions(analysis!, document, range, { diagnostics: [] })
        .map((action) => action.title)
        .filter((title) => title.startsWith('Make'));
    };
    let waits: string[][] = [];
    const checks = checksDuring(() => (waits = ['{id: a,', '{id: b,', '{id: late,'].map(waitsAt)));
    // One check per candidate: 'a' and 'b' may wait for each other (not for 'late', a later phase's), 'late' for both.
    expect(checks).toBe(4);
    expect(waits).toEqual([
      // 'a' after 'b' is alone in its second week.
      ["Make 'a' wait for 'b'"],
      // 'b' after 'a' would land on 'x', which keeps the developer busy then: checked, not offered.
      [],
      // 'late' is in a later phase than 'a' and 'b': it may wait for either (its second week is free).
      ["Make 'late' wait for 'a'", "Make 'late' wait for 'b'"],
    ]);
    // The answers are kept for the analysis: asking again checks nothing.
    expect(checksDuring(() => waitsAt('{id: a,'))).toBe(0);
  });

  it('offers no one to hand the assignment to when the same task still overloads the person without it', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people: [{id: pm}, {id: spare}]
phases:
  - id: p
    tasks:
      - id: b
        name: B
        duration: 1d
        assign:
          - {person: pm, load: 50%}
          - {person: pm, load: 100%}
      - {id: x, name: X, duration: 1d, assign: [{person: pm, load: 20%}]}
`;
    // Without the first item, 'b' (100%) and 'x' (20%) still overload 'pm'.
    expect(fixTitles(analyze(text))).toEqual({ 'pm on b': [], 'pm on x': ["Make 'x' wait for 'b'", "Reassign 'x' to 'spare'"] });
  });

  it('bounds the checks of one analysis, however many findings are asked about', () => {
    const analysis = analyze(EVERYONE_OVERLOADED);
    expect(analysis.findings).toHaveLength(800);
    const checks = checksDuring(() => {
      for (const finding of analysis.findings) ruleFixes(finding, analysis);
    });
    expect(checks).toBeGreaterThan(0);
    expect(checks).toBeLessThanOrEqual(WAIT_CHECK_LIMIT);
  });

  it('offers a wait exactly when adding the dependency removes the finding and overloads nobody anew, on random plans', () => {
    let offered = 0;
    let refused = 0;
    for (const { seed, text, before, beforePairs, finding, data } of randomFindings()) {
      const titles = new Set(ruleFixes(finding, before).map((fix) => fix.title));
      for (const candidate of waitableTasks(before, finding)) {
        const id = before.model.tasks[candidate]!.id!.value;
        const title = `Make '${data.taskId}' wait for '${id}'`;
        const after = analyze(apply(text, addDependenciesFix(before, data.taskIndex, [id], title)!));
        // A dependency that closes a cycle "removes" the finding by unscheduling the task: never a fix.
        const resolves = !after.graph.cyclic.has(data.taskIndex) && newPairs(beforePairs, after, data) === undefined;
        expect(titles.has(title), `seed ${seed}: ${title}`).toBe(resolves);
        if (resolves) offered++;
        else refused++;
      }
    }
    // Both answers occur often enough to mean something.
    expect(offered).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });

  it('each removes its finding and overloads nobody anew, on random plans', () => {
    let checked = 0;
    const titles = new Set<string>();
    for (const { seed, text, before, beforePairs, finding, data } of randomFindings()) {
      for (const fix of ruleFixes(finding, before)) {
        const after = analyze(apply(text, fix));
        // A reassignment adds the new person's pair only if it overloads them: it must not.
        expect(newPairs(beforePairs, after, data), `seed ${seed}, ${data.personId} on ${data.taskId}: ${fix.title}`).toBeUndefined();
        titles.add(fix.title.split(' ')[0]!);
        checked++;
      }
    }
    // The random plans exercise all three kinds of fix.
    expect([...titles].sort()).toEqual(['Lower', 'Make', 'Reassign']);
    expect(checked).toBeGreaterThan(100);
  });
});
