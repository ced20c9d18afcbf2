import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../schedule/calendar.js';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { diffToMarkdown, NO_CHANGES } from './diff-markdown.js';
import { diffPlans, workingDaysBetween } from './diff-plans.js';
import { markdownFence, markdownId, markdownText } from '../render/markdown-text.js';

/** A plan starting Mon 2027-03-01 with the given extra plan keys and phase tasks. */
function plan(tasks: string, options: { people?: string; calendar?: string } = {}): string {
  return `crmplan: 1
plan:
  name: Test
  start: 2027-03-01
${options.calendar ?? ''}people:
${options.people ?? '  - {id: pm, name: Pat}\n  - {id: dev, name: Dev}'}
phases:
  - id: one
    name: One
    owner: pm
    tasks:
${tasks}`;
}

describe('workingDaysBetween', () => {
  const calendar = createWorkingCalendar({ workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], hoursPerDay: 8, holidays: [{ date: '2027-03-05', span: { start: 0, end: 0 } }] }, '2027-03-01');

  it('counts the working days after the first date up to and including the second', () => {
    expect(workingDaysBetween(calendar, '2027-03-03', '2027-03-10')).toBe(4); // Thu 4, Mon 8, Tue 9, Wed 10 (Fri 5 is a holiday)
    expect(workingDaysBetween(calendar, '2027-03-10', '2027-03-03')).toBe(-4);
    expect(workingDaysBetween(calendar, '2027-03-03', '2027-03-03')).toBe(0);
  });

  it('counts a finish pushed from a day that became a holiday to the next working day as 1', () => {
    expect(workingDaysBetween(calendar, '2027-03-05', '2027-03-08')).toBe(1);
  });
});

