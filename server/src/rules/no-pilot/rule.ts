import { capitalized, dependOnOrInsertBefore, missingPredecessorFindings } from '../practice-support.js';
import type { Rule } from '../types.js';

/**
 * Seed 004, "7. Deployment and Post Launch Support" ("often starting with a
 * pilot group before a full organization wide launch"), and seed 001's
 * "Data Migration Pilot".
 */
export const noPilotRule: Rule<'no-pilot'> = {
  name: 'no-pilot',
  defaultSeverity: 'hint',
  summary: 'no pilot precedes go-live',
  check: (context) =>
    missingPredecessorFindings(context, {
      rule: 'no-pilot',
      subjectKind: 'go-live',
      neededKind: 'pilot',
      candidateLabel: 'pilot task',
      message: (id, candidates) =>
        `No pilot (kind: pilot) precedes go-live '${id}': a pilot group finds the problems before the whole organization does. ` +
        `${capitalized(dependOnOrInsertBefore(candidates, 'a pilot task'))}.`,
    }),
};
