import { capitalized, dependOnOrInsertBefore, missingPredecessorFindings } from '../practice-support.js';
import type { Rule } from '../types.js';

/**
 * Seeds 001 ("Data Cleansing: Identifying and Correcting Errors and
 * Duplicates") and 004 ("When should data cleansing happen?"): cleanse
 * before migrating, at the source.
 */
export const migrationWithoutCleansingRule: Rule<'migration-without-cleansing'> = {
  name: 'migration-without-cleansing',
  defaultSeverity: 'warning',
  summary: 'a data-migration task has no data-cleansing task among its predecessors',
  check: (context) =>
    missingPredecessorFindings(context, {
      rule: 'migration-without-cleansing',
      subjectKind: 'data-migration',
      neededKind: 'data-cleansing',
      candidateLabel: 'data-cleansing task',
      message: (id, candidates) =>
        `Data migration '${id}' has no data-cleansing task among its predecessors: migrating dirty data carries it into the new CRM. ` +
        `${capitalized(dependOnOrInsertBefore(candidates, 'a data-cleansing task'))}.`,
    }),
};
