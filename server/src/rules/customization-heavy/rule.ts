import type { PlanModel, Task } from '../../model/types.js';
import type { Finding, RelatedLocation, Rule } from '../types.js';

/** The scheduler's clamp, so an absurd duration cannot overflow the sums. */
const MAX_WORKING_DAYS = 1_000_000;

/**
 * Compares the working days planned for `customization` (custom code) with
 * those for `configuration` (settings, fields, workflows without code).
 * Reported once, on the `kind` of the largest customization task, with the
 * other customization tasks as related locations. Silent when no task is a
 * customization or the customization tasks have no duration.
 */
export const customizationHeavyRule: Rule<'customization-heavy'> = {
  name: 'customization-heavy',
  defaultSeverity: 'info',
  summary: 'customization work outweighs configuration work',
  *check({ model }): Iterable<Finding> {
    // One pass over the tasks. Days are whole numbers, so the totals are exact in any order.
    const customizations: { task: Task; days: number }[] = [];
    let customizationDays = 0;
    let configurationDays = 0;
    for (const task of model.tasks) {
      if (task.kind === 'customization') {
        const days = workingDays(task, model);
        customizations.push({ task, days });
        customizationDays += days;
      } else if (task.kind === 'configuration') {
        configurationDays += workingDays(task, model);
      }
    }
    // Largest first; the sort is stable, so ties keep document order.
    customizations.sort((a, b) => b.days - a.days);
    const largest = customizations[0];
    if (!largest || customizationDays === 0 || customizationDays <= configurationDays) return;
    const span = largest.task.kindSpan ?? largest.task.id?.span ?? largest.task.span;
    const related: RelatedLocation[] = customizations.slice(1).map(({ task, days }) => ({
      span: task.kindSpan ?? task.id?.span ?? task.span,
      message: `Also customization: ${describe(task)} (${plural(days)}).`,
    }));
    const count = customizations.length;
    yield {
      rule: 'customization-heavy',
      message:
        `Customization outweighs configuration: ${plural(customizationDays)} of custom work in ${count} task${count === 1 ? '' : 's'} ` +
        `against ${plural(configurationDays)} of configuration (the largest is ${describe(largest.task)}). ` +
        'Every line of custom code makes upgrades harder: configure what the platform already does and customize only what it cannot.',
      span,
      related,
      data: {
        rule: 'customization-heavy',
        customizationDays,
        configurationDays,
        customizationTasks: customizations.flatMap(({ task }) => (task.id ? [task.id.value] : [])),
      },
    };
  },
};

/** A task's duration in working days: `w` is the calendar's workdays per week; milestones count 0. */
function workingDays(task: Task, model: PlanModel): number {
  if (task.milestone || !task.duration) return 0;
  const { amount, unit } = task.duration.value;
  const days = unit === 'w' ? amount * model.plan.calendar.workdays.length : amount;
  return Math.min(Math.max(0, days), MAX_WORKING_DAYS);
}

function plural(days: number): string {
  return `${days} working day${days === 1 ? '' : 's'}`;
}

function describe(task: Task): string {
  return task.id ? `'${task.id.value}'` : task.name ? `'${task.name.value}'` : 'a task without an id';
}
