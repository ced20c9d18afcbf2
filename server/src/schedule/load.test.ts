import { describe, expect, it } from 'vitest';
import { dayByDayOverallocations, overallocationLines, schedulePlanText, seededRandom } from './schedule-test-support.js';

// Working days from Monday 2027-01-04: 0 Jan 04 .. 4 Jan 08, 5 Jan 11 .. 9 Jan 15.
const text = `crmplan: 1
plan:
  name: Load
  start: 2027-01-04
people:
  - {id: pm, capacity: 40h/w}      # 8 h/day
  - {id: dev}                      # default: hours_per_day = 8 h/day
  - {id: half, capacity: 50%}      # 4 h/day
  - {id: zero, capacity: 0%}
  - {id: noisy, capacity: 30%}     # 2.4 h/day
  - {id: pair}
phases:
  - id: p
    tasks:
      - {id: a, duration: 5d, assign: [{person: pm, load: 100%}]}                      # 0..5, 8 h
      - {id: b, duration: 3d, start: 2027-01-06, assign: [{person: pm, load: 50%}]}    # 2..5, 4 h
      - {id: c, duration: 2d, start: 2027-01-07, assign: [{person: pm, load: 8h/w}]}   # 3..5, 1.6 h
      - {id: m, milestone: true, assign: [{person: pm, load: 100%}]}                   # no days, no load
      - {id: long1, duration: 2w, assign: [{person: dev}]}                             # no load: 100%
      - {id: long2, duration: 2w, assign: [{person: dev, load: 100%}]}
      - {id: x, duration: 5d, assign: [{person: half, load: 50%}]}                     # 0..5
      - {id: y, duration: 3d, assign: [{person: half, load: 50%}]}                     # 0..3
      - {id: z, duration: 2d, start: 2027-01-07, assign: [{person: half, load: 50%}]}  # 3..5
      - {id: zz, duration: 1d, assign: [{person: zero, load: 10%}]}
      - {id: n1, duration: 2d, assign: [{person: noisy, load: 10%}]}                   # 0.8 h
      - {id: n2, duration: 2d, assign: [{person: noisy, load: 20%}]}                   # 1.6 h: sum is 2.4 exactly
      - {id: ghost, duration: 1d, assign: [{person: nobody, load: 300%}]}              # unknown person: skipped
      - {id: twice, duration: 3d, assign: [{person: pair, load: 50%}, {person: pair, load: 50%}]}  # 8 h: at capacity
      - {id: extra, duration: 1d, start: 2027-01-05, assign: [{person: pair, load: 10%}]}          # 1: 8.8 h
`;

