import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { analyzePlan } from '../../analysis/analyze-plan.js';
import { hover } from './hover.js';
import { loadHoverAt } from './load-hover.js';

// Worked out by hand. Mon 2027-01-04 is working day 0; 8 hours a day, mon-fri.
// pm (no capacity: 8 h/day), on leave Tue 2027-01-12:
//   a  2w  days 0..9  (01-04 -> 01-15)  50%   = 4 h/day
//   b  1w  days 0..4  (01-04 -> 01-08)  75%   = 6 h/day
//   c  3d  days 7..9  (01-13 -> 01-15)  20h/w = 4 h/day
// Week of 01-04: a 5 x 4 = 20 h, b 5 x 6 = 30 h: 50 h of 5 x 8 = 40 h (125%);
//   every day 10 h of 8 h: overallocated 01-04 -> 01-08.
// Week of 01-11: a 20 h, c 3 x 4 = 12 h: 32 h; capacity 4 days x 8 h = 32 h (the leave day has none);
//   a books 4 h on the leave day: an overallocation (a day off) on 01-12.
// Peak of a's days, leaving the leave day out: 10 h on 01-04 .. 01-08 (5 days), on a and b.
// dev (capacity 20h/w = 4 h/day):
//   d  1d  day 0       no load = 8 h/day: 200%, overallocated on 01-04
//   e  10w days 0..49  10% = 0.8 h/day
// Week of 01-04 for dev: d 8 h + e 5 x 0.8 = 4 h: 12 h of 5 x 4 = 20 h (60%), overallocated (on 01-04).
const PLAN = `crmplan: 1
plan: {name: Load, start: 2027-01-04}
people:
  - id: pm
    name: Dana *Lee*
    leave:
      - {from: 2027-01-12, to: 2027-01-12, note: 'dentist [x](y)'}
  - {id: dev, capacity: 20h/w}
phases:
  - id: p
    tasks:
      - id: a
        name: A
        duration: 2w
        assign:
          - {person: pm, load: 50%}
      - {id: b, name: B, duration: 1w, assign: [{person: pm, load: 75%}]}
      - {id: c, name: C, duration: 3d, start: 2027-01-13, assign: [{person: pm, load: 20h/w}]}
      - {id: d, name: D, duration: 1d, assign: [{person: dev}]}
      - {id: e, name: E, duration: 10w, assign: [{person: dev, load: 10%}]}
      - {id: m, name: M, milestone: true, assign: [{person: dev, load: 30%}]}
      - {id: x, name: X, duration: 1d, assign: [{person: ghost, load: 30%}]}
`;

const analysis = analyzePlan(PLAN);

/** The hover at the n-th occurrence of `needle`, `delta` characters in. */
function hoverAt(needle: string, delta = 1, text = PLAN, planAnalysis = analysis): { text: string; markdown: string } | undefined {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`no ${needle} in the plan`);
  const found = loadHoverAt(planAnalysis, offset + delta);
  return found && { text: text.slice(found.span.start, found.span.end), markdown: found.markdown };
}

