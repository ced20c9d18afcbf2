import { ganttMermaid } from '../render/gantt-mermaid.js';
import { buildTimeline } from '../render/timeline-model.js';
import { formatNumber } from '../render/schedule-text.js';
import type {
  AssignmentChanges,
  BaselineDiff,
  BudgetDiff,
  DateMove,
  FieldChange,
  FieldValue,
  FindingGroup,
  ItemChanges,
  OverallocationSummary,
  PlanDiff,
  PlanFileDiff,
  TaskChange,
  TaskSummary,
} from './diff-types.js';
import { markdownFence, markdownId, markdownTable, markdownText } from '../render/markdown-text.js';
import { lineLink } from './source-links.js';

export interface DiffMarkdownOptions {
  /** What the plans were compared with, e.g. a Git revision; shown under the title. */
  readonly baseLabel?: string;
  /**
   * Draws the head plan as Mermaid Gantt text; returns undefined when there
   * is nothing to draw. Default: `planGantt`.
   */
  readonly gantt?: (file: PlanFileDiff) => string | undefined;
  /** Draw every task in the chart; by default only the changed ones, under their phases' bars (`planGantt`). */
  readonly fullChart?: boolean;
  /**
   * Where the revisions' files are on the web (`parseLinkBase` forms, e.g.
   * `https://github.com/OWNER/REPO/blob/SHA`): introduced findings link to
   * their line under `head`, fixed ones under `base`. Without one, a line is
   * plain text.
   */
  readonly links?: { readonly head?: string; readonly base?: string };
}

export const NO_CHANGES = "No changes to the plan's schedule, people, budget, objectives or risks.";

/**
 * The report as a pull-request comment: a title, then per plan file a
 * headline and only the sections that have changes, ending with a Gantt
 * chart of the new plan. Every piece of plan text goes through
 * `markdownText` or `markdownId`.
 */
export function diffToMarkdown(files: readonly PlanFileDiff[], options: DiffMarkdownOptions = {}): string {
  const lines = ['## Plan changes'];
  if (options.baseLabel !== undefined) lines.push('', `Compared with ${markdownText(options.baseLabel)}.`);
  if (files.length === 0) lines.push('', 'No plan files changed.');
  for (const file of files) lines.push('', ...fileSection(file, options));
  return `${lines.join('\n')}\n`;
}

/**
 * The head plan's Gantt chart with its added and changed tasks marked: only
 * those tasks, under their phases' bars, and every phase without a change as
 * one bar; every task with `fullChart`. Undefined without a head or a schedule.
 */
export function planGantt(file: PlanFileDiff, fullChart = false): string | undefined {
  const timeline = file.head ? buildTimeline(file.head) : undefined;
  const highlighted = new Set(file.diff.highlightedTaskKeys);
  return timeline ? ganttMermaid(timeline, { highlightedTaskKeys: highlighted, focusTaskKeys: fullChart ? undefined : highlighted }) : undefined;
}

const FULL_CHART_CAPTION = 'Changed and added tasks are marked ✱.';
const FOCUSED_CHART_CAPTION =
  'Changed and added tasks are marked ✱, under the bar of their phase; the other tasks are left out, and a phase without changes is one bar (`--full-chart` draws every task).';

/** True when the diff has anything to report. */
export function diffHasChanges(diff: PlanDiff): boolean {
  return (
    diff.status !== 'modified' ||
    diff.plan.length > 0 ||
    diff.finish !== null ||
    diff.milestones.length > 0 ||
    countTaskChanges(diff) > 0 ||
    diff.criticalPath.joined.length + diff.criticalPath.left.length > 0 ||
    itemCount(diff.people) > 0 ||
    diff.overallocations.introduced.length + diff.overallocations.resolved.length > 0 ||
    diff.findings.introduced.length + diff.findings.fixed.length > 0 ||
    budgetCount(diff.budget) > 0 ||
    itemCount(diff.objectives) > 0 ||
    itemCount(diff.risks) > 0 ||
    diff.baseline?.rebaselined === true ||
    progressCount(diff.progress) > 0
  );
}

