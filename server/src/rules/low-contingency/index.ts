import type { RuleModule } from '../types.js';
import type { LowContingencyData } from './data.js';
import { lowContingencyFix } from './fix.js';
import { lowContingencyRule } from './rule.js';

export const lowContingencyModule: RuleModule<'low-contingency', LowContingencyData> = { rule: lowContingencyRule, fix: lowContingencyFix };
