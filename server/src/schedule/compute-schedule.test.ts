import { describe, expect, it } from 'vitest';
import { buildPlanModel } from '../model/build-plan-model.js';
import { collectSymbols } from '../model/symbols.js';
import { buildWorkGraph } from '../model/work-graph.js';
import { parsePlanText } from '../parse/parse-plan-text.js';
import { computeSchedule, resolveDueAfter, resolveDueDate } from './compute-schedule.js';
import { schedulePlanText, type ScheduledPlan } from './schedule-test-support.js';

// Working days of the default calendar from Monday 2027-01-04 (no holidays):
//  0 Jan 04 Mon   5 Jan 11 Mon   10 Jan 18 Mon   15 Jan 25 Mon
//  1 Jan 05 Tue   6 Jan 12 Tue   11 Jan 19 Tue   16 Jan 26 Tue
//  2 Jan 06 Wed   7 Jan 13 Wed   12 Jan 20 Wed
//  3 Jan 07 Thu   8 Jan 14 Thu   13 Jan 21 Thu
//  4 Jan 08 Fri   9 Jan 15 Fri   14 Jan 22 Fri

function plan(body: string, planExtra = ''): string {
  return `crmplan: 1
plan:
  name: Test plan
  start: 2027-01-04
${planExtra}${body}`;
}

/** [start, finish, s, e, totalFloat, critical] of a task, for compact expectations. */
function row(scheduled: ScheduledPlan, id: string): [string, string, number, number, number, boolean] {
  const task = scheduled.task(id);
  return [task.start, task.finish, task.s, task.e, task.totalFloat, task.critical];
}

