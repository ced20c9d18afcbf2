import type { RuleModule } from '../types.js';
import type { NoSponsorData } from './data.js';
import { noSponsorFix } from './fix.js';
import { noSponsorRule } from './rule.js';

export const noSponsorModule: RuleModule<'no-sponsor', NoSponsorData> = { rule: noSponsorRule, fix: noSponsorFix };
