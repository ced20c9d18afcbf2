import type { MissingPredecessorData } from '../practice-finding-data.js';
import type { RuleModule } from '../types.js';
import { noPilotFix } from './fix.js';
import { noPilotRule } from './rule.js';

export const noPilotModule: RuleModule<'no-pilot', MissingPredecessorData & { readonly rule: 'no-pilot' }> = { rule: noPilotRule, fix: noPilotFix };