describe('computeSchedule: dates', () => {
  it('chains finish-to-start across weekends; 1w is five working days', () => {
    const scheduled = schedulePlanText(
      plan(`phases:
  - id: p1
    tasks:
      - {id: a, duration: 3d}                     # Jan 04 .. Jan 06
      - {id: b, duration: 4d, depends_on: [a]}    # Jan 07 .. Jan 12 (over the weekend)
      - {id: c, duration: 1w, depends_on: b}      # Jan 13 .. Jan 19
`),
    );
    expect(row(scheduled, 'a')).toEqual(['2027-01-04', '2027-01-06', 0, 3, 0, true]);
    expect(row(scheduled, 'b')).toEqual(['2027-01-07', '2027-01-12', 3, 7, 0, true]);
    expect(row(scheduled, 'c')).toEqual(['2027-01-13', '2027-01-19', 7, 12, 0, true]);
    expect(scheduled.task('c').duration).toBe(5);
    expect(scheduled.schedule.projectEnd).toBe(12);
    expect(scheduled.schedule.start).toBe('2027-01-04');
    expect(scheduled.schedule.finish).toBe('2027-01-19');
    expect(scheduled.schedule.criticalPath).toEqual(['a', 'b', 'c']);
  });

  it('skips holidays; a milestone right after a holiday lands on the next working day', () => {
    const scheduled = schedulePlanText(
      plan(
        `phases:
  - id: p1
    tasks:
      - {id: a, duration: 3d}                          # Jan 04, 05, 07 (06 is a holiday)
      - {id: b, duration: 4d, depends_on: [a]}         # Jan 08, 11, 12, 13
      - {id: c, duration: 2d, depends_on: [b]}         # Jan 14, 15
      - {id: m, milestone: true, depends_on: [c]}      # Jan 19: 16-17 weekend, 18 holiday
`,
        `  calendar:
    holidays: [2027-01-06, {date: 2027-01-18, name: Martin Luther King Jr. Day}]
`,
      ),
    );
    expect(row(scheduled, 'a')).toEqual(['2027-01-04', '2027-01-07', 0, 3, 0, true]);
    expect(row(scheduled, 'b')).toEqual(['2027-01-08', '2027-01-13', 3, 7, 0, true]);
    expect(row(scheduled, 'c')).toEqual(['2027-01-14', '2027-01-15', 7, 9, 0, true]);
    expect(row(scheduled, 'm')).toEqual(['2027-01-19', '2027-01-19', 9, 9, 0, true]);
    expect(scheduled.task('m').milestone).toBe(true);
    expect(scheduled.task('m').duration).toBe(0);
    // The milestone's finish is after the last task's finish: the plan finishes with it.
    expect(scheduled.schedule.projectEnd).toBe(9);
    expect(scheduled.schedule.finish).toBe('2027-01-19');
  });

  it('uses custom workdays (mon-thu): 2w is eight working days', () => {
    const scheduled = schedulePlanText(
      plan(
        `phases:
  - id: p1
    tasks:
      - {id: a, duration: 2w}                     # Jan 04-07, 11-14
      - {id: b, duration: 1d, depends_on: [a]}    # Jan 18 (Fridays are off)
      - {id: c, duration: 3d, start: 2027-01-08}  # a Friday: starts Monday Jan 11
`,
        `  calendar:
    workdays: [mon, tue, wed, thu]
`,
      ),
    );
    expect(row(scheduled, 'a')).toEqual(['2027-01-04', '2027-01-14', 0, 8, 0, true]);
    expect(row(scheduled, 'b')).toEqual(['2027-01-18', '2027-01-18', 8, 9, 0, true]);
    expect(row(scheduled, 'c')).toEqual(['2027-01-11', '2027-01-13', 4, 7, 2, false]);
    expect(scheduled.schedule.finish).toBe('2027-01-18');
  });

  it('starts a plan that begins on a Saturday on the Monday after', () => {
    const text = plan(`phases:
  - id: p1
    tasks:
      - {id: a, duration: 1d}
      - {id: b, duration: 2d, start: 2027-01-01}   # before the plan's start: no bound, no conflict
`).replace('start: 2027-01-04', 'start: 2027-01-02');
    const scheduled = schedulePlanText(text);
    expect(row(scheduled, 'a')).toEqual(['2027-01-04', '2027-01-04', 0, 1, 1, false]);
    expect(row(scheduled, 'b')).toEqual(['2027-01-04', '2027-01-05', 0, 2, 0, true]);
    expect(scheduled.task('b').startBound).toBe(-1);
    expect(scheduled.task('b').startConflict).toBe(false);
    expect(scheduled.schedule.start).toBe('2027-01-02');
    expect(scheduled.schedule.calendar.firstWorkingDay).toBe('2027-01-04');
  });

  it('applies negative lags, clamping at the first working day', () => {
    const scheduled = schedulePlanText(
      plan(`phases:
  - id: p1
    tasks:
      - {id: a, duration: 5d}                                          # Jan 04 .. Jan 08
      - {id: b, duration: 3d, depends_on: [{task: a, lag: -2d}]}       # s = 5 - 2 = 3: Jan 07 .. Jan 11
      - {id: c, duration: 2d, depends_on: [{task: a, lag: -2w}]}       # 5 - 10 < 0: s = 0
      - {id: d, duration: 1d, depends_on: [{task: a, lag: 2d}]}        # s = 7: Jan 13
`),
    );
    expect(row(scheduled, 'b')).toEqual(['2027-01-07', '2027-01-11', 3, 6, 2, false]);
    expect(row(scheduled, 'c')).toEqual(['2027-01-04', '2027-01-05', 0, 2, 6, false]);
    expect(row(scheduled, 'd')).toEqual(['2027-01-13', '2027-01-13', 7, 8, 0, true]);
    expect(row(scheduled, 'a')).toEqual(['2027-01-04', '2027-01-08', 0, 5, 0, true]);
    expect(scheduled.task('c').drivingEdge).toBeUndefined();
    expect(scheduled.task('b').drivingEdge?.dependency?.target.id).toBe('a');
  });

  it('applies start-to-start links with lags', () => {
    const scheduled = schedulePlanText(
      plan(`phases:
  - id: p1
    tasks:
      - {id: a, duration: 5d}                                             # 0..5
      - {id: b, duration: 10d, depends_on: [{task: a, type: SS, lag: 2d}]} # 2..12: Jan 06 .. Jan 19
      - {id: c, duration: 1d, depends_on: [{task: a, type: SS, lag: 1w}]}  # 5..6: Jan 11
      - {id: d, duration: 2d, depends_on: [{task: a, type: SS}]}           # 0..2
`),
    );
    expect(row(scheduled, 'b')).toEqual(['2027-01-06', '2027-01-19', 2, 12, 0, true]);
    expect(row(scheduled, 'c')).toEqual(['2027-01-11', '2027-01-11', 5, 6, 6, false]);
    expect(row(scheduled, 'd')).toEqual(['2027-01-04', '2027-01-05', 0, 2, 10, false]);
    // a only has to start by 0 for b (SS + 2) to start by 2.
    expect(row(scheduled, 'a')).toEqual(['2027-01-04', '2027-01-08', 0, 5, 0, true]);
    expect(scheduled.schedule.criticalPath).toEqual(['a', 'b']);
  });

  it('treats 0d as a milestone and schedules a task without a duration as 0 days', () => {
    const scheduled = schedulePlanText(
      plan(`phases:
  - id: p1
    tasks:
      - {id: a, duration: 2d}
      - {id: zero, duration: 0d, depends_on: [a]}
      - {id: both, milestone: true, duration: 3d, depends_on: [a]}
      - {id: draft, name: No duration yet, depends_on: [a]}
      - {id: after, duration: 1d, depends_on: [draft]}
`),
    );
    expect(scheduled.task('zero')).toMatchObject({ s: 2, e: 2, milestone: true, durationMissing: false });
    expect(scheduled.task('zero').finish).toBe('2027-01-06');
    expect(scheduled.task('both')).toMatchObject({ s: 2, e: 2, duration: 0, milestone: true });
    expect(scheduled.task('draft')).toMatchObject({ s: 2, e: 2, milestone: false, durationMissing: true });
    expect(scheduled.task('draft').finish).toBe('2027-01-06');
    expect(scheduled.task('after')).toMatchObject({ s: 2, e: 3, start: '2027-01-06' });
  });
});

