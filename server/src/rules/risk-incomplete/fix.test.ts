import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../analysis/analyze-plan.js';
import { ruleFixes } from '../../fixes/index.js';

const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04, manager: pm}
people: [{id: pm}]
phases:
  - id: p
    owner: pm
    tasks: [{id: a, name: A, duration: 1d}]
risks:
  - id: r1
    title: Scope creep
    impact:   # to be rated
    owner: pm
`;

describe('risk-incomplete fix', () => {
  it('is a snippet: a choice of ratings, a tab stop on the mitigation, the same text without snippets', () => {
    const analysis = analyzePlan(PLAN);
    const finding = analysis.findings.find((candidate) => candidate.rule === 'risk-incomplete')!;
    const [fix] = ruleFixes(finding, analysis);
    expect(fix).toMatchObject({ title: 'Add the missing risk fields: likelihood, impact, mitigation', isPreferred: true, isSnippet: true });
    expect(fix!.edits.map((edit) => [edit.newText, edit.snippet])).toEqual([
      [' medium', ' ${2|medium,low,high|}'],
      ['\n    likelihood: medium\n    mitigation: TODO', '\n    likelihood: ${1|medium,low,high|}\n    mitigation: ${3:TODO}'],
    ]);
  });
});
