import { missingPredecessorFixProvider } from '../practice-fixes.js';
import type { FixProvider } from '../fix-provider.js';

/** Wait for an existing data-backup task, or insert one (1d) before the migration. */
export const migrationWithoutBackupFix: FixProvider = missingPredecessorFixProvider('migration-without-backup');
