import { isEmptySection, rootMap } from '../quality-yaml.js';
import type { Finding, Rule } from '../types.js';

/** Fires when `communications` is absent, empty (`communications:`) or `[]`. */
export const noCommunicationPlanRule: Rule<'no-communication-plan'> = {
  name: 'no-communication-plan',
  defaultSeverity: 'info',
  summary: 'the plan has no communications',
  *check({ parsed, model }): Iterable<Finding> {
    if (!rootMap(parsed)) return;
    if (model.communications.length > 0 || !isEmptySection(parsed, 'communications')) return;
    yield {
      rule: 'no-communication-plan',
      message:
        'The plan has no communication plan: say who hears about progress, training and go-live, how and how often, under `communications:`.',
      span: model.sectionKeys.communications ?? model.plan.keySpan ?? { start: 0, end: 0 },
    };
  },
};
