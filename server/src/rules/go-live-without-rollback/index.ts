import type { RuleModule } from '../types.js';
import type { GoLiveWithoutRollbackData } from './data.js';
import { goLiveWithoutRollbackFix } from './fix.js';
import { goLiveWithoutRollbackRule } from './rule.js';

export const goLiveWithoutRollbackModule: RuleModule<'go-live-without-rollback', GoLiveWithoutRollbackData> = { rule: goLiveWithoutRollbackRule, fix: goLiveWithoutRollbackFix };
