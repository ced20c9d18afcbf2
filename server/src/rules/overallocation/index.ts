import type { RuleModule } from '../types.js';
import type { OverallocationData } from './data.js';
import { overallocationFix } from './fix.js';
import { overallocationRule } from './rule.js';

export const overallocationModule: RuleModule<'overallocation', OverallocationData> = { rule: overallocationRule, fix: overallocationFix };
