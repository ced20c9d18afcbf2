import type { RuleModule } from '../types.js';
import { actualDatesRule } from './rule.js';

export const actualDatesModule: RuleModule<'actual-dates'> = { rule: actualDatesRule };
