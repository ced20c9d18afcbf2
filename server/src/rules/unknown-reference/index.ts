import type { RuleModule } from '../types.js';
import type { UnknownReferenceData } from './data.js';
import { unknownReferenceFix } from './fix.js';
import { unknownReferenceRule } from './rule.js';

export const unknownReferenceModule: RuleModule<'unknown-reference', UnknownReferenceData> = { rule: unknownReferenceRule, fix: unknownReferenceFix };