function fileSection(file: PlanFileDiff, options: DiffMarkdownOptions): string[] {
  const { diff } = file;
  // Against a revision another base path is a rename; between two files it is just the other file.
  const basePathText = options.baseLabel === undefined ? 'compared with' : 'renamed from';
  const basePath = file.basePath === null ? '' : ` (${basePathText} ${markdownText(file.basePath)})`;
  const title = `### ${markdownText(file.path)} — ${diff.status}${basePath}`;
  if (!diffHasChanges(diff)) return [title, '', NO_CHANGES];
  const lines = [title, '', headline(diff)];
  if (diff.status === 'modified') {
    const sections = [
      planSection(diff.plan),
      scheduleSection(diff),
      diff.baseline ? baselineMarkdown(diff.baseline) : [],
      progressSection(diff.progress),
      tasksSection(diff.tasks),
      criticalPathSection(diff.criticalPath),
      itemsSection('People', diff.people, ['name', 'role', 'capacity']),
      overallocationsSection(diff.overallocations),
      findingsSection(diff.findings, file, options.links),
      budgetSection(diff.budget),
      itemsSection('Objectives', diff.objectives, ['statement', 'target', 'due']),
      itemsSection('Risks', diff.risks, ['title', 'likelihood', 'impact']),
    ];
    for (const section of sections) if (section.length > 0) lines.push('', ...section);
  } else if (diff.status === 'added') {
    const findings = findingsSection(diff.findings, file, options.links);
    if (findings.length > 0) lines.push('', ...findings);
  }
  const chart = diff.status === 'removed' ? undefined : (options.gantt ?? ((shown) => planGantt(shown, options.fullChart)))(file);
  if (chart !== undefined) {
    // When every task changed, the focused chart is the full one.
    const everyTaskShown = options.fullChart === true || (file.head?.model.tasks.length ?? 0) <= diff.highlightedTaskKeys.length;
    lines.push('', '#### Gantt chart', '', everyTaskShown ? FULL_CHART_CAPTION : FOCUSED_CHART_CAPTION, '', ...markdownFence('mermaid', chart));
  }
  return lines;
}

/** One line: what changed overall, biggest news first. */
function headline(diff: PlanDiff): string {
  const taskCount = diff.tasks.added.length + diff.tasks.removed.length;
  if (diff.status === 'added') {
    const finish = diff.tasks.added.length > 0 ? latestFinish(diff.tasks.added) : null;
    return `**New plan**: ${plural(taskCount, 'task')}${finish ? `, finishing ${finish}` : ''}; ${findingCounts(diff.findings.delta, false)}.`;
  }
  if (diff.status === 'removed') return `**Plan removed**: it had ${plural(taskCount, 'task')}.`;
  if (!diffHasChanges(diff)) return NO_CHANGES;
  const parts: string[] = [];
  if (diff.finish) {
    const days = diff.finish.workingDays === null ? '' : ` ${signedDays(diff.finish.workingDays)}`;
    parts.push(`**finish moved${days}** (${dateOrNone(diff.finish.from)} → ${dateOrNone(diff.finish.to)})`);
  } else if (diff.finishDates.to !== null) {
    parts.push(`**finish unchanged** (${diff.finishDates.to})`);
  }
  if (diff.milestones.length > 0) parts.push(plural(diff.milestones.length, 'milestone') + ' moved');
  const againstBaseline = diff.baseline?.finish?.workingDays;
  if (againstBaseline !== undefined && againstBaseline !== null) {
    parts.push(againstBaseline === 0 ? 'finish on the baseline' : `finish ${signedDays(againstBaseline)} against the baseline`);
  }
  if (diff.baseline?.rebaselined) parts.push('baseline set again');
  if (diff.progress.tasks.length > 0) parts.push(`progress recorded on ${plural(diff.progress.tasks.length, 'task')}`);
  if (diff.progress.statusDate?.to) parts.push(`status date ${diff.progress.statusDate.to}`);
  const counted: readonly [string, { added: readonly unknown[]; removed: readonly unknown[]; changed: readonly unknown[] }][] = [
    ['tasks', diff.tasks],
    ['people', diff.people],
    ['objectives', diff.objectives],
    ['risks', diff.risks],
  ];
  for (const [noun, changes] of counted) {
    const counts = (['added', 'removed', 'changed'] as const)
      .filter((verb) => changes[verb].length > 0)
      .map((verb) => `${changes[verb].length} ${verb}`);
    if (counts.length > 0) parts.push(`${noun}: ${counts.join(', ')}`);
  }
  if (budgetCount(diff.budget) > 0) parts.push('budget changed');
  const findings = findingCounts(diff.findings.delta, true);
  if (findings) parts.push(findings);
  if (parts.length === 0) parts.push('plan settings changed');
  return `${capitalize(parts.join(' · '))}.`;
}

