import { isUnwritten, planMap } from '../quality-yaml.js';
import { SPONSOR_KEYWORDS, peopleWithRole } from '../role-suggestions.js';
import type { Finding, Rule } from '../types.js';

/**
 * Fires on the `plan:` key when `plan.sponsor` is not written. A sponsor
 * that names nobody declared is `unknown-reference`'s, one of the wrong
 * form the schema rule's; both stay silent here. Without a `plan` mapping
 * the schema rule reports the missing key and this rule has nowhere to go.
 */
export const noSponsorRule: Rule<'no-sponsor'> = {
  name: 'no-sponsor',
  defaultSeverity: 'warning',
  summary: 'the plan names no executive sponsor',
  *check({ parsed, model }): Iterable<Finding> {
    const plan = planMap(parsed);
    const span = model.plan.keySpan;
    if (!plan || !span || model.plan.sponsor || !isUnwritten(plan, 'sponsor')) return;
    const suggestions = peopleWithRole(model.people, SPONSOR_KEYWORDS);
    const hint = suggestions.length > 0 ? ` Candidates: ${suggestions.map((id) => `'${id}'`).join(', ')}.` : '';
    yield {
      rule: 'no-sponsor',
      message: `The plan names no executive sponsor: add \`sponsor:\` with the person who backs the project and makes the final decisions.${hint}`,
      span,
      data: { rule: 'no-sponsor', suggestions },
    };
  },
};
