import type { PlanModel } from '../model/types.js';
import type { Schedule } from '../schedule/compute-schedule.js';
import { scheduleToJson, type ScheduleJsonBaseline, type ScheduleJsonTask } from '../schedule/schedule-json.js';
import { formatNumber, workingDays } from '../render/schedule-text.js';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { formatOption, parseOptions, type CliIo } from './cli-io.js';
import { displayPath, readPlanFile, singlePlanFile } from './plan-files.js';
import { asOfOption } from './as-of-option.js';

/**
 * `crmplan schedule FILE`: the schedule of one plan, as the contract's JSON
 * or as a table. Exit 1 when the plan has errors (the schedule of what
 * could be read is still printed, tasks on cycles without dates).
 */
export async function scheduleCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, ['format', 'as-of']);
  const format = formatOption(options, ['text', 'json']);
  const asOf = asOfOption(options);
  const file = await singlePlanFile(options.positionals, io.cwd, 'crmplan schedule FILE');
  const shown = displayPath(file, io.cwd);
  const analysis = analyzePlan(await readPlanFile(file, io.cwd), asOf ? { statusDate: asOf } : {});
  const errors = analysis.findings.filter((finding) => finding.severity === 'error').length;
  if (!analysis.schedule) {
    io.stderr(`crmplan: cannot schedule '${shown}': the plan has no valid plan.start (run crmplan check ${shown})\n`);
    return 1;
  }
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(scheduleToJson(analysis.model, analysis.schedule), null, 2)}\n`
      : formatScheduleTable(analysis.model, analysis.schedule),
  );
  if (errors > 0) {
    io.stderr(`crmplan: '${shown}' has ${errors} error${errors === 1 ? '' : 's'}; the schedule may be incomplete (run crmplan check ${shown})\n`);
    return 1;
  }
  return 0;
}

/**
 * A readable table: one row per task, critical ones marked, then
 * overallocations. A plan whose progress data applies gets the columns
 * `done` (the recorded progress), `planned` (the finish as planned) and
 * `+/-` (working days later than planned); a plan with a baseline gets
 * `baseline` (the signed-off finish) and `slip` (working days later).
 */
export function formatScheduleTable(model: PlanModel, schedule: Schedule): string {
  const json = scheduleToJson(model, schedule);
  const withProgress = json.planned !== undefined;
  const withBaseline = json.baseline !== undefined;
  const columns: { readonly title: string; readonly numeric: boolean; readonly cell: (task: ScheduleJsonTask) => string }[] = [
    { title: '', numeric: false, cell: (task) => (task.critical ? '*' : task.start === null ? '!' : '') },
    { title: 'task', numeric: false, cell: (task) => task.id },
    { title: 'phase', numeric: false, cell: (task) => task.phase ?? '' },
    { title: 'start', numeric: false, cell: (task) => task.start ?? '(cycle)' },
    { title: 'finish', numeric: false, cell: (task) => task.finish ?? '' },
    { title: 'days', numeric: true, cell: (task) => (task.milestone ? 'ms' : String(task.duration)) },
    { title: 'float', numeric: true, cell: (task) => (task.totalFloat === null ? '' : String(task.totalFloat)) },
    ...(withProgress
      ? [
          { title: 'done', numeric: true, cell: doneText },
          { title: 'planned', numeric: false, cell: (task: ScheduleJsonTask) => task.planned?.finish ?? '' },
          { title: '+/-', numeric: true, cell: (task: ScheduleJsonTask) => signedDays(task.planned?.slipDays) },
        ]
      : []),
    ...(withBaseline
      ? [
          { title: 'baseline', numeric: false, cell: (task: ScheduleJsonTask) => task.baseline?.finish ?? '' },
          { title: 'slip', numeric: true, cell: (task: ScheduleJsonTask) => signedDays(task.baseline?.finishSlipDays) },
        ]
      : []),
  ];
  const rows: string[][] = [columns.map((column) => column.title), ...json.tasks.map((task) => columns.map((column) => column.cell(task)))];
  const widths = columns.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (columns[column]!.numeric ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
  const header = [
    `${json.plan ?? '(unnamed plan)'}: ${json.start} -> ${json.finish ?? '(nothing scheduled)'}, ${json.workingDays} working days`,
    `critical tasks, by start: ${json.criticalPath.length > 0 ? json.criticalPath.join(', ') : '(none)'}`,
    ...(json.statusDate ? [`status date: ${json.statusDate.date} (${STATUS_SOURCE_TEXT[json.statusDate.source]})`] : []),
    ...(json.planned ? [`planned finish: ${json.planned.finish ?? '(nothing scheduled)'}${againstText(json.planned.slipDays, 'planned')}`] : []),
    ...(json.baseline ? [baselineHeader(json.baseline)] : []),
    '',
  ];
  const legend = [
    '',
    '* critical (no float)   ! on a dependency cycle, not scheduled   ms milestone',
    ...(withProgress ? ['done: progress recorded (done = finished)   planned, +/-: finish as planned, working days later (+) or earlier (-)'] : []),
    ...(withBaseline ? ['baseline, slip: signed-off finish, working days later (+) or earlier (-)'] : []),
  ];
  const overallocations =
    json.overallocations.length === 0
      ? ['', 'overallocations: none']
      : [
          '',
          'overallocations:',
          ...json.overallocations.map(
            (entry) =>
              `  ${entry.person}  ${entry.from} -> ${entry.to}  peak ${entry.peak === null ? `n/a (${entry.dayOff ? DAY_OFF_TEXT[entry.dayOff.kind] : 'no capacity'})` : `${Math.round(entry.peak * 100)}%`}  ${entry.tasks.join(', ')}`,
          ),
        ];
  return `${[...header, ...lines, ...legend, ...overallocations].join('\n')}\n`;
}

/** `done` for a finished task, `40%` for a started one (`0%` without `progress`), the written percent of one not started. */
function doneText(task: ScheduleJsonTask): string {
  const progress = task.progress;
  if (!progress) return '';
  if (progress.state === 'finished') return 'done';
  if (progress.state === 'started') return `${formatNumber(progress.percent ?? 0)}%`;
  return progress.percent === null ? '' : `${formatNumber(progress.percent)}%`;
}

/** `+3`, `-2`, `0`; empty when there is nothing to compare. */
function signedDays(days: number | null | undefined): string {
  if (days === null || days === undefined) return '';
  return days > 0 ? `+${days}` : String(days);
}

/** `, the finish is 3 working days later than planned`, `, on time`; empty when unknown. */
function againstText(slip: number | null, what: 'planned' | 'baseline'): string {
  if (slip === null) return '';
  if (slip === 0) return ', on time';
  return `, the finish is ${workingDays(Math.abs(slip))} ${slip > 0 ? 'later' : 'earlier'} than ${what}`;
}

function baselineHeader(baseline: ScheduleJsonBaseline): string {
  const signed = baseline.date === null ? 'baseline' : `baseline of ${baseline.date}`;
  const finish = baseline.finish === null ? '' : `: finish ${baseline.finish}${againstText(baseline.slipDays, 'baseline')}`;
  const unknown = baseline.unknownTasks.length === 0 ? '' : `; entries naming no task: ${baseline.unknownTasks.join(', ')}`;
  return `${signed}${finish}${unknown}`;
}

/** Where the status date came from, in the header. */
const STATUS_SOURCE_TEXT = { option: '--as-of', plan: 'plan status_date', today: 'today' } as const;

/** Why a person has no capacity on an overallocation's days off, in the text table. */
const DAY_OFF_TEXT = { leave: 'on leave', holiday: 'public holiday', weekday: 'weekday off' } as const;

