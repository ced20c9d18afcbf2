import type { RuleModule } from '../types.js';
import { limitsRule } from './rule.js';

export const limitsModule: RuleModule<'limits'> = { rule: limitsRule };
