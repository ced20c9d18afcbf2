import { goLiveWithoutMigrationRule } from './go-live-without-migration/rule.js';
import { goLiveWithoutRollbackRule } from './go-live-without-rollback/rule.js';
import { goLiveWithoutTrainingRule } from './go-live-without-training/rule.js';
import { goLiveWithoutUatRule } from './go-live-without-uat/rule.js';
import { migrationWithoutBackupRule } from './migration-without-backup/rule.js';
import { migrationWithoutCleansingRule } from './migration-without-cleansing/rule.js';
import { migrationWithoutValidationRule } from './migration-without-validation/rule.js';
import { noHypercareRule } from './no-hypercare/rule.js';
import { noPilotRule } from './no-pilot/rule.js';
import { noPostImplementationReviewRule } from './no-post-implementation-review/rule.js';
import type { Rule } from './types.js';

/**
 * The CRM rollout practice rules (see docs/rules/), in the contract's order.
 * Each lives in its own file; their shared reachability and "unsure" logic
 * is in practice-support.ts.
 */
export const PRACTICE_RULES: readonly Rule[] = [
  migrationWithoutCleansingRule,
  migrationWithoutBackupRule,
  migrationWithoutValidationRule,
  goLiveWithoutUatRule,
  goLiveWithoutTrainingRule,
  goLiveWithoutMigrationRule,
  goLiveWithoutRollbackRule,
  noPilotRule,
  noHypercareRule,
  noPostImplementationReviewRule,
];
