import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../parse/parse-plan-text.js';
import { buildRuleContext } from '../service/analyze-plan.js';
import { runFixture } from '../testing/fixtures.js';
import { PRACTICE_RULES } from './practice-rules.js';
import { dependOnItOrInsertAfter, dependOnOrInsertBefore, quotedAll, quotedChoice } from './practice-support.js';

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

  it('stay linear on a 10,000-task plan with 1,000 go-lives and 1,000 data migrations', () => {
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
    const started = performance.now();
    const counts = PRACTICE_RULES.map((rule) => [...rule.check(context)].length);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(1000);
    // Linear: well under a second. Quadratic (a walk per go-live) took over ten.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
