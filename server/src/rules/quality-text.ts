/** Wording shared by the quality rules' messages. */

/** `Task 'config'`, or `A task without an id` when the item has none. */
export function itemLabel(kind: 'Task' | 'Objective' | 'Risk', id: string | undefined): string {
  return id ? `${kind} '${id}'` : `A ${kind.toLowerCase()} without an id`;
}