function findingCounts(delta: PlanDiff['findings']['delta'], signed: boolean): string {
  const entries = Object.entries(delta).filter(([, count]) => count !== 0);
  if (!signed) return entries.length === 0 ? 'no problems' : entries.map(([name, count]) => `${name} ${count}`).join(', ');
  return entries.map(([name, count]) => `${name} ${signedNumber(count)}`).join(', ');
}

function latestFinish(tasks: readonly TaskSummary[]): string | null {
  const finishes = tasks.flatMap((task) => (task.finish === null ? [] : [task.finish])).sort();
  return finishes[finishes.length - 1] ?? null;
}

function planSection(changes: readonly FieldChange[]): string[] {
  if (changes.length === 0) return [];
  return ['#### Plan', '', ...markdownTable(['Field', 'Before', 'After'], changes.map(fieldRow))];
}

/** The project finish, always (moved or not), then the milestones that moved. */
function scheduleSection(diff: PlanDiff): string[] {
  const unchangedFinish = diff.finish === null ? diff.finishDates.to : null;
  if (!diff.finish && unchangedFinish === null && diff.milestones.length === 0) return [];
  const lines = ['#### Schedule'];
  if (diff.finish) lines.push('', `Project finish: ${dateOrNone(diff.finish.from)} → ${dateOrNone(diff.finish.to)}, ${moveText(diff.finish)}.`);
  else if (unchangedFinish !== null) lines.push('', `Finish unchanged (${unchangedFinish}).`);
  if (diff.milestones.length > 0) {
    const rows = diff.milestones.map((milestone) => [
      taskCell(milestone.id, milestone.name),
      dateOrNone(milestone.from),
      dateOrNone(milestone.to),
      moveText(milestone),
    ]);
    lines.push('', ...markdownTable(['Milestone', 'Before', 'After', 'Moved'], rows));
  }
  return lines;
}

/**
 * The head plan against its baseline: finish, milestones, then the other
 * tasks off their baseline. Also what `crmplan gantt --baseline --format
 * markdown` writes under its chart.
 */
export function baselineMarkdown(baseline: BaselineDiff): string[] {
  const since = baseline.date === null ? 'Against the baseline' : `Against the baseline of ${baseline.date}`;
  const lines = ['#### Baseline', '', `${since}${baseline.rebaselined ? ' (set again in this change)' : ''}:`];
  if (baseline.finish) {
    lines.push('', `Project finish: ${baseline.finish.from ?? ''} (baseline) → ${dateOrNone(baseline.finish.to)}, ${slipText(baseline.finish)}.`);
  } else {
    lines.push('', 'The baseline records no project finish (`crmplan baseline` writes one).');
  }
  const rows = [...baseline.milestones, ...baseline.tasks].map((entry, index) => [
    index < baseline.milestones.length ? 'milestone' : 'task',
    taskCell(entry.id, entry.name),
    dateOrNone(entry.from),
    dateOrNone(entry.to),
    slipText(entry),
  ]);
  if (rows.length > 0) lines.push('', ...markdownTable(['', 'Task', 'Baseline', 'Now', 'Against the baseline'], rows));
  else lines.push('', 'Every baselined task finishes on its baseline.');
  if (baseline.unknownTasks.length > 0) {
    lines.push('', `Baseline entries naming no task of the plan: ${baseline.unknownTasks.map(markdownId).join(', ')}.`);
  }
  return lines;
}

