import type { MissingPredecessorData } from '../practice-finding-data.js';
import type { RuleModule } from '../types.js';
import { goLiveWithoutTrainingFix } from './fix.js';
import { goLiveWithoutTrainingRule } from './rule.js';

export const goLiveWithoutTrainingModule: RuleModule<'go-live-without-training', MissingPredecessorData & { readonly rule: 'go-live-without-training' }> = { rule: goLiveWithoutTrainingRule, fix: goLiveWithoutTrainingFix };
