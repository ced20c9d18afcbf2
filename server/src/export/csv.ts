import { quantityText } from '../render/schedule-text.js';
import type { ExportFormat } from './export-format.js';
import { csvText, guardFormula } from './csv-writer.js';
import { dependencyText, effectiveDependencies, effectiveOwnerId } from './plan-export-support.js';
import { unscheduledTasks } from './unscheduled.js';

/**
 * The columns of `crmplan export --format csv`, exactly and in this order.
 * `crmplan import` reads them back: change them only together with the
 * import and docs/export.md#csv.
 */
export const CSV_COLUMNS = [
  'ID',
  'Name',
  'Phase',
  'Kind',
  'Owner',
  'Start',
  'Finish',
  'Working days',
  'Total float',
  'Critical',
  'Predecessors',
  'Assignments',
  'Status',
  'Progress',
] as const;

/** How several predecessors or assignments share one cell. */
export const CSV_LIST_SEPARATOR = '; ';

/**
 * One row per scheduled task, in document order, for a spreadsheet: RFC 4180
 * with CRLF, UTF-8 with a BOM (Excel), and every cell that starts like a
 * formula prefixed with `'` (csv-writer.ts).
 */
export const csvFormat: ExportFormat = {
  name: 'csv',
  description: 'one row per task (dates, float, critical, predecessors, assignments) for Excel and other spreadsheets',
  extension: 'csv',
  binary: false,
  run(analysis) {
    const { model, schedule } = analysis;
    const rows: string[][] = [[...CSV_COLUMNS]];
    model.tasks.forEach((task, taskIndex) => {
      const scheduled = schedule?.tasks[taskIndex];
      if (!scheduled) return;
      const row: Record<(typeof CSV_COLUMNS)[number], string> = {
        ID: task.id?.value ?? '',
        Name: task.name?.value ?? '',
        Phase: model.phases[task.phaseIndex]?.id?.value ?? '',
        Kind: task.kind,
        Owner: effectiveOwnerId(model, task) ?? '',
        Start: scheduled.start,
        Finish: scheduled.finish,
        'Working days': String(scheduled.duration),
        'Total float': String(scheduled.totalFloat),
        Critical: scheduled.critical ? 'yes' : 'no',
        Predecessors: effectiveDependencies(model, task).map(dependencyText).join(CSV_LIST_SEPARATOR),
        Assignments: task.assign
          .map((assignment) => (assignment.load ? `${assignment.person.id} ${quantityText(assignment.load.value)}` : assignment.person.id))
          .join(CSV_LIST_SEPARATOR),
        Status: task.status?.value ?? '',
        Progress: task.progress === undefined ? '' : `${task.progress.value}%`,
      };
      rows.push(CSV_COLUMNS.map((column) => guardFormula(row[column])));
    });
    return { content: csvText(rows, { bom: true }), omitted: unscheduledTasks(analysis) };
  },
};
