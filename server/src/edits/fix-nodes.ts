import { isMap, isScalar, isSeq, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { dashBefore } from '../parse/incremental-parse.js';

/**
 * The few offsets the AST does not keep, a pair's `:` and a block sequence
 * item's `-`, found from the text next to the node ranges. The nodes a fix
 * edits are found from the spans the model and the findings carry by
 * yaml/node-at-span.ts.
 */

/** The entry of `map` whose key is the plain text `key`. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** The offset just after the `:` of a pair (where a value goes in `key:`). */
export function colonEnd(text: string, pair: Pair): number | undefined {
  const key = isScalar(pair.key) ? pair.key.range : undefined;
  if (!key) return undefined;
  // Between a key and its `:` there is only white space (and, after an
  // explicit `? key`, line breaks and comments).
  let at = key[1];
  while (at < text.length) {
    const char = text[at];
    if (char === ':') return at + 1;
    if (char === '#') {
      const newline = text.indexOf('\n', at);
      if (newline < 0) return undefined;
      at = newline + 1;
    } else if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      at++;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** The offset of the `-` of a block sequence's item. */
export function dashOffset(text: string, seq: YAMLSeq, index: number): number | undefined {
  const item = seq.items[index];
  const start = isMap(item) || isSeq(item) || isScalar(item) ? item.range?.[0] : undefined;
  if (seq.flow || start === undefined) return undefined;
  return dashBefore(text, start);
}
