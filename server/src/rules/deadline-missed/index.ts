import type { RuleModule } from '../types.js';
import type { DeadlineMissedData } from './data.js';
import { deadlineMissedFix } from './fix.js';
import { deadlineMissedRule } from './rule.js';

export const deadlineMissedModule: RuleModule<'deadline-missed', DeadlineMissedData> = { rule: deadlineMissedRule, fix: deadlineMissedFix };
