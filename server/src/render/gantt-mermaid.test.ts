import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { escapeMermaidText, ganttMermaid, HIGHLIGHT_MARKER, MAX_LABEL_LENGTH, phaseKeysToCollapse } from './gantt-mermaid.js';
import { buildTimeline } from './timeline-model.js';
import type { Timeline, TimelineTask } from './timeline-types.js';

// Hand-computed (see timeline-model.test.ts): weekends and the Jan 18 holiday
// are excluded; go-live is a milestone; docs is the only task with float.
const PLAN = `crmplan: 1
plan:
  name: Golden plan
  start: 2027-01-04
  calendar:
    holidays: [2027-01-18]
phases:
  - id: build
    name: Build
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d, status: done}
      - {id: design, name: Design, duration: 3d, depends_on: [kickoff], status: in-progress}
      - {id: docs, name: Docs, duration: 2d, depends_on: [{task: design, type: SS, lag: 1d}]}
      - {id: develop, name: Develop, duration: 1w, depends_on: [design]}
      - {id: go-live, name: Go-live, milestone: true, depends_on: [{task: develop, lag: 1d}]}
  - id: run
    name: Run
    depends_on: [build]
    tasks:
      - {id: hypercare, name: Hypercare, duration: 2d, status: done}
      - {id: review, name: Review, duration: 1d, depends_on: [hypercare], status: done}
`;

const timeline = buildTimeline(analyzePlan(PLAN))!;

