import type { RuleModule } from '../types.js';
import type { MissingOwnerData } from './data.js';
import { missingOwnerFix } from './fix.js';
import { missingOwnerRule } from './rule.js';

export const missingOwnerModule: RuleModule<'missing-owner', MissingOwnerData> = { rule: missingOwnerRule, fix: missingOwnerFix };
