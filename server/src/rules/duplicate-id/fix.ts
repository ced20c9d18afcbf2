import { scalarAtSpan } from '../../yaml/node-at-span.js';
import { replaceScalar } from '../../edits/text-edits.js';
import { findingData, type FixProvider, type QuickFix } from '../fix-provider.js';

/** Renames this (second) declaration to a free id; references keep naming the first. */
export const duplicateIdFix: FixProvider = {
  rule: 'duplicate-id',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'duplicate-id');
    const scalar = data && scalarAtSpan(context.parsed.doc, finding.span);
    const edit = scalar && data && replaceScalar(context.parsed.text, scalar, data.freeId);
    return data && edit ? [{ title: `Rename this '${data.id}' to '${data.freeId}'`, edits: [edit], isPreferred: true }] : [];
  },
};
