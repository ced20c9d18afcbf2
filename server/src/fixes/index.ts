import type { Finding, RuleContext } from '../rules/types.js';
import { baselineSlipFix } from './baseline-slip-fix.js';
import { deadlineMissedFix } from './deadline-missed-fix.js';
import { dependencyCycleFix } from './dependency-cycle-fix.js';
import { disableRuleFix } from './disable-rule-fix.js';
import { duplicateIdFix } from './duplicate-id-fix.js';
import { goLiveWithoutMigrationFix } from './go-live-without-migration-fix.js';
import { goLiveWithoutRollbackFix } from './go-live-without-rollback-fix.js';
import { goLiveWithoutTrainingFix } from './go-live-without-training-fix.js';
import { goLiveWithoutUatFix } from './go-live-without-uat-fix.js';
import { integrationBufferFix } from './integration-buffer-fix.js';
import { lowContingencyFix } from './low-contingency-fix.js';
import { migrationWithoutBackupFix } from './migration-without-backup-fix.js';
import { migrationWithoutCleansingFix } from './migration-without-cleansing-fix.js';
import { migrationWithoutValidationFix } from './migration-without-validation-fix.js';
import { missingOwnerFix } from './missing-owner-fix.js';
import { noHypercareFix } from './no-hypercare-fix.js';
import { noPilotFix } from './no-pilot-fix.js';
import { noPostImplementationReviewFix } from './no-post-implementation-review-fix.js';
import { noSponsorFix } from './no-sponsor-fix.js';
import { objectiveNotSmartFix } from './objective-not-smart-fix.js';
import { overallocationFix } from './overallocation-fix.js';
import { phaseOrderFix } from './phase-order-fix.js';
import { riskIncompleteFix } from './risk-incomplete-fix.js';
import { schemaFix } from './schema-fix.js';
import { startConflictFix } from './start-conflict-fix.js';
import { unknownReferenceFix } from './unknown-reference-fix.js';
import type { FixProvider, QuickFix } from './types.js';

export { disableRuleFix } from './disable-rule-fix.js';
export type { FixEdit, FixProvider, QuickFix } from './types.js';

/**
 * Every rule's fix provider. A new fix is one file exporting a
 * `FixProvider` and one line here; providers are looked up by the
 * finding's rule name, never by its message.
 */
export const FIX_PROVIDERS: readonly FixProvider[] = [
  schemaFix,
  duplicateIdFix,
  unknownReferenceFix,
  dependencyCycleFix,
  deadlineMissedFix,
  startConflictFix,
  phaseOrderFix,
  overallocationFix,
  missingOwnerFix,
  objectiveNotSmartFix,
  noSponsorFix,
  migrationWithoutCleansingFix,
  migrationWithoutBackupFix,
  migrationWithoutValidationFix,
  goLiveWithoutUatFix,
  goLiveWithoutTrainingFix,
  goLiveWithoutMigrationFix,
  goLiveWithoutRollbackFix,
  noPilotFix,
  noHypercareFix,
  noPostImplementationReviewFix,
  riskIncompleteFix,
  lowContingencyFix,
  integrationBufferFix,
  baselineSlipFix,
];

const PROVIDERS_BY_RULE = new Map<string, FixProvider[]>();
for (const provider of FIX_PROVIDERS) {
  PROVIDERS_BY_RULE.set(provider.rule, [...(PROVIDERS_BY_RULE.get(provider.rule) ?? []), provider]);
}

/** The fixes of the finding's own rule (without "Disable"). */
export function ruleFixes(finding: Finding, context: RuleContext): QuickFix[] {
  return (PROVIDERS_BY_RULE.get(finding.rule) ?? []).flatMap((provider) => provider.provideFixes(finding, context));
}

/** Every fix for one finding: its rule's fixes, then "Disable <rule> in this file". */
export function quickFixes(finding: Finding, context: RuleContext): QuickFix[] {
  const disable = disableRuleFix(finding.rule, context);
  return [...ruleFixes(finding, context), ...(disable ? [disable] : [])];
}
