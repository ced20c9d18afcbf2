import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people:
  - {id: pm, name: Dana}
  - {id: pm, name: Lee} # expect: duplicate-id
objectives:
  - {id: pm, statement: Objectives have their own namespace}
phases:
  - id: build
    tasks:
      - {id: config, name: Configure, duration: 1d}
      - {id: build, name: Same id as its phase, duration: 1d} # expect: duplicate-id
      - {id: config, name: Again, duration: 1d} # expect: duplicate-id
      - {id: config, name: Third time, duration: 1d} # expect: duplicate-id
risks:
  - {id: config, title: Risks have their own namespace}
`;

describe('duplicate-id', () => {
  it('reports every repeat of an id within its namespace, not across namespaces', () => {
    const result = runFixture(PLAN, { rules: ['duplicate-id'] });
    expect(result.actual).toEqual(result.expected);
  });

  it('points at the first declaration and offers free ids that differ from each other', () => {
    const { findings } = runFixture(PLAN, { rules: ['duplicate-id'] });
    const configRepeats = findings.filter((finding) => finding.rule === 'duplicate-id' && finding.message.includes("'config'"));
    expect(configRepeats).toHaveLength(2);
    const freeIds = configRepeats.map((finding) => (finding.data && 'freeId' in finding.data ? finding.data.freeId : ''));
    expect(freeIds).toEqual(['config-2', 'config-3']);
    const first = PLAN.indexOf('config');
    expect(configRepeats[0]?.related?.[0]?.span.start).toBe(first);
  });

  it('is silent when ids are unique', () => {
    const result = runFixture(PLAN.replace(/# expect: duplicate-id/g, '').replace('{id: pm, name: Lee}', '{id: lee, name: Lee}').replace(/id: config, name: (Again|Third time)/g, 'id: other-$1').replace('id: build, name', 'id: build-2, name').replace(/other-Again/, 'again').replace(/other-Third time/, 'third'), { rules: ['duplicate-id'] });
    expect(result.actual).toEqual([]);
  });
});
