import { describe, expect, it } from 'vitest';
import { seededRandom } from '../schedule/schedule-test-support.js';
import { overallocationRule } from '../rules/overallocation.js';
import { analyzePlan, type PlanAnalysis } from '../service/analyze-plan.js';
import { ruleFixes } from './index.js';
import type { QuickFix } from './types.js';

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

describe('overallocation fixes', () => {
  it('each removes its finding and overloads nobody anew, on random plans', () => {
    let checked = 0;
    const titles = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      const text = randomPlan(seed);
      const before = analyze(text);
      const beforePairs = pairs(before);
      for (const finding of before.findings) {
        const data = finding.data;
        if (data?.rule !== 'overallocation') continue;
        for (const fix of ruleFixes(finding, before)) {
          const after = analyze(apply(text, fix));
          const afterPairs = pairs(after);
          const label = `seed ${seed}, ${data.personId} on ${data.taskId}: ${fix.title}`;
          expect(afterPairs.has(`${data.personId}:${data.taskId}`), label).toBe(false);
          // A reassignment adds the new person's pair only if it overloads them: it must not.
          expect([...afterPairs].filter((pair) => !beforePairs.has(pair)), label).toEqual([]);
          titles.add(fix.title.split(' ')[0]!);
          checked++;
        }
      }
    }
    // The random plans exercise all three kinds of fix.
    expect([...titles].sort()).toEqual(['Lower', 'Make', 'Reassign']);
    expect(checked).toBeGreaterThan(100);
  });
});
