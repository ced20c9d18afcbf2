import { setDependencyLag } from '../dependency-edits.js';
import { quotedWords } from '../../util/phrases.js';
import type { FixEdit } from '../fix-provider.js';
import { findingData, type FixProvider, type QuickFix } from '../fix-provider.js';

/** The buffer the fix adds: a few working days, as the rule's page suggests. */
const BUFFER = '2d';

/**
 * Sets `lag: 2d` on every dependency that lets work start right after the
 * integration: `{task: id, lag: ...}` gets its lag replaced or added, a
 * plain `- id` or `[a, id]` item becomes `{task: id, lag: 2d}`. One fix
 * for all of them, since a buffer before only some leaves the finding.
 */
export const integrationBufferFix: FixProvider = {
  rule: 'integration-buffer',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'integration-buffer');
    if (!data || data.dependencySpans.length === 0) return [];
    const edits: FixEdit[] = [];
    for (const span of data.dependencySpans) {
      const edit = setDependencyLag(context, span, BUFFER);
      if (!edit) return [];
      edits.push(edit);
    }
    const before = data.successors.length > 0 ? ` before ${quotedWords(data.successors)}` : '';
    return [{ title: `Add a 2-day buffer${before}`, edits, isPreferred: true }];
  },
};
