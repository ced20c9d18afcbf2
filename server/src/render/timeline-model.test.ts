import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { buildTimeline, MAX_LOAD_WEEKS } from './timeline-model.js';
import type { Timeline } from './timeline-types.js';

// Hand-computed. Working days: Jan 4 = index 0 ... Jan 15 = 9; Jan 18 is a
// holiday, so index 10 is Tue Jan 19. kickoff [0,1) Jan 4; design [1,4)
// Jan 5-7; docs SS design +1d [2,4) Jan 6-7; develop 1w [4,9) Jan 8-14;
// go-live milestone at 10 (Jan 19); run starts after build: hypercare
// [10,12) Jan 19-20, review [12,13) Jan 21. E = 13.
const PLAN = `crmplan: 1
plan:
  name: Golden plan
  start: 2027-01-04
  calendar:
    holidays: [2027-01-18]
people:
  - {id: pm, name: Dana, capacity: 100%}
  - {id: ba, name: Ben, capacity: 8h/w}
  - {id: idle}
  - {id: pm, name: Second Dana}
phases:
  - id: build
    name: Build
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d, status: done, owner: pm, assign: [{person: pm, load: 100%}]}
      - {id: design, name: Design, duration: 3d, depends_on: [kickoff], status: in-progress, assign: [{person: pm, load: 60%}]}
      - {id: docs, name: Docs, duration: 2d, depends_on: [{task: design, type: SS, lag: 1d}], assign: [{person: pm, load: 60%}, {person: ba, load: 50%}]}
      - {id: develop, name: Develop, duration: 1w, depends_on: [design], assign: [{person: pm, load: 50%}]}
      - {id: go-live, name: Go-live, milestone: true, depends_on: [{task: develop, lag: 1d}], assign: [{person: pm}]}
  - id: run
    depends_on: [build]
    tasks:
      - {id: hypercare, name: Hypercare, duration: 2d, assign: [{person: pm}]}
      - {duration: 1d, depends_on: [hypercare]}
`;

function timelineOf(text: string): Timeline {
  const timeline = buildTimeline(analyzePlan(text));
  if (!timeline) throw new Error('expected a timeline');
  return timeline;
}

