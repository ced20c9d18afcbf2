import { compareWithBaseline, describeSlip } from '../schedule/baseline-slip.js';
import type { PlanModel, Task } from '../model/types.js';
import type { Schedule } from '../schedule/compute-schedule.js';
import { dayNumberOfDate, dateOfDayNumber } from '../schedule/calendar.js';
import type { StatusDateSource } from '../schedule/progress.js';
import { scheduleToJson } from '../schedule/schedule-json.js';
import { markdownId, markdownTable, markdownText } from './markdown-text.js';
import { workingDays } from '../util/phrases.js';

/**
 * The status report of a plan in flight (`crmplan status`, docs/status.md):
 * pure, from the model and a schedule that has a status date. Figures:
 *
 * - `percentComplete`: the duration-weighted share of work done, over the
 *   tasks with a planned duration D > 0: sum(D x done) / sum(D), where done
 *   is 1 for a finished task, progress / 100 for a started one, 0 otherwise;
 * - the forecast finish (the schedule's) against the planned finish (the
 *   schedule without progress), in working days;
 * - milestones hit (finished), missed (planned before the status date, not
 *   finished) and next (the others, by forecast date);
 * - tasks late today (what `behind-schedule` reports), tasks starting in the
 *   14 days from the status date, overallocations that end on or after it,
 *   and the risks whose likelihood or impact is high.
 */
export interface StatusReport {
  readonly version: 1;
  readonly plan: string | null;
  readonly asOf: string;
  readonly asOfSource: StatusDateSource;
  readonly start: string;
  /** 0..100, rounded to one decimal. */
  readonly percentComplete: number;
  readonly finish: {
    readonly forecast: string | null;
    readonly planned: string | null;
    /** Working days the forecast finish is after the planned one (negative: earlier). */
    readonly slipDays: number;
    /**
     * The signed-off finish of the plan's `baseline:` block and the working
     * days the forecast is after it (negative: earlier); null without a
     * baseline finish (docs/format.md#baseline).
     */
    readonly baseline: { readonly finish: string; readonly slipDays: number | null } | null;
  };
  readonly milestones: {
    readonly hit: readonly StatusMilestone[];
    readonly missed: readonly StatusMilestone[];
    readonly next: readonly StatusMilestone[];
  };
  readonly late: readonly LateTask[];
  readonly startingSoon: readonly StartingTask[];
  readonly overallocations: readonly StatusOverallocation[];
  readonly risks: readonly StatusRisk[];
}

export interface StatusMilestone {
  readonly id: string;
  readonly name: string | null;
  /** The day it was reached (hit) or is forecast. */
  readonly date: string;
  readonly planned: string | null;
}

export interface LateTask {
  readonly id: string;
  readonly name: string | null;
  readonly owner: string | null;
  /** `not-started`: should have started; `not-finished`: should have finished. */
  readonly late: 'not-started' | 'not-finished';
  readonly plannedStart: string;
  readonly plannedFinish: string;
  readonly forecastFinish: string;
  readonly progress: number | null;
}

export interface StartingTask {
  readonly id: string;
  readonly name: string | null;
  readonly start: string;
  readonly owner: string | null;
}

export interface StatusOverallocation {
  readonly person: string;
  readonly from: string;
  readonly to: string;
  readonly peak: number | null;
  readonly tasks: readonly string[];
}

export interface StatusRisk {
  readonly id: string;
  readonly title: string | null;
  readonly likelihood: string | null;
  readonly impact: string | null;
  readonly owner: string | null;
  readonly mitigation: string | null;
}

/** Tasks starting within this many calendar days from the status date are "starting soon". */
export const STARTING_SOON_DAYS = 14;