/** The status date, the share of work done, then a row per task whose progress or actual dates changed. */
function progressSection(progress: PlanDiff['progress']): string[] {
  if (progressCount(progress) === 0) return [];
  const lines = ['#### Progress'];
  const { statusDate, percentComplete } = progress;
  if (statusDate) {
    const text =
      statusDate.from === null
        ? `Status date set: ${dateOrNone(statusDate.to)}.`
        : statusDate.to === null
          ? `Status date removed (it was ${statusDate.from}).`
          : `Status date: ${statusDate.from} → ${statusDate.to}, ${moveText(statusDate)}.`;
    lines.push('', text);
  }
  if (percentComplete) {
    lines.push('', `Work done (duration-weighted): ${percentText(percentComplete.from)} → ${percentText(percentComplete.to)}.`);
  }
  if (progress.tasks.length > 0) {
    const cell = (changes: readonly FieldChange[], field: string): string => {
      const change = changes.find((entry) => entry.field === field);
      return change ? `${valueText(field, change.from)} → ${valueText(field, change.to)}` : '';
    };
    const rows = progress.tasks.map((task) => [
      taskCell(task.id, task.name),
      cell(task.changes, 'progress'),
      cell(task.changes, 'actualStart'),
      cell(task.changes, 'actualFinish'),
    ]);
    lines.push('', ...markdownTable(['Task', 'Progress', 'Actual start', 'Actual finish'], rows));
  }
  return lines;
}

function percentText(value: number | null): string {
  return value === null ? '(none)' : `${formatNumber(value)}%`;
}

function slipText(move: DateMove): string {
  return move.workingDays === 0 ? 'on baseline' : moveText(move);
}

function tasksSection(tasks: PlanDiff['tasks']): string[] {
  if (tasks.added.length + tasks.removed.length + tasks.changed.length === 0) return [];
  const lines = ['#### Tasks'];
  const summaryTable = (list: readonly TaskSummary[]): string[] =>
    markdownTable(
      ['Task', 'Phase', 'Duration', 'Start', 'Finish'],
      list.map((task) => [
        taskCell(task.id, task.name),
        valueText('phase', task.phase),
        task.milestone ? 'milestone' : valueText('duration', task.duration),
        dateOrNone(task.start),
        dateOrNone(task.finish),
      ]),
    );
  if (tasks.added.length > 0) lines.push('', '**Added**', '', ...summaryTable(tasks.added));
  if (tasks.removed.length > 0) lines.push('', '**Removed**', '', ...summaryTable(tasks.removed));
  if (tasks.changed.length > 0) {
    const rows = tasks.changed.map((task) => [
      taskCell(task.id, task.name),
      dateChangeText(task, 'start'),
      dateChangeText(task, 'finish'),
      taskChangeText(task) || 'dates only',
    ]);
    lines.push('', '**Changed**', '', ...markdownTable(['Task', 'Start', 'Finish', 'Changes'], rows));
  }
  return lines;
}

const RENAME_REASON = { 'name+phase': 'same name and phase', 'name+duration': 'same name and duration' } as const;

function taskChangeText(task: TaskChange): string {
  const parts: string[] = [];
  if (task.renamedFrom !== null && task.renameMatch !== null) {
    parts.push(`renamed from ${markdownId(task.renamedFrom)} (${RENAME_REASON[task.renameMatch]})`);
  }
  for (const change of task.changes) {
    if (change.field !== 'start' && change.field !== 'finish') parts.push(changeText(change));
  }
  parts.push(...assignmentTexts(task.assignments));
  return parts.join('; ');
}

