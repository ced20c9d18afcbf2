import { scalarText } from '../yaml/scalar-text.js';
import type { Quantity } from '../model/types.js';
import { MAX_DURATION } from '../model/values.js';
import type { ImportedDependency, ImportedPlan, ImportedTask } from './imported-plan.js';


/**
 * Plan text of an import, in the layout of docs/format.md: block mappings for
 * the plan, phases and tasks, flow mappings for people, dependencies and
 * assignments. Every text from the file goes through scalarText, so a name
 * such as `yes`, `: x` or `# y` stays a string.
 */
export function planYaml(plan: ImportedPlan, start: string, pinnedStarts: ReadonlyMap<ImportedTask, string>): string {
  const lines: string[] = ['crmplan: 1', 'plan:', `  name: ${scalarText(plan.name)}`];
  if (plan.organization) lines.push(`  organization: ${scalarText(plan.organization)}`);
  lines.push(`  start: ${start}`);
  if (plan.manager) lines.push(`  manager: ${plan.manager}`);
  lines.push('  calendar:');
  lines.push(`    workdays: [${plan.calendar.workdays.join(', ')}]`);
  lines.push(`    hours_per_day: ${numberText(plan.calendar.hoursPerDay)}`);
  if (plan.calendar.holidays.length > 0) {
    lines.push('    holidays:');
    for (const holiday of plan.calendar.holidays) {
      lines.push(holiday.name ? `      - {date: ${holiday.date}, name: ${scalarText(holiday.name)}}` : `      - ${holiday.date}`);
    }
  }
  if (plan.people.length > 0) {
    lines.push('', 'people:');
    for (const person of plan.people) {
      const entries = [`id: ${person.id}`];
      if (person.name) entries.push(`name: ${scalarText(person.name)}`);
      if (person.role) entries.push(`role: ${scalarText(person.role)}`);
      if (person.capacity) entries.push(`capacity: ${quantityText(person.capacity)}`);
      if (person.email) entries.push(`email: ${scalarText(person.email)}`);
      lines.push(`  - {${entries.join(', ')}}`);
    }
  }
  lines.push('', plan.phases.length === 0 ? 'phases: []' : 'phases:');
  for (const phase of plan.phases) {
    lines.push(`  - id: ${phase.id}`, `    name: ${scalarText(phase.name)}`);
    if (phase.owner) lines.push(`    owner: ${phase.owner}`);
    pushDependencies(lines, '    ', phase.dependsOn);
    lines.push(phase.tasks.length === 0 ? '    tasks: []' : '    tasks:');
    for (const task of phase.tasks) {
      lines.push(`      - id: ${task.id}`, `        name: ${scalarText(task.name)}`);
      if (task.kind && task.kind !== 'other') lines.push(`        kind: ${task.kind}`);
      if (task.owner) lines.push(`        owner: ${task.owner}`);
      lines.push(task.milestone ? '        milestone: true' : `        duration: ${daysText(task.days)}`);
      pushDependencies(lines, '        ', task.dependsOn);
      if (task.assign.length > 0) {
        lines.push('        assign:');
        for (const assignment of task.assign) {
          lines.push(
            assignment.load
              ? `          - {person: ${assignment.person}, load: ${quantityText(assignment.load)}}`
              : `          - {person: ${assignment.person}}`,
          );
        }
      }
      const pinned = pinnedStarts.get(task);
      if (pinned !== undefined) lines.push(`        start: ${pinned}  # keeps the start the file gives`);
      else if (task.start) lines.push(`        start: ${task.start}`);
      if (task.deadline) lines.push(`        deadline: ${task.deadline}`);
      if (task.status) lines.push(`        status: ${task.status}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function pushDependencies(lines: string[], indent: string, dependencies: readonly ImportedDependency[]): void {
  if (dependencies.length === 0) return;
  lines.push(`${indent}depends_on:`);
  for (const dependency of dependencies) {
    const plain = dependency.type === 'FS' && dependency.lagDays === 0;
    if (plain) {
      lines.push(`${indent}  - ${dependency.target}`);
      continue;
    }
    const entries = [`task: ${dependency.target}`];
    if (dependency.type === 'SS') entries.push('type: SS');
    if (dependency.lagDays !== 0) entries.push(`lag: ${daysText(dependency.lagDays)}`);
    lines.push(`${indent}  - {${entries.join(', ')}}`);
  }
}

/** At most 4 decimals, never an exponent: `12.5`, `0.0267` (absurd values are capped at 10^12). */
export function numberText(value: number): string {
  const capped = Number.isFinite(value) ? Math.max(-1e12, Math.min(1e12, value)) : 0;
  const text = capped.toFixed(4).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/**
 * `12d`: whole working days, capped at the longest duration a plan may have
 * (100 years, the `limits` rule), so that a file's absurd number is still a
 * duration the plan uses.
 */
function daysText(days: number): string {
  const limit = MAX_DURATION.d;
  const capped = Number.isFinite(days) ? Math.max(-limit, Math.min(limit, Math.round(days))) : 0;
  return `${capped === 0 ? 0 : capped}d`;
}

function quantityText(quantity: Quantity): string {
  return quantity.kind === 'percent' ? `${numberText(quantity.value)}%` : `${numberText(quantity.value)}h/w`;
}
