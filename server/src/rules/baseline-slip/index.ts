import type { RuleModule } from '../types.js';
import { baselineSlipFix } from './fix.js';
import { baselineSlipRule } from './rule.js';

export const baselineSlipModule: RuleModule<'baseline-slip'> = { rule: baselineSlipRule, fix: baselineSlipFix };
