import type { MissingPredecessorData } from '../practice-finding-data.js';
import type { RuleModule } from '../types.js';
import { goLiveWithoutUatFix } from './fix.js';
import { goLiveWithoutUatRule } from './rule.js';

export const goLiveWithoutUatModule: RuleModule<'go-live-without-uat', MissingPredecessorData & { readonly rule: 'go-live-without-uat' }> = { rule: goLiveWithoutUatRule, fix: goLiveWithoutUatFix };
