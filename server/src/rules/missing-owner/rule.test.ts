import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const PLAN = `crmplan: 1
plan:
  name: P
  start: 2027-01-04
  manager: pm
people:
  - {id: pm, name: Dana, role: Project Manager}
  - {id: dev, name: Wen, role: Integration developer}
  - {id: it-rep, name: Tom, role: IT Representative}
  - {id: sec, name: Sam, role: Security Officer}
  - {id: trainer, name: Sofia, role: Training Coordinator}
objectives:
  - id: adoption # expect: missing-owner
    statement: 85% of users log in weekly
  - id: revenue
    owner: pm
  - {statement: An objective without an id} # expect: missing-owner
phases:
  - id: build
    tasks:
      - id: erp-link # expect: missing-owner
        name: ERP integration
        kind: integration
        duration: 2w
      - {id: config, name: Configure, duration: 1w, owner: pm}
      - {id: train-users, name: Train users, kind: training, duration: 3d} # expect: missing-owner
      - {id: go-live, name: Go live, kind: go-live, milestone: true} # expect: missing-owner
  - id: run
    owner: pm
    tasks:
      - {id: hypercare, name: Hypercare, duration: 2w}
      - {id: review, name: Review, duration: 1d, owner: nobody}
risks:
  - {id: r1, likelihood: high, impact: high, mitigation: Dry runs} # expect: missing-owner
  - {id: r2, likelihood: low, impact: low, mitigation: SLA, owner: pm}
  - {title: Unnamed risk} # expect: missing-owner
`;

describe('missing-owner', () => {
  it('reports tasks whose phase has no owner either, objectives and risks without owner, once each', () => {
    const result = runFixture(PLAN, { rules: ['missing-owner'] });
    expect(result.actual).toEqual(result.expected);
  });

  it('puts the finding on the id, or on the first key of an item without one', () => {
    const { findings } = runFixture(PLAN, { rules: ['missing-owner'] });
    const spans = findings.filter((f) => f.rule === 'missing-owner').map((f) => PLAN.slice(f.span.start, f.span.end));
    expect(spans).toEqual(['adoption', 'statement', 'erp-link', 'train-users', 'go-live', 'r1', 'title']);
  });

  it('suggests people whose role fits the task kind, then the manager, without repeats', () => {
    const { findings } = runFixture(PLAN, { rules: ['missing-owner'] });
    const byId = (id: string) => findings.find((f) => f.rule === 'missing-owner' && f.data && 'id' in f.data && f.data.id === id);
    expect(byId('erp-link')?.data).toMatchObject({
      rule: 'missing-owner',
      itemKind: 'task',
      phaseId: 'build',
      // `IT` is matched as a word: the Security Officer is no candidate.
      suggestions: ['dev', 'it-rep', 'pm'],
    });
    expect(byId('erp-link')?.message).toBe(
      "Task 'erp-link' has no owner and its phase 'build' has none to pass on: nobody is accountable for it. Candidates: 'dev', 'it-rep', 'pm'.",
    );
    expect(byId('train-users')?.data).toMatchObject({ suggestions: ['trainer', 'pm'] });
    // A go-live fits the project manager, who is also the manager: listed once.
    expect(byId('go-live')?.data).toMatchObject({ suggestions: ['pm', 'it-rep'] });
    expect(byId('adoption')?.data).toMatchObject({ itemKind: 'objective', suggestions: ['pm'] });
    expect(byId('r1')?.data).toMatchObject({ itemKind: 'risk', suggestions: ['pm'] });
    expect(byId('r1')?.message).toContain("Risk 'r1' has no owner");
  });

  it('does not let risk-incomplete or objective-not-smart report the owner too', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
objectives:
  - {id: o, statement: Cut duplicates from 12% to 2%, metric: duplicate share, baseline: 12%, target: 2%, due: 2027-06-30} # expect: missing-owner
risks:
  - {id: r, likelihood: low, impact: low, mitigation: Backups} # expect: missing-owner
`;
    const result = runFixture(text, { rules: ['missing-owner', 'risk-incomplete', 'objective-not-smart'] });
    expect(result.actual).toEqual(result.expected);
  });

  it('is silent when every item has an owner, also one of the wrong form (schema reports that)', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04, manager: pm}
people: [{id: pm, name: Dana}]
objectives: [{id: o, owner: pm}]
phases:
  - id: p
    owner: pm
    tasks:
      - {id: a, name: A, duration: 1d}
  - id: q
    tasks:
      - {id: b, name: B, duration: 1d, owner: 42}
risks: [{id: r, owner: pm}]
`;
    expect(runFixture(text, { rules: ['missing-owner'] }).actual).toEqual([]);
  });
});
