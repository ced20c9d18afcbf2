import { describe, expect, it } from 'vitest';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { describeRange, planWithCursor } from './feature-test-support.js';
import { hover } from './hover.js';
import { formatNumber, longDate, shortDate } from '../../render/schedule-text.js';

const OPTIONS = { ruleDocsBase: 'file:///docs/rules/' };

// Schedule, worked out by hand (Mon 2027-01-04 is working day 0):
//   kickoff   3d        days 0..2  Mon 01-04 -> Wed 01-06, float 0
//   configure 2d        days 3..4  Thu 01-07 -> Fri 01-08, float 0
//   docs      3d        days 0..2  Mon 01-04 -> Wed 01-06, float 2 (project end 5)
//   go-live   milestone day 5      Mon 01-11 (waits for phase setup), float 0
// pm (40h/w = 8 h/day): kickoff 8 + docs 8h/w = 1.6 -> 9.6 h/day = 120% on days 0..2.
// dev (50% = 4 h/day): configure 8h/w = 1.6 h/day = 40% on days 3..4.
// adoption is due 2w = 10 working days after go-live's day 5: day 15 = Mon 01-25.
const PLAN = `crmplan: 1
plan:
  name: Rollout
  start: 2027-01-04
  sponsor: ceo
people:
  - id: pm
    name: Dana Lee
    role: Project Manager
    capacity: 40h/w
  - id: dev
    name: Sam Kim
    capacity: 50%
  - {id: ceo, name: Chris Ceo}
objectives:
  - id: adoption
    statement: 85% of sales reps log in weekly
    metric: weekly active users / sales reps
    baseline: 0%
    target: 85%
    due: 2w after go-live
    owner: pm
phases:
  - id: setup
    name: Setup & Configuration
    owner: pm
    tasks:
      - id: kickoff
        name: Kickoff workshop
        owner: ceo
        duration: 3d
        assign:
          - {person: pm, load: 100%}
      - id: configure
        name: Configure pipelines
        duration: 2d
        depends_on: [kickoff]
        assign:
          - {person: pm, load: 50%}
          - {person: dev, load: 8h/w}
      - id: docs
        name: Write docs
        duration: 3d
        start: 2027-01-02
        assign:
          - {person: pm, load: 8h/w}
  - id: launch
    depends_on: setup
    tasks:
      - id: go-live
        name: Go live
        milestone: true
risks:
  - id: r1
    title: Low adoption
    likelihood: high
    impact: medium
    mitigation: Train champions
    owner: pm
communications:
  - id: weekly
    audience: Steering committee
    purpose: Status and decisions
    channel: Email
    frequency: weekly
    owner: pm
`;

/** The hover with the cursor placed by replacing `from` with `to` (which contains `|`) in `text`. */
function hoverAt(from: string, to: string, text = PLAN): { markdown: string; range: string | undefined; result: Hover | null } {
  expect(text).toContain(from);
  const { analysis, document, position } = planWithCursor(text.replace(from, to));
  const result = hover(analysis, document, position, OPTIONS);
  const contents = result?.contents;
  const markdown = contents && typeof contents === 'object' && 'kind' in contents ? contents.value : '';
  if (contents && typeof contents === 'object' && 'kind' in contents) expect(contents.kind).toBe(MarkupKind.Markdown);
  return { markdown, range: result?.range && describeRange(document, result.range), result };
}