describe('computeSchedule: phases', () => {
  const text = plan(`phases:
  - id: design
    tasks:
      - {id: d1, duration: 2d}                 # 0..2
      - {id: d2, duration: 4d}                 # 0..4
  - id: build
    depends_on: [design]                       # every task waits for the end of design (4)
    tasks:
      - {id: b1, duration: 3d}                 # 4..7: Jan 08 .. Jan 12
      - {id: b2, duration: 1d, depends_on: [b1]}   # 7..8: Jan 13
  - id: close
    tasks:
      - {id: x, duration: 1d, depends_on: [{task: build, type: SS, lag: 1d}]}  # build starts 4: 5..6
      - {id: y, duration: 2d, depends_on: [build]}                             # build ends 8: 8..10
  - id: empty
    tasks: []
  - id: later
    depends_on: [empty]
    tasks:
      - {id: z, duration: 1d, depends_on: [empty]}   # an empty phase imposes nothing: 0..1
objectives:
  - {id: o1, due: 5d after b2}
  - {id: o2, due: 1w after design}
  - {id: o3, due: 0d after y}
  - {id: o4, due: 3d after nothing}
  - {id: o5, due: 2027-03-01}
`);

  it('spans phases over their tasks and applies phase links to every task', () => {
    const scheduled = schedulePlanText(text);
    expect(row(scheduled, 'd1')).toEqual(['2027-01-04', '2027-01-05', 0, 2, 2, false]);
    expect(row(scheduled, 'd2')).toEqual(['2027-01-04', '2027-01-07', 0, 4, 0, true]);
    expect(row(scheduled, 'b1')).toEqual(['2027-01-08', '2027-01-12', 4, 7, 0, true]);
    expect(row(scheduled, 'b2')).toEqual(['2027-01-13', '2027-01-13', 7, 8, 0, true]);
    expect(row(scheduled, 'x')).toEqual(['2027-01-11', '2027-01-11', 5, 6, 4, false]);
    expect(row(scheduled, 'y')).toEqual(['2027-01-14', '2027-01-15', 8, 10, 0, true]);
    expect(row(scheduled, 'z')).toEqual(['2027-01-04', '2027-01-04', 0, 1, 9, false]);
    expect(scheduled.schedule.projectEnd).toBe(10);
    expect(scheduled.schedule.finish).toBe('2027-01-15');
    expect(scheduled.schedule.criticalPath).toEqual(['d2', 'b1', 'b2', 'y']);

    const [design, build, close, empty, later] = scheduled.schedule.phases;
    expect(design).toMatchObject({ s: 0, e: 4, start: '2027-01-04', finish: '2027-01-07', critical: true });
    expect(build).toMatchObject({ s: 4, e: 8, start: '2027-01-08', finish: '2027-01-13', critical: true });
    expect(close).toMatchObject({ s: 5, e: 10, start: '2027-01-11', finish: '2027-01-15' });
    expect(empty).toBeUndefined();
    expect(later).toMatchObject({ s: 0, e: 1, critical: false });
  });

  it('computes free float through phase links', () => {
    const scheduled = schedulePlanText(text);
    // d1 ends at 2, build's first task starts at 4.
    expect(scheduled.task('d1').freeFloat).toBe(2);
    expect(scheduled.task('d2').freeFloat).toBe(0);
    // x has nothing after it: up to the project end.
    expect(scheduled.task('x').freeFloat).toBe(4);
    expect(scheduled.task('b1').freeFloat).toBe(0);
  });

  it('resolves due dates after tasks and phases', () => {
    const scheduled = schedulePlanText(text);
    const dueOf = (index: number) => {
      const due = scheduled.model.objectives[index]?.due?.value;
      if (!due) throw new Error('no due');
      return due;
    };
    const after = (index: number) => {
      const due = dueOf(index);
      if (due.kind !== 'after') throw new Error('not after');
      return resolveDueAfter(scheduled.schedule, scheduled.symbols, due);
    };
    // b2 finishes on 7 (Jan 13): 5 working days later is 12 (Jan 20).
    expect(after(0)).toEqual({ index: 12, date: '2027-01-20' });
    // design finishes on 3 (Jan 07): one week later is 8 (Jan 14).
    expect(after(1)).toEqual({ index: 8, date: '2027-01-14' });
    expect(after(2)).toEqual({ index: 9, date: '2027-01-15' });
    expect(after(3)).toBeUndefined();
    expect(resolveDueDate(scheduled.schedule, scheduled.symbols, dueOf(4))).toBe('2027-03-01');
    expect(resolveDueDate(scheduled.schedule, scheduled.symbols, dueOf(0))).toBe('2027-01-20');
  });

  it('bounds only the first tasks of a phase through a start-to-start link', () => {
    // p's first task f starts at 0; g starts late on its own (start: Jan 11 = 5).
    // n waits SS on p and is long, so it is critical; g must keep positive float.
    const scheduled = schedulePlanText(
      plan(`phases:
  - id: p
    tasks:
      - {id: f, duration: 1d}
      - {id: g, duration: 1d, start: 2027-01-11}
  - id: q
    tasks:
      - {id: n, duration: 10d, depends_on: [{task: p, type: SS}]}
`),
    );
    expect(row(scheduled, 'f')).toEqual(['2027-01-04', '2027-01-04', 0, 1, 0, true]);
    expect(row(scheduled, 'g')).toEqual(['2027-01-11', '2027-01-11', 5, 6, 4, false]);
    expect(row(scheduled, 'n')).toEqual(['2027-01-04', '2027-01-15', 0, 10, 0, true]);
  });
});

