import { missingSuccessorFixProvider } from '../practice-fixes.js';
import type { FixProvider } from '../fix-provider.js';

/** Make an existing data-validation task wait for the migration, or insert one (2d) after it. */
export const migrationWithoutValidationFix: FixProvider = missingSuccessorFixProvider('migration-without-validation');
