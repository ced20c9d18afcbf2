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
  const declarations: Declaration[] = [];
  const add = (kind: DeclarationKind, items: readonly { id?: { value: string; span: Span }; span: Span }[]): void => {
    items.forEach((item, index) => {
      if (!item.id) return;
      declarations.push({
        id: item.id.value,
        namespace: NAMESPACE_OF[kind],
        kind,
        index,
        span: item.id.span,
        itemSpan: item.span,
      });
    });
  };
  add('person', model.people);
  add('objective', model.objectives);
  add('phase', model.phases);
  add('task', model.tasks);
  add('risk', model.risks);
  add('communication', model.communications);
  declarations.sort((a, b) => a.span.start - b.span.start);

  const firstByNamespace = new Map<Namespace, Map<string, Declaration>>();
  const duplicates: Declaration[] = [];
  for (const declaration of declarations) {
    let table = firstByNamespace.get(declaration.namespace);
    if (!table) {
      table = new Map();
      firstByNamespace.set(declaration.namespace, table);
    }
    if (table.has(declaration.id)) duplicates.push(declaration);
    else table.set(declaration.id, declaration);
  }
  // Asked once per reference that names nothing: list each namespace's ids once.
  const idsByNamespace = new Map<Namespace, readonly string[]>();
  return {
    declarations,
    duplicates,
    lookup: (namespace, id) => firstByNamespace.get(namespace)?.get(id),
    ids: (namespace) => {
      let ids = idsByNamespace.get(namespace);
      if (!ids) {
        ids = [...(firstByNamespace.get(namespace)?.keys() ?? [])];
        idsByNamespace.set(namespace, ids);
      }
      return ids;
    },
  };
}
