import { closestMatch } from '../../util/closest-match.js';
import { compareWithBaseline } from '../../schedule/baseline-slip.js';
import type { Finding, Rule } from '../types.js';
import { workingDays } from '../../util/phrases.js';

/**
 * A task's finish (a milestone's day) later than its `baseline:` entry by
 * more than `baseline.slip_threshold` working days, on the task's id; and a
 * baseline entry naming a task the plan no longer has, on the entry's key:
 * the baseline is this rule's input, so its stale entries are its findings
 * too (docs/rules/baseline-slip.md).
 */
export const baselineSlipRule: Rule<'baseline-slip'> = {
  name: 'baseline-slip',
  defaultSeverity: 'warning',
  summary: 'a task finish or milestone is later than its baseline by more than `baseline.slip_threshold`, or a baseline entry names a task the plan no longer has',
  *check({ model, schedule }): Iterable<Finding> {
    const report = compareWithBaseline(model, schedule);
    if (!report) return;
    const findings: Finding[] = [];
    for (const comparison of report.tasks) {
      const task = model.tasks[comparison.taskIndex];
      const baselined = comparison.entry.finish;
      if (!task?.id || !baselined || comparison.finishSlip === undefined || comparison.finishSlip <= report.threshold) continue;
      const what = comparison.milestone ? 'Milestone' : 'Task';
      const verb = comparison.milestone ? 'falls on' : 'finishes on';
      const allowance = report.threshold > 0 ? `, more than the slip threshold of ${workingDays(report.threshold)}` : '';
      findings.push({
        rule: 'baseline-slip',
        message:
          `${what} '${task.id.value}' ${verb} ${comparison.finish}, ${workingDays(comparison.finishSlip)} later than ` +
          `its baseline ${baselined.value}${allowance}.`,
        span: task.id.span,
        related: [{ span: comparison.entry.span, message: `baseline of '${task.id.value}'` }],
      });
    }
    const taskIds = model.tasks.flatMap((task) => (task.id ? [task.id.value] : []));
    for (const entry of report.unknownEntries) {
      const suggestion = closestMatch(entry.id.value, taskIds);
      findings.push({
        rule: 'baseline-slip',
        message:
          `The baseline names '${entry.id.value}', which is no task of the plan (removed or renamed?)` +
          `${suggestion ? `; did you mean '${suggestion}'?` : '.'} Delete the entry or run crmplan baseline again.`,
        span: entry.id.span,
      });
    }
    yield* findings.sort((a, b) => a.span.start - b.span.start);
  },
};
