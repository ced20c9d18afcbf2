import type { Declaration } from '../../model/symbols.js';
import type { Finding, Rule } from '../types.js';

const NAMESPACE_LABEL: Record<string, string> = {
  person: 'people',
  objective: 'objectives',
  work: 'phases and tasks',
  risk: 'risks',
  communication: 'communications',
};

/** Every declaration after the first of the same id in the same namespace. */
export const duplicateIdRule: Rule<'duplicate-id'> = {
  name: 'duplicate-id',
  defaultSeverity: 'error',
  summary: 'an id declared twice in one namespace',
  reads: 'symbols',
  *check({ symbols }): Iterable<Finding> {
    if (symbols.duplicates.length === 0) return;
    const taken = new Set(symbols.declarations.map((declaration) => `${declaration.namespace}:${declaration.id}`));
    for (const declaration of symbols.duplicates) {
      const first = symbols.lookup(declaration.namespace, declaration.id);
      if (!first) continue;
      const freeId = freeIdLike(declaration, taken);
      taken.add(`${declaration.namespace}:${freeId}`);
      yield {
        rule: 'duplicate-id',
        message: `Duplicate id '${declaration.id}': already declared by a ${first.kind} (ids of ${NAMESPACE_LABEL[declaration.namespace] ?? declaration.namespace} must be unique).`,
        span: declaration.span,
        related: [{ span: first.span, message: `'${declaration.id}' is first declared here` }],
        data: {
          rule: 'duplicate-id',
          id: declaration.id,
          namespace: declaration.namespace,
          firstSpan: first.span,
          freeId,
        },
      };
    }
  },
};

function freeIdLike(declaration: Declaration, taken: ReadonlySet<string>): string {
  const base = declaration.id.replace(/-\d+$/, '');
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(`${declaration.namespace}:${candidate}`)) return candidate;
  }
}
