import { mapAtSpan } from '../../yaml/node-at-span.js';
import { setMapValue } from '../../edits/text-edits.js';
import { findingData, type FixProvider, type QuickFix } from '../fix-provider.js';

/** Sets the budget's `contingency` to the suggested share, or adds it when the budget has none. */
export const lowContingencyFix: FixProvider = {
  rule: 'low-contingency',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'low-contingency');
    const budget = data && mapAtSpan(context.parsed.doc, data.budgetSpan);
    if (!data || !budget) return [];
    const edit = setMapValue(context.parsed.text, budget, 'contingency', data.suggested);
    return edit ? [{ title: `Set the contingency to ${data.suggested}`, edits: [edit], isPreferred: true }] : [];
  },
};
