import { removeDependency } from '../dependency-edits.js';
import { findingData, type FixProvider, type QuickFix } from '../fix-provider.js';

/**
 * Removes the `depends_on` item that points into a later phase. Moving the
 * task to another phase instead moves a whole block of YAML and is left
 * to the author.
 */
export const phaseOrderFix: FixProvider = {
  rule: 'phase-order',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'phase-order');
    if (!data) return [];
    const edits = removeDependency(context, data.dependencySpan);
    const target = data.targetKind === 'phase' ? `phase '${data.targetId}'` : `'${data.targetId}'`;
    return edits.length > 0 ? [{ title: `Remove the dependency on ${target}`, edits }] : [];
  },
};
