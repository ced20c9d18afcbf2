import { deadlineMissedRule } from './deadline-missed/rule.js';
import { integrationBufferRule } from './integration-buffer/rule.js';
import { overallocationRule } from './overallocation/rule.js';
import { phaseOrderRule } from './phase-order/rule.js';
import { startConflictRule } from './start-conflict/rule.js';
import type { Rule } from './types.js';

/**
 * The schedule rules (see docs/rules/), in the contract's order. Each lives
 * in its own file and reads `RuleContext.schedule`; all are silent when
 * there is no schedule (no usable `plan.start`) and on tasks on a cycle
 * (which have no dates). Shared wording and walks: schedule-rule-support.ts.
 */
export const SCHEDULE_RULES: readonly Rule[] = [
  deadlineMissedRule,
  startConflictRule,
  phaseOrderRule,
  overallocationRule,
  integrationBufferRule,
];
