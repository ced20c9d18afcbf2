import { baselineSlipRule } from './baseline-slip/rule.js';
import { dependencyCycleRule } from './dependency-cycle/rule.js';
import { duplicateIdRule } from './duplicate-id/rule.js';
import { limitsRule } from './limits/rule.js';
import { PRACTICE_RULES } from './practice-rules.js';
import { PROGRESS_RULES } from './progress-rules.js';
import { QUALITY_RULES } from './quality-rules.js';
import { RULE_NAMES } from './rule-names.js';
import { SCHEDULE_RULES } from './schedule-rules.js';
import { schemaRule } from './schema/rule.js';
import type { Rule } from './types.js';
import { unknownReferenceRule } from './unknown-reference/rule.js';
import { yamlSyntaxRule } from './yaml-syntax/rule.js';

const CORE_RULES: readonly Rule[] = [yamlSyntaxRule, schemaRule, limitsRule, duplicateIdRule, unknownReferenceRule, dependencyCycleRule];

const contractOrder = (rule: Rule): number => (RULE_NAMES as readonly string[]).indexOf(rule.name);

/** Every rule, in the order of the contract's table. */
export const ALL_RULES: readonly Rule[] = [...CORE_RULES, ...SCHEDULE_RULES, ...PRACTICE_RULES, ...QUALITY_RULES, ...PROGRESS_RULES, baselineSlipRule].sort(
  (a, b) => contractOrder(a) - contractOrder(b),
);

export function findRule(name: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.name === name);
}
