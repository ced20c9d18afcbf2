import type { RuleModule } from '../types.js';
import type { StartConflictData } from './data.js';
import { startConflictFix } from './fix.js';
import { startConflictRule } from './rule.js';

export const startConflictModule: RuleModule<'start-conflict', StartConflictData> = { rule: startConflictRule, fix: startConflictFix };
