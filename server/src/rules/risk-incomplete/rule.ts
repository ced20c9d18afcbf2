import type { RiskField } from './data.js';
import { itemLabel } from '../quality-text.js';
import { joinWords } from '../../util/phrases.js';
import { isUnwritten, itemAnchor } from '../quality-yaml.js';
import { mapAtSpan } from '../../yaml/node-at-span.js';
import type { Finding, Rule } from '../types.js';

const RISK_FIELDS: readonly RiskField[] = ['likelihood', 'impact', 'mitigation'];

/**
 * One finding per risk that lacks likelihood, impact or mitigation, listing
 * every missing field. The owner is `missing-owner`'s, so a risk without
 * one is not reported twice. A field written with a value outside
 * low|medium|high (seed 002's "Critical") is the schema rule's.
 */
export const riskIncompleteRule: Rule<'risk-incomplete'> = {
  name: 'risk-incomplete',
  defaultSeverity: 'warning',
  summary: 'a risk lacks likelihood, impact or mitigation',
  *check({ parsed, model }): Iterable<Finding> {
    for (const risk of model.risks) {
      const map = mapAtSpan(parsed.doc, risk.span);
      // Unwritten includes blank (`mitigation: ""`), which the model keeps but which says nothing.
      const missingFields = RISK_FIELDS.filter((key) => isUnwritten(map, key) && !risk[key]?.value.trim());
      if (missingFields.length === 0) continue;
      const why = whyItMatters(missingFields);
      yield {
        rule: 'risk-incomplete',
        message: `${itemLabel('Risk', risk.id?.value)} has no ${joinWords(missingFields)}: ${why}.`,
        span: itemAnchor(parsed, risk),
        data: { rule: 'risk-incomplete', id: risk.id?.value, itemSpan: risk.span, missingFields },
      };
    }
  },
};

function whyItMatters(missing: readonly RiskField[]): string {
  const rating = missing.includes('likelihood') || missing.includes('impact');
  const action = missing.includes('mitigation');
  if (rating && action) return 'it can neither be ranked against the other risks nor acted on';
  if (rating) return 'it cannot be ranked against the other risks (rate likelihood and impact low, medium or high)';
  return 'say what will be done to make it less likely or less harmful';
}
