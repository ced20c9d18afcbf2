import { RULE_MODULES } from '../rules/index.js';
import type { Finding, RuleContext } from '../rules/types.js';
import { disableRuleFix } from './disable-rule-fix.js';
import type { QuickFix } from '../edits/types.js';
import type { FixProvider } from '../rules/fix-provider.js';

export { disableRuleFix } from './disable-rule-fix.js';
export type { FixEdit, QuickFix } from '../edits/types.js';
export type { FixProvider } from '../rules/fix-provider.js';

/**
 * Every rule's fix provider, from the rule modules (a rule's fix is its
 * folder's fix.ts); providers are looked up by the finding's rule name,
 * never by its message.
 */
export const FIX_PROVIDERS: readonly FixProvider[] = RULE_MODULES.flatMap((module): FixProvider[] => (module.fix ? [module.fix] : []));

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
