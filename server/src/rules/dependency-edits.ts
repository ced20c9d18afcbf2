import { isMap, isScalar, isSeq } from 'yaml';
import type { Dependency, Span } from '../model/types.js';
import type { RuleContext } from './types.js';
import { locateNode, parentPair } from '../yaml/node-at-span.js';
import { emptyScalarList, removeSeqItem, scalarToFlowMap, setMapValue } from '../edits/text-edits.js';
import type { FixEdit } from '../edits/types.js';

/**
 * Edits of one `depends_on` item, found by the item's span (the model's
 * `Dependency.span`, which findings carry): a `- id` or `[a, id]` item,
 * a `{task: id, ...}` mapping in flow or block style, or the single id of
 * `depends_on: id`.
 */

/** The task's or phase's dependency whose item is `span`. */
export function dependencyAtSpan(context: RuleContext, span: Span): Dependency | undefined {
  const { tasks, phases } = context.model;
  for (const item of [...tasks, ...phases]) {
    const found = item.dependsOn.find((dependency) => dependency.span.start === span.start && dependency.span.end === span.end);
    if (found) return found;
  }
  return undefined;
}

/**
 * Removes the item: from its list (an emptied block list becomes
 * `depends_on: []`), or `depends_on: id` becomes `depends_on: []`.
 */
export function removeDependency(context: RuleContext, span: Span): FixEdit[] {
  const located = locateNode(context.parsed.doc, span);
  if (!located) return [];
  const text = context.parsed.text;
  const parent = located.ancestors[located.ancestors.length - 1];
  if (isSeq(parent)) {
    // The list's own pair (`depends_on:`), to leave `[]` rather than nothing.
    const seqLocated = { node: parent, ancestors: located.ancestors.slice(0, -1) };
    return removeSeqItem(text, parent, parent.items.indexOf(located.node), parentPair(seqLocated));
  }
  if (isScalar(located.node)) {
    const edit = emptyScalarList(text, located.node);
    return edit ? [edit] : [];
  }
  return [];
}

/**
 * Sets the item's `lag` (YAML text such as `2d`): replaces or adds `lag:`
 * in a mapping item; a plain id becomes `{task: id, lag: 2d}` in place
 * (`[{task: id, lag: 2d}]` for `depends_on: id`, which takes no mapping).
 */
export function setDependencyLag(context: RuleContext, span: Span, lag: string): FixEdit | undefined {
  const located = locateNode(context.parsed.doc, span);
  if (!located) return undefined;
  const text = context.parsed.text;
  const node = located.node;
  if (isMap(node)) return setMapValue(text, node, 'lag', lag);
  if (!isScalar(node)) return undefined;
  const inList = isSeq(located.ancestors[located.ancestors.length - 1]);
  return scalarToFlowMap(text, node, 'task', [{ key: 'lag', value: lag }], !inList);
}
