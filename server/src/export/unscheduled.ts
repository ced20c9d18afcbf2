import type { PlanAnalysis } from '../analysis/analyze-plan.js';

/**
 * What an export leaves out because the schedule could not place it, one
 * line each, for `ExportResult.omitted`: every task on a dependency cycle,
 * or the whole plan when it has no valid `plan.start`.
 */
export function unscheduledTasks(analysis: PlanAnalysis): string[] {
  const { schedule, model } = analysis;
  if (!schedule) return model.tasks.length === 0 ? [] : [`all ${model.tasks.length} tasks: the plan has no valid plan.start`];
  const omitted: string[] = [];
  model.tasks.forEach((task, index) => {
    if (schedule.tasks[index] !== undefined) return;
    const name = task.id?.value ?? task.name?.value ?? `task ${index + 1}`;
    omitted.push(`task '${name}': on a dependency cycle, so it has no dates`);
  });
  return omitted;
}
