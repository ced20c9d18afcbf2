import { describe, expect, it } from 'vitest';
import { scheduleToJson } from './schedule-json.js';
import { schedulePlanText } from './schedule-test-support.js';

describe('scheduleToJson', () => {
  it('prints the contract object, with null dates for tasks on a cycle', () => {
    const scheduled = schedulePlanText(`crmplan: 1
plan:
  name: ConnectSphere CRM rollout
  start: 2027-01-04
people:
  - {id: pm, capacity: 40h/w}
  - {id: off, capacity: 0h/w}
  - {id: third, capacity: 30h/w}
phases:
  - id: discovery
    tasks:
      - {id: kickoff, duration: 1d, assign: [{person: pm, load: 100%}, {person: off, load: 10%}]}
      - id: requirements
        duration: 1w
        depends_on: [kickoff]
        assign: [{person: pm, load: 100%}, {person: third, load: 4h/w}]
      - {id: interviews, duration: 3d, depends_on: [kickoff], assign: [{person: pm, load: 50%}, {person: third, load: 4h/w}]}
  - id: loop
    tasks:
      - {id: ping, duration: 2d, depends_on: [pong]}
      - {id: pong, duration: 1w, depends_on: [ping]}
      - {id: go-live, milestone: true, depends_on: [requirements, ping]}
`);
    const json = scheduleToJson(scheduled.model, scheduled.schedule);
    expect(json).toEqual({
      version: 1,
      plan: 'ConnectSphere CRM rollout',
      start: '2027-01-04',
      finish: '2027-01-12',
      workingDays: 6,
      criticalPath: ['kickoff', 'requirements', 'go-live'],
      tasks: [
        { id: 'kickoff', phase: 'discovery', start: '2027-01-04', finish: '2027-01-04', duration: 1, totalFloat: 0, critical: true, milestone: false },
        { id: 'requirements', phase: 'discovery', start: '2027-01-05', finish: '2027-01-11', duration: 5, totalFloat: 0, critical: true, milestone: false },
        { id: 'interviews', phase: 'discovery', start: '2027-01-05', finish: '2027-01-07', duration: 3, totalFloat: 2, critical: false, milestone: false },
        { id: 'ping', phase: 'loop', start: null, finish: null, duration: 2, totalFloat: null, critical: false, milestone: false },
        { id: 'pong', phase: 'loop', start: null, finish: null, duration: 5, totalFloat: null, critical: false, milestone: false },
        { id: 'go-live', phase: 'loop', start: '2027-01-12', finish: '2027-01-12', duration: 0, totalFloat: 0, critical: true, milestone: true },
      ],
      overallocations: [
        // 8 h + 4 h over 8 h on Jan 05-07.
        { person: 'pm', from: '2027-01-05', to: '2027-01-07', peak: 1.5, tasks: ['requirements', 'interviews'] },
        { person: 'off', from: '2027-01-04', to: '2027-01-04', peak: null, tasks: ['kickoff'] },
        // third: 2 x 4h/w = 1.6 h a day of 6 h: not overallocated.
      ],
    });
    // Plain JSON: no Infinity, no undefined.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('rounds peaks to at most four decimals', () => {
    const scheduled = schedulePlanText(`crmplan: 1
plan: {name: Thirds, start: 2027-01-04}
people: [{id: p, capacity: 30h/w}]
phases:
  - id: x
    tasks:
      - {id: a, duration: 1d, assign: [{person: p, load: 100%}]}
`);
    expect(scheduled.schedule.overallocations[0]?.peak).toBe(8 / 6);
    expect(scheduleToJson(scheduled.model, scheduled.schedule).overallocations[0]?.peak).toBe(1.3333);
  });

  it('prints null for the finish of a plan without tasks and leaves id-less tasks out', () => {
    const empty = schedulePlanText('crmplan: 1\nplan: {start: 2027-01-04}\n');
    expect(scheduleToJson(empty.model, empty.schedule)).toMatchObject({
      plan: null,
      finish: null,
      workingDays: 0,
      tasks: [],
      criticalPath: [],
    });
    const anonymous = schedulePlanText(
      'crmplan: 1\nplan: {name: A, start: 2027-01-04}\nphases: [{tasks: [{name: no id, duration: 1d}, {id: b, duration: 1d}]}]\n',
    );
    expect(scheduleToJson(anonymous.model, anonymous.schedule).tasks).toEqual([
      { id: 'b', phase: null, start: '2027-01-04', finish: '2027-01-04', duration: 1, totalFloat: 0, critical: true, milestone: false },
    ]);
  });
});
