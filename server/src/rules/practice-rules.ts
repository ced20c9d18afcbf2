import { goLiveWithoutMigrationRule } from './go-live-without-migration.js';
import { goLiveWithoutRollbackRule } from './go-live-without-rollback.js';
import { goLiveWithoutTrainingRule } from './go-live-without-training.js';
import { goLiveWithoutUatRule } from './go-live-without-uat.js';
import { migrationWithoutBackupRule } from './migration-without-backup.js';
import { migrationWithoutCleansingRule } from './migration-without-cleansing.js';
import { migrationWithoutValidationRule } from './migration-without-validation.js';
import { noHypercareRule } from './no-hypercare.js';
import { noPilotRule } from './no-pilot.js';
import { noPostImplementationReviewRule } from './no-post-implementation-review.js';
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
