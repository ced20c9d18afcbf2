import type { Namespace, Reference } from '../../model/types.js';
import { closestMatches } from '../../util/closest-match.js';
import type { Finding, Rule } from '../types.js';

const WHAT_IT_NAMES: Record<Namespace, string> = {
  person: 'person',
  objective: 'objective',
  work: 'task or phase',
  risk: 'risk',
  communication: 'communication',
};

const WHERE: Record<Reference['role'], string> = {
  sponsor: 'sponsor',
  manager: 'manager',
  owner: 'owner',
  assignment: 'assignment',
  'depends-on': 'dependency',
  'due-after': "'due ... after'",
};

/** A reference that names no declared id, with the closest ids as suggestions. */
export const unknownReferenceRule: Rule<'unknown-reference'> = {
  name: 'unknown-reference',
  defaultSeverity: 'error',
  summary: 'a dependency, owner, person, sponsor, manager or `due ... after` that names no declared id',
  *check({ model, symbols }): Iterable<Finding> {
    for (const reference of model.references) {
      if (symbols.lookup(reference.namespace, reference.id)) continue;
      const candidates = closestMatches(reference.id, symbols.ids(reference.namespace));
      const what = WHAT_IT_NAMES[reference.namespace];
      const hint = candidates.length > 0 ? ` Did you mean '${candidates[0]}'?` : '';
      yield {
        rule: 'unknown-reference',
        message: `Unknown ${what} '${reference.id}' in ${WHERE[reference.role]}: no ${what} has this id.${hint}`,
        span: reference.span,
        data: { rule: 'unknown-reference', id: reference.id, namespace: reference.namespace, candidates },
      };
    }
  },
};