describe('computeSchedule: constraints', () => {
  const scheduled = schedulePlanText(
    plan(`phases:
  - id: p1
    tasks:
      - {id: a, duration: 5d}                                           # 0..5
      - {id: pushed, duration: 2d, depends_on: [a], start: 2027-01-06}  # wants 2, gets 5: Jan 11 .. Jan 12
      - {id: waits, duration: 1d, depends_on: [a], start: 2027-01-16}   # a Saturday: 10 (Jan 18)
      - {id: late, duration: 2d, depends_on: [a], deadline: 2027-01-11} # finishes Jan 12: one day late
      - {id: sat, duration: 2d, depends_on: [a], deadline: 2027-01-09}  # deadline on Saturday: 2 days late
      - {id: ontime, duration: 2d, depends_on: [a], deadline: 2027-01-12}
      - {id: ms, milestone: true, depends_on: [a], deadline: 2027-01-11} # Jan 11: on time
`),
  );

  it('reports dependencies that push a task past its start', () => {
    expect(scheduled.task('pushed')).toMatchObject({
      s: 5,
      startBound: 2,
      startConflict: true,
      startDelay: 3,
      start: '2027-01-11',
    });
    expect(scheduled.task('pushed').drivingEdge?.dependency?.target.id).toBe('a');
    expect(scheduled.task('waits')).toMatchObject({ s: 10, startBound: 10, startConflict: false, startDelay: 0 });
    expect(scheduled.task('waits').drivingEdge).toBeUndefined();
    expect(scheduled.task('a')).toMatchObject({ startConflict: false, startBound: undefined });
  });

  it('compares the finish with the deadline', () => {
    expect(scheduled.task('late')).toMatchObject({ finish: '2027-01-12', deadlineIndex: 5, deadlineMissed: true, deadlineOverrun: 1 });
    expect(scheduled.task('sat')).toMatchObject({ deadlineIndex: 4, deadlineMissed: true, deadlineOverrun: 2 });
    expect(scheduled.task('ontime')).toMatchObject({ deadlineMissed: false, deadlineOverrun: 0 });
    expect(scheduled.task('ms')).toMatchObject({ finish: '2027-01-11', deadlineMissed: false });
    expect(scheduled.task('a')).toMatchObject({ deadlineIndex: undefined, deadlineMissed: false });
  });
});

