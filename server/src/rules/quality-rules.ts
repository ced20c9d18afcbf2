import { customizationHeavyRule } from './customization-heavy.js';
import { lowContingencyRule } from './low-contingency.js';
import { missingOwnerRule } from './missing-owner.js';
import { noCommunicationPlanRule } from './no-communication-plan.js';
import { noObjectivesRule } from './no-objectives.js';
import { noSponsorRule } from './no-sponsor.js';
import { objectiveNotSmartRule } from './objective-not-smart.js';
import { riskIncompleteRule } from './risk-incomplete.js';
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
