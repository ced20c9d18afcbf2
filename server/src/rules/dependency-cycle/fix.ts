import { dependencyAtSpan, removeDependency } from '../dependency-edits.js';
import { findingData, type FixProvider, type QuickFix } from '../fix-provider.js';

/** Removes the `depends_on` link the finding sits on, which breaks the cycle there. */
export const dependencyCycleFix: FixProvider = {
  rule: 'dependency-cycle',
  provideFixes(finding, context): QuickFix[] {
    const span = findingData(finding, 'dependency-cycle')?.dependencySpan;
    const dependency = span && dependencyAtSpan(context, span);
    if (!span || !dependency) return [];
    const edits = removeDependency(context, span);
    return edits.length > 0 ? [{ title: `Remove the dependency on '${dependency.target.id}'`, edits, isPreferred: true }] : [];
  },
};