/** `2027-03-09 → 2027-03-12` (with the working days for the finish), or empty when the date did not change. */
function dateChangeText(task: TaskChange, field: 'start' | 'finish'): string {
  const change = task.changes.find((entry) => entry.field === field);
  if (!change) return '';
  const moved = field === 'finish' && task.finishMoved !== null ? ` (${signedDays(task.finishMoved)})` : '';
  return `${valueText(field, change.from)} → ${valueText(field, change.to)}${moved}`;
}

function changeText(change: FieldChange): string {
  return `${change.field} ${valueText(change.field, change.from)} → ${valueText(change.field, change.to)}`;
}

function assignmentTexts(assignments: AssignmentChanges): string[] {
  const load = (value: string | null): string => (value === null ? 'full time' : markdownText(value));
  return [
    ...assignments.added.map((entry) => `assigned ${markdownId(entry.person)} (${load(entry.load)})`),
    ...assignments.removed.map((entry) => `unassigned ${markdownId(entry.person)}`),
    ...assignments.changed.map((entry) => `load of ${markdownId(entry.person)} ${load(entry.from)} → ${load(entry.to)}`),
  ];
}

function criticalPathSection(criticalPath: PlanDiff['criticalPath']): string[] {
  if (criticalPath.joined.length + criticalPath.left.length === 0) return [];
  const lines = ['#### Critical path', ''];
  if (criticalPath.joined.length > 0) lines.push(`- Now critical: ${criticalPath.joined.map(markdownId).join(', ')}`);
  if (criticalPath.left.length > 0) lines.push(`- No longer critical: ${criticalPath.left.map(markdownId).join(', ')}`);
  return lines;
}

function itemsSection(title: string, items: ItemChanges, shownFields: readonly string[]): string[] {
  if (itemCount(items) === 0) return [];
  const lines = [`#### ${title}`, ''];
  const details = (fields: Readonly<Record<string, FieldValue>>): string => {
    const shown = shownFields.filter((field) => fields[field] !== null && fields[field] !== undefined);
    return shown.length === 0 ? '' : `: ${shown.map((field) => `${field} ${valueText(field, fields[field] ?? null)}`).join(', ')}`;
  };
  for (const item of items.added) lines.push(`- Added ${markdownId(item.id)}${details(item.fields)}`);
  for (const item of items.removed) lines.push(`- Removed ${markdownId(item.id)}${details(item.fields)}`);
  for (const item of items.changed) {
    lines.push(`- Changed ${markdownId(item.id)}: ${item.changes.map(changeText).join('; ')}`);
  }
  return lines;
}

function overallocationsSection(overallocations: PlanDiff['overallocations']): string[] {
  if (overallocations.introduced.length + overallocations.resolved.length === 0) return [];
  const text = (entry: OverallocationSummary): string =>
    `${markdownId(entry.person)} ${entry.from} → ${entry.to}, peak ${entry.peak === null ? 'n/a (no capacity)' : `${formatNumber(entry.peak * 100)}%`}, on ${entry.tasks.map(markdownId).join(', ')}`;
  return [
    '#### Overallocations',
    '',
    ...overallocations.introduced.map((entry) => `- Introduced: ${text(entry)}`),
    ...overallocations.resolved.map((entry) => `- Resolved: ${text(entry)}`),
  ];
}

/**
 * Findings by rule. A finding's line links to it (`FILE#Lline`) when the
 * revision's link base is known: the head's for introduced findings, the
 * base's for fixed ones, whose lines are in the base version.
 */
