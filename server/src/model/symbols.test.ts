import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../parse/parse-plan-text.js';
import { buildPlanModel } from './build-plan-model.js';
import { randomPlanText } from './random-plan-test-support.js';
import { collectSymbols, type Declaration } from './symbols.js';
import type { Namespace, PlanModel } from './types.js';

const NAMESPACES: readonly Namespace[] = ['person', 'objective', 'work', 'risk', 'communication'];

/** The reference: every declaration, sorted by where its id starts; the first of each id by a scan. */
function referenceSymbols(model: PlanModel): { declarations: Declaration[]; first: (namespace: Namespace, id: string) => Declaration | undefined } {
  const lists = [
    ['person', 'person', model.people],
    ['objective', 'objective', model.objectives],
    ['phase', 'work', model.phases],
    ['task', 'work', model.tasks],
    ['risk', 'risk', model.risks],
    ['communication', 'communication', model.communications],
  ] as const;
  const declarations = lists
    .flatMap(([kind, namespace, items]) =>
      items.flatMap((item, index) =>
        item.id ? [{ id: item.id.value, namespace, kind, index, span: item.id.span, itemSpan: item.span }] : [],
      ),
    )
    .sort((a, b) => a.span.start - b.span.start);
  return {
    declarations,
    first: (namespace, id) => declarations.find((declaration) => declaration.namespace === namespace && declaration.id === id),
  };
}

const DUPLICATES_EVERYWHERE = `crmplan: 1
plan: {name: P, start: 2027-01-04}
people: [{id: a}, {id: b}, {id: a}, {id: c}, {id: b}]
objectives: [{id: o, statement: S}, {id: o, statement: T}]
risks: [{id: r, title: R}, {id: a, title: A}, {id: r, title: R2}]
communications: [{id: a, audience: X}, {id: a, audience: Y}]
phases:
  - id: a
    tasks:
      - {id: t, duration: 1d}
      - {id: a, duration: 1d}
  - id: t
    tasks:
      - {id: t, duration: 1d}
`;

describe('collectSymbols', () => {
  it('declares, finds first declarations, duplicates and ids as a sort and a scan do', () => {
    const texts = [DUPLICATES_EVERYWHERE, ...Array.from({ length: 300 }, (_, seed) => randomPlanText(seed + 1))];
    let withDuplicates = 0;
    for (const text of texts) {
      const model = buildPlanModel(parsePlanText(text));
      const symbols = collectSymbols(model);
      const reference = referenceSymbols(model);
      expect(symbols.declarations).toEqual(reference.declarations);
      expect(symbols.duplicates).toEqual(
        reference.declarations.filter((declaration) => reference.first(declaration.namespace, declaration.id) !== declaration),
      );
      for (const namespace of NAMESPACES) {
        const ids = [...new Set(reference.declarations.filter((item) => item.namespace === namespace).map((item) => item.id))];
        expect(symbols.ids(namespace), namespace).toEqual(ids);
        // Asked again: the same answer.
        expect(symbols.ids(namespace)).toEqual(ids);
        for (const id of [...ids, 'nowhere', 'a', 't']) expect(symbols.lookup(namespace, id)).toEqual(reference.first(namespace, id));
      }
      if (symbols.duplicates.length > 0) withDuplicates++;
    }
    expect(withDuplicates).toBeGreaterThan(20);
  });
});
