import type { RuleModule } from '../types.js';
import type { RiskIncompleteData } from './data.js';
import { riskIncompleteFix } from './fix.js';
import { riskIncompleteRule } from './rule.js';

export const riskIncompleteModule: RuleModule<'risk-incomplete', RiskIncompleteData> = { rule: riskIncompleteRule, fix: riskIncompleteFix };
