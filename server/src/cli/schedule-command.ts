import type { PlanModel } from '../model/types.js';
import type { Schedule } from '../schedule/compute-schedule.js';
import { scheduleToJson } from '../schedule/schedule-json.js';
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

/** A readable table: one row per task, critical ones marked, then overallocations. */
export function formatScheduleTable(model: PlanModel, schedule: Schedule): string {
  const json = scheduleToJson(model, schedule);
  const rows: string[][] = [['', 'task', 'phase', 'start', 'finish', 'days', 'float']];
  for (const task of json.tasks) {
    rows.push([
      task.critical ? '*' : task.start === null ? '!' : '',
      task.id,
      task.phase ?? '',
      task.start ?? '(cycle)',
      task.finish ?? '',
      task.milestone ? 'ms' : String(task.duration),
      task.totalFloat === null ? '' : String(task.totalFloat),
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const numeric = new Set([5, 6]);
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
  const header = [
    `${json.plan ?? '(unnamed plan)'}: ${json.start} -> ${json.finish ?? '(nothing scheduled)'}, ${json.workingDays} working days`,
    `critical tasks, by start: ${json.criticalPath.length > 0 ? json.criticalPath.join(', ') : '(none)'}`,
    '',
  ];
  const legend = ['', '* critical (no float)   ! on a dependency cycle, not scheduled   ms milestone'];
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

/** Why a person has no capacity on an overallocation's days off, in the text table. */
const DAY_OFF_TEXT = { leave: 'on leave', holiday: 'public holiday', weekday: 'weekday off' } as const;

