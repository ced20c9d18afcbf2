import { describe, expect, it } from 'vitest';
import { buildPlanModel } from '../model/build-plan-model.js';
import { collectSymbols } from '../model/symbols.js';
import { buildWorkGraph } from '../model/work-graph.js';
import { parsePlanText } from '../parse/parse-plan-text.js';
import { computeSchedule, type Schedule } from './compute-schedule.js';
import type { ScheduleOptions } from './progress.js';

// Working days of the default calendar from Monday 2027-01-04 (no holidays):
//  0 Jan 04 Mon   5 Jan 11 Mon   10 Jan 18 Mon   15 Jan 25 Mon
//  1 Jan 05 Tue   6 Jan 12 Tue   11 Jan 19 Tue   16 Jan 26 Tue
//  2 Jan 06 Wed   7 Jan 13 Wed   12 Jan 20 Wed   17 Jan 27 Wed
//  3 Jan 07 Thu   8 Jan 14 Thu   13 Jan 21 Thu
//  4 Jan 08 Fri   9 Jan 15 Fri   14 Jan 22 Fri

/** The worked example of docs/format.md#progress-and-actual-dates. */
const IN_FLIGHT = (statusDate: string) => `crmplan: 1
plan:
  name: In flight
  start: 2027-01-04
${statusDate}phases:
  - id: p
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d, status: done}
      - {id: design, name: Design, duration: 5d, actual_start: 2027-01-04, actual_finish: 2027-01-12}
      - {id: config, name: Configuration, duration: 10d, actual_start: 2027-01-04, progress: 40%}
      - {id: reports, name: Reports, duration: 4d, actual_start: 2027-01-12, progress: 50%}
      - {id: build, name: Build, duration: 3d, depends_on: [design]}
      - {id: training, name: Training, duration: 2d}
      - {id: uat, name: UAT, duration: 2d, depends_on: [config]}
      - {id: go-live, name: Go-live, milestone: true, depends_on: [uat, build]}
`;

function scheduleOf(text: string, options?: ScheduleOptions): Schedule {
  const model = buildPlanModel(parsePlanText(text));
  const schedule = computeSchedule(model, buildWorkGraph(model, collectSymbols(model)), options);
  if (!schedule) throw new Error('no schedule');
  return schedule;
}

/** id -> [start, finish, duration] */
function dates(schedule: Schedule, text: string): Record<string, [string, string, number] | undefined> {
  const model = buildPlanModel(parsePlanText(text));
  return Object.fromEntries(
    model.tasks.map((task, index) => {
      const scheduled = schedule.tasks[index];
      return [task.id?.value ?? '', scheduled && [scheduled.start, scheduled.finish, scheduled.duration]];
    }),
  );
}