describe('hover on a task', () => {
  it('shows the computed schedule, the inherited owner and the load of each assignment', () => {
    const { markdown, range } = hoverAt('id: configure', 'id: conf|igure');
    expect(range).toBe('34:configure');
    expect(markdown).toBe(
      [
        '**Configure pipelines** · task `configure`',
        '',
        '- Phase: `setup` (Setup & Configuration)',
        '- Start: Thu 2027-01-07',
        '- Finish: Fri 2027-01-08',
        '- Duration: 2 working days',
        '- Total float: 0 working days — **critical**',
        '- Owner: `pm` (Dana Lee), inherited from phase `setup`',
        '- Assigned:',
        '  - `pm` (Dana Lee): 4 h/day (`50%`), 50% of capacity',
        '  - `dev` (Sam Kim): 1.6 h/day (`8h/w`), 40% of capacity',
      ].join('\n'),
    );
  });

  it('shows the same facts on a reference, with the task’s own owner and its float', () => {
    const kickoff = hoverAt('depends_on: [kickoff]', 'depends_on: [kick|off]');
    expect(kickoff.range).toBe('37:kickoff');
    expect(kickoff.markdown).toContain('**Kickoff workshop** · task `kickoff`');
    expect(kickoff.markdown).toContain('- Start: Mon 2027-01-04\n- Finish: Wed 2027-01-06\n- Duration: 3 working days');
    expect(kickoff.markdown).toContain('- Owner: `ceo` (Chris Ceo), set on the task');
    expect(kickoff.markdown).toContain('  - `pm` (Dana Lee): 8 h/day (`100%`), 100% of capacity');

    const docs = hoverAt('id: docs', 'id: do|cs');
    expect(docs.markdown).toContain('- Total float: 2 working days — not critical');
    // `start: 2027-01-02` is a Saturday: no earlier than the plan's first working day.
    expect(docs.markdown).toContain('- Start no earlier than: Sat 2027-01-02');
  });

  it('shows a milestone with its single date and no owner', () => {
    const { markdown } = hoverAt('id: go-live', 'id: go-l|ive');
    expect(markdown).toContain('**Go live** · task `go-live`\n\n- Phase: `launch`\n- Milestone on Mon 2027-01-11\n- Total float: 0 working days — **critical**');
    expect(markdown).toContain('- Owner: none');
    expect(markdown).not.toContain('Duration');
  });

  it('skips weekends and holidays and spells out week durations', () => {
    // Working days from Mon 01-04 without Wed 01-06 (holiday) and the weekend:
    // 04, 05, 07, 08, 11 | 12, 13, 14, 15, 18. a is 1w = 5 days: 04 -> Mon 01-11;
    // b waits 1d after a: starts on day 6, Wed 01-13, 2d -> Thu 01-14.
    const text = `crmplan: 1
plan:
  name: Holidays
  start: 2027-01-04
  calendar:
    holidays: [2027-01-06]
phases:
  - id: p
    tasks:
      - id: a
        name: A
        duration: 1w
      - id: b
        name: B
        duration: 2d
        depends_on: [{task: a, lag: 1d}]
        deadline: 2027-01-13
`;
    const a = hoverAt('id: a', 'id: |a', text);
    expect(a.markdown).toContain('- Start: Mon 2027-01-04\n- Finish: Mon 2027-01-11\n- Duration: 5 working days (`1w`)');
    const b = hoverAt('id: b', 'id: |b', text);
    expect(b.markdown).toContain('- Start: Wed 2027-01-13\n- Finish: Thu 2027-01-14');
    expect(b.markdown).toContain('- Deadline: Wed 2027-01-13 — missed by 1 working day');
  });

  it('says when a task is on a dependency cycle', () => {
    const text = `crmplan: 1
plan: {name: Cycle, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1d, depends_on: [b]}
      - {id: b, name: B, duration: 1d, depends_on: [a]}
`;
    const { markdown } = hoverAt('id: a,', 'id: |a,', text);
    expect(markdown).toContain('- Phase: `p`\n- Not scheduled: on a dependency cycle\n- Owner: none');
    expect(markdown).not.toContain('Start:');
    // On the dependency that closes the cycle: b's facts, then the rule.
    const onDependency = hoverAt('depends_on: [b]', 'depends_on: [|b]', text);
    expect(onDependency.markdown).toContain('**B** · task `b`\n\n- Phase: `p`\n- Not scheduled: on a dependency cycle');
    expect(onDependency.markdown).toContain('\n\n---\n\n[dependency-cycle](file:///docs/rules/dependency-cycle.md) (error): ');
  });

  it('says when the plan has no start to schedule from', () => {
    const text = `crmplan: 1
plan: {name: No start}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1d}
`;
    expect(hoverAt('id: a', 'id: |a', text).markdown).toContain('- Not scheduled: the plan has no valid `start` date');
  });
});

