import { isNode, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { ParsedDocument } from '../parse/parse-plan-text.js';
import type { Span } from '../model/types.js';
import { asMap, entry, field, spanOf } from '../model/yaml-nodes.js';
import { mapAtSpan } from '../yaml/node-at-span.js';

/**
 * Raw-YAML helpers for the quality rules. The model leaves out values of
 * the wrong form, but these rules must tell "not written" (their business)
 * from "written wrongly" (the `schema` rule's), so they look at the nodes.
 */

/** The span of a mapping's first key, where a finding on an item without `id` goes. */
export function firstKeySpan(map: YAMLMap | undefined): Span | undefined {
  const first = map?.items[0];
  if (!first) return undefined;
  return isNode(first.key) ? spanOf(first.key) : undefined;
}

/** Where a finding about an item goes: its id, else its first key, else the whole item. */
export function itemAnchor(parsed: ParsedDocument, item: { readonly id?: { readonly span: Span }; readonly span: Span }): Span {
  return item.id?.span ?? firstKeySpan(mapAtSpan(parsed.doc, item.span)) ?? item.span;
}

/** True when `key:` is absent, empty (`key:`), or an empty or blank string. */
export function isUnwritten(map: YAMLMap | undefined, key: string): boolean {
  const found = entry(map, key);
  if (!found) return true;
  const value = found.value;
  if (value === null || value === undefined) return true;
  if (!isScalar(value)) return false;
  return value.value === null || (typeof value.value === 'string' && value.value.trim() === '');
}

/** The root mapping of the document, when it is one. */
export function rootMap(parsed: ParsedDocument): YAMLMap | undefined {
  return asMap(parsed.doc.contents);
}

/** The `plan` mapping, when it is one. */
export function planMap(parsed: ParsedDocument): YAMLMap | undefined {
  return asMap(field(rootMap(parsed), 'plan'));
}

/** True when a top-level list is absent, `key:` with nothing, or `[]`. */
export function isEmptySection(parsed: ParsedDocument, key: string): boolean {
  const root = rootMap(parsed);
  if (isUnwritten(root, key)) return true;
  const value = field(root, key);
  // A list of the wrong form (a map, a scalar) is the schema rule's business.
  return isSeq(value) && value.items.length === 0;
}
