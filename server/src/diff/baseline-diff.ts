import type { PlanAnalysis } from '../analysis/analyze-plan.js';
import type { Baseline } from '../model/types.js';
import { compareWithBaseline, workingDaysBetween } from '../schedule/baseline-slip.js';
import type { BaselineDiff, DateMove } from './diff-types.js';

/**
 * The head plan against its own `baseline:` block (docs/diff.md, "Baseline"):
 * the finish, every baselined milestone, and every other task whose finish
 * is not on its baseline, each from the baselined date to the current one.
 * Null when the head has no baseline (or no dates, or was removed).
 */
export function diffBaseline(base: PlanAnalysis | undefined, head: PlanAnalysis | undefined): BaselineDiff | null {
  const baseline = head?.model.baseline;
  const schedule = head?.schedule;
  const report = head && compareWithBaseline(head.model, schedule);
  if (!head || !baseline || !schedule || !report) return null;
  const calendar = schedule.calendar;
  const move = (from: string, to: string): DateMove => ({ from, to, workingDays: workingDaysBetween(calendar, from, to) });
  const milestones: BaselineDiff['milestones'][number][] = [];
  const tasks: BaselineDiff['tasks'][number][] = [];
  for (const comparison of report.tasks) {
    const task = head.model.tasks[comparison.taskIndex];
    const finish = comparison.entry.finish?.value;
    if (!task?.id || finish === undefined) continue;
    const entry = { id: task.id.value, name: task.name?.value ?? null, ...move(finish, comparison.finish) };
    if (comparison.milestone) milestones.push(entry);
    else if (entry.workingDays !== 0) tasks.push(entry);
  }
  return {
    date: baseline.date?.value ?? null,
    rebaselined: base !== undefined && baselineKey(base.model.baseline) !== baselineKey(baseline),
    finish: baseline.finish && schedule.finish ? move(baseline.finish.value, schedule.finish) : null,
    milestones,
    tasks,
    unknownTasks: report.unknownEntries.map((entry) => entry.id.value),
  };
}

/** The baseline's dates as one string, to tell whether a change set the baseline again. */
function baselineKey(baseline: Baseline | undefined): string {
  if (!baseline) return '';
  const entries = baseline.tasks.map((entry) => `${entry.id.value}=${entry.start?.value ?? ''}/${entry.finish?.value ?? ''}`);
  return [baseline.date?.value ?? '', baseline.finish?.value ?? '', ...entries].join(' ');
}