describe('hover on a phase', () => {
  it('shows the span, the task count and the owner', () => {
    const { markdown, range } = hoverAt('depends_on: setup', 'depends_on: se|tup');
    expect(range).toBe('48:setup');
    expect(markdown).toBe(
      [
        '**Setup & Configuration** · phase `setup`',
        '',
        '- Span: Mon 2027-01-04 → Fri 2027-01-08 (5 working days)',
        '- On the **critical** path',
        '- Tasks: 3',
        '- Owner: `pm` (Dana Lee)',
      ].join('\n'),
    );
  });
});

describe('hover on a person', () => {
  it('lists the assignments with dates and load, the peak load and the overallocation', () => {
    const { markdown, range } = hoverAt('  - id: pm', '  - id: |pm');
    expect(range).toBe('7:pm');
    expect(markdown).toBe(
      [
        '**Dana Lee** · person `pm`',
        '',
        '- Role: Project Manager',
        '- Capacity: 8 h/day (`40h/w`)',
        '- Assignments:',
        '  - `kickoff` Mon 2027-01-04 → Wed 2027-01-06: 8 h/day, 100% of capacity',
        '  - `configure` Thu 2027-01-07 → Fri 2027-01-08: 4 h/day, 50% of capacity',
        '  - `docs` Mon 2027-01-04 → Wed 2027-01-06: 1.6 h/day, 20% of capacity',
        '- Peak load: 120% of capacity (9.6 h/day) on Mon 2027-01-04 → Wed 2027-01-06',
        '- **Overallocated** Mon 2027-01-04 → Wed 2027-01-06: peak 120% of capacity (9.6 h/day) on `kickoff`, `docs`',
      ].join('\n'),
    );
  });

  it('shows a person who is not overallocated, from an assignment', () => {
    const { markdown } = hoverAt('person: dev', 'person: d|ev');
    expect(markdown).toContain('- Capacity: 4 h/day (`50%`)');
    expect(markdown).toContain('  - `configure` Thu 2027-01-07 → Fri 2027-01-08: 1.6 h/day, 40% of capacity');
    expect(markdown).toContain('- Peak load: 40% of capacity (1.6 h/day) on Thu 2027-01-07 → Fri 2027-01-08\n- Not overallocated');
  });

  it('shows the default capacity of a person without one', () => {
    const { markdown } = hoverAt('sponsor: ceo', 'sponsor: c|eo');
    expect(markdown).toBe('**Chris Ceo** · person `ceo`\n\n- Capacity: 8 h/day (default)');
  });
});