describe('ganttMermaid', () => {
  it('writes every task with its computed dates, tags and key (golden)', () => {
    expect(ganttMermaid(timeline, { highlightedTaskKeys: new Set(['t3']), today: '2027-01-11' })).toBe(
      [
        'gantt',
        'dateFormat YYYY-MM-DD',
        'inclusiveEndDates',
        'title Golden plan',
        'excludes saturday, sunday, 2027-01-18',
        'todayMarker off',
        'section Build',
        'Kickoff :done, crit, t0, 2027-01-04, 2027-01-04',
        'Design :active, crit, t1, 2027-01-05, 2027-01-07',
        'Docs :t2, 2027-01-06, 2027-01-07',
        `${HIGHLIGHT_MARKER}Develop :crit, t3, 2027-01-08, 2027-01-14`,
        'Go-live :crit, milestone, t4, 2027-01-19, 0d',
        'section Run',
        'Hypercare :done, crit, t5, 2027-01-19, 2027-01-20',
        'Review :done, crit, t6, 2027-01-21, 2027-01-21',
        'Today :vert, today, 2027-01-11, 0d',
        '',
      ].join('\n'),
    );
  });

  it('draws a collapsed phase as one bar with its task count (golden)', () => {
    const text = ganttMermaid(timeline, { collapsedPhaseKeys: new Set(['p0', 'p1']), highlightedTaskKeys: new Set(['t2']) });
    expect(text.split('\n').slice(6)).toEqual([
      'section Build',
      // Some work started (done, in progress), so the summary is active; a task is highlighted.
      `${HIGHLIGHT_MARKER}Build (5 tasks) :active, crit, p0, 2027-01-04, 2027-01-15`,
      'section Run',
      // Every task is done.
      'Run (2 tasks) :done, crit, p1, 2027-01-19, 2027-01-21',
      '',
    ]);
    expect(ganttMermaid(timeline, { collapsedPhaseKeys: new Set(['p1']) })).toContain('Develop :crit, t3, 2027-01-08, 2027-01-14\n');
  });

  it('with focus tasks, draws those tasks under their phase bar and the other phases as one bar (golden)', () => {
    const text = ganttMermaid(timeline, { focusTaskKeys: new Set(['t3']), highlightedTaskKeys: new Set(['t3']) });
    expect(text.split('\n').slice(6)).toEqual([
      'section Build',
      // The phase's bar is not marked: the changed task below it is.
      'Build (5 tasks, 4 not shown) :active, crit, p0, 2027-01-04, 2027-01-15',
      `${HIGHLIGHT_MARKER}Develop :crit, t3, 2027-01-08, 2027-01-14`,
      'section Run',
      'Run (2 tasks) :done, crit, p1, 2027-01-19, 2027-01-21',
      '',
    ]);
    // Every task of a phase in focus: no phase bar; an empty focus: every phase is one bar.
    const allOfRun = ganttMermaid(timeline, { focusTaskKeys: new Set(['t5', 't6']) }).split('\n');
    expect(allOfRun.slice(-4)).toEqual(['section Run', 'Hypercare :done, crit, t5, 2027-01-19, 2027-01-20', 'Review :done, crit, t6, 2027-01-21, 2027-01-21', '']);
    expect(ganttMermaid(timeline, { focusTaskKeys: new Set() }).split('\n').filter((line) => line.includes(' :'))).toEqual([
      'Build (5 tasks) :active, crit, p0, 2027-01-04, 2027-01-15',
      'Run (2 tasks) :done, crit, p1, 2027-01-19, 2027-01-21',
    ]);
  });

  it('with baselineRows, draws a grey baseline row under each task whose dates differ from its baseline (golden)', () => {
    const baselined = buildTimeline(
      analyzePlan(`${PLAN}baseline:
  tasks:
    kickoff: {start: 2027-01-04, finish: 2027-01-04}
    develop: {start: 2027-01-06, finish: 2027-01-12}
    go-live: {start: 2027-01-14, finish: 2027-01-14}
`),
    )!;
    const text = ganttMermaid(baselined, { baselineRows: true });
    expect(text.split('\n').slice(6, 14)).toEqual([
      'section Build',
      // On its baseline: no row.
      'Kickoff :done, crit, t0, 2027-01-04, 2027-01-04',
      'Design :active, crit, t1, 2027-01-05, 2027-01-07',
      'Docs :t2, 2027-01-06, 2027-01-07',
      'Develop :crit, t3, 2027-01-08, 2027-01-14',
      'Develop (baseline) :done, b3, 2027-01-06, 2027-01-12',
      'Go-live :crit, milestone, t4, 2027-01-19, 0d',
      'Go-live (baseline) :done, milestone, b4, 2027-01-14, 0d',
    ]);
    expect(ganttMermaid(baselined)).not.toContain('(baseline)');
  });

  it('has no today line without `today`, or with a today outside the plan', () => {
    for (const today of [undefined, '2026-12-31', '2027-01-22', '2027-02-30', 'soon']) {
      const text = ganttMermaid(timeline, { today });
      expect(text).toContain('\ntodayMarker off\n');
      expect(text).not.toContain(':vert');
    }
    expect(ganttMermaid(timeline, { today: '2027-01-04' })).toContain('\nToday :vert, today, 2027-01-04, 0d\n');
  });

  it('leaves out tasks without dates with a comment, and phases that have none', () => {
    const cyclic = buildTimeline(
      analyzePlan(`crmplan: 1
plan: {name: Cycle, start: 2027-01-04, calendar: {workdays: [mon, tue, wed, thu, fri, sat, sun]}}
phases:
  - id: stuck
    tasks:
      - {id: a, duration: 1d, depends_on: [b]}
      - {id: b, duration: 2d, depends_on: [a]}
  - id: fine
    tasks:
      - {id: c, duration: 1d}
`),
    )!;
    expect(ganttMermaid(cyclic)).toBe(
      [
        'gantt',
        'dateFormat YYYY-MM-DD',
        'inclusiveEndDates',
        'title Cycle',
        // Every day is a working day: nothing to exclude.
        'todayMarker off',
        'section fine',
        // The only scheduled task is the critical path.
        'c :crit, t2, 2027-01-04, 2027-01-04',
        '%% 2 tasks without dates (on a dependency cycle) left out',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing has dates, and draws no today line', () => {
    const empty = buildTimeline(analyzePlan('crmplan: 1\nplan: {start: 2027-01-04}\n'))!;
    const text = ganttMermaid(empty, { today: '2027-01-04' });
    expect(text).toContain('\ntitle Untitled plan\n');
    expect(text.endsWith('%% no task has dates: nothing to draw\n')).toBe(true);
    expect(text).not.toContain('section');
    expect(text).not.toContain(':vert');
  });

  it('keeps phases with the same name apart (Mermaid groups bars by section name)', () => {
    const twins = buildTimeline(
      analyzePlan(`crmplan: 1
plan: {start: 2027-01-04}
phases:
  - {id: a, name: Same, tasks: [{id: x, duration: 1d}]}
  - {id: b, name: same, tasks: [{id: y, duration: 1d}]}
  - {id: c, name: Same, tasks: [{id: z, duration: 1d}]}
`),
    )!;
    expect(ganttMermaid(twins).split('\n').filter((line) => line.startsWith('section '))).toEqual([
      'section Same',
      'section same (2)',
      'section Same (3)',
    ]);
  });
});

describe('phaseKeysToCollapse', () => {
  it('collapses every phase when the plan has more tasks than the threshold, none otherwise', () => {
    expect(phaseKeysToCollapse(timeline, 6)).toEqual(new Set(['p0', 'p1']));
    expect(phaseKeysToCollapse(timeline, 7)).toEqual(new Set());
    expect(phaseKeysToCollapse(timeline, 0)).toEqual(new Set(['p0', 'p1']));
  });
});

/** Names that try to leave a task line, start a statement or inject markup. */
const HOSTILE_NAMES = [
  '<img src=x onerror=alert(1)>',
  'x: 2027-01-01, 1d\n click t0 call evil()',
  'x: 2027-01-01, 1d\r\nclick t0 href "javascript:alert(1)"',
  'a\rsection injected',
  'a\u2028section injected',
  'a\u0085b\u000bc\fd',
  '%%{init: {"securityLevel":"loose"}}%%',
  '%% whole line comment',
  'a%b',
  '#',
  ';',
  '#58;',
  'C# ; done',
  'section evil',
  'SECTION evil',
  '  section evil',
  'click t0 call evil()',
  'call evil()',
  'href "javascript:alert(1)"',
  'title hijack',
  'excludes 2027-01-05',
  'includes 2027-01-09',
  'todayMarker stroke:red',
  'dateFormat X',
  'axisFormat %Y',
  'tickInterval 1day',
  'weekday monday',
  'weekend friday',
  'inclusiveEndDates',
  'topAxis',
  'gantt',
  'accTitle: stolen',
  'accDescr { stolen }',
  'accDescription stolen',
  '2027-01-01',
  '1d',
  '{}',
  '}%%',
  '"quoted" \'single\' `backtick`',
  '</text><script>alert(1)</script>',
  '&lt;b&gt; &amp;',
  '\uFB02\u00B0\u00B060\u00B6\u00DF',
  ':crit, t99, 2027-01-01, 2027-12-31',
  'Données clients — 日本語 🚀 עברית',
  '\u202Eevil',
  '   ',
  '',
  'x'.repeat(5_000),
  '🚀'.repeat(300),
];

/** What a label shows once Mermaid decodes the entity codes. */
function decoded(label: string): string {
  return label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

function hostileTimeline(names: readonly string[]): Timeline {
  const tasks: TimelineTask[] = names.map((name, index) => ({
    key: `t${index}`,
    id: `task-${index}`,
    label: name,
    phaseKey: 'p0',
    start: '2027-01-04',
    finish: '2027-01-05',
    duration: 2,
    milestone: false,
    critical: index % 2 === 0,
    totalFloat: 0,
    status: null,
    owner: null,
    span: { start: 0, end: 0 },
  }));
  return {
    version: 1,
    title: names[1]!,
    start: '2027-01-04',
    finish: '2027-01-05',
    workingDays: 2,
    weekends: ['saturday', 'sunday'],
    holidays: [],
    weeks: ['2027-01-04'],
    phases: [{ key: 'p0', id: 'p', label: names[0]!, start: '2027-01-04', finish: '2027-01-05', critical: true, taskKeys: tasks.map((task) => task.key), span: { start: 0, end: 0 } }],
    tasks,
    people: [],
    findings: { errors: 0, warnings: 0, infos: 0, hints: 0 },
  };
}

/** A label Mermaid's gantt grammar reads as plain task text: entity codes, or characters with no meaning there. */
const INERT_LABEL = /^(?:#\d+;|[^:#;%{}<>&"'`\n\r\u2028\u2029\uFB02\u00B6])+$/;
const STATEMENT_START =
  /^\s*(?:acc|axisformat|call|click|dateformat|excludes|gantt|href|includes|inclusiveenddates|section|tickinterval|title|todaymarker|topaxis|weekday|weekend|\d|%)/i;

describe('escaping plan text', () => {
  it('keeps every hostile name one task line of the expected shape', () => {
    const text = ganttMermaid(hostileTimeline(HOSTILE_NAMES), { highlightedTaskKeys: new Set(['t3']) });
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(0, -1);
    // Header (6 lines), one section, one line per task: nothing was split or merged.
    expect(body).toHaveLength(6 + 1 + HOSTILE_NAMES.length);
    const taskLines = body.slice(7);
    taskLines.forEach((line, index) => {
      const match = /^(.+) :((?:crit, )?)(t\d+), 2027-01-04, 2027-01-05$/.exec(line);
      expect(match, line).not.toBeNull();
      const label = match![1]!.replace(HIGHLIGHT_MARKER, '');
      expect(match![3]).toBe(`t${index}`);
      expect(label, line).toMatch(INERT_LABEL);
      expect(label, line).not.toMatch(STATEMENT_START);
      expect(label).not.toContain('%%');
    });
    for (const line of [body[3]!, body[6]!]) {
      const [keyword, ...rest] = line.split(' ');
      expect(['title', 'section']).toContain(keyword);
      expect(rest.join(' ')).toMatch(INERT_LABEL);
    }
  });

  it('shows the name as written, on one line, once Mermaid decodes it', () => {
    for (const name of HOSTILE_NAMES) {
      const shown = name.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/\s+/g, ' ').trim();
      expect(decoded(escapeMermaidText(name))).toBe(shown === '' ? '(no name)' : shown);
    }
    expect(escapeMermaidText('Kickoff: scope & teams')).toBe('Kickoff#58; scope #38; teams');
    expect(escapeMermaidText('section evil')).toBe('#115;ection evil');
    expect(escapeMermaidText('2027 budget')).toBe('#50;027 budget');
    // Ordinary text stays as it is.
    expect(escapeMermaidText('Data migration (first pass) - clean, essential data')).toBe('Data migration (first pass) - clean, essential data');
  });

  it('cuts very long labels with an ellipsis, never inside a character', () => {
    const text = ganttMermaid(hostileTimeline(['phase', 'title', 'x'.repeat(5_000), '🚀'.repeat(300)]));
    // Header, section, then the tasks: `phase`, `title`, then the two long ones.
    const [long, rockets] = text.split('\n').slice(9, 11);
    expect(long).toBe(`${'x'.repeat(MAX_LABEL_LENGTH - 1)}\u2026 :crit, t2, 2027-01-04, 2027-01-05`);
    expect(rockets).toBe(`${'🚀'.repeat(MAX_LABEL_LENGTH - 1)}\u2026 :t3, 2027-01-04, 2027-01-05`);
  });

  it('lets only weekday names and real dates into `excludes`', () => {
    const tampered: Timeline = { ...hostileTimeline(['p', 't', 'x']), weekends: ['saturday', 'x\nclick t0 call evil()'], holidays: ['2027-01-06', '2027-13-01; evil'] };
    expect(ganttMermaid(tampered)).toContain('\nexcludes saturday, 2027-01-06\ntodayMarker off\n');
  });
});
