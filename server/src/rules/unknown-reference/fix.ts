import { scalarAtSpan } from '../../yaml/node-at-span.js';
import { replaceScalar } from '../../edits/text-edits.js';
import { findingData, type FixEdit, type FixProvider, type QuickFix } from '../fix-provider.js';

/** Replaces the unknown id with each of the closest declared ids, best first. */
export const unknownReferenceFix: FixProvider = {
  rule: 'unknown-reference',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'unknown-reference');
    if (!data) return [];
    // Most references are whole scalars (keep their quotes); the id of
    // `due: 30d after <id>` is a part of one, and ids need no quoting there.
    const scalar = scalarAtSpan(context.parsed.doc, finding.span);
    const single = data.candidates.length === 1;
    return data.candidates.flatMap((candidate) => {
      const edit: FixEdit | undefined = scalar
        ? replaceScalar(context.parsed.text, scalar, candidate)
        : { span: finding.span, newText: candidate };
      return edit ? [{ title: `Change '${data.id}' to '${candidate}'`, edits: [edit], ...(single ? { isPreferred: true } : {}) }] : [];
    });
  },
};
