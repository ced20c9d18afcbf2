import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';
import { EVERYONE_OVERLOADED, PLAN } from './test-plans.js';
import { waitCheckCounter } from './waits.js';

describe('overallocation', () => {
  it('reports one finding per overallocated (person, task) pair, on the load of its assignment', () => {
    const { actual, expected, findings } = runFixture(PLAN, { rules: ['overallocation'] });
    expect(actual).toEqual(expected);
    // a 100%, b 50%, c 20h/w of pm; d 50%, e 10h/w of ba: the figures that add up past the capacity.
    expect(findings.map((finding) => PLAN.slice(finding.span.start, finding.span.end))).toEqual(['100%', '50%', '20h/w', '50%', '10h/w']);
    expect(findings[0]!.span.start).toBeGreaterThan(PLAN.indexOf('- id: a\n'));
    expect(findings[0]!.span.start).toBeLessThan(PLAN.indexOf('- id: b\n'));
  });

  it('stays on the person when the assignment writes no load (it counts as 100%)', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people: [{id: pm}]
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1w, assign: [{person: pm}]} # expect: overallocation
      - id: b
        name: B
        duration: 1w
        assign:
          - person: pm
            load: '25%' # expect: overallocation
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['overallocation'] });
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => text.slice(finding.span.start, finding.span.end))).toEqual(['pm', "'25%'"]);
    // Each points at the other's booking the same way: the load when written, else the person.
    expect(findings.map((finding) => finding.related?.map((location) => text.slice(location.span.start, location.span.end)))).toEqual([
      ['pm', "'25%'"],
      ['pm', 'pm'],
    ]);
    expect(findings[1]!.related![1]!.span.start).toBeLessThan(text.indexOf('id: b'));
  });

  it('says who, when, the peak as a percentage and which tasks; one message lists every period of the task', () => {
    const { findings } = runFixture(PLAN, { rules: ['overallocation'] });
    expect(findings.map((finding) => finding.message)).toEqual([
      "Dana Lee ('pm') is overallocated from 2027-01-04 to 2027-01-08, peak 150% of capacity, on 'a' and 'b'; and from 2027-01-13 to 2027-01-15, peak 150% of capacity, on 'a' and 'c'. A load of 50% on 'a' would fit.",
      "Dana Lee ('pm') is overallocated from 2027-01-04 to 2027-01-08, peak 150% of capacity, on 'a' and 'b'.",
      "Dana Lee ('pm') is overallocated from 2027-01-13 to 2027-01-15, peak 150% of capacity, on 'a' and 'c'.",
      "Ana ('ba') is overallocated from 2027-01-18 to 2027-01-22, peak 125% of capacity, on 'd' and 'e'. A load of 35% on 'd' would fit.",
      "Ana ('ba') is overallocated from 2027-01-18 to 2027-01-22, peak 125% of capacity, on 'd' and 'e'. A load of 4h/w on 'e' would fit.",
    ]);
  });

  it("points at the person's declaration and at the loads of the other tasks that overlap", () => {
    const { findings } = runFixture(PLAN, { rules: ['overallocation'] });
    const related = findings[0]?.related ?? [];
    expect(related.map((location) => [PLAN.slice(location.span.start, location.span.end), location.message])).toEqual([
      ['pm', "Dana Lee ('pm') is declared here, with no capacity written: a full day, 8 hours a day."],
      ['50%', "'b' also books Dana Lee ('pm') (50%) from 2027-01-04 to 2027-01-08."],
      ['20h/w', "'c' also books Dana Lee ('pm') (20h/w) from 2027-01-13 to 2027-01-15."],
    ]);
    expect(related[0]!.span.start).toBeLessThan(PLAN.indexOf('phases:'));
    expect(related[1]!.span.start).toBeGreaterThan(PLAN.indexOf('- id: b\n'));
    expect(related[2]!.span.start).toBeGreaterThan(PLAN.indexOf('- id: c\n'));
    // Ana's capacity is written: 60% of 8 hours; 'e' books her 10h/w.
    expect(findings[3]?.related?.map((location) => location.message)).toEqual([
      "Ana ('ba') is declared here, with a capacity of 60% (4.8 hours a day).",
      "'e' also books Ana ('ba') (10h/w) from 2027-01-18 to 2027-01-22.",
    ]);
  });

  it('points at the leave, the workdays and the country that make the days off', () => {
    // 2027-01-04 is a Monday; Sam works mon-thu; Lee is in the US (Martin Luther King Jr. Day is Mon 2027-01-18).
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people:
  - id: dana
    name: Dana Lee
    leave:
      - {from: 2027-01-05, to: 2027-01-06, note: dentist}
  - {id: sam, workdays: [mon, tue, wed, thu]}
  - {id: lee, country: US}
phases:
  - id: p
    tasks:
      - {id: x, name: X, duration: 1w, assign: [{person: dana, load: 50%}]} # expect: overallocation
      - {id: y, name: Y, duration: 1w, assign: [{person: sam, load: 20%}]} # expect: overallocation
      - {id: z, name: Z, duration: 1d, start: 2027-01-18, assign: [{person: lee, load: 10%}]} # expect: overallocation
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['overallocation'] });
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => text.slice(finding.span.start, finding.span.end))).toEqual(['50%', '20%', '10%']);
    const related = findings.map((finding) => finding.related?.map((location) => [text.slice(location.span.start, location.span.end), location.message]));
    expect(related).toEqual([
      [
        ['dana', "Dana Lee ('dana') is declared here, with no capacity written: a full day, 8 hours a day."],
        ['{from: 2027-01-05, to: 2027-01-06, note: dentist}', "Dana Lee ('dana') is on leave 2027-01-05 to 2027-01-06."],
      ],
      [
        ['sam', "'sam' is declared here, with no capacity written: a full day, 8 hours a day."],
        ['[mon, tue, wed, thu]', "'sam' works on mon, tue, wed, thu only."],
      ],
      [
        ['lee', "'lee' is declared here, with no capacity written: a full day, 8 hours a day."],
        ['US', "'lee' does not work on the public holidays of US."],
      ],
    ]);
  });

  it('gives quick-fixes the assignment and the load that fits', () => {
    const { findings } = runFixture(PLAN, { rules: ['overallocation'] });
    const [a, b, c, d, e] = findings.map((finding) => finding.data);
    expect(a).toMatchObject({
      rule: 'overallocation',
      personId: 'pm',
      personIndex: 0,
      taskId: 'a',
      taskIndex: 0,
      from: '2027-01-04',
      to: '2027-01-15',
      peak: 1.5,
      tasks: ['a', 'b', 'c'],
      ranges: [
        { from: '2027-01-04', to: '2027-01-08', peak: 1.5, tasks: ['a', 'b'] },
        { from: '2027-01-13', to: '2027-01-15', peak: 1.5, tasks: ['a', 'c'] },
      ],
      fittingLoad: { quantity: { kind: 'percent', value: 50 }, text: '50%' },
    });
    if (a?.rule !== 'overallocation') throw new Error('unexpected data');
    expect(PLAN.slice(a.assignmentSpan.start, a.assignmentSpan.end)).toBe('{person: pm, load: 100%}');
    expect(PLAN.slice(a.loadSpan!.start, a.loadSpan!.end)).toBe('100%');
    // The other tasks fill the whole capacity on their own: no load fits.
    expect(b).toMatchObject({ taskId: 'b', fittingLoad: undefined });
    expect(c).toMatchObject({ taskId: 'c', fittingLoad: undefined });
    expect(d).toMatchObject({ taskId: 'd', fittingLoad: { text: '35%' } });
    // The unit the author used: h/w stays h/w (4.8h - 4h = 0.8h a day = 4h/w).
    expect(e).toMatchObject({ taskId: 'e', fittingLoad: { quantity: { kind: 'hoursPerWeek', value: 4 }, text: '4h/w' } });
  });

  it('decides no fix: validation runs no "what if it waited" check and the data names no wait or free person', () => {
    const checksBefore = waitCheckCounter.checks;
    const { findings } = runFixture(PLAN, { rules: ['overallocation'] });
    expect(findings).toHaveLength(5);
    // The quick fix searches them when code actions are asked for (see overallocation-fix.test.ts).
    expect(waitCheckCounter.checks).toBe(checksBefore);
    for (const finding of findings) {
      expect(Object.keys(finding.data ?? {}).sort()).toEqual(
        ['assignmentSpan', 'fittingLoad', 'from', 'loadSpan', 'peak', 'personId', 'personIndex', 'ranges', 'rule', 'taskId', 'taskIndex', 'tasks', 'to'],
      );
    }
  });

  it('reads ranges that follow each other without a gap as one period', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people: [{id: pm, name: Dana Lee}]
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 2w, assign: [{person: pm}]} # expect: overallocation
      - {id: b, name: B, duration: 1w, assign: [{person: pm, load: 50%}]} # expect: overallocation
      - {id: g, name: G, duration: 3d, start: 2027-01-07, assign: [{person: pm, load: 25%}]} # expect: overallocation
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['overallocation'] });
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toBe(
      "Dana Lee ('pm') is overallocated from 2027-01-04 to 2027-01-11, peak 175% of capacity, on 'a', 'b' and 'g'. A load of 25% on 'a' would fit.",
    );
    // The data keeps the contract's ranges (same set of tasks on consecutive days).
    expect(findings[0]?.data).toMatchObject({
      from: '2027-01-04',
      to: '2027-01-11',
      peak: 1.75,
      ranges: [
        { from: '2027-01-04', to: '2027-01-06', tasks: ['a', 'b'] },
        { from: '2027-01-07', to: '2027-01-08', tasks: ['a', 'b', 'g'] },
        { from: '2027-01-11', to: '2027-01-11', tasks: ['a', 'g'] },
      ],
    });
  });

  it('handles a person without capacity, a person named twice on one task, and one without a name', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people:
  - {id: advisor, name: Kim, capacity: 0h/w}
  - {id: pm}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1d, assign: [{person: advisor, load: 10%}]} # expect: overallocation
      - id: b
        name: B
        duration: 1d
        assign:
          - {person: pm, load: 60%} # expect: overallocation
          - {person: pm, load: 60%}
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['overallocation'] });
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toBe("Kim ('advisor') is overallocated on 2027-01-04, with no capacity at all, on 'a'.");
    expect(findings[0]?.data).toMatchObject({ peak: null, fittingLoad: undefined });
    // The second item of the same task fills 60%: 40% is left for the first.
    expect(findings[1]?.message).toBe("'pm' is overallocated on 2027-01-04, peak 120% of capacity, on 'b'. A load of 40% on 'b' would fit.");
    expect(findings[1]?.related?.map((location) => location.message)).toEqual([
      "'pm' is declared here, with no capacity written: a full day, 8 hours a day.",
      "The same task books 'pm' again here (60%).",
    ]);
    expect(text.slice(findings[1]!.related![1]!.span.start, findings[1]!.related![1]!.span.end)).toBe('60%');
    expect(findings[1]!.related![1]!.span.start).toBeGreaterThan(findings[1]!.span.end);
  });

  it('is silent without a plan start, on tasks on a cycle, and within capacity', () => {
    const noStart = `crmplan: 1
plan: {name: P}
people: [{id: pm}]
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1d, assign: [{person: pm}, {person: pm}]}
`;
    expect(runFixture(noStart, { rules: ['overallocation'] }).actual).toEqual([]);
    const cycle = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people: [{id: pm}]
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1d, depends_on: [b], assign: [{person: pm}]}
      - {id: b, name: B, duration: 1d, depends_on: [a], assign: [{person: pm}]}
      - {id: c, name: C, duration: 1d, assign: [{person: pm, load: 50%}]}
      - {id: d, name: D, duration: 1d, assign: [{person: pm, load: 4h/w}, {person: nobody}]}
`;
    expect(runFixture(cycle, { rules: ['overallocation'] }).actual).toEqual([]);
  });

  it('reports every pair of a plan that overallocates everyone', () => {
    const { findings } = runFixture(EVERYONE_OVERLOADED, { rules: ['overallocation'] });
    expect(findings).toHaveLength(800);
  });
});
