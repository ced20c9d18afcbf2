import type { MissingPredecessorData } from '../practice-finding-data.js';
import type { RuleModule } from '../types.js';
import { migrationWithoutBackupFix } from './fix.js';
import { migrationWithoutBackupRule } from './rule.js';

export const migrationWithoutBackupModule: RuleModule<'migration-without-backup', MissingPredecessorData & { readonly rule: 'migration-without-backup' }> = { rule: migrationWithoutBackupRule, fix: migrationWithoutBackupFix };
