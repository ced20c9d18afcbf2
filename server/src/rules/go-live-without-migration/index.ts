import type { RuleModule } from '../types.js';
import type { GoLiveWithoutMigrationData } from './data.js';
import { goLiveWithoutMigrationFix } from './fix.js';
import { goLiveWithoutMigrationRule } from './rule.js';

export const goLiveWithoutMigrationModule: RuleModule<'go-live-without-migration', GoLiveWithoutMigrationData> = { rule: goLiveWithoutMigrationRule, fix: goLiveWithoutMigrationFix };