function findingsSection(findings: PlanDiff['findings'], file: PlanFileDiff, links: DiffMarkdownOptions['links']): string[] {
  if (findings.introduced.length + findings.fixed.length === 0) return [];
  const lineText = (linkBase: string | undefined, linkPath: string | undefined): ((line: number) => string) =>
    linkBase === undefined || linkPath === undefined
      ? (line) => `line ${line}`
      : (line) => `[line ${line}](${lineLink(linkBase, linkPath, line)})`;
  const introducedLine = lineText(links?.head, file.linkPath);
  const fixedLine = lineText(links?.base, file.baseLinkPath ?? file.linkPath);
  const group = (verb: string, groups: readonly FindingGroup[], line: (line: number) => string): string[] =>
    groups.length === 0
      ? []
      : [
          '',
          `**${verb}**`,
          '',
          ...groups.flatMap((entry) => [
            `- ${markdownId(entry.rule)} (${entry.findings.length})`,
            ...entry.findings.map((finding) => `  - ${finding.severity}, ${line(finding.line)}: ${markdownText(finding.message)}`),
          ]),
        ];
  return ['#### Findings', ...group('Introduced', findings.introduced, introducedLine), ...group('Fixed', findings.fixed, fixedLine)];
}

function budgetSection(budget: BudgetDiff): string[] {
  if (budgetCount(budget) === 0) return [];
  const rows = [
    ...budget.changes.map(fieldRow),
    ...budget.lines.added.map((line) => [`line ${markdownText(line.category)}`, '(none)', valueText('amount', line.amount)]),
    ...budget.lines.removed.map((line) => [`line ${markdownText(line.category)}`, valueText('amount', line.amount), '(none)']),
    ...budget.lines.changed.map((line) => [`line ${markdownText(line.category)}`, valueText('amount', line.from), valueText('amount', line.to)]),
  ];
  return ['#### Budget', '', ...markdownTable(['Item', 'Before', 'After'], rows)];
}

function fieldRow(change: FieldChange): string[] {
  return [change.field, valueText(change.field, change.from), valueText(change.field, change.to)];
}

/** Fields whose values are ids of the plan, shown as code. */
const ID_FIELDS = new Set(['phase', 'owner', 'sponsor', 'manager']);

function valueText(field: string, value: FieldValue): string {
  if (value === null) return '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (field === 'duration') return plural(value, 'working day');
    if (field === 'contingency' || field === 'progress') return `${formatNumber(value)}%`;
    return formatAmount(value);
  }
  return ID_FIELDS.has(field) ? markdownId(value) : markdownText(value);
}

/** Amounts with thousands separators, the same in every locale. */
function formatAmount(value: number): string {
  const [whole = '', fraction] = formatNumber(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

function taskCell(id: string, name: string | null): string {
  return name === null ? markdownId(id) : `${markdownId(id)} ${markdownText(name)}`;
}

function moveText(move: DateMove): string {
  if (move.workingDays === null) return 'moved';
  if (move.workingDays === 0) return 'on the same working day';
  const days = Math.abs(move.workingDays);
  return `${days} working ${days === 1 ? 'day' : 'days'} ${move.workingDays > 0 ? 'later' : 'earlier'}`;
}

function signedDays(days: number): string {
  return `${signedNumber(days)} working ${Math.abs(days) === 1 ? 'day' : 'days'}`;
}

function signedNumber(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

function dateOrNone(date: string | null): string {
  return date ?? '(none)';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function capitalize(text: string): string {
  return text.replace(/^(\**)(\w)/, (_, stars: string, letter: string) => `${stars}${letter.toUpperCase()}`);
}

function countTaskChanges(diff: PlanDiff): number {
  return diff.tasks.added.length + diff.tasks.removed.length + diff.tasks.changed.length;
}

function progressCount(progress: PlanDiff['progress']): number {
  return progress.tasks.length + (progress.statusDate ? 1 : 0) + (progress.percentComplete ? 1 : 0);
}

function itemCount(items: ItemChanges): number {
  return items.added.length + items.removed.length + items.changed.length;
}

function budgetCount(budget: BudgetDiff): number {
  return budget.changes.length + budget.lines.added.length + budget.lines.removed.length + budget.lines.changed.length;
}
