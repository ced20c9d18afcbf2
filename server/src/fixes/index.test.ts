import { describe, expect, it } from 'vitest';
import { RULE_NAMES } from '../rules/index.js';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { FIX_PROVIDERS, disableRuleFix, quickFixes } from './index.js';
import { freeWorkId, ownerForNewTask } from '../rules/new-task.js';

const PLAN = `crmplan: 1
plan:
  name: Registry
  start: 2027-01-04
  manager: pm
people:
  - {id: pm, name: Dana Lee, role: Project Manager}
phases:
  - id: launch
    tasks:
      - {id: go-live, name: Go-live, kind: go-live, milestone: true, owner: pm}
  - id: owned
    owner: pm
    tasks:
      - {id: uat, name: UAT, duration: 1w}
`;

describe('fix registry', () => {
  it('keys every provider by a rule of the contract, one provider per rule', () => {
    const rules = FIX_PROVIDERS.map((provider) => provider.rule);
    expect(rules.filter((rule) => !(RULE_NAMES as readonly string[]).includes(rule))).toEqual([]);
    expect(new Set(rules).size).toBe(rules.length);
  });

  it('offers "Disable <rule> in this file" for every rule but yaml-syntax', () => {
    const analysis = analyzePlan(PLAN);
    for (const rule of RULE_NAMES) {
      const fix = disableRuleFix(rule, analysis);
      if (rule === 'yaml-syntax') expect(fix).toBeUndefined();
      else expect(fix?.title).toBe(`Disable ${rule} in this file`);
    }
  });

  it('puts the rule fixes before "Disable"', () => {
    const analysis = analyzePlan(PLAN);
    const finding = analysis.findings.find((candidate) => candidate.rule === 'go-live-without-rollback')!;
    expect(quickFixes(finding, analysis).map((fix) => fix.title)).toEqual([
      "Add a rollback plan to 'go-live'",
      'Disable go-live-without-rollback in this file',
    ]);
  });
});

describe('new tasks', () => {
  it('takes a free id', () => {
    const analysis = analyzePlan(PLAN);
    expect(freeWorkId(analysis, 'pilot')).toBe('pilot');
    expect(freeWorkId(analysis, 'uat')).toBe('uat-2');
    expect(freeWorkId(analysis, 'launch')).toBe('launch-2');
  });

  it('gives the owner to a person whose role fits, else lets the phase pass its owner on, else the manager', () => {
    const analysis = analyzePlan(PLAN);
    // Nobody's role fits hypercare: the phase without owner gets the manager...
    expect(ownerForNewTask(analysis, 'hypercare', 0)).toBe('pm');
    // ...the phase with one passes it on.
    expect(ownerForNewTask(analysis, 'hypercare', 1)).toBeUndefined();
    // A project manager fits a review.
    expect(ownerForNewTask(analysis, 'review', 1)).toBe('pm');
  });
});
