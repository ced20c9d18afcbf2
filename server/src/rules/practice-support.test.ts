import { describe, expect, it } from 'vitest';
import { plainWalk, randomPlanText } from '../model/random-plan-test-support.js';
import type { TaskKind } from '../model/types.js';
import { parsePlanText } from '../parse/parse-plan-text.js';
import { buildRuleContext } from '../analysis/analyze-plan.js';
import { runFixture } from '../testing/fixtures.js';
import type { FindingData } from './finding-data.js';
import { findRule } from './index.js';
import { dependOnItOrInsertAfter, dependOnOrInsertBefore, quotedChoice } from './practice-support.js';
import { quotedWords as quotedAll } from '../util/phrases.js';
import type { RuleContext } from './types.js';

/** The CRM rollout practice rules (the ones practice-support.ts serves), in the contract's order. */
const PRACTICE_RULES = [
  'migration-without-cleansing',
  'migration-without-backup',
  'migration-without-validation',
  'go-live-without-uat',
  'go-live-without-training',
  'go-live-without-migration',
  'go-live-without-rollback',
  'no-pilot',
  'no-hypercare',
  'no-post-implementation-review',
].map((name) => findRule(name)!);

describe('practice rule messages', () => {
  it('name one, a few or many ids readably', () => {
    expect(quotedChoice(['a'])).toBe("'a'");
    expect(quotedChoice(['a', 'b'])).toBe("one of 'a', 'b'");
    expect(quotedChoice(['a', 'b', 'c', 'd', 'e'])).toBe("one of 'a', 'b', 'c' and 2 more");
    expect(quotedAll(['a'])).toBe("'a'");
    expect(quotedAll(['a', 'b', 'c'])).toBe("'a', 'b' and 'c'");
    expect(dependOnOrInsertBefore([], 'a UAT task')).toBe('add a UAT task before it');
    expect(dependOnOrInsertBefore(['uat'], 'a UAT task')).toBe("add a dependency on 'uat' or a UAT task before it");
    expect(dependOnOrInsertBefore(['u1', 'u2'], 'a UAT task')).toBe("add a dependency on one of 'u1', 'u2', or a UAT task before it");
    expect(dependOnItOrInsertAfter([], 'a review task')).toBe('add a review task that depends on it');
    expect(dependOnItOrInsertAfter(['r'], 'a review task')).toBe("make 'r' depend on it, or add a review task after it");
  });
});

