import type { RuleModule } from '../types.js';
import type { ObjectiveNotSmartData } from './data.js';
import { objectiveNotSmartFix } from './fix.js';
import { objectiveNotSmartRule } from './rule.js';

export const objectiveNotSmartModule: RuleModule<'objective-not-smart', ObjectiveNotSmartData> = { rule: objectiveNotSmartRule, fix: objectiveNotSmartFix };
