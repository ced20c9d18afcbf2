import { actualDatesModule } from './actual-dates/index.js';
import { baselineSlipModule } from './baseline-slip/index.js';
import { behindScheduleModule } from './behind-schedule/index.js';
import { customizationHeavyModule } from './customization-heavy/index.js';
import { deadlineMissedModule } from './deadline-missed/index.js';
import { dependencyCycleModule } from './dependency-cycle/index.js';
import { duplicateIdModule } from './duplicate-id/index.js';
import { goLiveWithoutMigrationModule } from './go-live-without-migration/index.js';
import { goLiveWithoutRollbackModule } from './go-live-without-rollback/index.js';
import { goLiveWithoutTrainingModule } from './go-live-without-training/index.js';
import { goLiveWithoutUatModule } from './go-live-without-uat/index.js';
import { integrationBufferModule } from './integration-buffer/index.js';
import { limitsModule } from './limits/index.js';
import { lowContingencyModule } from './low-contingency/index.js';
import { migrationWithoutBackupModule } from './migration-without-backup/index.js';
import { migrationWithoutCleansingModule } from './migration-without-cleansing/index.js';
import { migrationWithoutValidationModule } from './migration-without-validation/index.js';
import { missingOwnerModule } from './missing-owner/index.js';
import { noCommunicationPlanModule } from './no-communication-plan/index.js';
import { noHypercareModule } from './no-hypercare/index.js';
import { noObjectivesModule } from './no-objectives/index.js';
import { noPilotModule } from './no-pilot/index.js';
import { noPostImplementationReviewModule } from './no-post-implementation-review/index.js';
import { noSponsorModule } from './no-sponsor/index.js';
import { objectiveNotSmartModule } from './objective-not-smart/index.js';
import { overallocationModule } from './overallocation/index.js';
import { phaseOrderModule } from './phase-order/index.js';
import { progressNotStartedModule } from './progress-not-started/index.js';
import { riskIncompleteModule } from './risk-incomplete/index.js';
import { schemaModule } from './schema/index.js';
import { startConflictModule } from './start-conflict/index.js';
import { unknownReferenceModule } from './unknown-reference/index.js';
import { yamlSyntaxModule } from './yaml-syntax/index.js';
import type { Rule } from './types.js';

/**
 * Every rule, one module each (rules/<name>/), in the order of the
 * contract's table: the one list of rules. Adding a rule is its folder and
 * one line here; the rule list, the names, the finding data union
 * (finding-data.ts) and the fix registry (fixes/index.ts) follow from it.
 */
export const RULE_MODULES = [
  yamlSyntaxModule,
  schemaModule,
  limitsModule,
  duplicateIdModule,
  unknownReferenceModule,
  dependencyCycleModule,
  deadlineMissedModule,
  startConflictModule,
  phaseOrderModule,
  overallocationModule,
  missingOwnerModule,
  objectiveNotSmartModule,
  noObjectivesModule,
  noSponsorModule,
  migrationWithoutCleansingModule,
  migrationWithoutBackupModule,
  migrationWithoutValidationModule,
  goLiveWithoutUatModule,
  goLiveWithoutTrainingModule,
  goLiveWithoutMigrationModule,
  goLiveWithoutRollbackModule,
  noPilotModule,
  noHypercareModule,
  noPostImplementationReviewModule,
  riskIncompleteModule,
  lowContingencyModule,
  customizationHeavyModule,
  integrationBufferModule,
  noCommunicationPlanModule,
  behindScheduleModule,
  actualDatesModule,
  progressNotStartedModule,
  baselineSlipModule,
] as const;

export type RuleName = (typeof RULE_MODULES)[number]['rule']['name'];

/** Every rule, in the order of the contract's table. */
export const ALL_RULES: readonly Rule[] = RULE_MODULES.map((module) => module.rule);

/** Every rule name of the contract, in its order. */
export const RULE_NAMES: readonly RuleName[] = RULE_MODULES.map((module) => module.rule.name);

export function findRule(name: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.name === name);
}
