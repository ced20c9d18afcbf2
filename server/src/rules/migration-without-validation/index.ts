import type { MissingSuccessorData } from '../practice-finding-data.js';
import type { RuleModule } from '../types.js';
import { migrationWithoutValidationFix } from './fix.js';
import { migrationWithoutValidationRule } from './rule.js';

export const migrationWithoutValidationModule: RuleModule<'migration-without-validation', MissingSuccessorData & { readonly rule: 'migration-without-validation' }> = { rule: migrationWithoutValidationRule, fix: migrationWithoutValidationFix };
