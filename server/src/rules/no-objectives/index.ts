import type { RuleModule } from '../types.js';
import { noObjectivesRule } from './rule.js';

export const noObjectivesModule: RuleModule<'no-objectives'> = { rule: noObjectivesRule };
