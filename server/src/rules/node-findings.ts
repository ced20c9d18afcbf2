import { isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { shiftSpans } from '../model/shift-spans.js';
import type { Finding } from './types.js';

/**
 * The findings of a rule that reads nothing but YAML nodes (`reads: 'nodes'`
 * in rules/types.ts), kept per node so that an analysis after an edit does
 * not walk the whole document again.
 *
 * After an incremental re-parse (parse/incremental-parse.ts) every node the
 * edit did not touch is the same object, with the same subtree, moved as a
 * whole when text before it grew or shrank; every ancestor of the edit is a
 * new object. So the findings under a node that is in `memory` are the ones
 * it had, their spans moved by how far the node moved, and only the path
 * from the root to the edit is checked again: a few hundred nodes instead of
 * the whole plan. A from-scratch analysis takes the same walk with nothing
 * remembered, so both give the same findings in the same order (the
 * differential test in test/incremental/ checks it).
 */
export type NodeFindingsMemory = WeakMap<object, RememberedFindings>;

interface RememberedFindings {
  /** Where the node started when its findings were made. */
  readonly base: number;
  readonly findings: readonly Finding[];
}

const NONE: readonly Finding[] = Object.freeze([]);

/**
 * Every finding under `node`: `own(collection)` for each list and mapping
 * (what it finds on that collection's own entries, not deeper), in document
 * order of the walk, lists and mappings first-to-last. `children` names what
 * is walked under a collection (a mapping's values, say). Recursive: the
 * parse bounds nesting (parse/text-limits.ts, MAX_NESTING_DEPTH).
 */
export function nodeFindings(
  memory: NodeFindingsMemory,
  node: unknown,
  own: (collection: YAMLMap | YAMLSeq) => readonly Finding[],
  children: (collection: YAMLMap | YAMLSeq) => Iterable<unknown>,
): readonly Finding[] {
  if (!isMap(node) && !isSeq(node)) return NONE;
  const base = node.range?.[0];
  const known = memory.get(node);
  if (known && base !== undefined) {
    if (known.base === base) return known.findings;
    const findings = known.findings.map((finding) => shiftSpans(finding, base - known.base, ignoreReference));
    memory.set(node, { base, findings });
    return findings;
  }
  let findings: Finding[] | undefined;
  const add = (more: readonly Finding[]): void => {
    if (more.length === 0) return;
    findings ??= [];
    for (const finding of more) findings.push(finding);
  };
  add(own(node));
  for (const child of children(node)) add(nodeFindings(memory, child, own, children));
  const result = findings ?? NONE;
  if (base !== undefined) memory.set(node, { base, findings: result });
  return result;
}

/** Findings hold no model references (shiftSpans would hand them over). */
function ignoreReference(): void {}
