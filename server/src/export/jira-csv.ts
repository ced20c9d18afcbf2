import type { Dependency, PlanModel } from '../model/types.js';
import type { Symbols } from '../model/symbols.js';
import { quantityText } from '../render/schedule-text.js';
import type { PlanAnalysis } from '../analysis/analyze-plan.js';
import type { ExportFormat, ExportResult } from './export-format.js';
import { csvText, guardFormula } from './csv-writer.js';
import { dependencyText, effectiveOwnerId } from './plan-export-support.js';
import { unscheduledTasks } from './unscheduled.js';
import { CSV_LIST_SEPARATOR } from './csv.js';
import { workingDays } from '../util/phrases.js';

/**
 * The header of the one-value columns, in order. After them come the
 * repeated `Labels` and `Link "Blocks"` columns: Jira's CSV importer takes
 * several values of one field from several columns with the same header.
 */
export const JIRA_COLUMNS = ['Issue Id', 'Parent', 'Summary', 'Issue Type', 'Assignee', 'Start date', 'Due date', 'Description'] as const;
export const JIRA_LABELS_COLUMN = 'Labels';
/** A cell in this column names an issue (by Issue Id) that the row's issue blocks. */
export const JIRA_BLOCKS_COLUMN = 'Link "Blocks"';

interface JiraIssue {
  readonly issueId: number;
  readonly parentId?: number;
  readonly summary: string;
  readonly issueType: 'Epic' | 'Task';
  readonly assignee: string;
  readonly start: string;
  readonly due: string;
  readonly description: string;
  readonly labels: readonly string[];
  /** Issue Ids of the issues that wait for this one. */
  readonly blocks: number[];
}

/**
 * The plan for Jira's CSV importer (docs/export.md#jira-csv): an Epic per
 * phase, then a Task per scheduled task with its Epic as Parent (parents
 * before children, as the importer needs), dependencies as "Blocks" links.
 * No BOM: Jira would read it as part of the first column's name.
 */
export const jiraCsvFormat: ExportFormat = {
  name: 'jira-csv',
  description: "Jira's CSV importer: an Epic per phase, a Task per task, Blocks links, start and due dates",
  extension: 'csv',
  binary: false,
  run: exportJiraCsv,
};

