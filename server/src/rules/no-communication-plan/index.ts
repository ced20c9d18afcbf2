import type { RuleModule } from '../types.js';
import { noCommunicationPlanRule } from './rule.js';

export const noCommunicationPlanModule: RuleModule<'no-communication-plan'> = { rule: noCommunicationPlanRule };
