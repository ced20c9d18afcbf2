/**
 * Small pieces of English that messages, fix titles, hovers, exports and
 * reports share, so that each is written one way everywhere.
 */

/** `a`, `a and b`, `a, b and c` (or `or`); empty for no words. */
export function joinWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1] ?? ''}`;
}

/** `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`: ids in single quotes, joined. */
export function quotedWords(ids: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return joinWords(
    ids.map((id) => `'${id}'`),
    conjunction,
  );
}

/**
 * A figure as people write it: whole numbers as they are, others with at
 * most two decimals and no trailing zeros (8h/w over 5 days is `1.6`,
 * 40h/w over 3 days `13.33`).
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : '?';
  const rounded = Math.round(value * 100) / 100;
  // `Object.is(-0)` would print `-0` for tiny negative noise.
  return String(rounded === 0 ? 0 : rounded);
}

/** `1 working day`, `3 working days`, `-2 working days`. */
export function workingDays(count: number): string {
  return `${formatNumber(count)} working ${count === 1 ? 'day' : 'days'}`;
}
