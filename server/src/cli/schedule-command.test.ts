import { describe, expect, it } from 'vitest';
import { formatScheduleTable } from './schedule-command.js';
import { IN_FLIGHT_WITH_BASELINE, schedulePlanText } from '../schedule/schedule-test-support.js';

// Figures hand-computed in server/src/schedule/schedule-json-progress.test.ts.
describe('formatScheduleTable: progress and baseline columns', () => {
  it('adds done, planned, +/-, baseline and slip columns and header lines', () => {
    const scheduled = schedulePlanText(IN_FLIGHT_WITH_BASELINE);
    expect(formatScheduleTable(scheduled.model, scheduled.schedule).split('\n')).toEqual([
      'In flight: 2027-01-04 -> 2027-01-25, 15 working days',
      'critical tasks, by start: config, uat, go-live',
      'status date: 2027-01-13 (plan status_date)',
      'planned finish: 2027-01-20, the finish is 3 working days later than planned',
      'baseline of 2027-01-01: finish 2027-01-20, the finish is 3 working days later than baseline; entries naming no task: removed',
      '',
      '   task      phase  start       finish      days  float  done  planned     +/-  baseline    slip',
      '   kickoff   p      2027-01-04  2027-01-04     1     14  done  2027-01-04    0',
      '   design    p      2027-01-04  2027-01-12     7      5  done  2027-01-08   +2  2027-01-11    +1',
      '*  config    p      2027-01-04  2027-01-20    13      0   40%  2027-01-15   +3',
      '   reports   p      2027-01-12  2027-01-15     4      5   50%  2027-01-07   +6',
      '   build     p      2027-01-13  2027-01-15     3      5        2027-01-13   +2',
      '   training  p      2027-01-13  2027-01-14     2      6        2027-01-05   +7',
      '*  uat       p      2027-01-21  2027-01-22     2      0        2027-01-19   +3',
      '*  go-live   p      2027-01-25  2027-01-25    ms      0        2027-01-20   +3  2027-01-20    +3',
      '',
      '* critical (no float)   ! on a dependency cycle, not scheduled   ms milestone',
      'done: progress recorded (done = finished)   planned, +/-: finish as planned, working days later (+) or earlier (-)',
      'baseline, slip: signed-off finish, working days later (+) or earlier (-)',
      '',
      'overallocations: none',
      '',
    ]);
  });

  it('keeps the table of a plan without progress or baseline as it was', () => {
    const scheduled = schedulePlanText('crmplan: 1\nplan: {name: A, start: 2027-01-04}\nphases: [{id: p, tasks: [{id: a, duration: 2d}]}]\n');
    expect(formatScheduleTable(scheduled.model, scheduled.schedule).split('\n').slice(2, 5)).toEqual([
      '',
      '   task  phase  start       finish      days  float',
      '*  a     p      2027-01-04  2027-01-05     2      0',
    ]);
  });
});

describe('formatScheduleTable: a plan on time', () => {
  it('says so in the header', () => {
    // a is done as planned; b not started, as planned from T = 1 (Jan 05).
    const scheduled = schedulePlanText(`crmplan: 1
plan: {name: On time, start: 2027-01-04, status_date: 2027-01-05}
phases: [{id: p, tasks: [{id: a, duration: 1d, status: done}, {id: b, duration: 1d, depends_on: [a]}]}]
baseline: {finish: 2027-01-05, tasks: {b: {start: 2027-01-05, finish: 2027-01-05}}}
`);
    expect(formatScheduleTable(scheduled.model, scheduled.schedule).split('\n').slice(2, 5)).toEqual([
      'status date: 2027-01-05 (plan status_date)',
      'planned finish: 2027-01-05, on time',
      'baseline: finish 2027-01-05, on time',
    ]);
  });
});
