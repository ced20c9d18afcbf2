import { capitalized, dependOnItOrInsertAfter, missingSuccessorFindings } from '../practice-support.js';
import type { Rule } from '../types.js';

/**
 * Seed 001, "Data Backup and Recovery Procedures" ("After data migration,
 * validate the data in the new CRM") and "Data Migration Timeline" (Data
 * Validation and Testing after Data Migration Execution).
 */
export const migrationWithoutValidationRule: Rule<'migration-without-validation'> = {
  name: 'migration-without-validation',
  defaultSeverity: 'info',
  summary: 'no data-validation task follows a data-migration task',
  check: (context) =>
    missingSuccessorFindings(context, {
      rule: 'migration-without-validation',
      subjectKind: 'data-migration',
      neededKind: 'data-validation',
      candidateLabel: 'data-validation task',
      message: (id, candidates) =>
        `No data-validation task follows data migration '${id}': nothing checks that the migrated records are complete and correct. ` +
        `${capitalized(dependOnItOrInsertAfter(candidates, 'a data-validation task'))}.`,
    }),
};