describe('computeOverallocations', () => {
  const scheduled = schedulePlanText(text);
  const overallocations = scheduled.schedule.overallocations;
  const summary = overallocations.map((o) => ({
    person: o.personId,
    from: o.from,
    to: o.to,
    fromIndex: o.fromIndex,
    toIndex: o.toIndex,
    peak: o.peak,
    tasks: o.tasks,
  }));

  it('finds every overallocated range, by person then day', () => {
    expect(summary).toEqual([
      { person: 'pm', from: '2027-01-06', to: '2027-01-06', fromIndex: 2, toIndex: 2, peak: 1.5, tasks: ['a', 'b'] },
      { person: 'pm', from: '2027-01-07', to: '2027-01-08', fromIndex: 3, toIndex: 4, peak: 13.6 / 8, tasks: ['a', 'b', 'c'] },
      { person: 'dev', from: '2027-01-04', to: '2027-01-15', fromIndex: 0, toIndex: 9, peak: 2, tasks: ['long1', 'long2'] },
      { person: 'half', from: '2027-01-04', to: '2027-01-06', fromIndex: 0, toIndex: 2, peak: 2, tasks: ['x', 'y'] },
      { person: 'half', from: '2027-01-07', to: '2027-01-08', fromIndex: 3, toIndex: 4, peak: 2, tasks: ['x', 'z'] },
      {
        person: 'zero',
        from: '2027-01-04',
        to: '2027-01-04',
        fromIndex: 0,
        toIndex: 0,
        peak: Number.POSITIVE_INFINITY,
        tasks: ['zz'],
      },
      { person: 'pair', from: '2027-01-05', to: '2027-01-05', fromIndex: 1, toIndex: 1, peak: 1.1, tasks: ['twice', 'extra'] },
    ]);
  });

  it('keeps loads and capacities in hours per day', () => {
    const pm = overallocations[1]!;
    expect(pm.capacityHours).toBe(8);
    expect(pm.peakLoadHours).toBeCloseTo(13.6, 12);
    expect(pm.personIndex).toBe(0);
    expect(pm.taskIndexes).toEqual([0, 1, 2]);
    const zero = overallocations[5]!;
    expect(zero.capacityHours).toBe(0);
  });

  it('uses the calendar for h/w and % (mon-thu, 6 hours a day)', () => {
    const custom = schedulePlanText(`crmplan: 1
plan:
  name: Custom
  start: 2027-01-04
  calendar: {workdays: [mon, tue, wed, thu], hours_per_day: 6}
people:
  - {id: a}                    # 6 h/day
  - {id: b, capacity: 24h/w}   # 6 h/day
  - {id: c, capacity: 20h/w}   # 5 h/day
phases:
  - id: p
    tasks:
      - {id: t1, duration: 1w, assign: [{person: a, load: 20h/w}, {person: b, load: 20h/w}, {person: c, load: 20h/w}]}  # 5 h/day
      - {id: t2, duration: 2d, start: 2027-01-06, assign: [{person: a, load: 25%}, {person: b, load: 25%}]}             # 1.5 h/day
`);
    expect(
      custom.schedule.overallocations.map((o) => [o.personId, o.from, o.to, o.peak, o.tasks]),
    ).toEqual([
      ['a', '2027-01-06', '2027-01-07', 6.5 / 6, ['t1', 't2']],
      ['b', '2027-01-06', '2027-01-07', 6.5 / 6, ['t1', 't2']],
    ]);
  });

  it('matches a day-by-day count when a few people share many overlapping tasks', () => {
    // Dozens of bookings per person: the sweep's sort merges runs here, and ties in start and end are common.
    const random = seededRandom(11);
    const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
    for (let round = 0; round < 20; round++) {
      const tasks = Array.from({ length: int(20, 120) }, (_, index) => {
        const people = ['a', 'b', 'c'].filter(() => random() < 0.6);
        const assign = people.map((person) => `{person: ${person}, load: ${random() < 0.5 ? `${int(1, 8) * 10}%` : `${int(1, 5) * 4}h/w`}}`);
        return `      - {id: t${index}, duration: ${int(1, 15)}d, start: 2027-01-${String(int(4, 28)).padStart(2, '0')}, assign: [${assign.join(', ')}]}`;
      });
      const { model, schedule } = schedulePlanText(`crmplan: 1
plan: {name: Many, start: 2027-01-04}
people: [{id: a}, {id: b, capacity: 60%}, {id: c, capacity: 30h/w}]
phases:
  - id: p
    tasks:
${tasks.join('\n')}
`);
      expect(overallocationLines(schedule), `round ${round}`).toEqual(dayByDayOverallocations(model, schedule));
    }
  });

  it('forgets a task whose other booking of the person is below the noise floor, and keeps counting the rest', () => {
    // 'a' books 'pair' at 50% and at a billionth of an hour a day; when its
    // 50% ends the rest is below LOAD_EPSILON and 'a' leaves the active set
    // before its tiny booking ends.
    const { schedule } = schedulePlanText(`crmplan: 1
plan: {name: Tiny, start: 2027-01-04}
people: [{id: pair}]
phases:
  - id: p
    tasks:
      - {id: a, duration: 3d, assign: [{person: pair, load: 50%}, {person: pair, load: 0.00000001%}]}
      - {id: c, duration: 2d, start: 2027-01-07, assign: [{person: pair}]}
      - {id: d, duration: 2d, start: 2027-01-07, assign: [{person: pair, load: 10%}]}
`);
    expect(schedule.overallocations.map((o) => [o.from, o.to, o.peak, o.tasks])).toEqual([['2027-01-07', '2027-01-08', 1.1, ['c', 'd']]]);
  });
});
