import { isEmptySection, rootMap } from '../quality-yaml.js';
import type { Finding, Rule } from '../types.js';

/**
 * Fires when `objectives` is absent, empty (`objectives:`) or `[]`. A list
 * whose items are all of the wrong form is the schema rule's business.
 */
export const noObjectivesRule: Rule<'no-objectives'> = {
  name: 'no-objectives',
  defaultSeverity: 'warning',
  summary: 'the plan has no objectives',
  *check({ parsed, model }): Iterable<Finding> {
    // Not a mapping at all: yaml-syntax or schema says so; nothing to add.
    if (!rootMap(parsed)) return;
    if (model.objectives.length > 0 || !isEmptySection(parsed, 'objectives')) return;
    yield {
      rule: 'no-objectives',
      message:
        'The plan has no objectives: without measurable goals there is no way to judge whether the CRM succeeded. Add at least one SMART objective under `objectives:`.',
      span: model.sectionKeys.objectives ?? model.plan.keySpan ?? { start: 0, end: 0 },
    };
  },
};
