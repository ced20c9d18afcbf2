import type { PlanDiff, PlanFileDiff } from './diff-types.js';

/**
 * The conditions `crmplan diff --fail-on` can name. Each is a question
 * about one plan's diff; the command exits 1 when any named condition
 * holds for any plan.
 */
export const FAIL_ON_CONDITIONS = {
  /** The project finish moved later. */
  'finish-slip': (diff) => (diff.finish?.workingDays ?? 0) > 0,
  /** A finding of severity error appeared (even if another one was fixed). */
  'new-errors': (diff) => introducedCount(diff, 'error') > 0,
  /** A finding of severity warning appeared. */
  'new-warnings': (diff) => introducedCount(diff, 'warning') > 0,
  /** A person is overallocated on a set of tasks they were not overallocated on before. */
  'new-overallocation': (diff) => diff.overallocations.introduced.length > 0,
  /** A milestone moved later. */
  'milestone-slip': (diff) => diff.milestones.some((milestone) => (milestone.workingDays ?? 0) > 0),
} as const satisfies Record<string, (diff: PlanDiff) => boolean>;

export type FailOnCondition = keyof typeof FAIL_ON_CONDITIONS;

export function isFailOnCondition(name: string): name is FailOnCondition {
  return Object.hasOwn(FAIL_ON_CONDITIONS, name);
}

/** Each named condition that holds, with the plan files it holds for, in the order named. */
export function failedConditions(
  files: readonly PlanFileDiff[],
  conditions: readonly FailOnCondition[],
): { readonly condition: FailOnCondition; readonly paths: readonly string[] }[] {
  return conditions.flatMap((condition) => {
    const paths = files.filter((file) => FAIL_ON_CONDITIONS[condition](file.diff)).map((file) => file.path);
    return paths.length > 0 ? [{ condition, paths }] : [];
  });
}

function introducedCount(diff: PlanDiff, severity: string): number {
  return diff.findings.introduced.reduce(
    (count, group) => count + group.findings.filter((finding) => finding.severity === severity).length,
    0,
  );
}
