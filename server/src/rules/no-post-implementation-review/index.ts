import type { MissingSuccessorData } from '../practice-finding-data.js';
import type { RuleModule } from '../types.js';
import { noPostImplementationReviewFix } from './fix.js';
import { noPostImplementationReviewRule } from './rule.js';

export const noPostImplementationReviewModule: RuleModule<'no-post-implementation-review', MissingSuccessorData & { readonly rule: 'no-post-implementation-review' }> = { rule: noPostImplementationReviewRule, fix: noPostImplementationReviewFix };