/** The report; undefined when the schedule has no status date. */
export function statusReport(model: PlanModel, schedule: Schedule): StatusReport | undefined {
  const status = schedule.status;
  if (!status) return undefined;
  const planned = schedule.planned ?? schedule;
  const soonEnd = dateOfDayNumber(dayNumberOfDate(status.date) + STARTING_SOON_DAYS);
  let weighted = 0;
  let total = 0;
  const hit: StatusMilestone[] = [];
  const missed: StatusMilestone[] = [];
  const next: StatusMilestone[] = [];
  const late: LateTask[] = [];
  const startingSoon: StartingTask[] = [];
  model.tasks.forEach((task, taskIndex) => {
    const scheduled = schedule.tasks[taskIndex];
    const plan = planned.tasks[taskIndex];
    const progress = scheduled?.progress;
    if (!scheduled || !progress) return;
    const state = progress.state;
    if (progress.plannedDuration > 0) {
      total += progress.plannedDuration;
      weighted += progress.plannedDuration * (state === 'finished' ? 1 : state === 'started' ? (progress.percent ?? 0) / 100 : 0);
    }
    const id = task.id?.value;
    if (id === undefined) return;
    const name = task.name?.value ?? null;
    if (scheduled.milestone) {
      const entry = { id, name, date: scheduled.start, planned: plan?.start ?? null };
      if (state === 'finished') hit.push(entry);
      else if (plan && plan.finishIndex < status.index) missed.push(entry);
      else next.push(entry);
      return;
    }
    if (state !== 'finished' && plan) {
      const shouldHaveFinished = plan.finishIndex < status.index;
      if (shouldHaveFinished || (plan.s < status.index && state === 'not-started')) {
        late.push({
          id,
          name,
          owner: ownerOf(model, task),
          late: shouldHaveFinished ? 'not-finished' : 'not-started',
          plannedStart: plan.start,
          plannedFinish: plan.finish,
          forecastFinish: scheduled.finish,
          progress: progress.percent ?? null,
        });
      }
    }
    if (state === 'not-started' && scheduled.start >= status.date && scheduled.start < soonEnd) {
      startingSoon.push({ id, name, start: scheduled.start, owner: ownerOf(model, task) });
    }
  });
  const byDate = (a: { date: string }, b: { date: string }): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  next.sort(byDate);
  startingSoon.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const forecastIndex = schedule.finish === undefined ? undefined : schedule.calendar.indexOnOrBefore(schedule.finish);
  const plannedIndex = planned.finish === undefined ? undefined : schedule.calendar.indexOnOrBefore(planned.finish);
  return {
    version: 1,
    plan: model.plan.name?.value ?? null,
    asOf: status.date,
    asOfSource: status.source,
    start: schedule.start,
    percentComplete: total === 0 ? 0 : Math.round((weighted / total) * 1000) / 10,
    finish: {
      forecast: schedule.finish ?? null,
      planned: planned.finish ?? null,
      slipDays: forecastIndex !== undefined && plannedIndex !== undefined ? forecastIndex - plannedIndex : 0,
      baseline: model.baseline?.finish ? { finish: model.baseline.finish.value, slipDays: compareWithBaseline(model, schedule)?.finishSlip ?? null } : null,
    },
    milestones: { hit, missed, next },
    late,
    startingSoon,
    // As the schedule's JSON writes them (peak rounded, null without capacity).
    overallocations: scheduleToJson(model, schedule).overallocations.filter((entry) => entry.to >= status.date),
    risks: model.risks
      .filter((risk) => risk.id && (risk.likelihood?.value === 'high' || risk.impact?.value === 'high'))
      .map((risk) => ({
        id: risk.id!.value,
        title: risk.title?.value ?? null,
        likelihood: risk.likelihood?.value ?? null,
        impact: risk.impact?.value ?? null,
        owner: risk.owner?.id ?? null,
        mitigation: risk.mitigation?.value ?? null,
      })),
  };
}

/** The task's owner id, or its phase's. */
function ownerOf(model: PlanModel, task: Task): string | null {
  return task.owner?.id ?? model.phases[task.phaseIndex]?.owner?.id ?? null;
}

/**
 * The report as GitHub-flavoured markdown (a steering-committee update, a
 * job summary). Every text from the plan goes through markdownText.
 */
