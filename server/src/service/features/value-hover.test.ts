import { describe, expect, it } from 'vitest';
import { MarkupKind } from 'vscode-languageserver-types';
import { describeRange, planWithCursor } from './feature-test-support.js';
import { hover } from './hover.js';

/**
 * The hover of each value kind that has text of its own (value-hover.ts,
 * keyed by kind in hover.ts). Mon 2027-01-04 is the plan's working day 1;
 * Fri 2027-01-08 is a named holiday of the plan, so Mon 2027-01-11 is day 5.
 */
const PLAN = `crmplan: 1
plan:
  name: Rollout
  start: 2027-01-04
  calendar:
    workdays: [mon, tue, wed, thu, fri]
    hours_per_day: 8
    holidays:
      - {date: 2027-01-08, name: "*Team* day"}
people:
  - id: pm
    capacity: 40h/w
  - id: dev
    capacity: 50%
phases:
  - id: setup
    name: Setup
    tasks:
      - id: kickoff
        duration: 3d
        owner: pm
      - id: build
        duration: 2w
        start: 2027-01-09
        depends_on: [{task: kickoff, type: SS, lag: 2d}]
        assign:
          - {person: dev, load: 50%}
      - id: docs
        duration: 1d
        depends_on: [{task: build, lag: -1d}]
        start: 2026-12-01
        done: false
risks:
  - id: data
    title: Dirty data
    likelihood: high
    impact: medium
    owner: pm
rules:
  missing-owner: error
`;

function hoverAt(from: string, to: string, text = PLAN): { markdown: string; range: string | undefined } {
  expect(text).toContain(from);
  const { analysis, document, position } = planWithCursor(text.replace(from, to));
  const result = hover(analysis, document, position, { ruleDocsBase: 'file:///docs/rules/' });
  const contents = result?.contents;
  if (!contents || typeof contents !== 'object' || !('kind' in contents)) return { markdown: '', range: undefined };
  expect(contents.kind).toBe(MarkupKind.Markdown);
  return { markdown: contents.value, range: result?.range && describeRange(document, result.range) };
}

describe('hover on a date', () => {
  it('spells the date out and places it among the working days of the plan', () => {
    const { markdown, range } = hoverAt('start: 2027-01-09', 'start: 2027-01-0|9');
    expect(range).toBe('24:2027-01-09');
    expect(markdown).toContain('**2027-01-09** · Saturday, Jan 9, 2027');
    expect(markdown).toContain('Not a working day of the project calendar');
    // Day 5, not 6: the holiday on Fri 2027-01-08 is not a working day.
    expect(markdown).toContain('The next working day, Mon 2027-01-11, is working day 5 of the plan (day 1 is Mon 2027-01-04).');
  });

  it('names a holiday of the plan, escaped, and says a date before the plan is before it', () => {
    expect(hoverAt('date: 2027-01-08', 'date: 2027-01-0|8').markdown).toContain('A holiday of the project calendar (\\*Team\\* day): not a working day.');
    expect(hoverAt('start: 2026-12-01', 'start: 2026-12-0|1').markdown).toContain("Before the plan's first working day, Mon 2027-01-04.");
  });

  it("on the plan's start, says nothing of its place unless work starts later", () => {
    expect(hoverAt('start: 2027-01-04', 'start: 2027-01-0|4').markdown).toBe('**2027-01-04** · Monday, Jan 4, 2027');
    const weekend = PLAN.replace('start: 2027-01-04', 'start: 2027-01-02');
    expect(hoverAt('start: 2027-01-02', 'start: 2027-01-0|2', weekend).markdown).toContain(
      'Work starts on the first working day on or after it, Mon 2027-01-04.',
    );
  });

  it("names a country's public holiday", () => {
    const withCountry = PLAN.replace('    hours_per_day: 8\n', '    hours_per_day: 8\n    country: FR\n').replace('start: 2027-01-09', 'start: 2027-07-14');
    expect(hoverAt('start: 2027-07-14', 'start: 2027-07-1|4', withCountry).markdown).toMatch(/A holiday of the project calendar \(.+\): not a working day\./);
  });
});

describe('hover on durations, lags and quantities', () => {
  it('gives a duration in working days and hours of the calendar', () => {
    expect(hoverAt('duration: 3d', 'duration: 3|d').markdown).toBe('**`3d`** · 3 working days, 24 h at 8 h/day');
    expect(hoverAt('duration: 2w', 'duration: 2|w').markdown).toBe('**`2w`** · 10 working days (5 working days a week), 80 h at 8 h/day');
  });

  it("says what a lag waits for, from the link's type", () => {
    expect(hoverAt('lag: 2d', 'lag: 2|d').markdown).toBe('**`2d`** · lag: the successor waits 2 working days after the predecessor starts (SS).');
    expect(hoverAt('lag: -1d', 'lag: -1|d').markdown).toBe(
      '**`-1d`** · lag: the successor may begin 1 working day before the predecessor finishes (FS): the tasks overlap.',
    );
  });

  it('gives a capacity in hours per day; an assign load is left to the load hover', () => {
    expect(hoverAt('capacity: 50%', 'capacity: 5|0%').markdown).toBe('**`50%`** · 4 h/day, 50% of the working day of 8 h/day');
    const load = hoverAt('load: 50%', 'load: 5|0%').markdown;
    expect(load).toContain('**Load of `dev`** on `build`');
    expect(load).not.toContain('of the working day of');
  });
});

describe('hover on severities and enum values', () => {
  it("gives a rule severity's meaning and the rule's default", () => {
    expect(hoverAt('missing-owner: error', 'missing-owner: err|or').markdown).toBe(
      '**error** · severity of rule `missing-owner` (by default: warning)\n\nReport as an error (the CLI exits with status 1).',
    );
  });

  it("gives the schema's description of an enum value", () => {
    const { markdown, range } = hoverAt('type: SS', 'type: S|S');
    expect(range).toBe('25:SS');
    expect(markdown).toMatch(/^\*\*`SS`\*\* · Start-to-start/);
    expect(hoverAt('likelihood: high', 'likelihood: hi|gh').markdown).toMatch(/^\*\*`high`\*\* · /);
  });

  it('has no hover on values whose kind says nothing beyond the key (names, flags)', () => {
    expect(hoverAt('name: Setup', 'name: Se|tup').markdown).toBe('');
    expect(hoverAt('done: false', 'done: fa|lse').markdown).toBe('');
  });
});