describe('diffPlans', () => {
  it('reports a milestone that moved earlier as a negative move on the head calendar', () => {
    const base = analyzePlan(plan('      - {id: a, name: A, duration: 5d}\n      - {id: gate, name: Gate, milestone: true, depends_on: [a]}\n'));
    const head = analyzePlan(plan('      - {id: a, name: A, duration: 2d}\n      - {id: gate, name: Gate, milestone: true, depends_on: [a]}\n'));
    const diff = diffPlans(base, head);
    // Gate: Mon Mar 8 -> Wed Mar 3: the working days after Mar 3 up to Mar 8 are Mar 4, 5, 8.
    expect(diff.milestones).toEqual([{ id: 'gate', name: 'Gate', from: '2027-03-08', to: '2027-03-03', workingDays: -3 }]);
    expect(diff.finish).toEqual({ from: '2027-03-08', to: '2027-03-03', workingDays: -3 });
  });

  it('uses the head calendar: a new holiday inside the task counts as the working day it adds', () => {
    const tasks = '      - {id: a, name: A, duration: 5d}\n';
    const diff = diffPlans(analyzePlan(plan(tasks)), analyzePlan(plan(tasks, { calendar: '  calendar: {holidays: [2027-03-03]}\n' })));
    expect(diff.finish).toEqual({ from: '2027-03-05', to: '2027-03-08', workingDays: 1 });
    expect(diff.plan).toEqual([{ field: 'holidays', from: null, to: '2027-03-03' }]);
  });

  it('takes a disappeared and an appeared id with the same name and duration in another phase as a rename', () => {
    const base = analyzePlan(plan('      - {id: a, name: Build it, duration: 3d}\n'));
    const head = analyzePlan(
      `${plan('      - {id: x, name: Other, duration: 1d}\n')}  - id: two\n    name: Two\n    tasks:\n      - {id: b, name: Build it, duration: 3d}\n`,
    );
    const diff = diffPlans(base, head);
    const renamed = diff.tasks.changed.find((task) => task.id === 'b');
    expect(renamed).toMatchObject({ renamedFrom: 'a', renameMatch: 'name+duration' });
    expect(renamed?.changes.find((change) => change.field === 'phase')).toEqual({ field: 'phase', from: 'one', to: 'two' });
    expect(diff.tasks.added.map((task) => task.id)).toEqual(['x']);
    expect(diff.tasks.removed).toEqual([]);
  });

  it('does not take tasks with different names (or the same name, other phase and other duration) as a rename', () => {
    const base = analyzePlan(plan('      - {id: a, name: Build it, duration: 3d}\n      - {id: c, name: Test it, duration: 3d}\n'));
    const head = analyzePlan(
      `${plan('      - {id: b, name: Build that, duration: 3d}\n')}  - id: two\n    name: Two\n    tasks:\n      - {id: d, name: Test it, duration: 4d}\n`,
    );
    const diff = diffPlans(base, head);
    expect(diff.tasks.changed).toEqual([]);
    expect(diff.tasks.added.map((task) => task.id)).toEqual(['b', 'd']);
    expect(diff.tasks.removed.map((task) => task.id)).toEqual(['a', 'c']);
  });

  it('does not report an overallocation that only moved in time', () => {
    const tasks = (length: string): string =>
      `      - {id: first, name: First, duration: ${length}, assign: [{person: dev}]}\n      - {id: a, name: A, duration: 2d, depends_on: [first], assign: [{person: pm}]}\n      - {id: b, name: B, duration: 2d, depends_on: [first], assign: [{person: pm}]}\n`;
    const diff = diffPlans(analyzePlan(plan(tasks('1d'))), analyzePlan(plan(tasks('3d'))));
    expect(diff.finish?.workingDays).toBe(2);
    expect(diff.overallocations).toEqual({ introduced: [], resolved: [] });
    expect(diff.findings.introduced).toEqual([]);
    expect(diff.findings.fixed).toEqual([]);
  });

  it('matches findings by rule and message as a multiset, whatever their positions', () => {
    const base = analyzePlan(plan('      - {id: a, name: A, duration: 1d, depends_on: [nope]}\n      - {id: b, name: B, duration: 1d, depends_on: [nope]}\n'));
    const head = analyzePlan(plan('      - {id: z, name: Z, duration: 1d}\n      - {id: b, name: B, duration: 1d, depends_on: [nope]}\n'));
    const diff = diffPlans(base, head);
    expect(diff.findings.introduced).toEqual([]);
    expect(diff.findings.fixed.map((group) => [group.rule, group.findings.length])).toEqual([['unknown-reference', 1]]);
    expect(diff.findings.delta).toEqual({ errors: -1, warnings: 0, infos: 0, hints: 0 });
  });

  it('lists tasks that joined and left the critical path, through renames', () => {
    const base = analyzePlan(plan('      - {id: long, name: Long, duration: 5d}\n      - {id: short, name: Short, duration: 2d}\n'));
    const head = analyzePlan(plan('      - {id: long-task, name: Long, duration: 1d}\n      - {id: short, name: Short, duration: 2d}\n'));
    const diff = diffPlans(base, head);
    expect(diff.criticalPath).toEqual({ joined: ['short'], left: ['long'] });
  });

  it('treats an added plan as everything added, with no finish move', () => {
    const head = analyzePlan(plan('      - {id: a, name: A, duration: 1d}\n'));
    const diff = diffPlans(undefined, head);
    expect(diff.status).toBe('added');
    expect(diff.finish).toBeNull();
    expect(diff.tasks.added.map((task) => task.id)).toEqual(['a']);
    expect(diff.people.added.map((person) => person.id)).toEqual(['pm', 'dev']);
    expect(diff.highlightedTaskKeys).toEqual(['t0']);
  });

  it('treats a removed plan as everything removed, and says so in markdown', () => {
    const base = analyzePlan(plan('      - {id: a, name: A, duration: 1d}\n      - {id: b, name: B, duration: 1d}\n'));
    const diff = diffPlans(base, undefined);
    expect(diff.status).toBe('removed');
    expect(diff.name).toBe('Test');
    expect(diff.tasks.removed.map((task) => task.id)).toEqual(['a', 'b']);
    const markdown = diffToMarkdown([{ path: 'old.crmplan.yaml', basePath: null, diff }]);
    expect(markdown).toContain('### old.crmplan.yaml — removed\n\n**Plan removed**: it had 2 tasks.');
    expect(markdown).not.toContain('mermaid');
  });

  it('reports nothing for the same plan', () => {
    const text = plan('      - {id: a, name: A, duration: 1d, assign: [{person: dev, load: 50%}]}\n');
    const diff = diffPlans(analyzePlan(text), analyzePlan(text));
    expect(diff.tasks.changed).toEqual([]);
    expect(diff.highlightedTaskKeys).toEqual([]);
    expect(diffToMarkdown([{ path: 'p.crmplan.yaml', basePath: null, diff }])).toContain(NO_CHANGES);
  });
});

describe('markdown text', () => {
  it('keeps plan text from becoming HTML, table cells, formatting, mentions or issue links', () => {
    expect(markdownText('a | b\nc <img src=x> @team #12 *x* `y` [l](u) &amp;')).toBe(
      'a \\| b c &lt;img src=x&gt; @&#8203;team #&#8203;12 \\*x\\* \\`y\\` \\[l\\](u) &amp;amp;',
    );
  });

  it('shows valid ids as code and anything else as escaped text', () => {
    expect(markdownId('go-live')).toBe('`go-live`');
    expect(markdownId('bad id|`x`')).toBe('bad id\\|\\`x\\`');
  });

  it('fences a body with a fence longer than any backtick run in it', () => {
    expect(markdownFence('mermaid', 'a ``` b\n')).toEqual(['````mermaid', 'a ``` b', '````']);
  });
});
