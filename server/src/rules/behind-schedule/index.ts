import type { RuleModule } from '../types.js';
import { behindScheduleRule } from './rule.js';

export const behindScheduleModule: RuleModule<'behind-schedule'> = { rule: behindScheduleRule };
