import type { PlanDiff, PlanFileDiff } from './diff-types.js';

/** One file of `crmplan diff --format json`: the plan diff without its rendering-only fields. */
export type PlanFileDiffJson = { readonly path: string; readonly basePath: string | null } & Omit<PlanDiff, 'highlightedTaskKeys'>;

/** The object `crmplan diff --format json` prints (docs/diff.md describes every field). */
export interface DiffJson {
  readonly version: 1;
  /** What the plans were compared with: the Git revision of `--git`, or null for two files. */
  readonly base: string | null;
  readonly files: readonly PlanFileDiffJson[];
}

export function diffToJson(files: readonly PlanFileDiff[], base: string | null = null): DiffJson {
  return {
    version: 1,
    base,
    files: files.map(({ path, basePath, diff }) => {
      // Spelled out so the output's key order is the documented one, whatever PlanDiff gains.
      // Keys added after the first release (`finishDates`, `progress`) go last, so that a reader of version 1 finds every key where it was.
      const { status, name, plan, finish, milestones, tasks, criticalPath, people, overallocations, findings, budget, objectives, risks, baseline, finishDates, progress } = diff;
      return { path, basePath, status, name, plan, finish, milestones, tasks, criticalPath, people, overallocations, findings, budget, objectives, risks, baseline, finishDates, progress };
    }),
  };
}
