import type { RuleModule } from '../types.js';
import type { PhaseOrderData } from './data.js';
import { phaseOrderFix } from './fix.js';
import { phaseOrderRule } from './rule.js';

export const phaseOrderModule: RuleModule<'phase-order', PhaseOrderData> = { rule: phaseOrderRule, fix: phaseOrderFix };
