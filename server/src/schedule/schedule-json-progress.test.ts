import { describe, expect, it } from 'vitest';
import { scheduleToJson } from './schedule-json.js';
import { IN_FLIGHT_WITH_BASELINE, schedulePlanText } from './schedule-test-support.js';

describe('scheduleToJson: progress, planned dates and the baseline', () => {
  it('gives each task what was recorded, its planned dates and its slip, and the plan its status date and baseline', () => {
    const scheduled = schedulePlanText(IN_FLIGHT_WITH_BASELINE);
    const json = scheduleToJson(scheduled.model, scheduled.schedule);
    // As planned (no progress): kickoff 0-1, design 0-5, config 0-10, reports 0-4,
    // build 5-8 (after design), training 0-2, uat 10-12, go-live 12: finish Jan 20.
    // Now: go-live at 15 (Jan 25), 3 working days later; the baseline's Jan 20 (12) too.
    expect(json).toMatchObject({
      finish: '2027-01-25',
      workingDays: 15,
      criticalPath: ['config', 'uat', 'go-live'],
      statusDate: { date: '2027-01-13', source: 'plan' },
      planned: { finish: '2027-01-20', workingDays: 12, slipDays: 3 },
      baseline: { date: '2027-01-01', finish: '2027-01-20', slipDays: 3, slipThreshold: 2, unknownTasks: ['removed'] },
    });
    // Float from E = 15: build 12 - 7 = 5, design (before build) 5 - 0, reports 11 - 6, training 13 - 7, kickoff 14 - 0.
    // planned.slipDays = finish index now - as planned.
    expect(json.tasks).toEqual([
      {
        id: 'kickoff', phase: 'p', start: '2027-01-04', finish: '2027-01-04', duration: 1, totalFloat: 14, critical: false, milestone: false,
        progress: { state: 'finished', percent: null, actualStart: null, actualFinish: null, remaining: null },
        planned: { start: '2027-01-04', finish: '2027-01-04', duration: 1, slipDays: 0 },
      },
      {
        // 7 working days between its actual dates, finish index 6 against 4 planned.
        id: 'design', phase: 'p', start: '2027-01-04', finish: '2027-01-12', duration: 7, totalFloat: 5, critical: false, milestone: false,
        progress: { state: 'finished', percent: null, actualStart: '2027-01-04', actualFinish: '2027-01-12', remaining: null },
        planned: { start: '2027-01-04', finish: '2027-01-08', duration: 5, slipDays: 2 },
        // start Jan 05 (1) -> Jan 04 (0); finish Jan 11 (5) -> Jan 12 (6).
        baseline: { start: '2027-01-05', finish: '2027-01-11', startSlipDays: -1, finishSlipDays: 1 },
      },
      {
        // R = ceil(0.6 x 10) = 6 from T = 7: e = 13, finish index 12 against 9.
        id: 'config', phase: 'p', start: '2027-01-04', finish: '2027-01-20', duration: 13, totalFloat: 0, critical: true, milestone: false,
        progress: { state: 'started', percent: 40, actualStart: '2027-01-04', actualFinish: null, remaining: 6 },
        planned: { start: '2027-01-04', finish: '2027-01-15', duration: 10, slipDays: 3 },
      },
      {
        // R = 2, e = max(6 + 4, 7 + 2) = 10: finish index 9 against 3.
        id: 'reports', phase: 'p', start: '2027-01-12', finish: '2027-01-15', duration: 4, totalFloat: 5, critical: false, milestone: false,
        progress: { state: 'started', percent: 50, actualStart: '2027-01-12', actualFinish: null, remaining: 2 },
        planned: { start: '2027-01-04', finish: '2027-01-07', duration: 4, slipDays: 6 },
      },
      {
        id: 'build', phase: 'p', start: '2027-01-13', finish: '2027-01-15', duration: 3, totalFloat: 5, critical: false, milestone: false,
        progress: { state: 'not-started', percent: null, actualStart: null, actualFinish: null, remaining: null },
        planned: { start: '2027-01-11', finish: '2027-01-13', duration: 3, slipDays: 2 },
      },
      {
        id: 'training', phase: 'p', start: '2027-01-13', finish: '2027-01-14', duration: 2, totalFloat: 6, critical: false, milestone: false,
        progress: { state: 'not-started', percent: null, actualStart: null, actualFinish: null, remaining: null },
        planned: { start: '2027-01-04', finish: '2027-01-05', duration: 2, slipDays: 7 },
      },
      {
        id: 'uat', phase: 'p', start: '2027-01-21', finish: '2027-01-22', duration: 2, totalFloat: 0, critical: true, milestone: false,
        progress: { state: 'not-started', percent: null, actualStart: null, actualFinish: null, remaining: null },
        planned: { start: '2027-01-18', finish: '2027-01-19', duration: 2, slipDays: 3 },
      },
      {
        id: 'go-live', phase: 'p', start: '2027-01-25', finish: '2027-01-25', duration: 0, totalFloat: 0, critical: true, milestone: true,
        progress: { state: 'not-started', percent: null, actualStart: null, actualFinish: null, remaining: null },
        planned: { start: '2027-01-20', finish: '2027-01-20', duration: 0, slipDays: 3 },
        baseline: { start: '2027-01-20', finish: '2027-01-20', startSlipDays: 3, finishSlipDays: 3 },
      },
    ]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('adds nothing to a plan without progress data, status date or baseline', () => {
    const scheduled = schedulePlanText('crmplan: 1\nplan: {name: A, start: 2027-01-04}\nphases: [{id: p, tasks: [{id: a, duration: 2d}]}]\n');
    const json = scheduleToJson(scheduled.model, scheduled.schedule);
    expect(Object.keys(json)).toEqual(['version', 'plan', 'start', 'finish', 'workingDays', 'criticalPath', 'tasks', 'overallocations']);
    expect(Object.keys(json.tasks[0]!)).toEqual(['id', 'phase', 'start', 'finish', 'duration', 'totalFloat', 'critical', 'milestone']);
  });

  it('compares with a baseline without a status date: no progress or planned fields, a missing date is null', () => {
    // a 0-1 (Jan 4), b 1-3 (Jan 5-6). Baseline b: start Jan 4 (0) -> Jan 5 (1) = +1; no finish written (a schema error).
    const scheduled = schedulePlanText(`crmplan: 1
plan: {name: B, start: 2027-01-04}
phases: [{id: p, tasks: [{id: a, duration: 1d}, {id: b, duration: 2d, depends_on: [a]}]}]
baseline:
  tasks:
    b: {start: 2027-01-04}
`);
    const json = scheduleToJson(scheduled.model, scheduled.schedule);
    expect(json.statusDate).toBeUndefined();
    expect(json.planned).toBeUndefined();
    expect(json.baseline).toEqual({ date: null, finish: null, slipDays: null, slipThreshold: 0, unknownTasks: [] });
    expect(json.tasks[0]).not.toHaveProperty('baseline');
    expect(json.tasks[1]).toEqual({
      id: 'b', phase: 'p', start: '2027-01-05', finish: '2027-01-06', duration: 2, totalFloat: 0, critical: true, milestone: false,
      baseline: { start: '2027-01-04', finish: null, startSlipDays: 1, finishSlipDays: null },
    });
  });
});
