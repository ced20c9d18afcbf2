import { isMap, isScalar } from 'yaml';
import type { RuleContext } from '../rules/types.js';
import { isEmpty } from '../parse/syntax-nodes.js';
import { pairOf } from '../edits/fix-nodes.js';
import { fillEmptyWithMap, insertMapEntries, insertNestedMap, setMapValue } from '../edits/text-edits.js';
import { detectIndentStyle } from '../yaml/indent-style.js';
import type { FixEdit, QuickFix } from '../edits/types.js';

/**
 * "Disable <rule> in this file": `<rule>: off` in the plan's `rules:` map,
 * which is created at the end of the document when the plan has none.
 * Not offered for `yaml-syntax`: silencing a broken file fixes nothing.
 */
export function disableRuleFix(rule: string, context: RuleContext): QuickFix | undefined {
  if (rule === 'yaml-syntax') return undefined;
  const edit = disableRuleEdit(rule, context);
  return edit ? { title: `Disable ${rule} in this file`, edits: [edit] } : undefined;
}

function disableRuleEdit(rule: string, context: RuleContext): FixEdit | undefined {
  const { doc, text } = context.parsed;
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const entry = { key: rule, value: 'off' };
  const rulesPair = pairOf(root, 'rules');
  if (!rulesPair) return insertNestedMap(text, root, 'rules', [entry], detectIndentStyle(doc.contents, text).unit);
  const rules = rulesPair.value;
  if (isMap(rules)) {
    return pairOf(rules, rule) ? setMapValue(text, rules, rule, 'off') : insertMapEntries(text, rules, [entry]);
  }
  if (rules === null || rules === undefined || (isScalar(rules) && isEmpty(rules))) {
    return fillEmptyWithMap(text, root, rulesPair, [entry], detectIndentStyle(doc.contents, text).unit);
  }
  return undefined;
}
