import { describe, expect, it } from 'vitest';
import { planWithCursor } from './feature-test-support.js';
import { hover } from './hover.js';

// Mon 2027-01-04 is working day 0 (mon-fri, no holidays):
//   kickoff 3d: Mon 01-04 -> Wed 01-06; configure 2d: Thu 01-07 -> Fri 01-08;
//   go-live (milestone after configure): Mon 01-11; docs 3d: Mon 01-04 -> Wed 01-06.
// Against the baseline (working days between the two dates):
//   kickoff on baseline; configure start 01-05 -> 01-07 = 2 later, finish 01-06 -> 01-08 = 2 later;
//   go-live 01-13 (Wed) -> 01-11 (Mon) = 2 earlier;
//   docs start Fri 01-01 (working day -1) -> Mon 01-04 (day 0) = 1 later, finish 01-08 -> 01-06 = 2 earlier.
const PLAN = `crmplan: 1
plan: {name: Rollout, start: 2027-01-04}
phases:
  - id: setup
    tasks:
      - {id: kickoff, name: Kickoff, duration: 3d}
      - {id: configure, name: Configure, duration: 2d, depends_on: [kickoff]}
      - {id: go-live, name: Go live, milestone: true, depends_on: [configure]}
      - {id: docs, name: Docs, duration: 3d}
      - {id: added-later, name: Added after the baseline, duration: 1d}
baseline:
  date: 2026-12-20
  tasks:
    kickoff: {start: 2027-01-04, finish: 2027-01-06}
    configure: {start: 2027-01-05, finish: 2027-01-06}
    go-live: {start: 2027-01-13, finish: 2027-01-13}
    docs: {start: 2027-01-01, finish: 2027-01-08}
`;

function baselineLinesAt(id: string): string[] {
  const marker = `{id: ${id},`;
  expect(PLAN).toContain(marker);
  const { analysis, document, position } = planWithCursor(PLAN.replace(marker, `{id: |${id},`));
  const contents = hover(analysis, document, position, { ruleDocsBase: 'file:///docs/rules/' })?.contents;
  const markdown = contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
  return markdown.split('\n').filter((line) => line.startsWith('- Baseline'));
}

describe('hover on a task of a plan with a baseline', () => {
  it('says how many working days the start and finish are from their baseline', () => {
    expect(baselineLinesAt('kickoff')).toEqual(['- Baseline start: on baseline (2027-01-04)', '- Baseline finish: on baseline (2027-01-06)']);
    expect(baselineLinesAt('configure')).toEqual([
      '- Baseline start: 2 working days later than baseline (2027-01-05)',
      '- Baseline finish: 2 working days later than baseline (2027-01-06)',
    ]);
    expect(baselineLinesAt('docs')).toEqual([
      '- Baseline start: 1 working day later than baseline (2027-01-01)',
      '- Baseline finish: 2 working days earlier than baseline (2027-01-08)',
    ]);
  });

  it('gives a milestone one line, and a task without a baseline entry none', () => {
    expect(baselineLinesAt('go-live')).toEqual(['- Baseline: 2 working days earlier than baseline (2027-01-13)']);
    expect(baselineLinesAt('added-later')).toEqual([]);
  });
});
