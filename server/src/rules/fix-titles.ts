import type { RuleContext } from './types.js';

/** Pieces of fix titles that several providers share. */

/** The person's name, when the first declaration of the id has one. */
export function personName(context: RuleContext, id: string): string | undefined {
  const declaration = context.symbols.lookup('person', id);
  return declaration ? context.model.people[declaration.index]?.name?.value : undefined;
}

/** `'pm' (Dana Lee)`: the id, and the name when the person has one. */
export function describePerson(context: RuleContext, id: string): string {
  const name = personName(context, id);
  return `'${id}'${name ? ` (${name})` : ''}`;
}