describe('computeSchedule: cycles', () => {
  it('leaves tasks and phases on a cycle unscheduled and schedules the rest without them', () => {
    const scheduled = schedulePlanText(
      plan(`phases:
  - id: p1
    tasks:
      - {id: a, duration: 2d}
      - {id: p, duration: 3d, depends_on: [q, a]}
      - {id: q, duration: 3d, depends_on: [p]}
      - {id: r, duration: 2d, depends_on: [p, a]}     # waits only for a: 2..4
      - {id: self, duration: 1d, depends_on: [self]}
  - id: p2
    tasks:
      - {id: own, duration: 1d, depends_on: [p2]}     # depends on its own phase: a cycle
  - id: p3
    tasks:
      - {id: outside, duration: 1d, depends_on: [p2, q]}   # only waits for cyclic nodes: 0..1
`),
    );
    const { schedule } = scheduled;
    for (const id of ['p', 'q', 'self', 'own']) {
      expect(schedule.tasks[scheduled.indexOf(id)], id).toBeUndefined();
    }
    expect(schedule.phases[1]).toBeUndefined();
    expect(row(scheduled, 'a')).toEqual(['2027-01-04', '2027-01-05', 0, 2, 0, true]);
    expect(row(scheduled, 'r')).toEqual(['2027-01-06', '2027-01-07', 2, 4, 0, true]);
    expect(row(scheduled, 'outside')).toEqual(['2027-01-04', '2027-01-04', 0, 1, 3, false]);
    expect(scheduled.graph.cyclic.has(scheduled.graph.phaseNode(1))).toBe(true);
    expect(schedule.projectEnd).toBe(4);
    expect(schedule.criticalPath).toEqual(['a', 'r']);
  });
});

describe('computeSchedule: inputs', () => {
  it('returns undefined without a plan start', () => {
    const model = buildPlanModel(parsePlanText('crmplan: 1\nplan: {name: x}\nphases: [{id: p, tasks: [{id: a, duration: 1d}]}]\n'));
    expect(computeSchedule(model, buildWorkGraph(model, collectSymbols(model)))).toBeUndefined();
  });

  it('schedules an empty plan', () => {
    const scheduled = schedulePlanText(plan('phases: []\n'));
    expect(scheduled.schedule).toMatchObject({ projectEnd: 0, finish: undefined, criticalPath: [], overallocations: [] });
  });

  it('keeps tasks without an id out of the critical path ids but not out of the schedule', () => {
    const scheduled = schedulePlanText(plan(`phases:
  - id: p1
    tasks:
      - {name: anonymous, duration: 2d}
      - {id: b, duration: 2d}
`));
    expect(scheduled.schedule.tasks[0]).toMatchObject({ s: 0, e: 2, critical: true });
    expect(scheduled.schedule.criticalPath).toEqual(['b']);
    expect(scheduled.schedule.criticalTaskIndexes).toEqual([1, 0]);
  });

  it('orders the critical path by start, then id', () => {
    const scheduled = schedulePlanText(plan(`phases:
  - id: p1
    tasks:
      - {id: zeta, duration: 2d}
      - {id: alpha, duration: 2d}
      - {id: mid, duration: 1d, depends_on: [zeta, alpha]}
`));
    expect(scheduled.schedule.criticalPath).toEqual(['alpha', 'zeta', 'mid']);
  });
});
