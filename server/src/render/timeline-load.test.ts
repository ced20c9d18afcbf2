import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { buildTimeline } from './timeline-model.js';
import { MAX_LISTED_RUN_TASKS } from './timeline-load.js';
import { decodeTimeline, encodeTimeline } from './timeline-wire.js';
import type { Timeline, TimelinePerson } from './timeline-types.js';

// Hand-computed. Mon 2027-05-03 is day 0. Task a: 2w = working days May 3-7 and May 10-14;
// b: Mon May 17. Dana: a at 50% (4 h a day of 8), on leave Wed-Thu May 12-13 (capacity 0:
// overallocated there), b at 100%. Sam works Monday to Thursday: a full time (8 h of 8), and on
// the Fridays, his days off, overallocated. Lee: on leave May 4-5, no work. Timeline weeks:
// May 3, 10, 17; the last ends with the plan on May 17.
const PLAN = `crmplan: 1
plan: {name: Load runs, start: 2027-05-03}
people:
  - id: dana
    name: Dana
    leave: [{from: 2027-05-12, to: 2027-05-13, note: Conference}]
  - {id: sam, name: Sam, workdays: [mon, tue, wed, thu]}
  - id: lee
    leave: [{from: 2027-05-04, to: 2027-05-05}]
  - {id: idle}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 2w, assign: [{person: dana, load: 50%}, {person: sam}]}
      - {id: b, name: B, duration: 1d, depends_on: [a], assign: [{person: dana}]}
`;

function timelineOf(text: string): Timeline {
  const timeline = buildTimeline(analyzePlan(text));
  if (!timeline) throw new Error('expected a timeline');
  return timeline;
}

const person = (timeline: Timeline, id: string): TimelinePerson => timeline.people.find((candidate) => candidate.id === id)!;

describe("a person's load day by day", () => {
  const timeline = timelineOf(PLAN);

  it('is runs of consecutive working days alike in hours, tasks, leave and overallocation, broken at weekends', () => {
    expect(person(timeline, 'dana').hoursPerDay).toBe(8);
    expect(person(timeline, 'dana').days).toEqual({
      start: [0, 7, 9, 11, 14],
      days: [5, 2, 2, 1, 1],
      hours: [4, 4, 4, 4, 8],
      over: [0, 0, 1, 0, 0],
      tasks: [[0], [0], [0], [0], [1]],
      taskCount: [1, 1, 1, 1, 1],
      off: [null, null, { kind: 'leave', from: '2027-05-12', to: '2027-05-13', note: 'Conference' }, null, null],
    });
  });

  it('marks a weekday the person does not work, overallocated when there is work that day', () => {
    expect(person(timeline, 'sam').days).toEqual({
      start: [0, 4, 7, 11],
      days: [4, 1, 4, 1],
      hours: [8, 8, 8, 8],
      over: [0, 1, 0, 1],
      tasks: [[0], [0], [0], [0]],
      taskCount: [1, 1, 1, 1],
      off: [null, { kind: 'weekday', weekday: 'fri' }, null, { kind: 'weekday', weekday: 'fri' }],
    });
  });

  it('shows leave without work, and nothing for a person without work or leave', () => {
    expect(person(timeline, 'lee').days).toEqual({
      start: [1], days: [2], hours: [0], over: [0], tasks: [[]], taskCount: [0],
      off: [{ kind: 'leave', from: '2027-05-04', to: '2027-05-05' }],
    });
    expect(person(timeline, 'idle').days).toEqual({ start: [], days: [], hours: [], over: [], tasks: [], taskCount: [], off: [] });
  });

  it('agrees with the weeks: the same hours in each week', () => {
    for (const someone of timeline.people) {
      const byWeek = new Map<string, number>();
      someone.days.start.forEach((start, run) => {
        const day = new Date(Date.UTC(2027, 4, 3 + start));
        const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
        byWeek.set(monday, (byWeek.get(monday) ?? 0) + someone.days.hours[run]! * someone.days.days[run]!);
      });
      const weeks = new Map(someone.weeks.filter((week) => week.loadHours > 0).map((week) => [week.week, week.loadHours]));
      expect(new Map([...byWeek].filter(([, hours]) => hours > 0)), someone.label).toEqual(weeks);
    }
  });

  it('crosses the wire unchanged (people are sent as they are)', () => {
    expect(decodeTimeline(JSON.parse(JSON.stringify(encodeTimeline(timeline)))).people).toEqual(timeline.people);
  });
});

describe('the load runs of a plan in odd shapes', () => {
  it('lists at most MAX_LISTED_RUN_TASKS tasks of a run and counts them all', () => {
    const count = MAX_LISTED_RUN_TASKS + 2; // 14
    const tasks = Array.from({ length: count }, (_, index) => `      - {id: t${index}, duration: 1d, assign: [{person: pm, load: 5%}]}`);
    const text = `crmplan: 1\nplan: {name: P, start: 2027-05-03}\npeople: [{id: pm}]\nphases:\n  - id: p\n    tasks:\n${tasks.join('\n')}\n`;
    const days = timelineOf(text).people[0]!.days;
    expect(days.start).toEqual([0]);
    expect(days.hours).toEqual([5.6]); // 14 x 5% of 8 h
    expect(days.tasks[0]).toEqual(Array.from({ length: MAX_LISTED_RUN_TASKS }, (_, index) => index));
    expect(days.taskCount).toEqual([count]);
  });

  it('starts runs from the plan start even when that is a Saturday, and breaks them at holidays', () => {
    // Sat 2027-05-01; working days Mon May 3 .. Thu May 6, Fri May 7 a holiday, Mon May 10.
    const text = `crmplan: 1
plan: {name: P, start: 2027-05-01, calendar: {holidays: [2027-05-07]}}
people: [{id: pm}]
phases:
  - id: p
    tasks:
      - {id: a, duration: 5d, assign: [{person: pm}]}
`;
    const days = timelineOf(text).people[0]!.days;
    expect(days.start).toEqual([2, 9]);
    expect(days.days).toEqual([4, 1]);
  });

  it('stops at the timeline weeks of a schedule as long as the calendar allows', () => {
    const text = `crmplan: 1\nplan: {name: P, start: 2027-05-03}\npeople: [{id: pm}]\nphases:\n  - id: p\n    tasks:\n      - {id: a, duration: 3000d, assign: [{person: pm}]}\n`;
    const timeline = timelineOf(text);
    const days = timeline.people[0]!.days;
    const lastMonday = Date.parse(timeline.weeks[timeline.weeks.length - 1]!);
    const lastRunEnd = Date.parse(timeline.start) + (days.start[days.start.length - 1]! + days.days[days.days.length - 1]!) * 86_400_000;
    // One run per week, the last ending with the last timeline week's Friday.
    expect(days.start.length).toBe(timeline.weeks.length);
    expect(lastRunEnd).toBe(lastMonday + 5 * 86_400_000);
  });
});