describe('hover on other ids and due dates', () => {
  it('resolves `due: <n> after <id>` on the value and on the id', () => {
    const onValue = hoverAt('due: 2w after go-live', 'due: 2w af|ter go-live');
    expect(onValue.range).toBe('21:2w after go-live');
    expect(onValue.markdown).toBe(
      '**Due date** of objective `adoption`: Mon 2027-01-25 — 10 working days after task `go-live` finishes on Mon 2027-01-11',
    );
    const onId = hoverAt('due: 2w after go-live', 'due: 2w after go-|live');
    expect(onId.range).toBe('21:go-live');
    expect(onId.markdown).toContain(`${onValue.markdown}\n\n---\n\n**Go live** · task \`go-live\``);
  });

  it('says why a due date cannot be resolved', () => {
    const text = PLAN.replace('due: 2w after go-live', 'due: 2w after launch-party');
    const { markdown } = hoverAt('2w after launch-party', '2w af|ter launch-party', text);
    expect(markdown).toContain('`2w after launch-party`: no date, `launch-party` is not a declared task or phase');
  });

  it('shows an objective, a risk and a communication', () => {
    expect(hoverAt('id: adoption', 'id: adop|tion').markdown).toBe(
      [
        '**Objective** `adoption`',
        '',
        '85% of sales reps log in weekly',
        '',
        '- Metric: weekly active users / sales reps',
        '- Baseline → target: 0% → 85%',
        '- Due: Mon 2027-01-25 — 10 working days after task `go-live` finishes on Mon 2027-01-11',
        '- Owner: `pm` (Dana Lee)',
      ].join('\n'),
    );
    expect(hoverAt('id: r1', 'id: r|1').markdown).toBe(
      '**Low adoption** · risk `r1`\n\n- Likelihood: high\n- Impact: medium\n- Mitigation: Train champions\n- Owner: `pm` (Dana Lee)',
    );
    expect(hoverAt('id: weekly', 'id: week|ly').markdown).toBe(
      [
        '**Communication** `weekly`',
        '',
        '- Audience: Steering committee',
        '- Purpose: Status and decisions',
        '- Channel: Email',
        '- Frequency: weekly',
        '- Owner: `pm` (Dana Lee)',
      ].join('\n'),
    );
  });

  it('escapes Markdown in names', () => {
    const text = PLAN.replace('name: Dana Lee', 'name: "*Dana* [Lee]"');
    expect(hoverAt('  - id: pm', '  - id: |pm', text).markdown).toContain('**\\*Dana\\* \\[Lee\\]** · person `pm`');
  });
});

describe('hover on a diagnostic', () => {
  it('names an undeclared id and links the rule page', () => {
    const text = PLAN.replace('{person: dev, load: 8h/w}', '{person: devv, load: 8h/w}');
    const { markdown, range } = hoverAt('person: devv', 'person: de|vv', text);
    expect(range).toBe('40:devv');
    expect(markdown).toBe(
      '`devv` (named as an assignee): no person is declared with this id.\n\n---\n\n' +
        '[unknown-reference](file:///docs/rules/unknown-reference.md) (error): ' +
        'a dependency, owner, person, sponsor, manager or `due ... after` that names no declared id',
    );
  });

  it('appends the rule after the key description, and stands alone on an unknown key', () => {
    const text = PLAN.replace('        name: Write docs\n', '        name: Write docs\n        colour: red\n');
    const unknown = hoverAt('colour: red', 'col|our: red', text);
    expect(unknown.range).toBe('43:colour');
    expect(unknown.markdown).toMatch(/^\[schema\]\(file:\/\/\/docs\/rules\/schema\.md\) \(warning\): a value of the wrong type/);

    // `objectives: []` is reported on its key by no-objectives.
    const empty = `crmplan: 1\nplan: {name: Empty, start: 2027-01-04}\nobjectives: []\n`;
    const key = hoverAt('objectives: []', 'object|ives: []', empty);
    expect(key.range).toBe('3:objectives');
    expect(key.markdown).toBe(
      '**objectives**\n\nSMART objectives and KPIs: what the CRM must achieve.\n\n---\n\n' +
        '[no-objectives](file:///docs/rules/no-objectives.md) (warning): the plan has no objectives',
    );

    // A value of the wrong form: only the diagnostic, over the value.
    const badSeverity = PLAN.replace('crmplan: 1\n', 'crmplan: 1\nrules: {no-pilot: loud}\n');
    const severity = hoverAt('no-pilot: loud', 'no-pilot: lo|ud', badSeverity);
    expect(severity.range).toBe('2:loud');
    expect(severity.markdown).toMatch(/^\[schema\]\(file:\/\/\/docs\/rules\/schema\.md\) \(error\): /);
  });

  it('percent-encodes parentheses in the documentation link', () => {
    const text = PLAN.replace('person: dev,', 'person: devv,');
    const { analysis, document, position } = planWithCursor(text.replace('person: devv', 'person: d|evv'));
    const result = hover(analysis, document, position, { ruleDocsBase: 'file:///home/me/crm (copy)/docs/rules/' });
    const value = result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
    expect(value).toContain('[unknown-reference](file:///home/me/crm%20%28copy%29/docs/rules/unknown-reference.md)');
  });
});