describe('the load hover', () => {
  it("shows the person's weeks while the task runs: hours assigned of capacity, the tasks, the leave, the peak day", () => {
    const found = hoverAt('load: 50%', 'load: '.length + 1);
    expect(found?.text).toBe('50%');
    expect(found?.markdown).toBe(
      [
        '**Load of Dana \\*Lee\\* (`pm`)** on `a`: `50%`, 4 h/day of a capacity of 8 h/day (50%)',
        '',
        "Dana \\*Lee\\* (`pm`)'s weeks while `a` runs (Mon 2027-01-04 → Fri 2027-01-15), hours assigned of hours available:",
        '',
        '- Week of Mon 2027-01-04: **50 h of 40 h** (125%), **overallocated**',
        '  - `a` 20 h, `b` 30 h',
        '- Week of Mon 2027-01-11: **32 h of 32 h** (100%), **overallocated**',
        '  - `a` 20 h, `c` 12 h',
        '  - Off Tue 2027-01-12, on leave (dentist \\[x\\](y)): no capacity',
        '- Peak day: Mon 2027-01-04 (and 4 more days at that load): 10 h of 8 h (125%) on `a`, `b`',
      ].join('\n'),
    );
  });

  it("on an assignment's person: the same, for that task's weeks only", () => {
    const found = hoverAt('{person: pm, load: 20h/w}', '{person: '.length + 1);
    expect(found?.text).toBe('pm');
    // c runs Wed 01-13 -> Fri 01-15: one week; on its days a 4 h + c 4 h = 8 h, exactly the capacity.
    expect(found?.markdown.split('\n').slice(4)).toEqual([
      '- Week of Mon 2027-01-11: **32 h of 32 h** (100%), **overallocated**',
      '  - `a` 20 h, `c` 12 h',
      '  - Off Tue 2027-01-12, on leave (dentist \\[x\\](y)): no capacity',
      '- Peak day: Wed 2027-01-13 (and 2 more days at that load): 8 h of 8 h (100%) on `a`, `c`',
    ]);
  });

  it('says full time for an assignment without a load', () => {
    const found = hoverAt('{person: dev}', '{person: '.length + 1);
    expect(found?.text).toBe('dev');
    expect(found?.markdown.split('\n')[0]).toBe('**Load of `dev`** on `d`: no `load`: full time, 8 h/day of a capacity of 4 h/day (200%)');
    expect(found?.markdown).toContain('- Week of Mon 2027-01-04: **12 h of 20 h** (60%), **overallocated**\n  - `d` 8 h, `e` 4 h');
    expect(found?.markdown).toContain('- Peak day: Mon 2027-01-04: 8.8 h of 4 h (220%) on `d`, `e`');
  });

  it('lists only the overallocated weeks of a long task, and counts the rest', () => {
    const found = hoverAt('load: 10%', 'load: '.length);
    expect(found?.text).toBe('10%');
    // e covers 10 weeks (days 0..49); only the first is overallocated.
    expect(found?.markdown.split('\n').slice(4)).toEqual([
      '- Week of Mon 2027-01-04: **12 h of 20 h** (60%), **overallocated**',
      '  - `d` 8 h, `e` 4 h',
      '- 9 more of the 10 weeks `e` covers are not listed',
      '- Peak day: Mon 2027-01-04: 8.8 h of 4 h (220%) on `d`, `e`',
    ]);
  });

  it('lists the busiest week of a long task when none is overallocated', () => {
    // 2w then 7 more weeks on a 50% task: the first two weeks also have 't' (2 h/day more): 30 h of 40 h.
    const text = `crmplan: 1
plan: {name: Long, start: 2027-01-04}
people: [{id: pm}]
phases:
  - id: p
    tasks:
      - {id: long, name: Long, duration: 9w, assign: [{person: pm, load: 50%}]}
      - {id: t, name: T, duration: 2w, start: 2027-01-11, assign: [{person: pm, load: 2h/w}]}
`;
    const found = hoverAt('load: 50%', 'load: '.length, text, analyzePlan(text));
    // t: 2h/w = 0.4 h/day; week of 01-11: long 20 h + t 2 h = 22 h of 40 h (55%), the first such week.
    expect(found?.markdown.split('\n').slice(4)).toEqual([
      '- Week of Mon 2027-01-11: 22 h of 40 h (55%)',
      '  - `long` 20 h, `t` 2 h',
      '- 8 more of the 9 weeks `long` covers are not listed',
      '- Peak day: Mon 2027-01-11 (and 9 more days at that load): 4.4 h of 8 h (55%) on `long`, `t`',
    ]);
  });

  it('says why there is nothing to count: a milestone, no plan start; and says nothing for an undeclared person', () => {
    expect(hoverAt('load: 30%}]}\n      - {id: x', 'load: '.length)?.markdown).toBe(
      '**Load of `dev`** on `m`: `30%`, 2.4 h/day of a capacity of 4 h/day (60%)\n\n`m` takes no working days (a milestone): it books no hours.',
    );
    expect(hoverAt('{person: ghost', '{person: '.length + 1)).toBeUndefined();
    const noStart = PLAN.replace('start: 2027-01-04}', 'start: someday}');
    expect(hoverAt('load: 75%', 'load: '.length, noStart, analyzePlan(noStart))?.markdown).toBe(
      '**Load of Dana \\*Lee\\* (`pm`)** on `b`: `75%`\n\nNot scheduled: the plan has no valid `start` date, so the load has no weeks.',
    );
  });

  it('is not shown elsewhere: on a key, a task id, a capacity', () => {
    expect(hoverAt('load: 50%', 1)).toBeUndefined();
    expect(hoverAt('id: a', 'id: '.length)).toBeUndefined();
    expect(hoverAt('capacity: 20h/w', 'capacity: '.length + 1)).toBeUndefined();
  });

  it("is a section of the editor's hover: on the load with the finding's rule, on the person after the person's own section", () => {
    const document = TextDocument.create('file:///load.crmplan.yaml', 'crmplan', 1, PLAN);
    const at = (needle: string, delta: number) => hover(analysis, document, document.positionAt(PLAN.indexOf(needle) + delta), { ruleDocsBase: 'file:///docs/rules/' });
    const onLoad = at('load: 75%', 'load: '.length + 1);
    expect(onLoad?.range && document.getText(onLoad.range)).toBe('75%');
    const sections = (onLoad?.contents as MarkupContent).value.split('\n\n---\n\n');
    expect(sections).toHaveLength(2);
    expect(sections[0]).toMatch(/^\*\*Load of Dana \\\*Lee\\\* \(`pm`\)\*\* on `b`: `75%`/);
    // The overallocation finding is on this load value: its rule follows.
    expect(sections[1]).toMatch(/^\[overallocation\]\(file:\/\/\/docs\/rules\/overallocation\.md\) \(warning\)/);
    const onPerson = at('{person: pm, load: 75%', '{person: '.length);
    expect(onPerson?.range && document.getText(onPerson.range)).toBe('pm');
    const personSections = (onPerson?.contents as MarkupContent).value.split('\n\n---\n\n');
    expect(personSections[0]).toMatch(/^\*\*Dana \\\*Lee\\\*\*\* · person `pm`/);
    expect(personSections[1]).toMatch(/^\*\*Load of Dana \\\*Lee\\\* \(`pm`\)\*\* on `b`/);
  });
});
