import type { RuleModule } from '../types.js';
import { progressNotStartedRule } from './rule.js';

export const progressNotStartedModule: RuleModule<'progress-not-started'> = { rule: progressNotStartedRule };
