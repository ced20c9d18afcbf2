import type { PlanModel, Span, TaskKind } from '../../model/types.js';
import type { Symbols } from '../../model/symbols.js';
import type { OwnedItemKind } from './data.js';
import { itemLabel } from '../quality-text.js';
import { isUnwritten, itemAnchor } from '../quality-yaml.js';
import { mapAtSpan } from '../../yaml/node-at-span.js';
import { ROLE_KEYWORDS, peopleWithRole, unique } from '../role-suggestions.js';
import type { Finding, Rule } from '../types.js';

/**
 * One finding per task, objective or risk that nobody owns. A task is owned
 * when it or its phase names an owner; an owner that names nobody declared
 * is `unknown-reference`'s, not reported here. `risk-incomplete` and
 * `objective-not-smart` leave the owner to this rule, so each gap is
 * reported once.
 */
export const missingOwnerRule: Rule<'missing-owner'> = {
  name: 'missing-owner',
  defaultSeverity: 'warning',
  summary: 'a task (without an owner from its phase), objective or risk has no owner',
  *check({ parsed, model, symbols }): Iterable<Finding> {
    const manager = declaredManager(model, symbols);
    // An owner written in the wrong form is the schema rule's to report.
    const hasOwner = (item: { readonly owner?: unknown; readonly span: Span }): boolean =>
      item.owner !== undefined || !isUnwritten(mapAtSpan(parsed.doc, item.span), 'owner');
    // A phase's owner covers each of its tasks: ask once per phase, and skip its tasks.
    const phaseHasOwner = model.phases.map((phase) => hasOwner(phase));
    const suggestionsByKind = new Map<TaskKind, readonly string[]>();
    const suggestionsFor = (kind: TaskKind): string[] => {
      let suggestions = suggestionsByKind.get(kind);
      if (!suggestions) {
        suggestions = unique([...peopleWithRole(model.people, ROLE_KEYWORDS[kind]), ...manager]);
        suggestionsByKind.set(kind, suggestions);
      }
      return [...suggestions];
    };
    for (const task of model.tasks) {
      if (phaseHasOwner[task.phaseIndex] === true) continue;
      if (hasOwner(task)) continue;
      const phase = model.phases[task.phaseIndex];
      const suggestions = suggestionsFor(task.kind);
      const where = phase?.id ? `its phase '${phase.id.value}' has none to pass on` : 'its phase has none to pass on';
      yield finding(
        'task',
        task,
        itemAnchor(parsed, task),
        `${itemLabel('Task', task.id?.value)} has no owner and ${where}: nobody is accountable for it.`,
        suggestions,
        phase?.id?.value,
      );
    }
    for (const objective of model.objectives) {
      if (hasOwner(objective)) continue;
      yield finding(
        'objective',
        objective,
        itemAnchor(parsed, objective),
        `${itemLabel('Objective', objective.id?.value)} has no owner: nobody is accountable for reaching it (the R of SMART).`,
        manager,
      );
    }
    for (const risk of model.risks) {
      if (hasOwner(risk)) continue;
      yield finding(
        'risk',
        risk,
        itemAnchor(parsed, risk),
        `${itemLabel('Risk', risk.id?.value)} has no owner: nobody watches it or carries out its mitigation.`,
        manager,
      );
    }
  },
};

function finding(
  itemKind: OwnedItemKind,
  item: { readonly id?: { readonly value: string }; readonly span: Span },
  span: Span,
  message: string,
  suggestions: readonly string[],
  phaseId?: string,
): Finding {
  const hint = suggestions.length > 0 ? ` Candidates: ${suggestions.map((id) => `'${id}'`).join(', ')}.` : '';
  return {
    rule: 'missing-owner',
    message: message + hint,
    span,
    data: { rule: 'missing-owner', itemKind, id: item.id?.value, itemSpan: item.span, phaseId, suggestions },
  };
}

/** The plan's manager as a one-element list, when it names a declared person. */
function declaredManager(model: PlanModel, symbols: Symbols): string[] {
  const manager = model.plan.manager;
  return manager && symbols.lookup('person', manager.id) ? [manager.id] : [];
}
