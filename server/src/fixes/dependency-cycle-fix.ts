import { isScalar, isSeq } from 'yaml';
import type { Dependency, Span } from '../model/types.js';
import type { RuleContext } from '../rules/types.js';
import { locateNode, parentPair } from './fix-nodes.js';
import { emptyScalarList, removeSeqItem } from './text-edits.js';
import { findingData, type FixEdit, type FixProvider, type QuickFix } from './types.js';

/** Removes the `depends_on` link the finding sits on, which breaks the cycle there. */
export const dependencyCycleFix: FixProvider = {
  rule: 'dependency-cycle',
  provideFixes(finding, context): QuickFix[] {
    const span = findingData(finding, 'dependency-cycle')?.dependencySpan;
    const dependency = span && dependencyWithSpan(context, span);
    const located = span && locateNode(context.parsed.doc, span);
    if (!dependency || !located) return [];
    const text = context.parsed.text;
    const parent = located.ancestors[located.ancestors.length - 1];
    let edits: FixEdit[];
    if (isSeq(parent)) {
      // The list's own pair (`depends_on:`), to leave `[]` rather than nothing.
      const seqLocated = { node: parent, ancestors: located.ancestors.slice(0, -1) };
      edits = removeSeqItem(text, parent, parent.items.indexOf(located.node), parentPair(seqLocated));
    } else if (isScalar(located.node)) {
      // `depends_on: x`, a single id.
      const edit = emptyScalarList(text, located.node);
      edits = edit ? [edit] : [];
    } else {
      edits = [];
    }
    return edits.length > 0 ? [{ title: `Remove the dependency on '${dependency.target.id}'`, edits, isPreferred: true }] : [];
  },
};

function dependencyWithSpan(context: RuleContext, span: Span): Dependency | undefined {
  const { tasks, phases } = context.model;
  for (const item of [...tasks, ...phases]) {
    const found = item.dependsOn.find((dependency) => dependency.span.start === span.start && dependency.span.end === span.end);
    if (found) return found;
  }
  return undefined;
}