describe('practice rules together', () => {
  it('are silent on a plan that follows every practice', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: data
    tasks:
      - {id: backup, name: Backup, kind: data-backup, duration: 1d}
      - {id: cleanse, name: Cleanse, kind: data-cleansing, duration: 1w, depends_on: [backup]}
      - {id: migrate, name: Migrate, kind: data-migration, duration: 3d, depends_on: [cleanse]}
      - {id: validate, name: Validate, kind: data-validation, duration: 1d, depends_on: [migrate]}
  - id: readiness
    depends_on: [data]
    tasks:
      - {id: uat, name: UAT, kind: uat, duration: 1w}
      - {id: train, name: Train, kind: training, duration: 3d, depends_on: [uat]}
      - {id: pilot, name: Pilot, kind: pilot, duration: 1w, depends_on: [uat]}
  - id: launch
    depends_on: [readiness]
    tasks:
      - {id: go-live, name: Go live, kind: go-live, milestone: true, rollback: Re-open the legacy CRM}
  - id: after
    depends_on: [launch]
    tasks:
      - {id: hypercare, name: Hypercare, kind: hypercare, duration: 2w}
      - {id: review, name: Review, kind: review, duration: 1d, depends_on: [hypercare]}
`;
    expect(runFixture(text, { rules: PRACTICE_RULES.map((rule) => rule.name) }).actual).toEqual([]);
  });

  it('answer on a 10,000-task plan with 1,000 go-lives and 1,000 data migrations', () => {
    const lines = ['crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n'];
    const kinds = ['data-migration', 'go-live', 'other', 'data-cleansing', 'training', 'other', 'uat', 'hypercare', 'other', 'other'];
    for (let phase = 0; phase < 100; phase++) {
      lines.push(`  - id: p${phase}\n`);
      if (phase > 0) lines.push(`    depends_on: [p${phase - 1}]\n`);
      lines.push('    tasks:\n');
      for (let task = 0; task < 100; task++) {
        // Every task waits for the one before it, except every fifth: many findings, long chains.
        const dependency = task % 5 > 0 ? `, depends_on: [t${phase * 100 + task - 1}]` : '';
        lines.push(`      - {id: t${phase * 100 + task}, name: T, kind: ${kinds[task % 10]}, duration: 1d${dependency}}\n`);
      }
    }
    const context = buildRuleContext(parsePlanText(lines.join('')));
    // How fast is the benchmarks' business (bench/), never a test's: a busy machine must not fail it.
    const counts = PRACTICE_RULES.map((rule) => [...rule.check(context)].length);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(1000);
  });
});

/**
 * The reference: each practice rule's decision written out with a plain
 * breadth-first search per task, as the rules' pages describe it, to compare
 * the rules' one-pass reachability with on random plans (cycles, broken
 * links, duplicate ids and unknown kinds included). Compared: which tasks
 * are reported, and with which candidates or missing migrations.
 */
interface ReferenceFinding {
  readonly taskIndex: number;
  readonly ids: readonly string[];
}

function referencePractice(context: RuleContext): Map<string, ReferenceFinding[]> {
  const { model, symbols, graph, parsed } = context;
  const predecessors = model.tasks.map((_, task) => new Set(plainWalk(graph, task, 'upstream')));
  const successors = model.tasks.map((_, task) => new Set(plainWalk(graph, task, 'downstream')));
  const tasks = model.tasks.map((task, index) => ({ task, index }));
  const ofKind = (kind: TaskKind): number[] => tasks.filter(({ task }) => task.kind === kind).map(({ index }) => index);
  const names = (id: string): boolean => symbols.lookup('work', id) !== undefined;
  const unresolved = model.tasks.map(
    (task) =>
      task.dependsOn.some((dependency) => !names(dependency.target.id)) ||
      (model.phases[task.phaseIndex]?.dependsOn ?? []).some((dependency) => !names(dependency.target.id)),
  );
  const unknownKind = model.tasks.map(
    (task) =>
      task.kind === 'other' &&
      task.kindSpan !== undefined &&
      parsed.text.slice(task.kindSpan.start, task.kindSpan.end).replace(/^["']|["']$/g, '') !== 'other',
  );
  const addressable = (task: number): string | undefined => {
    const id = model.tasks[task]?.id?.value;
    const declaration = id === undefined ? undefined : symbols.lookup('work', id);
    return declaration?.kind === 'task' && declaration.index === task ? id : undefined;
  };
  const hasSpan = (task: number): boolean => {
    const item = model.tasks[task];
    return (item?.kindSpan ?? item?.id?.span ?? item?.span) !== undefined;
  };
  const candidates = (kind: TaskKind, subject: number, excluded: Set<number>): string[] =>
    ofKind(kind).flatMap((task) => {
      const id = addressable(task);
      return task === subject || excluded.has(task) || id === undefined || !model.tasks[task]?.id ? [] : [id];
    });
  const some = (set: Set<number>, test: (task: number) => boolean): boolean => [...set].some(test);

  const before = (subjectKind: TaskKind, neededKind: TaskKind): ReferenceFinding[] =>
    ofKind(subjectKind).flatMap((subject) => {
      if (model.tasks[subject]?.id === undefined || !hasSpan(subject)) return [];
      if (some(predecessors[subject]!, (task) => model.tasks[task]?.kind === neededKind)) return [];
      if (unresolved[subject] || some(predecessors[subject]!, (task) => unresolved[task]! || unknownKind[task]!)) return [];
      return [{ taskIndex: subject, ids: candidates(neededKind, subject, successors[subject]!) }];
    });
  const after = (subjectKind: TaskKind, neededKind: TaskKind): ReferenceFinding[] =>
    ofKind(subjectKind).flatMap((subject) => {
      if (addressable(subject) === undefined || !hasSpan(subject)) return [];
      if (some(successors[subject]!, (task) => model.tasks[task]?.kind === neededKind)) return [];
      if (some(successors[subject]!, (task) => unknownKind[task]!)) return [];
      const neededMayFollow = ofKind(neededKind).some(
        (needed) =>
          needed !== subject &&
          !predecessors[subject]!.has(needed) &&
          (unresolved[needed]! ||
            some(predecessors[needed]!, (task) => unresolved[task]! && (task === subject || !predecessors[subject]!.has(task)))),
      );
      if (neededMayFollow) return [];
      return [{ taskIndex: subject, ids: candidates(neededKind, subject, predecessors[subject]!) }];
    });
  const migrations = ofKind('data-migration');
  const goLiveWithoutMigration = ofKind('go-live').flatMap((goLive) => {
    if (model.tasks[goLive]?.id === undefined || !hasSpan(goLive)) return [];
    const missing = migrations.flatMap((migration) => {
      const id = addressable(migration);
      const waitsOrFollows = predecessors[goLive]!.has(migration) || successors[goLive]!.has(migration);
      return waitsOrFollows || id === undefined ? [] : [id];
    });
    if (missing.length === 0 || unresolved[goLive] || some(predecessors[goLive]!, (task) => unresolved[task]!)) return [];
    return [{ taskIndex: goLive, ids: missing }];
  });
  return new Map([
    ['migration-without-cleansing', before('data-migration', 'data-cleansing')],
    ['migration-without-backup', before('data-migration', 'data-backup')],
    ['migration-without-validation', after('data-migration', 'data-validation')],
    ['go-live-without-uat', before('go-live', 'uat')],
    ['go-live-without-training', before('go-live', 'training')],
    ['go-live-without-migration', goLiveWithoutMigration],
    ['no-pilot', before('go-live', 'pilot')],
    ['no-hypercare', after('go-live', 'hypercare')],
    ['no-post-implementation-review', after('go-live', 'review')],
  ]);
}

function reportedTasks(data: FindingData | undefined): ReferenceFinding | undefined {
  if (!data || !('taskIndex' in data) || typeof data.taskIndex !== 'number') return undefined;
  if ('candidates' in data) return { taskIndex: data.taskIndex, ids: data.candidates };
  if ('migrations' in data) return { taskIndex: data.taskIndex, ids: data.migrations };
  return undefined;
}

describe('practice rules on random plans', () => {
  it('report the tasks, candidates and migrations that plain walks from each task find', () => {
    const reportedByRule = new Map<string, number>();
    for (let seed = 1; seed <= 400; seed++) {
      const context = buildRuleContext(parsePlanText(randomPlanText(seed, 10)));
      for (const [rule, expected] of referencePractice(context)) {
        const found = [...PRACTICE_RULES.find((candidate) => candidate.name === rule)!.check(context)];
        expect(found.map((finding) => reportedTasks(finding.data)), `seed ${seed} ${rule}`).toEqual(expected);
        reportedByRule.set(rule, (reportedByRule.get(rule) ?? 0) + found.length);
      }
    }
    // The plans must give every rule something to report.
    for (const count of reportedByRule.values()) expect(count).toBeGreaterThan(20);
  });
});
