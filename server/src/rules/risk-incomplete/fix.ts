import type { RiskField } from './data.js';
import { pairOf } from '../../edits/fix-nodes.js';
import { mapAtSpan } from '../../yaml/node-at-span.js';
import { insertMapEntries, joinEdits, setMapValue, type NewEntry } from '../../edits/text-edits.js';
import { choice, placeholder } from '../../yaml/snippet-syntax.js';
import { findingData, type FixEdit, type FixProvider, type QuickFix } from '../fix-provider.js';

/**
 * Middle ratings and a `TODO` mitigation: valid values that remove the
 * finding, that rank the risk in the middle until someone rates it, and
 * that say what is left to write.
 */
const DEFAULTS: Record<RiskField, string> = { likelihood: 'medium', impact: 'medium', mitigation: 'TODO' };
const LEVELS = ['medium', 'low', 'high'];

/**
 * Inserts the missing fields in the risk's own style (`, key: value` in a
 * flow mapping, one line each in a block one), or fills a field written
 * blank where it is. A snippet where the client takes one: the ratings
 * offer low/medium/high, the mitigation is a tab stop.
 */
export const riskIncompleteFix: FixProvider = {
  rule: 'risk-incomplete',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'risk-incomplete');
    const map = data && mapAtSpan(context.parsed.doc, data.itemSpan);
    if (!data || !map || data.missingFields.length === 0) return [];
    const text = context.parsed.text;
    const edits: FixEdit[] = [];
    const added: NewEntry[] = [];
    for (const [position, field] of data.missingFields.entries()) {
      const value = DEFAULTS[field];
      const snippetValue = field === 'mitigation' ? placeholder(position + 1, value) : choice(position + 1, LEVELS);
      if (!pairOf(map, field)) {
        added.push({ key: field, value, snippetValue });
        continue;
      }
      const edit = setMapValue(text, map, field, value, snippetValue);
      if (!edit) return [];
      edits.push(edit);
    }
    const insert = insertMapEntries(text, map, added);
    if (added.length > 0 && !insert) return [];
    if (insert) edits.push(insert);
    return [{ title: `Add the missing risk fields: ${data.missingFields.join(', ')}`, edits: joinEdits(edits), isPreferred: true, isSnippet: true }];
  },
};
