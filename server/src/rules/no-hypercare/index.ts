import type { MissingSuccessorData } from '../practice-finding-data.js';
import type { RuleModule } from '../types.js';
import { noHypercareFix } from './fix.js';
import { noHypercareRule } from './rule.js';

export const noHypercareModule: RuleModule<'no-hypercare', MissingSuccessorData & { readonly rule: 'no-hypercare' }> = { rule: noHypercareRule, fix: noHypercareFix };
