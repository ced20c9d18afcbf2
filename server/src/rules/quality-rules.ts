import { customizationHeavyRule } from './customization-heavy/rule.js';
import { lowContingencyRule } from './low-contingency/rule.js';
import { missingOwnerRule } from './missing-owner/rule.js';
import { noCommunicationPlanRule } from './no-communication-plan/rule.js';
import { noObjectivesRule } from './no-objectives/rule.js';
import { noSponsorRule } from './no-sponsor/rule.js';
import { objectiveNotSmartRule } from './objective-not-smart/rule.js';
import { riskIncompleteRule } from './risk-incomplete/rule.js';
import type { Rule } from './types.js';

/** The quality rules (see docs/rules/). Each rule lives in its own file. */
export const QUALITY_RULES: readonly Rule[] = [
  missingOwnerRule,
  objectiveNotSmartRule,
  noObjectivesRule,
  noSponsorRule,
  riskIncompleteRule,
  lowContingencyRule,
  customizationHeavyRule,
  noCommunicationPlanRule,
];