describe('buildTimeline', () => {
  const timeline = timelineOf(PLAN);

  it('carries the plan, its calendar and the schedule of every task', () => {
    expect(timeline).toMatchObject({
      version: 1,
      title: 'Golden plan',
      start: '2027-01-04',
      finish: '2027-01-21',
      workingDays: 13,
      weekends: ['saturday', 'sunday'],
      holidays: ['2027-01-18'],
    });
    expect(timeline.tasks.map((task) => [task.key, task.id, task.label, task.phaseKey, task.start, task.finish, task.duration])).toEqual([
      ['t0', 'kickoff', 'Kickoff', 'p0', '2027-01-04', '2027-01-04', 1],
      ['t1', 'design', 'Design', 'p0', '2027-01-05', '2027-01-07', 3],
      ['t2', 'docs', 'Docs', 'p0', '2027-01-06', '2027-01-07', 2],
      ['t3', 'develop', 'Develop', 'p0', '2027-01-08', '2027-01-14', 5],
      ['t4', 'go-live', 'Go-live', 'p0', '2027-01-19', '2027-01-19', 0],
      ['t5', 'hypercare', 'Hypercare', 'p1', '2027-01-19', '2027-01-20', 2],
      ['t6', null, '(unnamed task)', 'p1', '2027-01-21', '2027-01-21', 1],
    ]);
    expect(timeline.tasks.map((task) => [task.critical, task.milestone, task.totalFloat, task.status, task.owner])).toEqual([
      [true, false, 0, 'done', 'pm'],
      [true, false, 0, 'in-progress', null],
      [false, false, 6, null, null],
      [true, false, 0, null, null],
      [true, true, 0, null, null],
      [true, false, 0, null, null],
      [true, false, 0, null, null],
    ]);
  });

  it('points each task at its id, or at the whole item without one', () => {
    const develop = timeline.tasks[3]!;
    expect(PLAN.slice(develop.span.start, develop.span.end)).toBe('develop');
    const unnamed = timeline.tasks[6]!;
    expect(PLAN.slice(unnamed.span.start, unnamed.span.end)).toBe('{duration: 1d, depends_on: [hypercare]}');
  });

  it('lists phases with their dates and tasks; a phase without a name shows its id', () => {
    expect(timeline.phases.map((phase) => [phase.key, phase.id, phase.label, phase.start, phase.finish, phase.critical, phase.taskKeys])).toEqual([
      // The milestone's end (index 10) is the phase's end: its finish is date(9), Jan 15.
      ['p0', 'build', 'Build', '2027-01-04', '2027-01-15', true, ['t0', 't1', 't2', 't3', 't4']],
      ['p1', 'run', 'run', '2027-01-19', '2027-01-21', true, ['t5', 't6']],
    ]);
    expect(PLAN.slice(timeline.phases[0]!.span.start, timeline.phases[0]!.span.end)).toBe('build');
  });

  it('adds up each person\'s load per Monday-based week against capacity over the plan\'s working days', () => {
    const [pm, ba, idle, secondPm] = timeline.people;
    // Week of Jan 4: kickoff 1 x 8h + design 3 x 4.8h + docs 2 x 4.8h + develop (Jan 8) 1 x 4h = 36h of 5 x 8h.
    // Week of Jan 11: develop 4 x 4h. Week of Jan 18: the holiday and the days after
    // the finish (index 13 on) are not working days of the plan: Jan 19-21, 3 x 8h;
    // hypercare 2 x 8h. The go-live milestone occupies no day.
    expect(pm!.key).toBe('r0');
    expect(timeline.weeks).toEqual(['2027-01-04', '2027-01-11', '2027-01-18']);
    expect(pm!.weeks.map((week) => week.week)).toEqual(['2027-01-04', '2027-01-11', '2027-01-18']);
    expect(pm!.weeks.map((week) => week.loadHours)).toEqual([expect.closeTo(36, 9), expect.closeTo(16, 9), expect.closeTo(16, 9)]);
    expect(pm!.weeks.map((week) => week.capacityHours)).toEqual([40, 40, 24]);
    // Jan 6-7: design 4.8h + docs 4.8h = 9.6h > 8h, an overallocation of the schedule.
    expect(pm!.weeks.map((week) => week.overallocated)).toEqual([true, false, false]);
    expect(pm!.weeks.map((week) => week.taskKeys)).toEqual([['t0', 't1', 't2', 't3'], ['t3'], ['t5']]);

    // 8h/w is 1.6h a day. docs at 50% is 4h a day on Jan 6-7: 8h in the week, exactly the
    // week's capacity, and still overallocated, because the rule looks at days, not weeks.
    // Weeks without work or overallocation are left out.
    expect(ba!.weeks.map((week) => [week.week, week.loadHours, week.capacityHours, week.overallocated])).toEqual([
      ['2027-01-04', 8, expect.closeTo(8, 9), true],
    ]);

    expect(idle!.label).toBe('idle');
    expect(idle!.weeks).toEqual([]);
    // The first declaration of an id wins: the second `pm` carries no load.
    expect(secondPm!.weeks).toEqual([]);
  });

  it('counts findings by severity', () => {
    const analysis = analyzePlan(PLAN);
    const count = (severity: string): number => analysis.findings.filter((finding) => finding.severity === severity).length;
    expect(buildTimeline(analysis)!.findings).toEqual({
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      hints: count('hint'),
    });
    // The duplicate person id is an error.
    expect(timeline.findings.errors).toBeGreaterThan(0);
  });

  it('starts the first week on the Monday before a mid-week start, counting only the plan\'s days', () => {
    const midWeek = timelineOf(`crmplan: 1
plan:
  start: 2027-01-06
  calendar: {workdays: [mon, tue, wed, thu, fri, sat]}
people:
  - {id: pm}
phases:
  - id: p
    tasks:
      - {id: a, duration: 4d, assign: [{person: pm, load: 50%}]}
`);
    // Wed Jan 6 .. Sat Jan 9 is the whole plan: one week, 4 working days.
    expect(midWeek.title).toBeNull();
    expect(midWeek.weekends).toEqual(['sunday']);
    expect(midWeek.people[0]!.weeks).toEqual([
      { week: '2027-01-04', loadHours: 16, capacityHours: 32, overallocated: false, taskKeys: ['t0'] },
    ]);
  });

  it('leaves tasks on a cycle without dates', () => {
    const cyclic = timelineOf(`crmplan: 1
plan: {start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: a, duration: 1d, depends_on: [b]}
      - {id: b, duration: 2d, depends_on: [a]}
      - {id: c, duration: 1d}
`);
    expect(cyclic.tasks.map((task) => [task.id, task.start, task.finish, task.duration, task.totalFloat])).toEqual([
      ['a', null, null, 1, null],
      ['b', null, null, 2, null],
      ['c', '2027-01-04', '2027-01-04', 1, 0],
    ]);
  });

  it('is undefined when the plan cannot be scheduled', () => {
    expect(buildTimeline(analyzePlan('crmplan: 1\nplan: {name: No start}\n'))).toBeUndefined();
    expect(buildTimeline(analyzePlan(': not yaml ['))).toBeUndefined();
  });
});

