import { describe, expect, it } from 'vitest';
import { runFixture } from '../testing/fixtures.js';
import { WAIT_CHECK_LIMIT } from './overallocation-waits.js';

// 2027-01-04 is a Monday (working day 0); 8 hours a day, mon-fri.
const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people:
  - {id: pm, name: Dana Lee}
  - {id: dev, name: Wen, capacity: 40h/w}
  - {id: ba, name: Ana, capacity: 60%}
  - {id: spare, name: Sam}
phases:
  - id: p
    tasks:
      - id: a
        name: Two weeks full time
        duration: 2w
        assign:
          - {person: pm, load: 100%} # expect: overallocation
      - id: b
        name: Half time in the first week
        duration: 1w
        assign:
          - {person: pm, load: 50%} # expect: overallocation
          - {person: spare, load: 10%}
      - id: c
        name: Starts with a, a week and a half later
        duration: 3d
        depends_on: [{task: a, type: SS, lag: 7d}]
        assign:
          - {person: pm, load: 20h/w} # expect: overallocation
      - id: f
        name: Keeps the developer busy in the first week
        duration: 1w
        assign: [{person: dev}]
      - id: d
        name: Most of Ana's day
        duration: 1w
        start: 2027-01-18
        assign:
          - {person: ba, load: 50%} # expect: overallocation
      - id: e
        name: And two more hours a day
        duration: 1w
        start: 2027-01-18
        assign:
          - {person: ba, load: 10h/w} # expect: overallocation
      - id: kickoff
        name: A milestone carries no load
        milestone: true
        assign: [{person: ba, load: 100%}]
