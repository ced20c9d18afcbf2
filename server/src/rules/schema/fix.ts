import { isScalar } from 'yaml';
import { pairOf } from '../../edits/fix-nodes.js';
import { pairWithKeyAtSpan } from '../../yaml/node-at-span.js';
import { replaceScalar } from '../../edits/text-edits.js';
import { findingData, type FixProvider, type QuickFix } from '../fix-provider.js';

/**
 * Renames an unknown key to the key it is closest to, unless the mapping
 * already has that key (renaming would write a duplicate key).
 */
export const schemaFix: FixProvider = {
  rule: 'schema',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'schema');
    if (data?.kind !== 'unknown-key' || data.suggestion === undefined) return [];
    const suggestion = data.suggestion;
    const found = pairWithKeyAtSpan(context.parsed.doc, finding.span);
    if (!found || !isScalar(found.pair.key) || found.pair.key.value !== data.key || pairOf(found.map, suggestion)) return [];
    const edit = replaceScalar(context.parsed.text, found.pair.key, suggestion);
    return edit ? [{ title: `Rename '${data.key}' to '${suggestion}'`, edits: [edit], isPreferred: true }] : [];
  },
};