describe('computeSchedule: progress and actual dates', () => {
  it('keeps actual dates, schedules remaining work from the status date and nothing unstarted before it', () => {
    const text = IN_FLIGHT('  status_date: 2027-01-13\n');
    const schedule = scheduleOf(text);
    expect(schedule.status).toEqual({ date: '2027-01-13', source: 'plan', index: 7 });
    expect(dates(schedule, text)).toEqual({
      // done with no dates: finished as planned
      kickoff: ['2027-01-04', '2027-01-04', 1],
      // finished: its actual dates, 7 working days instead of 5
      design: ['2027-01-04', '2027-01-12', 7],
      // started, behind: R = ceil(0.6 x 10) = 6 from T = 7, e = 13
      config: ['2027-01-04', '2027-01-20', 13],
      // started, ahead: R = 2, T + R = 9 < s + D = 10, e = 10
      reports: ['2027-01-12', '2027-01-15', 4],
      // waits for design's actual finish (e = 7) = T
      build: ['2027-01-13', '2027-01-15', 3],
      // no dependency: not before T
      training: ['2027-01-13', '2027-01-14', 2],
      // waits for config's forecast finish
      uat: ['2027-01-21', '2027-01-22', 2],
      'go-live': ['2027-01-25', '2027-01-25', 0],
    });
    expect(schedule.finish).toBe('2027-01-25');
    const config = schedule.tasks[2]!;
    expect(config.progress).toEqual({ state: 'started', percent: 40, plannedDuration: 10, remaining: 6 });
    expect(schedule.tasks[1]!.progress).toEqual({ state: 'finished', plannedDuration: 5 });
    expect(schedule.tasks[5]!.progress).toEqual({ state: 'not-started', plannedDuration: 2 });
    expect(schedule.tasks[7]!.milestone).toBe(true);
    // The schedule without progress is kept for comparison: training at 0, config 0..9, uat 10..11, go-live 12.
    expect(schedule.planned?.tasks[5]?.start).toBe('2027-01-04');
    expect(schedule.planned?.tasks[2]?.finish).toBe('2027-01-15');
    expect(schedule.planned?.finish).toBe('2027-01-20');
    expect(schedule.planned?.planned).toBeUndefined();
  });

  it('--as-of wins over status_date; the editor today only counts without one', () => {
    const text = IN_FLIGHT('  status_date: 2027-01-13\n');
    expect(scheduleOf(text, { statusDate: '2027-01-18' }).status).toEqual({ date: '2027-01-18', source: 'option', index: 10 });
    expect(scheduleOf(text, { today: '2027-01-18' }).status?.source).toBe('plan');
    const noDate = IN_FLIGHT('');
    expect(scheduleOf(noDate, { today: '2027-01-18' }).status).toEqual({ date: '2027-01-18', source: 'today', index: 10 });
    // A status date on a weekend counts from the next working day.
    expect(scheduleOf(text, { statusDate: '2027-01-16' }).status?.index).toBe(10);
  });

  it('without a status date actual dates are kept and started tasks take their planned duration', () => {
    const text = IN_FLIGHT('');
    const schedule = scheduleOf(text);
    expect(schedule.status).toBeUndefined();
    const result = dates(schedule, text);
    expect(result['design']).toEqual(['2027-01-04', '2027-01-12', 7]);
    expect(result['config']).toEqual(['2027-01-04', '2027-01-15', 10]);
    expect(result['training']).toEqual(['2027-01-04', '2027-01-05', 2]);
    expect(result['build']).toEqual(['2027-01-13', '2027-01-15', 3]);
  });

  it('a plan without progress data and without a status date is scheduled exactly as before', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 3d, status: in-progress}
      - {id: b, name: B, duration: 2d, depends_on: [a]}
`;
    const schedule = scheduleOf(text, { today: '2027-03-01' });
    // in-progress without actual dates records progress: today applies to it
    expect(schedule.status?.source).toBe('today');
    const plain = scheduleOf(text.replace(', status: in-progress', ''), { today: '2027-03-01' });
    expect(plain.status).toBeUndefined();
    expect(plain.planned).toBeUndefined();
    expect(plain.tasks[0]?.progress).toBeUndefined();
    expect(dates(plain, text)).toEqual({ a: ['2027-01-04', '2027-01-06', 3], b: ['2027-01-07', '2027-01-08', 2] });
  });

  it('a status date alone moves only what is not done before it; start-conflict is not the status date', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04, status_date: 2027-01-06}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 3d, start: 2027-01-05}
      - {id: b, name: B, duration: 2d, status: done}
      - {id: c, name: C, duration: 2d, actual_finish: 2027-01-05}
      - {id: m, name: M, milestone: true, actual_finish: 2027-01-05}
`;
    const schedule = scheduleOf(text);
    expect(dates(schedule, text)).toEqual({
      a: ['2027-01-06', '2027-01-08', 3],
      b: ['2027-01-04', '2027-01-05', 2],
      // only actual_finish: ends there after its planned duration
      c: ['2027-01-04', '2027-01-05', 2],
      m: ['2027-01-05', '2027-01-05', 0],
    });
    expect(schedule.tasks[0]?.startConflict).toBe(false);
  });

  it('a finish before the start keeps the start; remaining work rounds up; 100% leaves no remaining work', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04, status_date: 2027-01-11}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 3d, actual_start: 2027-01-06, actual_finish: 2027-01-05}
      - {id: b, name: B, duration: 10d, actual_start: 2027-01-04, progress: 12.5%}
      - {id: c, name: C, duration: 2d, actual_start: 2027-01-04, progress: 100%}
`;
    const schedule = scheduleOf(text);
    expect(dates(schedule, text)).toEqual({
      a: ['2027-01-06', '2027-01-06', 1],
      // R = ceil(0.875 x 10) = 9 from T = 5: e = 14
      b: ['2027-01-04', '2027-01-21', 14],
      // R = 0: e = max(0 + 2, 5 + 0) = 5
      c: ['2027-01-04', '2027-01-08', 5],
    });
  });
});