export function statusReportMarkdown(model: PlanModel, report: StatusReport): string {
  const person = (id: string | null): string => {
    if (id === null) return '—';
    const declared = model.people.find((entry) => entry.id?.value === id);
    const name = declared?.name?.value;
    return name ? `${markdownText(name)} (${markdownId(id)})` : markdownId(id);
  };
  const task = (id: string, name: string | null): string => (name ? `${markdownText(name)} (${markdownId(id)})` : markdownId(id));
  const lines: string[] = [];
  const title = report.plan === null ? 'Status' : `Status: ${markdownText(report.plan)}`;
  lines.push(`## ${title}`, '');
  const asOf = report.asOfSource === 'today' ? `${report.asOf} (today)` : report.asOf;
  const slip =
    report.finish.slipDays > 0
      ? `, ${workingDays(report.finish.slipDays)} later than planned (${report.finish.planned})`
      : report.finish.slipDays < 0
        ? `, ${workingDays(-report.finish.slipDays)} earlier than planned (${report.finish.planned})`
        : ', as planned';
  lines.push(
    `- **As of:** ${asOf}`,
    `- **Complete:** ${formatPercent(report.percentComplete)} (by duration)`,
    `- **Forecast finish:** ${report.finish.forecast ?? 'nothing scheduled'}${report.finish.forecast ? slip : ''}`,
    ...(report.finish.baseline
      ? [
          `- **Against the baseline:** ${
            report.finish.baseline.slipDays === null ? `signed-off finish ${report.finish.baseline.finish}` : describeSlip(report.finish.baseline.slipDays, report.finish.baseline.finish)
          }`,
        ]
      : []),
    '',
  );
  const milestone = (entry: StatusMilestone): string[] => [task(entry.id, entry.name), entry.date, entry.planned ?? '—'];
  lines.push('### Milestones', '');
  if (report.milestones.hit.length + report.milestones.missed.length + report.milestones.next.length === 0) {
    lines.push('No milestones.', '');
  } else {
    const rows = [
      ...report.milestones.hit.map((entry) => ['hit', ...milestone(entry)]),
      ...report.milestones.missed.map((entry) => ['**missed**', ...milestone(entry)]),
      ...report.milestones.next.map((entry) => ['next', ...milestone(entry)]),
    ];
    lines.push(...markdownTable(['', 'milestone', 'date (actual or forecast)', 'planned'], rows), '');
  }
  lines.push('### Late today', '');
  if (report.late.length === 0) lines.push('Nothing is late.', '');
  else {
    lines.push(
      ...markdownTable(
        ['task', 'owner', 'should have', 'planned', 'forecast finish', 'progress'],
        report.late.map((entry) => [
          task(entry.id, entry.name),
          person(entry.owner),
          entry.late === 'not-started' ? `started ${entry.plannedStart}` : `finished ${entry.plannedFinish}`,
          `${entry.plannedStart} → ${entry.plannedFinish}`,
          entry.forecastFinish,
          entry.progress === null ? '—' : formatPercent(entry.progress),
        ]),
      ),
      '',
    );
  }
  lines.push(`### Starting in the next ${STARTING_SOON_DAYS} days`, '');
  if (report.startingSoon.length === 0) lines.push('Nothing starts.', '');
  else {
    lines.push(
      ...markdownTable(
        ['task', 'start', 'owner'],
        report.startingSoon.map((entry) => [task(entry.id, entry.name), entry.start, person(entry.owner)]),
      ),
      '',
    );
  }
  lines.push('### Overallocations ahead', '');
  if (report.overallocations.length === 0) lines.push('None.', '');
  else {
    lines.push(
      ...markdownTable(
        ['person', 'from', 'to', 'peak', 'tasks'],
        report.overallocations.map((entry) => [
          person(entry.person),
          entry.from,
          entry.to,
          entry.peak === null ? 'no capacity' : `${Math.round(entry.peak * 100)}%`,
          entry.tasks.map(markdownId).join(', '),
        ]),
      ),
      '',
    );
  }
  lines.push('### Open high risks', '');
  if (report.risks.length === 0) lines.push('None.', '');
  else {
    lines.push(
      ...markdownTable(
        ['risk', 'likelihood', 'impact', 'owner', 'mitigation'],
        report.risks.map((risk) => [
          risk.title ? `${markdownText(risk.title)} (${markdownId(risk.id)})` : markdownId(risk.id),
          risk.likelihood ?? '—',
          risk.impact ?? '—',
          person(risk.owner),
          risk.mitigation ? markdownText(risk.mitigation) : '—',
        ]),
      ),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}
