import { mapAtSpan } from '../../yaml/node-at-span.js';
import { describePerson } from '../fix-titles.js';
import { setMapValue } from '../../edits/text-edits.js';
import { findingData, type FixProvider, type QuickFix } from '../fix-provider.js';

/**
 * Sets the owner to each suggested person (people whose role fits the
 * work, then the plan's manager), named in the title so the choice is
 * clear. For a task, also offers to give its phase the manager as owner,
 * which every task of the phase then inherits.
 */
export const missingOwnerFix: FixProvider = {
  rule: 'missing-owner',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'missing-owner');
    const map = data && mapAtSpan(context.parsed.doc, data.itemSpan);
    if (!data || !map) return [];
    const fixes: QuickFix[] = data.suggestions.flatMap((id) => {
      const edit = setMapValue(context.parsed.text, map, 'owner', id);
      return edit
        ? [{ title: `Set the owner to ${describePerson(context, id)}`, edits: [edit], ...(data.suggestions.length === 1 ? { isPreferred: true } : {}) }]
        : [];
    });
    const manager = context.model.plan.manager?.id;
    if (data.itemKind === 'task' && data.phaseId !== undefined && manager !== undefined && data.suggestions.includes(manager)) {
      const phase = context.symbols.lookup('work', data.phaseId);
      const phaseSpan = phase?.kind === 'phase' ? context.model.phases[phase.index]?.span : undefined;
      const phaseMap = phaseSpan && mapAtSpan(context.parsed.doc, phaseSpan);
      const edit = phaseMap && setMapValue(context.parsed.text, phaseMap, 'owner', manager);
      if (edit) fixes.push({ title: `Set the owner of phase '${data.phaseId}' to ${describePerson(context, manager)}`, edits: [edit] });
    }
    return fixes;
  },
};
