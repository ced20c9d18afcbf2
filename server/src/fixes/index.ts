import type { Finding, RuleContext } from '../rules/types.js';
import { baselineSlipFix } from '../rules/baseline-slip/fix.js';
import { deadlineMissedFix } from '../rules/deadline-missed/fix.js';
import { dependencyCycleFix } from '../rules/dependency-cycle/fix.js';
import { disableRuleFix } from './disable-rule-fix.js';
import { duplicateIdFix } from '../rules/duplicate-id/fix.js';
import { goLiveWithoutMigrationFix } from '../rules/go-live-without-migration/fix.js';
import { goLiveWithoutRollbackFix } from '../rules/go-live-without-rollback/fix.js';
import { goLiveWithoutTrainingFix } from '../rules/go-live-without-training/fix.js';
import { goLiveWithoutUatFix } from '../rules/go-live-without-uat/fix.js';
import { integrationBufferFix } from '../rules/integration-buffer/fix.js';
import { lowContingencyFix } from '../rules/low-contingency/fix.js';
import { migrationWithoutBackupFix } from '../rules/migration-without-backup/fix.js';
import { migrationWithoutCleansingFix } from '../rules/migration-without-cleansing/fix.js';
import { migrationWithoutValidationFix } from '../rules/migration-without-validation/fix.js';
import { missingOwnerFix } from '../rules/missing-owner/fix.js';
import { noHypercareFix } from '../rules/no-hypercare/fix.js';
import { noPilotFix } from '../rules/no-pilot/fix.js';
import { noPostImplementationReviewFix } from '../rules/no-post-implementation-review/fix.js';
import { noSponsorFix } from '../rules/no-sponsor/fix.js';
import { objectiveNotSmartFix } from '../rules/objective-not-smart/fix.js';
import { overallocationFix } from '../rules/overallocation/fix.js';
import { phaseOrderFix } from '../rules/phase-order/fix.js';
import { riskIncompleteFix } from '../rules/risk-incomplete/fix.js';
import { schemaFix } from '../rules/schema/fix.js';
import { startConflictFix } from '../rules/start-conflict/fix.js';
import { unknownReferenceFix } from '../rules/unknown-reference/fix.js';
import type { QuickFix } from '../edits/types.js';
import type { FixProvider } from '../rules/fix-provider.js';

export { disableRuleFix } from './disable-rule-fix.js';
export type { FixEdit, QuickFix } from '../edits/types.js';
export type { FixProvider } from '../rules/fix-provider.js';

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