function exportJiraCsv(analysis: PlanAnalysis): ExportResult {
  const { model, schedule, symbols } = analysis;
  const issues: JiraIssue[] = [];
  const issueIdOfWork = new Map<string, number>();
  const phaseIssueIds: number[] = [];
  model.phases.forEach((phase, phaseIndex) => {
    const scheduled = schedule?.phases[phaseIndex];
    const issueId = issues.length + 1;
    phaseIssueIds[phaseIndex] = issueId;
    const declaration = phase.id && symbols.lookup('work', phase.id.value);
    if (declaration && declaration.kind === 'phase' && declaration.index === phaseIndex) issueIdOfWork.set(phase.id!.value, issueId);
    issues.push({
      issueId,
      summary: phase.name?.value ?? phase.id?.value ?? `Phase ${phaseIndex + 1}`,
      issueType: 'Epic',
      assignee: assigneeOf(model, symbols, phase.owner?.id),
      start: scheduled?.start ?? '',
      due: scheduled?.finish ?? '',
      description: jiraLines([
        ...(phase.id ? [`crmplan phase: ${phase.id.value}`] : []),
        ...dependencyLine(phase.dependsOn),
      ]),
      labels: [],
      blocks: [],
    });
  });
  const taskIssues: { issue: JiraIssue; dependsOn: readonly Dependency[] }[] = [];
  const phaseDependencies = model.phases.map((phase, phaseIndex) => ({ issue: issues[phaseIndex]!, dependsOn: phase.dependsOn }));
  model.tasks.forEach((task, taskIndex) => {
    const scheduled = schedule?.tasks[taskIndex];
    if (!scheduled) return;
    const issueId = issues.length + 1;
    const declaration = task.id && symbols.lookup('work', task.id.value);
    if (declaration && declaration.kind === 'task' && declaration.index === taskIndex) issueIdOfWork.set(task.id!.value, issueId);
    const issue: JiraIssue = {
      issueId,
      parentId: phaseIssueIds[task.phaseIndex],
      summary: task.name?.value ?? task.id?.value ?? `Task ${taskIndex + 1}`,
      issueType: 'Task',
      assignee: assigneeOf(model, symbols, effectiveOwnerId(model, task)),
      start: scheduled.start,
      due: scheduled.finish,
      description: jiraLines([
        ...(task.id ? [`crmplan task: ${task.id.value}`] : []),
        scheduled.milestone ? 'Milestone' : workingDays(scheduled.duration),
        scheduled.critical ? 'On the critical path' : `Total float: ${workingDays(scheduled.totalFloat)}`,
        ...dependencyLine(task.dependsOn),
        ...(task.assign.length > 0
          ? [`Assignments: ${task.assign.map((assignment) => (assignment.load ? `${assignment.person.id} ${quantityText(assignment.load.value)}` : assignment.person.id)).join(CSV_LIST_SEPARATOR)}`]
          : []),
        ...(task.status ? [`Status: ${task.status.value}`] : []),
      ]),
      labels: [...(scheduled.milestone ? ['milestone'] : []), ...(scheduled.critical ? ['critical-path'] : []), task.kind],
      blocks: [],
    };
    issues.push(issue);
    taskIssues.push({ issue, dependsOn: task.dependsOn });
  });
  // Each dependency becomes "predecessor Blocks successor", written on the predecessor's row.
  for (const { issue, dependsOn } of [...phaseDependencies, ...taskIssues]) {
    for (const dependency of dependsOn) {
      const predecessor = issueIdOfWork.get(dependency.target.id);
      if (predecessor !== undefined) issues[predecessor - 1]!.blocks.push(issue.issueId);
    }
  }
  const labelColumns = Math.max(0, ...issues.map((issue) => issue.labels.length));
  const blocksColumns = Math.max(0, ...issues.map((issue) => issue.blocks.length));
  const header = [
    ...JIRA_COLUMNS,
    ...Array.from({ length: labelColumns }, () => JIRA_LABELS_COLUMN),
    ...Array.from({ length: blocksColumns }, () => JIRA_BLOCKS_COLUMN),
  ];
  const rows = issues.map((issue) => [
    String(issue.issueId),
    issue.parentId === undefined ? '' : String(issue.parentId),
    guardFormula(issue.summary),
    issue.issueType,
    guardFormula(issue.assignee),
    issue.start,
    issue.due,
    guardFormula(issue.description),
    ...padded(issue.labels, labelColumns),
    ...padded(issue.blocks.map(String), blocksColumns),
  ]);
  return { content: csvText([header, ...rows], { bom: false }), omitted: unscheduledTasks(analysis) };
}

/** The person's email when the plan gives one (Jira matches users by email), else the person id. */
function assigneeOf(model: PlanModel, symbols: Symbols, personId: string | undefined): string {
  if (personId === undefined) return '';
  const declaration = symbols.lookup('person', personId);
  const person = declaration ? model.people[declaration.index] : undefined;
  return person?.email?.value ?? personId;
}

function dependencyLine(dependsOn: readonly Dependency[]): string[] {
  return dependsOn.length === 0 ? [] : [`Depends on: ${dependsOn.map(dependencyText).join(CSV_LIST_SEPARATOR)}`];
}

/**
 * Description lines in Jira's text formatting (wiki markup), with the
 * characters that open markup escaped by `\`, so plan text shows as
 * written: `*bold*`, `_x_`, `^sup^`, `~sub~`, `??cite??`, `{code}`,
 * `[link]`, `|table|`, `!image!`, `#list`. `-` and `+` mark text only
 * between spaces and word ends that ids and lags never have, so ids stay
 * readable (`data-migration FS+2d`).
 */
function jiraLines(lines: readonly string[]): string {
  return lines.map((line) => line.replace(/[\\*_^~?{}[\]|!#]/g, (character) => `\\${character}`)).join('\n');
}

function padded(values: readonly string[], length: number): string[] {
  return [...values, ...Array.from({ length: length - values.length }, () => '')];
}
