import type { MissingPredecessorData } from '../practice-finding-data.js';
import type { RuleModule } from '../types.js';
import { migrationWithoutCleansingFix } from './fix.js';
import { migrationWithoutCleansingRule } from './rule.js';

export const migrationWithoutCleansingModule: RuleModule<'migration-without-cleansing', MissingPredecessorData & { readonly rule: 'migration-without-cleansing' }> = { rule: migrationWithoutCleansingRule, fix: migrationWithoutCleansingFix };
