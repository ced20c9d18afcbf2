import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { ruleFixes } from '../fixes/index.js';
import { runFixture } from '../testing/fixtures.js';
import { scheduleToJson } from '../schedule/schedule-json.js';
import { buildTimeline } from '../render/timeline-model.js';
import { formatScheduleTable } from '../cli/schedule-command.js';

// Hand-computed. 2027-05-03 is a Monday; the project works mon-fri.
// Dana's leave is Mon 2027-05-10 .. Fri 2027-05-14. Sam works mon-thu.
// Memorial Day (US, public) is Mon 2027-05-31.
const LEAVE_PLAN = `crmplan: 1
plan: {name: P, start: 2027-05-03}
people:
  - id: dana
    name: Dana Lee
    leave:
      - {from: 2027-05-10, to: 2027-05-14, note: vacation}
      - {from: 2027-06-07, to: 2027-06-08}
  - id: sam
    name: Sam
    workdays: [mon, tue, wed, thu]
  - id: lee
    country: US
  - id: spare
phases:
  - id: p
    tasks:
      - id: uat
        duration: 2w
        assign:
          - {person: dana} # expect: overallocation
      - id: docs
        duration: 1w
        start: 2027-05-17
        assign: [{person: dana}]
      - id: x
        duration: 1w
        assign:
          - {person: sam, load: 50%} # expect: overallocation
      - id: y
        duration: 1d
        start: 2027-05-31
        assign:
          - {person: lee} # expect: overallocation
      - id: z
        duration: 3d
        start: 2027-06-03
        assign:
          - {person: dana, load: 50%} # expect: overallocation
`;

