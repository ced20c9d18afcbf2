import type { Dependency, PlanModel, Task } from '../model/types.js';
import { formatDuration } from '../model/values.js';

/** How an omitted line names a task: its id, or its place and name when it has none. */
export function taskLabel(task: Task, taskIndex: number): string {
  if (task.id) return `task '${task.id.value}'`;
  return `task ${taskIndex + 1} ('${task.name?.value ?? 'unnamed'}', no id)`;
}

/** The person id that owns a task: its own `owner`, else its phase's. */
export function effectiveOwnerId(model: PlanModel, task: Task): string | undefined {
  return task.owner?.id ?? model.phases[task.phaseIndex]?.owner?.id;
}

/**
 * What a task waits for: its own `depends_on`, then its phase's, which
 * applies to every task of the phase (docs/format.md#scheduling).
 */
export function effectiveDependencies(model: PlanModel, task: Task): readonly Dependency[] {
  const phaseDependencies = model.phases[task.phaseIndex]?.dependsOn ?? [];
  return phaseDependencies.length === 0 ? task.dependsOn : [...task.dependsOn, ...phaseDependencies];
}

/**
 * A dependency as the CSV export writes it: `ID` for finish-to-start
 * without lag, else `ID FS+2d`, `ID SS`, `ID SS-1d`, the lag in the unit
 * the plan wrote it in.
 */
export function dependencyText(dependency: Dependency): string {
  const { amount } = dependency.lag;
  const lag = amount === 0 ? '' : `${amount > 0 ? '+' : ''}${formatDuration(dependency.lag)}`;
  if (dependency.type === 'FS' && lag === '') return dependency.target.id;
  return `${dependency.target.id} ${dependency.type}${lag}`;
}

/**
 * A name for the plan in identifiers (ICS UIDs): the plan's name, else the
 * file name without `.crmplan.yaml`, in lowercase ASCII letters, digits and
 * `-` (accents dropped), at most 60 characters; `plan` when neither gives one.
 */
export function planSlug(model: PlanModel, fileName: string): string {
  const fromFile = fileName.replace(/\.crmplan\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
  for (const candidate of [model.plan.name?.value, fromFile]) {
    const slug = slugOf(candidate ?? '');
    if (slug !== '') return slug;
  }
  return 'plan';
}

function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}
