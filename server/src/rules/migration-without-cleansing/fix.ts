import { missingPredecessorFixProvider } from '../practice-fixes.js';
import type { FixProvider } from '../fix-provider.js';

/** Wait for an existing data-cleansing task, or insert one (1w) before the migration. */
export const migrationWithoutCleansingFix: FixProvider = missingPredecessorFixProvider('migration-without-cleansing');
