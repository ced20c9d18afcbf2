import { dependOnOrInsertBefore, missingPredecessorFindings } from '../practice-support.js';
import type { Rule } from '../types.js';

/**
 * Seeds 000 (Phase 3, "End-User Training" before "Core Functionality
 * Go-Live") and 003 ("4. Deployment and Go-Live", Go-Live Preparation:
 * "user training").
 */
export const goLiveWithoutTrainingRule: Rule<'go-live-without-training'> = {
  name: 'go-live-without-training',
  defaultSeverity: 'warning',
  summary: 'a go-live task has no training task among its predecessors',
  check: (context) =>
    missingPredecessorFindings(context, {
      rule: 'go-live-without-training',
      subjectKind: 'go-live',
      neededKind: 'training',
      candidateLabel: 'training task',
      message: (id, candidates) =>
        `Go-live '${id}' does not wait for any user training (kind: training): ${dependOnOrInsertBefore(candidates, 'a training task')}.`,
    }),
};
