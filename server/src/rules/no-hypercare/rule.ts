import { capitalized, dependOnItOrInsertAfter, missingSuccessorFindings } from '../practice-support.js';
import type { Rule } from '../types.js';

/**
 * Seeds 002 (Phase 5, "Post-Launch Support & Hypercare"), 004 ("7.
 * Deployment and Post Launch Support") and 000 (Phase 3, "Help Desk
 * Activation").
 */
export const noHypercareRule: Rule<'no-hypercare'> = {
  name: 'no-hypercare',
  defaultSeverity: 'warning',
  summary: 'no hypercare task follows go-live',
  check: (context) =>
    missingSuccessorFindings(context, {
      rule: 'no-hypercare',
      subjectKind: 'go-live',
      neededKind: 'hypercare',
      candidateLabel: 'hypercare task',
      message: (id, candidates) =>
        `No hypercare task follows go-live '${id}': the first weeks after launch need close support, when most issues surface. ` +
        `${capitalized(dependOnItOrInsertAfter(candidates, 'a hypercare task'))}.`,
    }),
};
