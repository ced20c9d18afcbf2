import { describe, expect, it } from 'vitest';
import { addDays, dayOffText, gridDates, LOAD_GEOMETRY, LOAD_HEADING, loadRows, MIN_WEEK_WIDTH, runShapes, type LoadSegment } from '../../client/webview/load-rows.js';
import { analyzePlan } from '../../server/src/analysis/analyze-plan.js';
import { buildTimeline } from '../../server/src/render/timeline-model.js';

// Mon 2027-01-04. Dana (8 h a day): kickoff Jan 4-8 full time; requirements (100%) and the data
// audit (50%) both Jan 11-15: 12 h a day, overallocated; on leave Jan 18-19 with nothing to do.
// Sam (4 h a day, 50%): the data audit at 50% = 4 h of 4 h.
const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people:
  - id: pm
    name: Dana <b>Lee</b>
    leave: [{from: 2027-01-18, to: 2027-01-19, note: Ski trip}]
  - {id: admin, name: Sam, capacity: 50%}
phases:
  - id: p
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1w, assign: [{person: pm}]}
      - {id: requirements, name: Requirements, duration: 1w, depends_on: [kickoff], assign: [{person: pm}]}
      - {id: data-audit, name: Data audit, duration: 1w, depends_on: [kickoff], assign: [{person: pm, load: 50%}, {person: admin, load: 50%}]}
      - {id: wrap-up, name: Wrap-up, duration: 2d, depends_on: [requirements], assign: [{person: admin}]}
`;

describe('the load rows', () => {
  const timeline = buildTimeline(analyzePlan(PLAN))!;
  const [dana, sam] = loadRows(timeline);

  it('has one row per person, with the plan’s name as text', () => {
    expect(loadRows(timeline).map((row) => row.label)).toEqual(['Dana <b>Lee</b>', 'Sam']);
  });

  it('gives each run its dates, hours against capacity and share', () => {
    expect(dana!.segments.map(({ from, to, hours, capacity, share, over }) => ({ from, to, hours, capacity, share, over }))).toEqual([
      { from: '2027-01-04', to: '2027-01-08', hours: 8, capacity: 8, share: 1, over: false },
      { from: '2027-01-11', to: '2027-01-15', hours: 12, capacity: 8, share: 1.5, over: true },
      { from: '2027-01-18', to: '2027-01-19', hours: 0, capacity: 0, share: undefined, over: false },
    ]);
    // Sam: 4 h of his 4 h on the audit, then 8 h (wrap-up at 100% of the plan's 8 h day) Jan 18-19.
    expect(sam!.segments.map(({ from, to, hours, capacity, over }) => [from, to, hours, capacity, over])).toEqual([
      ['2027-01-11', '2027-01-15', 4, 4, false],
      ['2027-01-18', '2027-01-19', 8, 4, true],
    ]);
  });

  it('says in the tooltip the dates, the hours and the capacity, overallocation, leave and the tasks', () => {
    expect(dana!.segments[1]!.title).toBe(
      'Dana <b>Lee</b>, Mon 2027-01-11 – Fri 2027-01-15 (5 working days)\n' +
        '12 h a day assigned of 8 h available (150%)\n' +
        'Overallocated: more hours than the person has\n' +
        'Tasks: Requirements, Data audit',
    );
    expect(dana!.segments[2]!.title).toBe(
      'Dana <b>Lee</b>, Mon 2027-01-18 – Tue 2027-01-19 (2 working days)\n0 h a day assigned of 0 h available\nOn leave 2027-01-18 – 2027-01-19: Ski trip',
    );
  });

  it('sums the row up for a screen reader', () => {
    expect(dana!.summary).toBe('Dana <b>Lee</b>: load on 10 working days, overallocated on 5 days, off on 2 days');
    expect(sam!.summary).toBe('Sam: load on 7 working days, overallocated on 2 days');
  });

  it('states the unit once, as what the bars measure (no percentages called hours)', () => {
    expect(LOAD_HEADING).toContain('hours assigned ÷ the person’s capacity');
    expect(LOAD_HEADING).toContain('100%');
  });
});

describe('the shapes of a run', () => {
  const { strip, capacityLine } = LOAD_GEOMETRY;
  const segment = (fields: Partial<LoadSegment>): LoadSegment => ({
    from: '2027-01-04', to: '2027-01-08', hours: 4, capacity: 8, share: 0.5, over: false, off: null, title: '', ...fields,
  });

  it('is a bar from the strip’s bottom, as high as the share of capacity (the 100% line at 2/3)', () => {
    expect(runShapes(segment({}), 100, 200, 50)).toEqual([{ kind: 'bar', x: 100, y: 50 + strip - 0.5 * capacityLine * strip, width: 100, height: 0.5 * capacityLine * strip }]);
    expect(runShapes(segment({ hours: 8, share: 1 }), 100, 200, 50)[0]!.height).toBeCloseTo(capacityLine * strip, 9);
  });

  it('rises above the line when overallocated, at most to 150%', () => {
    expect(runShapes(segment({ hours: 12, share: 1.5, over: true }), 0, 10, 0)[0]!.height).toBeCloseTo(strip, 9);
    expect(runShapes(segment({ hours: 40, share: 5, over: true }), 0, 10, 0)[0]!.height).toBeCloseTo(strip, 9);
  });

  it('is a striped box over the strip on a day off, drawn over a full bar when there is work anyway', () => {
    const off = { kind: 'leave', from: '2027-01-04', to: '2027-01-08' } as const;
    expect(runShapes(segment({ hours: 0, capacity: 0, share: undefined, off }), 0, 10, 0)).toEqual([{ kind: 'off', x: 0, y: 0, width: 10, height: strip }]);
    expect(runShapes(segment({ hours: 4, capacity: 0, share: undefined, off, over: true }), 0, 10, 0).map((shape) => [shape.kind, shape.height])).toEqual([
      ['bar', strip],
      ['off', strip],
    ]);
  });
});

describe('dates and days off', () => {
  it('adds days across months, years and clock changes', () => {
    expect(addDays('2027-01-30', 3)).toBe('2027-02-02');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
  });

  it('says why a person is off', () => {
    expect(dayOffText({ kind: 'leave', from: '2027-05-10', to: '2027-05-10' })).toBe('On leave 2027-05-10');
    expect(dayOffText({ kind: 'holiday', date: '2027-05-31', name: 'Memorial Day' })).toBe('Public holiday: Memorial Day');
    expect(dayOffText({ kind: 'weekday', weekday: 'fri' })).toBe('Does not work on Fridays');
  });
});

describe('the grid lines through the load rows', () => {
  it('are the Mondays when a week is wide enough', () => {
    // Wed 2027-03-17 .. Mon 2027-04-05 at 2 units a day (14 a week).
    expect(gridDates('2027-03-17', '2027-04-05', 2)).toEqual(['2027-03-22', '2027-03-29', '2027-04-05']);
    expect(gridDates('2027-03-15', '2027-03-15', 2)).toEqual(['2027-03-15']);
  });

  it('are the 1st of each month when weeks would be narrower than MIN_WEEK_WIDTH', () => {
    expect(MIN_WEEK_WIDTH).toBe(14);
    expect(gridDates('2027-11-01', '2028-02-15', 1.9)).toEqual(['2027-11-01', '2027-12-01', '2028-01-01', '2028-02-01']);
    expect(gridDates('2027-11-02', '2028-01-31', 1.9)).toEqual(['2027-12-01', '2028-01-01']);
  });

  it('are none for a plan that ends before it starts', () => {
    expect(gridDates('2027-03-17', '2027-03-01', 2)).toEqual([]);
  });
});
