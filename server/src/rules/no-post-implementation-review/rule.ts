import { capitalized, dependOnItOrInsertAfter, missingSuccessorFindings } from '../practice-support.js';
import type { Rule } from '../types.js';

/**
 * Seed 002 (Phase 6, "Post-Implementation Review", and the "Checklist for
 * Implementation Plan Components") and seed 000 (Phase 5, "Success Metrics
 * Review").
 */
export const noPostImplementationReviewRule: Rule<'no-post-implementation-review'> = {
  name: 'no-post-implementation-review',
  defaultSeverity: 'info',
  summary: 'no review task follows go-live',
  check: (context) =>
    missingSuccessorFindings(context, {
      rule: 'no-post-implementation-review',
      subjectKind: 'go-live',
      neededKind: 'review',
      candidateLabel: 'review task',
      message: (id, candidates) =>
        `No post-implementation review (kind: review) follows go-live '${id}': without one, nobody measures the results against the objectives or records the lessons learned. ` +
        `${capitalized(dependOnItOrInsertAfter(candidates, 'a review task'))}.`,
    }),
};
