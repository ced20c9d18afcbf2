import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { Span } from '../../model/types.js';
import type { PlanAnalysis } from '../../analysis/analyze-plan.js';
import { formatNumber, longDate, shortDate, workingDays, yearOf } from '../../render/schedule-text.js';
import type { TaskProgress } from '../../schedule/progress.js';
import { trimmedSpan } from '../../yaml/node-at-span.js';

/**
 * The computed dates of each task, written after its `name` (or after its
 * `duration`, its `milestone: true` or its id when it has no name):
 *
 *     name: Configure pipelines  Jan 7 -> Jan 8 · critical
 *     name: Go live              ◆ Jan 15
 *
 * With progress data (docs/format.md#progress-and-actual-dates) the hint
 * starts with the progress: `60% · Jan 4 -> Jan 15`, `done · Jan 4 -> Jan 8`.
 *
 * A one-day task shows one date. A date shows its year when it is not the
 * year of the plan's start. The tooltip spells the dates out with the float.
 * Tasks on a dependency cycle (no dates) and plans without a usable start
 * get no hint. Only hints whose position lies in `range` are returned.
 *
 * The `crmplan.inlayHints.enabled` setting is applied by the caller: this
 * function always computes the hints.
 */
export function inlayHints(analysis: PlanAnalysis, document: TextDocument, range: Range): InlayHint[] {
  const schedule = analysis.schedule;
  if (!schedule) return [];
  const { model, parsed } = analysis;
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const planYear = yearOf(schedule.start);
  const hints: InlayHint[] = [];

  model.tasks.forEach((task, taskIndex) => {
    const scheduled = schedule.tasks[taskIndex];
    const anchor: Span | undefined = task.name?.span ?? task.duration?.span ?? task.milestoneSpan ?? task.id?.span;
    if (!scheduled || !anchor) return;
    // The hint sits inside the anchor: only tasks on screen look their node up.
    if (anchor.end < from || anchor.start > to) return;
    const offset = trimmedSpan(parsed.text, parsed.doc.contents, anchor).end;
    if (offset < from || offset > to) return;

    const start = shortDate(scheduled.start, planYear);
    const finish = shortDate(scheduled.finish, planYear);
    const dates = scheduled.milestone ? `◆ ${start}` : scheduled.start === scheduled.finish ? start : `${start} -> ${finish}`;
    const critical = scheduled.critical ? ' · critical' : '';
    const progress = progressLabel(scheduled.progress);

    const when = scheduled.milestone
      ? `Milestone on ${longDate(scheduled.start)}.`
      : scheduled.start === scheduled.finish
        ? `On ${longDate(scheduled.start)}: ${workingDays(scheduled.duration)}.`
        : `${longDate(scheduled.start)} to ${longDate(scheduled.finish)}: ${workingDays(scheduled.duration)}.`;
    const float = `Total float: ${workingDays(scheduled.totalFloat)}${scheduled.critical ? ' (critical)' : ''}.`;

    hints.push({
      position: document.positionAt(offset),
      label: `${progress ? `${progress} · ` : ''}${dates}${critical}`,
      paddingLeft: true,
      tooltip: `${when}\n${float}${progressTooltip(scheduled.progress)}`,
    });
  });
  return hints;
}

/** `done`, `60%` or `started`; undefined for a task with nothing recorded. */
function progressLabel(progress: TaskProgress | undefined): string | undefined {
  if (!progress) return undefined;
  if (progress.state === 'finished') return 'done';
  if (progress.percent !== undefined) return `${formatNumber(progress.percent)}%`;
  return progress.state === 'started' ? 'started' : undefined;
}

function progressTooltip(progress: TaskProgress | undefined): string {
  if (progress?.state !== 'started' || progress.remaining === undefined) return '';
  return `\nStarted: ${workingDays(progress.remaining)} of ${workingDays(progress.plannedDuration)} left.`;
}
