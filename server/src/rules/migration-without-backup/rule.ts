import { capitalized, dependOnOrInsertBefore, missingPredecessorFindings } from '../practice-support.js';
import type { Rule } from '../types.js';

/** Seed 001, "Data Backup and Recovery Procedures": back up the old system's data before migration. */
export const migrationWithoutBackupRule: Rule<'migration-without-backup'> = {
  name: 'migration-without-backup',
  defaultSeverity: 'warning',
  summary: 'a data-migration task has no data-backup task among its predecessors',
  check: (context) =>
    missingPredecessorFindings(context, {
      rule: 'migration-without-backup',
      subjectKind: 'data-migration',
      neededKind: 'data-backup',
      candidateLabel: 'data-backup task',
      message: (id, candidates) =>
        `Data migration '${id}' has no data-backup task among its predecessors: if the load goes wrong, there is no copy of the legacy data to recover from. ` +
        `${capitalized(dependOnOrInsertBefore(candidates, 'a data-backup task'))}.`,
    }),
};