describe('a schedule far longer than any real plan', () => {
  it('computes at most MAX_LOAD_WEEKS weeks of load, starting at the plan start', () => {
    const timeline = timelineOf(`crmplan: 1
plan: {name: Typo, start: 2027-01-04}
people: [{id: pm, capacity: 100%}]
phases:
  - id: build
    tasks:
      - {id: forever, duration: 26000d, owner: pm, assign: [{person: pm, load: 50%}]}
`);
    const weeks = timeline.people[0]!.weeks;
    expect(weeks).toHaveLength(MAX_LOAD_WEEKS);
    expect(weeks[0]).toMatchObject({ week: '2027-01-04', loadHours: 20, capacityHours: 40 });
    expect(weeks.at(-1)?.loadHours).toBe(20);
  });
});

describe('what the preview draws over the bars', () => {
  it('lists every resolved depends_on entry with its type and signed lag, tasks then phases', () => {
    // PLAN: design after kickoff; docs SS design +1d; develop after design; go-live after develop +1d;
    // the unnamed task after hypercare; the phase run after the phase build.
    expect(timelineOf(PLAN).dependencies).toEqual([
      { from: 't0', to: 't1', type: 'FS' },
      { from: 't1', to: 't2', type: 'SS', lag: '+1d' },
      { from: 't1', to: 't3', type: 'FS' },
      { from: 't3', to: 't4', type: 'FS', lag: '+1d' },
      { from: 't5', to: 't6', type: 'FS' },
      { from: 'p0', to: 'p1', type: 'FS' },
    ]);
  });

  it('carries progress (done counts as 100), actual dates and the status date, each only when written', () => {
    const timeline = timelineOf(`crmplan: 1
plan: {name: In flight, start: 2027-01-04, status_date: 2027-01-06}
phases:
  - id: build
    tasks:
      - {id: a, duration: 2d, status: done, actual_start: 2027-01-04, actual_finish: 2027-01-05}
      - {id: b, duration: 4d, depends_on: [{task: a, lag: -1w}], status: in-progress, progress: 25%, actual_start: 2027-01-06}
      - {id: c, duration: 1d, depends_on: [b]}
`);
    expect(timeline.statusDate).toBe('2027-01-06');
    expect(timeline.tasks.map((task) => [task.id, task.progress, task.actualStart, task.actualFinish])).toEqual([
      ['a', 100, '2027-01-04', '2027-01-05'],
      ['b', 25, '2027-01-06', undefined],
      ['c', undefined, undefined, undefined],
    ]);
    expect(timeline.dependencies?.[0]).toEqual({ from: 't0', to: 't1', type: 'FS', lag: '-1w' });
    const plain = timelineOf('crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases: [{id: x, tasks: [{id: y, duration: 1d}]}]\n');
    expect('dependencies' in plain || 'statusDate' in plain || 'progress' in plain.tasks[0]!).toBe(false);
  });

  it('draws a task with an actual finish as done and one with only an actual start as in progress, as the scheduler treats them', () => {
    const timeline = timelineOf(`crmplan: 1
plan: {name: In flight, start: 2027-01-04, status_date: 2027-01-08}
phases:
  - id: build
    tasks:
      - {id: finished, duration: 2d, actual_start: 2027-01-04, actual_finish: 2027-01-05}
      - {id: started, duration: 4d, depends_on: [finished], actual_start: 2027-01-06}
      - {id: blocked, duration: 4d, depends_on: [finished], status: blocked, actual_start: 2027-01-06}
      - {id: later, duration: 1d, depends_on: [started]}
`);
    // No status written: the actual finish makes it done (progress 100), the actual start in progress; a written status other than done stays.
    expect(timeline.tasks.map((task) => [task.id, task.status, task.progress])).toEqual([
      ['finished', 'done', 100],
      ['started', 'in-progress', undefined],
      ['blocked', 'blocked', undefined],
      ['later', null, undefined],
    ]);
  });
});
