import type { Namespace, PlanModel, Span } from './types.js';

export type DeclarationKind = 'person' | 'objective' | 'phase' | 'task' | 'risk' | 'communication';

/** A declared id: where it is written and what it names. */
export interface Declaration {
  readonly id: string;
  readonly namespace: Namespace;
  readonly kind: DeclarationKind;
  /** Index into the model's list for that kind (`people`, `tasks`, ...). */
  readonly index: number;
  /** The id scalar. */
  readonly span: Span;
  /** The whole declaring item. */
  readonly itemSpan: Span;
}

export interface Symbols {
  /** Every declaration in document order, duplicates included. */
  readonly declarations: readonly Declaration[];
  /** Every declaration after the first of its id in its namespace, in document order. */
  readonly duplicates: readonly Declaration[];
  /** The first declaration of an id in a namespace. */
  lookup(namespace: Namespace, id: string): Declaration | undefined;
  /** Every id declared in a namespace, in document order, without repeats. */
  ids(namespace: Namespace): readonly string[];
}

const NAMESPACE_OF: Record<DeclarationKind, Namespace> = {
  person: 'person',
  objective: 'objective',
  phase: 'work',
  task: 'work',
  risk: 'risk',
  communication: 'communication',
};

export function collectSymbols(model: PlanModel): Symbols {
  const unordered: Declaration[] = [];
  const starts: number[] = [];
  const add = (kind: DeclarationKind, items: readonly { id?: { value: string; span: Span }; span: Span }[]): void => {
    items.forEach((item, index) => {
      if (!item.id) return;
      unordered.push({
        id: item.id.value,
        namespace: NAMESPACE_OF[kind],
        kind,
        index,
        span: item.id.span,
        itemSpan: item.span,
      });
      starts.push(item.id.span.start);
    });
  };
  add('person', model.people);
  add('objective', model.objectives);
  add('phase', model.phases);
  add('task', model.tasks);
  add('risk', model.risks);
  add('communication', model.communications);
  // Sorting positions by their start reads no declaration; the sort is stable, like sorting the declarations.
  const declarations = Array.from(unordered.keys())
    .sort((a, b) => starts[a]! - starts[b]!)
    .map((position) => unordered[position]!);

  const firstByNamespace = new Map<Namespace, Map<string, Declaration>>();
  for (const namespace of new Set(Object.values(NAMESPACE_OF))) firstByNamespace.set(namespace, new Map());
  // Set from the last declaration to the first: one map operation each, and the first one stays.
  for (let position = declarations.length - 1; position >= 0; position--) {
    const declaration = declarations[position]!;
    firstByNamespace.get(declaration.namespace)!.set(declaration.id, declaration);
  }
  const isFirst = (declaration: Declaration): boolean =>
    firstByNamespace.get(declaration.namespace)?.get(declaration.id) === declaration;
  let distinct = 0;
  for (const table of firstByNamespace.values()) distinct += table.size;
  const duplicates = distinct === declarations.length ? [] : declarations.filter((declaration) => !isFirst(declaration));

  const idsByNamespace = new Map<Namespace, readonly string[]>();
  return {
    declarations,
    duplicates,
    lookup: (namespace, id) => firstByNamespace.get(namespace)?.get(id),
    ids: (namespace) => {
      let ids = idsByNamespace.get(namespace);
      if (!ids) {
        ids = declarations
          .filter((declaration) => declaration.namespace === namespace && (duplicates.length === 0 || isFirst(declaration)))
          .map((declaration) => declaration.id);
        idsByNamespace.set(namespace, ids);
      }
      return ids;
    },
  };
}