describe('hover on a key', () => {
  it('shows the description of the key at that place', () => {
    const planStart = hoverAt('  start: 2027-01-04', '  st|art: 2027-01-04');
    expect(planStart.range).toBe('4:start');
    expect(planStart.markdown).toBe(
      '**start** (Date)\n\nThe first day of the project, `YYYY-MM-DD`. Tasks are scheduled from the first working day on or after it.',
    );
    const taskStart = hoverAt('start: 2027-01-02', 'sta|rt: 2027-01-02');
    expect(taskStart.markdown).toContain(
      'Start no earlier than this date. `start-conflict` reports dependencies that push the task past it.',
    );
  });

  it('follows sequences, flow mappings and $refs', () => {
    expect(hoverAt('{person: dev, load: 8h/w}', '{person: dev, lo|ad: 8h/w}').markdown).toBe(
      "**load** (Load or capacity)\n\nHow much of the person's time the task takes on each of its working days: " +
        'a share of `hours_per_day` (`50%`) or hours per week (`8h/w`).',
    );
    const text = PLAN.replace('depends_on: [kickoff]', 'depends_on: [{task: kickoff, lag: 1d}]');
    expect(hoverAt('lag: 1d', 'la|g: 1d', text).markdown).toContain('**lag** (Lag)\n\nWorking days (`2d`) or weeks (`1w`)');
  });

  it('adds what an if/then of the schema says for this item', () => {
    const text = PLAN.replace('        milestone: true\n', '        milestone: true\n        duration: 0d\n');
    const { markdown } = hoverAt('duration: 0d', 'dura|tion: 0d', text);
    expect(markdown).toBe(
      '**duration** (Duration)\n\n' +
        'How long the task takes: working days (`3d`) or weeks (`2w`). Required unless the task is a milestone.\n\n' +
        'A milestone takes no time: omit `duration` or write `0d`.',
    );
    // Not a milestone: the condition does not hold.
    expect(hoverAt('duration: 2d', 'dura|tion: 2d').markdown).not.toContain('A milestone takes no time');
  });

  it('links the page of a rule named in the rules map', () => {
    const text = `${PLAN}rules:\n  no-pilot: off\n`;
    const { markdown } = hoverAt('no-pilot: off', 'no-pi|lot: off', text);
    expect(markdown).toContain('**no-pilot** (Rule severity)\n\n`no-pilot` reports');
    expect(markdown).toContain('[no-pilot](file:///docs/rules/no-pilot.md)');
  });

  it('returns null on plain values without a diagnostic', () => {
    expect(hoverAt('name: Write docs', 'name: Write d|ocs').result).toBeNull();
    expect(hoverAt('metric: weekly', 'metric: wee|kly').result).toBeNull();
  });
});

describe('schedule text', () => {
  it('writes dates with their weekday and short dates with a year only when it differs', () => {
    expect(longDate('2027-03-01')).toBe('Mon 2027-03-01');
    expect(longDate('2028-02-29')).toBe('Tue 2028-02-29');
    expect(longDate('12027-03-01')).toBe('12027-03-01');
    expect(shortDate('2027-03-02', '2027')).toBe('Mar 2');
    expect(shortDate('2028-01-04', '2027')).toBe('Jan 4, 2028');
  });

  it('writes figures without float noise', () => {
    expect(formatNumber(8 / 5)).toBe('1.6');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(40 / 3)).toBe('13.33');
    expect(formatNumber(120)).toBe('120');
    expect(formatNumber(-1e-12)).toBe('0');
  });
});
