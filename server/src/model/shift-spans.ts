import type { Reference, Span } from './types.js';

/**
 * A copy of a model value (a task, a person) with every span moved by
 * `delta`, for an item whose YAML node was not touched by an edit but moved
 * because text before it grew or shrank. References met on the way are new
 * objects too and are handed to `onReference`, so that the model's list of
 * references holds the same objects as the items do. Generic on purpose: a
 * field added to a model type is shifted without a change here (the
 * differential test in test/incremental/ would show one that is not).
 */
export function shiftSpans<T>(value: T, delta: number, onReference: (reference: Reference) => void): T {
  return shift(value, delta, onReference) as T;
}

function shift(value: unknown, delta: number, onReference: (reference: Reference) => void): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const items: unknown[] = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) items[index] = shift(value[index], delta, onReference);
    return items;
  }
  const record = value as Record<string, unknown>;
  if (isSpan(record)) return { start: record.start + delta, end: record.end + delta } satisfies Span;
  const copy: Record<string, unknown> = {};
  // Model values are plain objects: own enumerable keys only, in their order.
  for (const key in record) copy[key] = shift(record[key], delta, onReference);
  if (isReference(copy)) onReference(copy);
  return copy;
}

function isSpan(record: Record<string, unknown>): record is { start: number; end: number } {
  return typeof record['start'] === 'number' && typeof record['end'] === 'number';
}

function isReference(record: Record<string, unknown>): record is Reference & Record<string, unknown> {
  return typeof record['id'] === 'string' && typeof record['namespace'] === 'string' && typeof record['role'] === 'string';
}
