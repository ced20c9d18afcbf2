import { dependOnOrInsertBefore, missingPredecessorFindings } from '../practice-support.js';
import type { Rule } from '../types.js';

/**
 * Seeds 000 (Phase 2, "User Acceptance Testing (UAT)" before Phase 3's
 * go-live), 001 ("Go-Live Process: Data Cutover and System Testing") and
 * 003 ("3. Implementation", Testing, before "4. Deployment and Go-Live").
 */
export const goLiveWithoutUatRule: Rule<'go-live-without-uat'> = {
  name: 'go-live-without-uat',
  defaultSeverity: 'warning',
  summary: 'a go-live task has no uat task among its predecessors',
  check: (context) =>
    missingPredecessorFindings(context, {
      rule: 'go-live-without-uat',
      subjectKind: 'go-live',
      neededKind: 'uat',
      candidateLabel: 'UAT task',
      message: (id, candidates) =>
        `Go-live '${id}' does not wait for any user acceptance testing (kind: uat): ${dependOnOrInsertBefore(candidates, 'a UAT task')}.`,
    }),
};