`;

describe('overallocation', () => {
  it('reports one finding per overallocated (person, task) pair, on the person of its assignment', () => {
    const { actual, expected, findings } = runFixture(PLAN, { rules: ['overallocation'] });
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => PLAN.slice(finding.span.start, finding.span.end))).toEqual(['pm', 'pm', 'pm', 'ba', 'ba']);
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

  it('points at the overlapping assignments of the other tasks', () => {
    const { findings } = runFixture(PLAN, { rules: ['overallocation'] });
    const related = findings[0]?.related ?? [];
    expect(related.map((location) => [PLAN.slice(location.span.start, location.span.end), location.message])).toEqual([
      ['pm', "'b' also books Dana Lee ('pm') (50%) from 2027-01-04 to 2027-01-08."],
      ['pm', "'c' also books Dana Lee ('pm') (20h/w) from 2027-01-13 to 2027-01-15."],
    ]);
    expect(related[0]!.span.start).toBeGreaterThan(PLAN.indexOf('id: b'));
  });

  it('gives quick-fixes the load that fits, the tasks to wait for and the people who are free', () => {
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
      // 'c' waits for 'a' (SS): making 'a' wait for 'c' would close a cycle.
      waitCandidates: ['b'],
      // Waiting for 'b' moves 'a' a week later, and 'c' (7 days after its start) with it: they still overlap.
      resolvingWaits: [],
      // Wen is busy in the first week, Ana has 60%, Sam has 10% on 'b'.
      freePeople: [],
    });
    if (a?.rule !== 'overallocation') throw new Error('unexpected data');
    expect(PLAN.slice(a.assignmentSpan.start, a.assignmentSpan.end)).toBe('{person: pm, load: 100%}');
    expect(PLAN.slice(a.loadSpan!.start, a.loadSpan!.end)).toBe('100%');
    // The other tasks fill the whole capacity on their own: no load fits.
    // Free means free on every day of the task: Wen is busy in its week; Sam is on it already.
    expect(b).toMatchObject({ taskId: 'b', fittingLoad: undefined, waitCandidates: ['a'], resolvingWaits: ['a'], freePeople: ['ba'] });
    expect(c).toMatchObject({
      taskId: 'c',
      fittingLoad: undefined,
      waitCandidates: ['a'],
      resolvingWaits: ['a'],
      freePeople: ['dev', 'ba', 'spare'],
    });
    expect(d).toMatchObject({
      taskId: 'd',
      fittingLoad: { text: '35%' },
      waitCandidates: ['e'],
      resolvingWaits: ['e'],
      freePeople: ['pm', 'dev', 'spare'],
    });
    // The unit the author used: h/w stays h/w (4.8h - 4h = 0.8h a day = 4h/w).
    expect(e).toMatchObject({
      taskId: 'e',
      fittingLoad: { quantity: { kind: 'hoursPerWeek', value: 4 }, text: '4h/w' },
      freePeople: ['pm', 'dev', 'spare'],
    });
  });

  it('offers to wait only where waiting removes the finding and overloads nobody anew', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people:
  - {id: pm}
  - {id: dev}
phases:
  - id: first
    tasks:
      - {id: a, name: A, duration: 1w, assign: [{person: pm}]} # expect: overallocation
      - {id: b, name: B, duration: 1w, assign: [{person: pm}, {person: dev}]} # expect: overallocation
      - {id: x, name: X, duration: 1w, start: 2027-01-11, assign: [{person: dev}]}
  - id: second
    tasks:
      - {id: c, name: C, duration: 1w, depends_on: [x], assign: [{person: pm, load: 10%}]}
      - {id: late, name: Late, duration: 1w, start: 2027-01-04, assign: [{person: pm, load: 10%}]} # expect: overallocation
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['overallocation'] });
    expect(actual).toEqual(expected);
    const [a, b, late] = findings.map((finding) => finding.data);
    // 'a' after 'b' is alone in its second week.
    expect(a).toMatchObject({ taskId: 'a', waitCandidates: ['b', 'late'], resolvingWaits: ['b'] });
    // 'b' after 'a' would land on 'x', which keeps the developer busy then.
    expect(b).toMatchObject({ taskId: 'b', waitCandidates: ['a', 'late'], resolvingWaits: [] });
    // 'late' is in a later phase than 'a' and 'b': it may wait for either (its second week is free).
    expect(late).toMatchObject({ taskId: 'late', waitCandidates: ['a', 'b'], resolvingWaits: ['a', 'b'] });
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
    expect(findings[0]?.data).toMatchObject({ peak: Number.POSITIVE_INFINITY, fittingLoad: undefined, waitCandidates: [] });
    // The second item of the same task fills 60%: 40% is left for the first.
    expect(findings[1]?.message).toBe("'pm' is overallocated on 2027-01-04, peak 120% of capacity, on 'b'. A load of 40% on 'b' would fit.");
    expect(findings[1]?.related?.map((location) => location.message)).toEqual(["The same task books 'pm' again here."]);
  });

  it('offers no one to hand the assignment to when the same task still overloads the person without it', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people: [{id: pm}, {id: spare}]
phases:
  - id: p
    tasks:
      - id: b
        name: B
        duration: 1d
        assign:
          - {person: pm, load: 50%} # expect: overallocation
          - {person: pm, load: 100%}
      - {id: x, name: X, duration: 1d, assign: [{person: pm, load: 20%}]} # expect: overallocation
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['overallocation'] });
    expect(actual).toEqual(expected);
    // Without the first item, 'b' (100%) and 'x' (20%) still overload 'pm'.
    expect(findings[0]?.data).toMatchObject({ taskId: 'b', fittingLoad: undefined, freePeople: [] });
    expect(findings[1]?.data).toMatchObject({ taskId: 'x', freePeople: ['spare'] });
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

  it('bounds its work: the search for free people stops after the first findings', () => {
    const tasks = Array.from(
      { length: 400 },
      (_, index) => `      - {id: t${index}, name: T${index}, duration: 1w, assign: [{person: p${index % 40}}, {person: p${(index + 1) % 40}}]}`,
    );
    const people = Array.from({ length: 40 }, (_, index) => `  - {id: p${index}}`);
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people:
${people.join('\n')}
phases:
  - id: p
    tasks:
${tasks.join('\n')}
`;
    const started = performance.now();
    const { findings } = runFixture(text, { rules: ['overallocation'] });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(findings).toHaveLength(800);
    const searched = findings.filter((finding) => finding.data?.rule === 'overallocation' && finding.data.freePeople !== undefined);
    expect(searched).toHaveLength(50);
    // Each "what if it waited" check reschedules the plan: at most WAIT_CHECK_LIMIT of them, for the first findings only.
    const waitsChecked = findings.filter((finding) => finding.data?.rule === 'overallocation' && finding.data.resolvingWaits !== undefined);
    expect(waitsChecked.length).toBeGreaterThan(0);
    expect(waitsChecked.length).toBeLessThanOrEqual(50);
    const candidatesChecked = waitsChecked.reduce(
      (sum, finding) => sum + (finding.data?.rule === 'overallocation' ? finding.data.waitCandidates.length : 0),
      0,
    );
    expect(candidatesChecked).toBeLessThanOrEqual(WAIT_CHECK_LIMIT);
  });
});