describe('people\'s own calendars', () => {
  it('reports work during leave, on a weekday off and on a holiday of the person, exact to the day; nothing outside', () => {
    const { actual, expected, findings } = runFixture(LEAVE_PLAN, { rules: ['overallocation'] });
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => finding.message)).toEqual([
      "Dana Lee ('dana') is on leave 2027-05-10 to 2027-05-14 (vacation) but assigned 100% to 'uat'.",
      "Sam ('sam') does not work on Fridays but is assigned 50% to 'x' on 2027-05-07.",
      "'lee' has a public holiday on 2027-05-31 (Memorial Day) but is assigned 100% to 'y'.",
      // z: Thu 2027-06-03, Fri 06-04, Mon 06-07: only the Monday is leave.
      "Dana Lee ('dana') is on leave 2027-06-07 to 2027-06-08 but assigned 50% to 'z' on 2027-06-07.",
    ]);
  });

  it('keeps task durations on the project calendar and shows the days off in the schedule JSON', () => {
    const analysis = analyzePlan(LEAVE_PLAN);
    const schedule = analysis.schedule!;
    expect(schedule.tasks[0]).toMatchObject({ start: '2027-05-03', finish: '2027-05-14' });
    const leave = schedule.overallocations.find((range) => range.personId === 'dana');
    expect(leave).toMatchObject({ from: '2027-05-10', to: '2027-05-14', capacityHours: 0, peak: Infinity, dayOff: { kind: 'leave', note: 'vacation' } });
    const json = JSON.parse(JSON.stringify(scheduleToJson(analysis.model, schedule))) as { overallocations: unknown[] };
    expect(json.overallocations).toEqual([
      { person: 'dana', from: '2027-05-10', to: '2027-05-14', peak: null, tasks: ['uat'], dayOff: { kind: 'leave', from: '2027-05-10', to: '2027-05-14', note: 'vacation' } },
      { person: 'dana', from: '2027-06-07', to: '2027-06-07', peak: null, tasks: ['z'], dayOff: { kind: 'leave', from: '2027-06-07', to: '2027-06-08' } },
      { person: 'sam', from: '2027-05-07', to: '2027-05-07', peak: null, tasks: ['x'], dayOff: { kind: 'weekday', weekday: 'fri' } },
      { person: 'lee', from: '2027-05-31', to: '2027-05-31', peak: null, tasks: ['y'], dayOff: { kind: 'holiday', date: '2027-05-31', name: 'Memorial Day' } },
    ]);
  });

  it('says why the capacity is 0 in the text table of crmplan schedule', () => {
    const analysis = analyzePlan(LEAVE_PLAN);
    expect(formatScheduleTable(analysis.model, analysis.schedule!).split('\n').filter((line) => line.includes('peak'))).toEqual([
      '  dana  2027-05-10 -> 2027-05-14  peak n/a (on leave)  uat',
      '  dana  2027-06-07 -> 2027-06-07  peak n/a (on leave)  z',
      '  sam  2027-05-07 -> 2027-05-07  peak n/a (weekday off)  x',
      '  lee  2027-05-31 -> 2027-05-31  peak n/a (public holiday)  y',
    ]);
  });

  it('shows the days off in the timeline\'s weeks, with the capacity left', () => {
    const timeline = buildTimeline(analyzePlan(LEAVE_PLAN))!;
    const dana = timeline.people.find((person) => person.id === 'dana')!;
    // Week of 05-03: uat full time, no leave; 05-10: all five days on leave; 06-07: the plan ends on
    // that Monday (its last week counts only the plan's days), which is leave.
    expect(dana.weeks.filter((week) => ['2027-05-03', '2027-05-10', '2027-06-07'].includes(week.week))).toEqual([
      { week: '2027-05-03', loadHours: 40, capacityHours: 40, overallocated: false, taskKeys: ['t0'] },
      { week: '2027-05-10', loadHours: 40, capacityHours: 0, overallocated: true, taskKeys: ['t0'], daysOff: 5 },
      { week: '2027-06-07', loadHours: 4, capacityHours: 0, overallocated: true, taskKeys: ['t4'], daysOff: 1 },
    ]);
    // Sam does not work on Fridays: one day off in every week of the plan.
    const sam = timeline.people.find((person) => person.id === 'sam')!;
    expect(sam.weeks[0]).toEqual({ week: '2027-05-03', loadHours: 20, capacityHours: 32, overallocated: true, taskKeys: ['t2'], daysOff: 1 });
  });

  it('offers to reassign work during leave to someone free (not to someone off then)', () => {
    const analysis = analyzePlan(LEAVE_PLAN);
    const finding = analysis.findings.find((candidate) => candidate.rule === 'overallocation' && candidate.message.includes("'uat'"))!;
    // sam is off on Fridays and lee works every day of uat (Memorial Day is later): lee and spare are free.
    expect(ruleFixes(finding, analysis).map((fix) => fix.title)).toEqual(["Reassign 'uat' to 'lee'", "Reassign 'uat' to 'spare'"]);
  });

  it('reports a leave that ends before it starts, dates that are not dates and unknown weekdays on the value', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-05-03}
people:
  - id: dana
    workdays: [mon, tuesday]
    leave:
      - {from: 2027-05-14, to: 2027-05-10}
      - {from: next week, to: 2027-05-10}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 2w, assign: [{person: dana}]}
`;
    const analysis = analyzePlan(text);
    const schema = analysis.findings.filter((finding) => finding.rule === 'schema');
    const at = (finding: { span: { start: number; end: number } }): string => text.slice(finding.span.start, finding.span.end);
    expect(schema.map(at)).toEqual(['tuesday', '2027-05-10', 'next week']);
    expect(schema[1]!.message).toBe("The leave of 'dana' ends on 2027-05-10, before it starts on 2027-05-14: it is not used.");
    // The bad leaves are left out; Dana works mondays only (the valid weekday), so the other days of 'a' are days off.
    expect(analysis.schedule!.tasks[0]).toMatchObject({ start: '2027-05-03', finish: '2027-05-14' });
    expect(analysis.findings.filter((finding) => finding.rule === 'overallocation')[0]!.message).toBe(
      "'dana' does not work on Tuesdays but is assigned 100% to 'a' on 2027-05-04 and 2027-05-11. 'dana' does not work on Wednesdays but is assigned 100% to 'a' on 2027-05-05 and 2027-05-12. 'dana' does not work on Thursdays but is assigned 100% to 'a' on 2027-05-06 and 2027-05-13. 'dana' does not work on Fridays but is assigned 100% to 'a' on 2027-05-07 and 2027-05-14.",
    );
  });
});
