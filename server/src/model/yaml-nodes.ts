import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Span, Spanned } from './types.js';

/**
 * Small typed accessors over eemeli/yaml nodes. They return `undefined` for
 * anything of the wrong shape instead of throwing: wrong shapes are the
 * `schema` rule's business, the model simply leaves them out.
 */

export type AnyNode = Node | Pair | null | undefined | unknown;

export function spanOf(node: Node): Span | undefined {
  const range = node.range;
  if (!range) return undefined;
  return { start: range[0], end: range[1] };
}

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

export function asScalar(node: unknown): Scalar | undefined {
  return isScalar(node) ? node : undefined;
}

export interface MapEntry {
  readonly key: string;
  readonly keyNode: Scalar;
  /** The value node; `null` for `key:` with nothing after it. */
  readonly value: unknown;
  readonly pair: Pair;
}

/** The entries of a map whose keys are plain scalars, in document order. */
export function mapEntries(map: YAMLMap): MapEntry[] {
  const entries: MapEntry[] = [];
  for (const pair of map.items) {
    const keyNode = asScalar(pair.key);
    if (!keyNode || keyNode.value === null || keyNode.value === undefined) continue;
    entries.push({ key: String(keyNode.value), keyNode, value: pair.value, pair });
  }
  return entries;
}

/** The first entry named `key` (duplicate keys are a yaml-syntax error). */
export function entry(map: YAMLMap | undefined, key: string): MapEntry | undefined {
  const pair = pairNamed(map, key);
  return pair ? { key, keyNode: pair.key as Scalar, value: pair.value, pair } : undefined;
}

/**
 * The first pair whose plain key is `key`. The model reads a dozen keys of
 * every task, so this scans without building the list of entries.
 */
function pairNamed(map: YAMLMap | undefined, key: string): Pair | undefined {
  if (!map) return undefined;
  for (const pair of map.items) {
    const keyNode = pair.key;
    if (!isScalar(keyNode)) continue;
    const value = keyNode.value;
    if (value === null || value === undefined) continue;
    if ((typeof value === 'string' ? value : String(value)) === key) return pair;
  }
  return undefined;
}

export function keySpan(map: YAMLMap | undefined, key: string): Span | undefined {
  const found = pairNamed(map, key);
  return found ? spanOf(found.key as Scalar) : undefined;
}

/** A string scalar (numbers and booleans are accepted as their text). */
export function textValue(node: unknown): Spanned<string> | undefined {
  const scalar = asScalar(node);
  if (!scalar) return undefined;
  const span = spanOf(scalar);
  if (!span) return undefined;
  const value = scalar.value;
  if (typeof value === 'string') return { value, span };
  if (typeof value === 'number' || typeof value === 'boolean') {
    // Keep the author's spelling (`85` stays `85`, `1.50` stays `1.50`).
    return { value: scalar.source ?? String(value), span };
  }
  return undefined;
}

/** A scalar whose value is a string, strictly (ids, dates, durations). */
export function stringValue(node: unknown): Spanned<string> | undefined {
  const scalar = asScalar(node);
  if (!scalar || typeof scalar.value !== 'string') return undefined;
  const span = spanOf(scalar);
  return span ? { value: scalar.value, span } : undefined;
}

export function numberValue(node: unknown): Spanned<number> | undefined {
  const scalar = asScalar(node);
  if (!scalar || typeof scalar.value !== 'number' || !Number.isFinite(scalar.value)) return undefined;
  const span = spanOf(scalar);
  return span ? { value: scalar.value, span } : undefined;
}

export function booleanValue(node: unknown): Spanned<boolean> | undefined {
  const scalar = asScalar(node);
  if (!scalar || typeof scalar.value !== 'boolean') return undefined;
  const span = spanOf(scalar);
  return span ? { value: scalar.value, span } : undefined;
}

export function field(map: YAMLMap | undefined, key: string): unknown {
  return pairNamed(map, key)?.value;
}
