import { mapAtSpan } from '../../yaml/node-at-span.js';
import { setMapValue } from '../../edits/text-edits.js';
import { findingData, type FixProvider, type QuickFix } from '../fix-provider.js';

/** Sets `plan.sponsor` to each person whose role reads like an executive sponsor. */
export const noSponsorFix: FixProvider = {
  rule: 'no-sponsor',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'no-sponsor');
    const planSpan = context.model.plan.span;
    const plan = planSpan && mapAtSpan(context.parsed.doc, planSpan);
    if (!data || !plan) return [];
    return data.suggestions.flatMap((id) => {
      const edit = setMapValue(context.parsed.text, plan, 'sponsor', id);
      const declaration = context.symbols.lookup('person', id);
      const name = declaration ? context.model.people[declaration.index]?.name?.value : undefined;
      return edit ? [{ title: `Set the sponsor to '${id}'${name ? ` (${name})` : ''}`, edits: [edit] }] : [];
    });
  },
};
