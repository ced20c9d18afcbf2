import { asMap, field } from '../../model/yaml-nodes.js';
import { firstKeySpan, isUnwritten, planMap } from '../quality-yaml.js';
import type { Finding, Rule } from '../types.js';

/** The share of the total a plan should hold back (seed 002 "5. Resource Allocation": "Contingency (10%)"). */
export const MIN_CONTINGENCY_PERCENT = 10;

const CONTINGENCY_LINE = /contingenc/i;

/**
 * Reports a `contingency` under 10%, and a budget that has a `total` but no
 * contingency at all. A budget that keeps its contingency as a line
 * (`{category: Contingency, amount: 10000}`, as seed 002's budget table
 * does) is judged by that line's share of the total. Silent without a
 * budget, on a budget with neither total nor contingency (a draft), and on
 * a contingency written in the wrong form (the schema rule's).
 */
export const lowContingencyRule: Rule<'low-contingency'> = {
  name: 'low-contingency',
  defaultSeverity: 'info',
  summary: "the budget's contingency is under 10%",
  *check({ parsed, model }): Iterable<Finding> {
    const budget = model.plan.budget;
    if (!budget) return;
    const budgetMap = asMap(field(planMap(parsed), 'budget'));
    const budgetSpan = budget.span;
    const suggested = `${MIN_CONTINGENCY_PERCENT}%` as const;

    if (budget.contingency) {
      const percent = budget.contingency.value;
      if (percent >= MIN_CONTINGENCY_PERCENT) return;
      const current = `${percent}%`;
      yield {
        rule: 'low-contingency',
        message: `The budget's contingency is ${current}, under the ${suggested} that a CRM rollout should hold back for the unknown (data surprises, integration rework).`,
        span: budget.contingency.span,
        data: { rule: 'low-contingency', current, currentPercent: percent, suggested, budgetSpan },
      };
      return;
    }
    if (!isUnwritten(budgetMap, 'contingency')) return;
    const total = budget.total?.value;
    if (total === undefined || total <= 0) return;

    const line = budget.lines.find((candidate) => candidate.category && CONTINGENCY_LINE.test(candidate.category.value));
    if (line?.amount) {
      const percent = (line.amount.value / total) * 100;
      if (percent >= MIN_CONTINGENCY_PERCENT) return;
      yield {
        rule: 'low-contingency',
        message: `The budget's contingency line is ${formatPercent(percent)} of the total, under the ${suggested} that a CRM rollout should hold back for the unknown.`,
        span: line.amount.span,
        data: { rule: 'low-contingency', current: formatPercent(percent), currentPercent: percent, suggested, budgetSpan },
      };
      return;
    }
    yield {
      rule: 'low-contingency',
      message: `The budget has a total but no contingency: hold back ${suggested} for the unknown with \`contingency: ${suggested}\`.`,
      span: firstKeySpan(budgetMap) ?? budgetSpan,
      data: { rule: 'low-contingency', suggested, budgetSpan },
    };
  },
};

function formatPercent(percent: number): string {
  return `${Math.round(percent * 10) / 10}%`;
}
