import type { RuleModule } from '../types.js';
import type { DuplicateIdData } from './data.js';
import { duplicateIdFix } from './fix.js';
import { duplicateIdRule } from './rule.js';

export const duplicateIdModule: RuleModule<'duplicate-id', DuplicateIdData> = { rule: duplicateIdRule, fix: duplicateIdFix };
