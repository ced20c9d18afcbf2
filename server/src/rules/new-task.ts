import type { TaskKind } from '../model/types.js';
import { ROLE_KEYWORDS, peopleWithRole } from './role-suggestions.js';
import type { RuleContext } from './types.js';
import type { NewEntry } from '../edits/text-edits.js';
import { scalarText } from '../yaml/scalar-text.js';

/**
 * What a quick fix writes when it inserts a task a practice rule asks for.
 * Names and durations follow the roadmaps in docs/sources.md:
 * - data-cleansing 1w: the 90-Day Launch Roadmap's "Data Migration Timeline"
 *   gives cleansing a week of its own, and the Mid-Market Implementation
 *   Roadmap's "Common Timeline Adjustments" adds one to two weeks when much
 *   of the data needs cleaning (sources.md#90-day-launch-roadmap,
 *   sources.md#mid-market-implementation-roadmap);
 * - data-backup 1d: the 90-Day Launch Roadmap's "Data Backup and Recovery
 *   Procedures" back up all existing data before migration starts;
 * - data-validation 2d: the ConnectSphere CRM plan's "4. Project Phases and
 *   Timeline" runs migration dry runs with validation before the final load
 *   (sources.md#connectsphere-crm-plan);
 * - uat 1w: the Mid-Market Implementation Roadmap tests with a few users at
 *   the end of "Phase 2: Core Setup & Migration", before the one-week go-live
 *   phase;
 * - training 3d: the same roadmap's "Phase 3: User Onboarding & Basic
 *   Go-Live" starts with role-based, hands-on training;
 * - pilot 1w: Stages of CRM Implementation, "7. Deployment and Post Launch
 *   Support", often launches to a pilot group first
 *   (sources.md#stages-of-crm-implementation);
 * - hypercare 2w: the ConnectSphere CRM plan's Phase 5 ends with post-launch
 *   support and hypercare, and the Mid-Market roadmap's Phase 3 opens a help
 *   desk;
 * - review 1d, four weeks after go-live: the ConnectSphere CRM plan's
 *   "10. Post-Implementation Review" takes place a month after launch.
 */
export interface TaskTemplate {
  /** The id the new task gets (with `-2`, `-3`, ... when it is taken). */
  readonly id: string;
  readonly name: string;
  readonly duration: string;
  /** How a title names such a task: "Insert a <label> task ...". */
  readonly label: string;
  /** Lag after the task it follows, for a task inserted after another. */
  readonly lag?: string;
}

export const TASK_TEMPLATES: Partial<Record<TaskKind, TaskTemplate>> = {
  'data-cleansing': { id: 'data-cleansing', name: 'Data cleansing', duration: '1w', label: 'data-cleansing' },
  'data-backup': { id: 'data-backup', name: 'Data backup before migration', duration: '1d', label: 'data-backup' },
  'data-validation': { id: 'data-validation', name: 'Data validation', duration: '2d', label: 'data-validation' },
  uat: { id: 'uat', name: 'User acceptance testing', duration: '1w', label: 'UAT' },
  training: { id: 'end-user-training', name: 'End-user training', duration: '3d', label: 'training' },
  pilot: { id: 'pilot', name: 'Pilot with a small user group', duration: '1w', label: 'pilot' },
  hypercare: { id: 'hypercare', name: 'Hypercare', duration: '2w', label: 'hypercare' },
  review: {
    id: 'post-implementation-review',
    name: 'Post-implementation review',
    duration: '1d',
    label: 'post-implementation review',
    lag: '4w',
  },
};

/** `base`, or `base-2`, `base-3`, ... : the first id no phase or task has. */
export function freeWorkId(context: RuleContext, base: string): string {
  const taken = new Set(context.symbols.ids('work'));
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Who owns a new task of `kind` in the phase: the first person whose role
 * fits the kind; else nobody when the phase has an owner to pass on; else
 * the plan's manager. Undefined leaves `owner` out.
 */
export function ownerForNewTask(context: RuleContext, kind: TaskKind, phaseIndex: number): string | undefined {
  const { model, symbols } = context;
  const fitting = peopleWithRole(model.people, ROLE_KEYWORDS[kind]).find((id) => symbols.lookup('person', id));
  if (fitting) return fitting;
  if (model.phases[phaseIndex]?.owner) return undefined;
  const manager = model.plan.manager?.id;
  return manager !== undefined && symbols.lookup('person', manager) ? manager : undefined;
}

/** `[a, b]` as YAML flow text, each id quoted when it must be. */
export function flowIdList(ids: readonly string[]): string {
  return `[${ids.map(scalarText).join(', ')}]`;
}

/** The entries of a new task, in the order plans write them. */
export function newTaskEntries(
  context: RuleContext,
  kind: TaskKind,
  template: TaskTemplate,
  id: string,
  phaseIndex: number,
  dependsOn: string | undefined,
): NewEntry[] {
  const owner = ownerForNewTask(context, kind, phaseIndex);
  return [
    { key: 'id', value: scalarText(id) },
    { key: 'name', value: scalarText(template.name) },
    { key: 'kind', value: kind },
    ...(owner !== undefined ? [{ key: 'owner', value: scalarText(owner) }] : []),
    { key: 'duration', value: template.duration },
    ...(dependsOn !== undefined ? [{ key: 'depends_on', value: dependsOn }] : []),
  ];
}
