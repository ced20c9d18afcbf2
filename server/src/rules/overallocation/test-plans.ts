/** Test support only: plans the overallocation rule's and quick fix's tests share. */

// 2027-01-04 is a Monday (working day 0); 8 hours a day, mon-fri.
export const PLAN = `crmplan: 1
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

/** 400 one-week tasks in the same week, each booking two of 40 people full time. */
export const EVERYONE_OVERLOADED = ((): string => {
  const tasks = Array.from(
    { length: 400 },
    (_, index) => `      - {id: t${index}, name: T${index}, duration: 1w, assign: [{person: p${index % 40}}, {person: p${(index + 1) % 40}}]}`,
  );
  const people = Array.from({ length: 40 }, (_, index) => `  - {id: p${index}}`);
  return `crmplan: 1
plan: {name: P, start: 2027-01-04}
people:
${people.join('\n')}
phases:
  - id: p
    tasks:
${tasks.join('\n')}
`;
})();
