/** Wording shared by the quality rules' messages. */

/** `Task 'config'`, or `A task without an id` when the item has none. */
export function itemLabel(kind: 'Task' | 'Objective' | 'Risk', id: string | undefined): string {
  return id ? `${kind} '${id}'` : `A ${kind.toLowerCase()} without an id`;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}
