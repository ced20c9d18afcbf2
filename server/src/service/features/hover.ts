import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { markdownCode, markdownText } from '../../render/markdown-text.js';
import type { Declaration } from '../../model/symbols.js';
import type { DueSpec, Namespace, Person, Phase, PlanModel, Reference, Span, Task } from '../../model/types.js';
import type { DayOffReason } from '../../schedule/person-days-off.js';
import { compareWithBaseline, describeSlip } from '../../schedule/baseline-slip.js';
import { formatDuration } from '../../model/values.js';
import { findRule } from '../../rules/index.js';
import { createWorkingCalendar, type WorkingCalendar } from '../../schedule/calendar.js';
import { resolveDueAfter, type Schedule, type TaskSchedule } from '../../schedule/compute-schedule.js';
import { assignmentDailyLoad, dailyCapacity } from '../../schedule/load.js';
import type { PlanAnalysis, ReportedFinding } from '../../analysis/analyze-plan.js';
import { ruleDocsHref, spanToRange } from '../diagnostics.js';
import { locate, type CursorLocation, type IdAtOffset } from '../locate.js';
import { lastKey } from '../schema-view.js';
import { peakLoad, personBookings } from './person-load.js';
import {
  formatNumber,
  hoursPerDayText,
  longDate,
  longDateRange,
  percentOf,
  quantityText,
  workingDays,
} from '../../render/schedule-text.js';
import { keyDescription, type KeyDescription } from './schema-descriptions.js';
import { holidayHoverAt } from './holiday-hover.js';
import { loadHoverAt } from './load-hover.js';
import { trimmedSpan } from '../../yaml/node-at-span.js';
import { valueKindOf, type ValueKindName } from '../../schema/value-kinds.js';
import {
  dateHover,
  durationHover,
  enumHover,
  lagHover,
  quantityHover,
  severityHover,
  type ValueHoverRequest,
} from './value-hover.js';

export interface HoverOptions {
  /** Where the rule pages live (`defaultRuleDocsBase()` or a configured URL), ending in `/`. */
  readonly ruleDocsBase: string;
}

/**
 * The hover of a plan, in Markdown:
 * - on a task, phase, person, objective, risk or communication id (where it
 *   is declared or named): what it is, with the computed schedule facts;
 * - on `due: 30d after go-live`: the resolved due date, then the target;
 * - on a key: the schema's description of that key at that place;
 * - on the range of a diagnostic: its rule, summary and documentation link,
 *   after whatever else the hover shows.
 * Sections are separated by a rule (`---`). Null where there is nothing to say.
 */
export function hover(analysis: PlanAnalysis, document: TextDocument, position: Position, options: HoverOptions): Hover | null {
  const offset = document.offsetAt(position);
  const context = hoverContext(analysis);
  const sections: string[] = [];
  let span: Span | undefined;

  const location = locate(analysis, offset);
  const target = location.id;
  const holidays = target ? undefined : holidayHoverAt(analysis, offset);
  const value = target || holidays ? undefined : valueHover(context, location);
  const key = target || holidays || value ? undefined : keyDescription(location);
  if (target) {
    span = target.span;
    sections.push(...idSections(context, target));
  } else if (holidays) {
    span = holidays.span;
    sections.push(holidays.markdown);
  } else if (value) {
    span = value.span;
    sections.push(value.markdown);
  } else if (key) {
    span = key.span;
    sections.push(keySection(key, options));
  }
  // On an assign item's load or person: the person's weeks while the task runs (load-hover.ts).
  const load = loadHoverAt(analysis, offset);
  if (load) {
    span ??= load.span;
    sections.push(load.markdown);
  }

  const findings = findingsAt(analysis.findings, offset, span);
  if (findings.length > 0) {
    sections.push(diagnosticSection(findings, options));
    span ??= findings.reduce((smallest, finding) =>
      finding.span.end - finding.span.start < smallest.end - smallest.start ? finding.span : smallest,
    findings[0]!.span);
  }
  if (sections.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    ...(span ? { range: spanToRange(document, span) } : {}),
  };
}

interface HoverContext {
  readonly analysis: PlanAnalysis;
  readonly schedule: Schedule | undefined;
  /**
   * Loads and capacities depend only on hours_per_day and the workdays per
   * week, so without a schedule (no plan start) a calendar from any start
   * still converts them.
   */
  readonly calendar: WorkingCalendar;
}

function hoverContext(analysis: PlanAnalysis): HoverContext {
  const schedule = analysis.schedule;
  const calendar = schedule?.calendar ?? createWorkingCalendar(analysis.model.plan.calendar, '2000-01-03');
  return { analysis, schedule, calendar };
}

// ---------------------------------------------------------------------------
// Ids

function idSections(context: HoverContext, target: IdAtOffset): string[] {
  const { model, symbols } = context.analysis;
  if (target.declaration) return [declarationSection(context, target.declaration)];
  const sections: string[] = [];
  const reference = model.references.find(
    (candidate) => candidate.span.start === target.span.start && candidate.span.end === target.span.end,
  );
  if (reference?.role === 'due-after') {
    const objectiveIndex = model.objectives.findIndex((objective) => {
      const due = objective.due?.value;
      return due?.kind === 'after' && due.target.span.start === reference.span.start;
    });
    if (objectiveIndex >= 0) sections.push(dueSection(context, objectiveIndex));
  }
  const declaration = symbols.lookup(target.namespace, target.id);
  sections.push(declaration ? declarationSection(context, declaration) : undeclaredSection(target, reference));
  return sections;
}

function declarationSection(context: HoverContext, declaration: Declaration): string {
  switch (declaration.kind) {
    case 'task':
      return taskSection(context, declaration.index);
    case 'phase':
      return phaseSection(context, declaration.index);
    case 'person':
      return personSection(context, declaration.index);
    case 'objective':
      return objectiveSection(context, declaration.index);
    case 'risk':
      return riskSection(context, declaration.index);
    case 'communication':
      return communicationSection(context, declaration.index);
  }
}

const NAMESPACE_NOUN: Record<Namespace, string> = {
  person: 'person',
  objective: 'objective',
  work: 'task or phase',
  risk: 'risk',
  communication: 'communication',
};

function undeclaredSection(target: IdAtOffset, reference: Reference | undefined): string {
  const where = reference ? ` (named as ${ROLE_TEXT[reference.role]})` : '';
  return `${code(target.id)}${where}: no ${NAMESPACE_NOUN[target.namespace]} is declared with this id.`;
}

const ROLE_TEXT: Record<Reference['role'], string> = {
  sponsor: 'the sponsor',
  manager: 'the manager',
  owner: 'an owner',
  assignment: 'an assignee',
  'depends-on': 'a dependency',
  'due-after': 'the anchor of a due date',
};

function taskSection(context: HoverContext, taskIndex: number): string {
  const { model, graph } = context.analysis;
  const task = model.tasks[taskIndex]!;
  const phase = model.phases[task.phaseIndex];
  const lines: string[] = [];
  if (phase) lines.push(`Phase: ${workLabel(phase, task.phaseIndex)}`);

  const schedule = context.schedule;
  const scheduled = schedule?.tasks[taskIndex];
  if (!schedule) {
    lines.push(NO_START);
  } else if (!scheduled) {
    lines.push(graph.cyclic.has(taskIndex) ? 'Not scheduled: on a dependency cycle' : 'Not scheduled');
  } else {
    if (scheduled.milestone) {
      lines.push(`Milestone on ${longDate(scheduled.start)}`);
    } else {
      lines.push(`Start: ${longDate(scheduled.start)}`, `Finish: ${longDate(scheduled.finish)}`);
      lines.push(durationLine(task, scheduled.duration, scheduled.durationMissing));
    }
    lines.push(`Total float: ${workingDays(scheduled.totalFloat)} — ${scheduled.critical ? '**critical**' : 'not critical'}`);
    if (task.start) {
      const pushed = scheduled.startConflict ? ` — dependencies push it ${workingDays(scheduled.startDelay)} later` : '';
      lines.push(`Start no earlier than: ${longDate(task.start.value)}${pushed}`);
    }
    if (task.deadline) {
      const verdict = scheduled.deadlineMissed ? `missed by ${workingDays(scheduled.deadlineOverrun)}` : 'met';
      lines.push(`Deadline: ${longDate(task.deadline.value)} — ${verdict}`);
    }
    lines.push(...progressLines(task, scheduled, schedule));
    lines.push(...baselineLines(context.analysis.model, schedule, taskIndex));
  }

  lines.push(ownerLine(context, task, phase));
  if (task.assign.length > 0) {
    const assignments = task.assign.map((assignment) => {
      const hours = assignmentDailyLoad(assignment, context.calendar);
      const written = assignment.load ? code(quantityText(assignment.load.value)) : 'no `load`: full time';
      const person = personOf(context, assignment.person.id);
      const share = person ? `, ${percentOf(hours, dailyCapacity(person, context.calendar))} of capacity` : '';
      return `${personLabel(context, assignment.person.id)}: ${hoursPerDayText(hours)} (${written})${share}`;
    });
    lines.push(`Assigned:${nested(assignments)}`);
  }
  return `${heading(task.name?.value, 'task', task.id?.value ?? `(task ${taskIndex + 1})`)}\n\n${list(lines)}`;
}

/**
 * Progress, actual dates and the planned dates (the schedule without
 * progress) next to the forecast, when the plan's progress data applies.
 */
function progressLines(task: Task, scheduled: TaskSchedule, schedule: Schedule): string[] {
  const progress = scheduled.progress;
  if (!progress) return [];
  const lines: string[] = [];
  const status = schedule.status;
  const asOf = status ? ` as of ${status.source === 'today' ? 'today, ' : ''}${longDate(status.date)}` : '';
  const state =
    progress.state === 'finished'
      ? 'finished'
      : progress.state === 'started'
        ? `started${progress.remaining !== undefined && status ? `, ${workingDays(progress.remaining)} left` : ''}`
        : 'not started';
  const percent = progress.percent !== undefined ? `${formatNumber(progress.percent)}% — ` : '';
  lines.push(`Progress: ${percent}${state}${asOf}`);
  if (task.actualStart || task.actualFinish) {
    const actual = [
      task.actualStart ? `started ${longDate(task.actualStart.value)}` : undefined,
      task.actualFinish ? `finished ${longDate(task.actualFinish.value)}` : undefined,
    ].filter((part): part is string => part !== undefined);
    lines.push(`Actual: ${actual.join(', ')}`);
  }
  const planned = schedule.planned?.tasks[scheduled.taskIndex];
  if (planned) {
    const slip = scheduled.finishIndex - planned.finishIndex;
    const verdict = slip > 0 ? `${workingDays(slip)} later than planned` : slip < 0 ? `${workingDays(-slip)} earlier than planned` : 'as planned';
    lines.push(`Planned: ${longDateRange(planned.start, planned.finish)} — ${scheduled.milestone ? 'now' : 'finish'} ${verdict}`);
  }
  return lines;
}

/** The task's dates against the plan's `baseline:` entry for it (docs/format.md#baseline). */
function baselineLines(model: PlanModel, schedule: Schedule, taskIndex: number): string[] {
  const comparison = compareWithBaseline(model, schedule)?.tasks.find((entry) => entry.taskIndex === taskIndex);
  if (!comparison) return [];
  const { entry, startSlip, finishSlip } = comparison;
  if (comparison.milestone) {
    return entry.finish && finishSlip !== undefined ? [`Baseline: ${describeSlip(finishSlip, entry.finish.value)}`] : [];
  }
  const lines: string[] = [];
  if (entry.start && startSlip !== undefined) lines.push(`Baseline start: ${describeSlip(startSlip, entry.start.value)}`);
  if (entry.finish && finishSlip !== undefined) lines.push(`Baseline finish: ${describeSlip(finishSlip, entry.finish.value)}`);
  return lines;
}

function durationLine(task: Task, days: number, missing: boolean): string {
  if (missing) return 'Duration: missing (scheduled as 0 working days)';
  const written = task.duration && task.duration.value.unit === 'w' ? ` (${code(formatDuration(task.duration.value))})` : '';
  return `Duration: ${workingDays(days)}${written}`;
}

function ownerLine(context: HoverContext, task: Task, phase: Phase | undefined): string {
  if (task.owner) return `Owner: ${personLabel(context, task.owner.id)}, set on the task`;
  if (phase?.owner) {
    const phaseId = phase.id ? ` ${code(phase.id.value)}` : '';
    return `Owner: ${personLabel(context, phase.owner.id)}, inherited from phase${phaseId}`;
  }
  return 'Owner: none';
}

function phaseSection(context: HoverContext, phaseIndex: number): string {
  const { model, graph } = context.analysis;
  const phase = model.phases[phaseIndex]!;
  const lines: string[] = [];
  const schedule = context.schedule;
  const scheduled = schedule?.phases[phaseIndex];
  if (!schedule) {
    lines.push(NO_START);
  } else if (!scheduled) {
    lines.push(
      graph.cyclic.has(graph.phaseNode(phaseIndex))
        ? 'Not scheduled: on a dependency cycle'
        : 'Not scheduled: none of its tasks is scheduled',
    );
  } else {
    lines.push(`Span: ${longDateRange(scheduled.start, scheduled.finish)} (${workingDays(scheduled.e - scheduled.s)})`);
    lines.push(scheduled.critical ? 'On the **critical** path' : 'Not on the critical path');
  }
  const count = phase.taskIndexes.length;
  lines.push(`Tasks: ${count}`);
  lines.push(`Owner: ${phase.owner ? personLabel(context, phase.owner.id) : 'none'}`);
  return `${heading(phase.name?.value, 'phase', phase.id?.value ?? `(phase ${phaseIndex + 1})`)}\n\n${list(lines)}`;
}

/** The person's own calendar as written: leave, workdays, country (docs/format.md#peoples-own-calendars). */
function ownCalendarLines(person: Person): string[] {
  const lines: string[] = [];
  if (person.workdays) lines.push(`Works on: ${person.workdays.value.join(', ')}`);
  const place = [person.country?.value, person.region?.value].filter((part): part is string => part !== undefined);
  if (place.length > 0) lines.push(`Public holidays of: ${place.map(code).join(' ')}`);
  for (const leave of person.leave) {
    lines.push(`On leave ${longDateRange(leave.from.value, leave.to.value)}${leave.note ? `: ${escape(leave.note)}` : ''}`);
  }
  return lines;
}

function dayOffText(reason: DayOffReason): string {
  switch (reason.kind) {
    case 'leave':
      return `on leave${reason.note ? `: ${escape(reason.note)}` : ''}`;
    case 'holiday':
      return `public holiday: ${escape(reason.name)}`;
    case 'weekday':
      return `does not work on ${reason.weekday}`;
  }
}

function personSection(context: HoverContext, personIndex: number): string {
  const { model } = context.analysis;
  const person = model.people[personIndex]!;
  const id = person.id?.value ?? '';
  const capacity = dailyCapacity(person, context.calendar);
  const lines: string[] = [];
  if (person.role) lines.push(`Role: ${escape(person.role.value)}`);
  const written = person.capacity ? code(quantityText(person.capacity.value)) : 'default';
  lines.push(`Capacity: ${hoursPerDayText(capacity)} (${written})`);
  lines.push(...ownCalendarLines(person));

  const bookings = personBookings(model, context.schedule, context.calendar, id);
  if (bookings.length > 0) {
    const assignments = bookings.map((booking) => {
      const task = model.tasks[booking.taskIndex]!;
      const when = booking.scheduled
        ? longDateRange(booking.scheduled.start, booking.scheduled.finish)
        : context.schedule
          ? 'not scheduled'
          : 'no dates';
      return `${code(task.id?.value ?? `(task ${booking.taskIndex + 1})`)} ${when}: ${hoursPerDayText(booking.hours)}, ${percentOf(booking.hours, capacity)} of capacity`;
    });
    lines.push(`Assignments:${nested(assignments)}`);
    const peak = peakLoad(bookings);
    if (peak && context.schedule) {
      const calendar = context.calendar;
      const runs = peak.runs.slice(0, 3).map((run) => longDateRange(calendar.dateOf(run.fromIndex), calendar.dateOf(run.toIndex)));
      const more = peak.runs.length > 3 ? ` and ${peak.runs.length - 3} more` : '';
      lines.push(`Peak load: ${percentOf(peak.hours, capacity)} of capacity (${hoursPerDayText(peak.hours)}) on ${runs.join(', ')}${more}`);
    }
    const overallocations = context.schedule?.overallocations.filter((overallocation) => overallocation.personId === id) ?? [];
    for (const overallocation of overallocations) {
      const tasks = overallocation.tasks.map(code).join(', ');
      if (overallocation.dayOff) {
        lines.push(
          `**Booked on a day off** ${longDateRange(overallocation.from, overallocation.to)} (${dayOffText(overallocation.dayOff)}): ` +
            `${hoursPerDayText(overallocation.peakLoadHours)} on ${tasks}`,
        );
        continue;
      }
      lines.push(
        `**Overallocated** ${longDateRange(overallocation.from, overallocation.to)}: peak ${formatNumber(overallocation.peak * 100)}% ` +
          `of capacity (${hoursPerDayText(overallocation.peakLoadHours)}) on ${tasks}`,
      );
    }
    if (context.schedule && overallocations.length === 0) lines.push('Not overallocated');
  }
  return `${heading(person.name?.value, 'person', id || `(person ${personIndex + 1})`)}\n\n${list(lines)}`;
}

function objectiveSection(context: HoverContext, objectiveIndex: number): string {
  const objective = context.analysis.model.objectives[objectiveIndex]!;
  const lines: string[] = [];
  if (objective.metric) lines.push(`Metric: ${escape(objective.metric.value)}`);
  if (objective.baseline || objective.target) {
    lines.push(`Baseline → target: ${escape(objective.baseline?.value ?? '?')} → ${escape(objective.target?.value ?? '?')}`);
  }
  if (objective.due) lines.push(`Due: ${dueText(context, objective.due.value)}`);
  lines.push(`Owner: ${objective.owner ? personLabel(context, objective.owner.id) : 'none'}`);
  const statement = objective.statement ? `\n\n${escape(objective.statement.value)}` : '';
  return `**Objective** ${code(objective.id?.value ?? '')}${statement}\n\n${list(lines)}`;
}

function riskSection(context: HoverContext, riskIndex: number): string {
  const risk = context.analysis.model.risks[riskIndex]!;
  const lines: string[] = [];
  if (risk.likelihood) lines.push(`Likelihood: ${risk.likelihood.value}`);
  if (risk.impact) lines.push(`Impact: ${risk.impact.value}`);
  if (risk.mitigation) lines.push(`Mitigation: ${escape(risk.mitigation.value)}`);
  lines.push(`Owner: ${risk.owner ? personLabel(context, risk.owner.id) : 'none'}`);
  return `${heading(risk.title?.value, 'risk', risk.id?.value ?? '')}\n\n${list(lines)}`;
}

function communicationSection(context: HoverContext, communicationIndex: number): string {
  const communication = context.analysis.model.communications[communicationIndex]!;
  const lines: string[] = [];
  for (const [label, value] of [
    ['Audience', communication.audience],
    ['Purpose', communication.purpose],
    ['Channel', communication.channel],
    ['Frequency', communication.frequency],
  ] as const) {
    if (value) lines.push(`${label}: ${escape(value.value)}`);
  }
  lines.push(`Owner: ${communication.owner ? personLabel(context, communication.owner.id) : 'none'}`);
  return `**Communication** ${code(communication.id?.value ?? '')}\n\n${list(lines)}`;
}

// ---------------------------------------------------------------------------
// Values

interface ValueAt extends ValueHoverRequest {
  readonly location: CursorLocation;
}

/**
 * Each value kind's hover text (the kinds are named and detected in
 * schema/value-kinds.ts, where completion and the schema rule find theirs).
 * An id (a person, task or phase reference, the id of `... after <id>`) is
 * found by locate() itself and described before the kinds are asked, so the
 * reference kinds here only see a value that names no id. A value whose
 * kind says nothing beyond its key's text (a name, a flag, the format
 * version) has no hover: the key's hover describes it.
 */
const VALUE_KIND_HOVER: Readonly<Record<ValueKindName, (context: HoverContext, value: ValueAt) => { markdown: string; span?: Span } | undefined>> = {
  due: (context, value) => {
    const due = dueAt(context.analysis, value.location);
    if (!due) return undefined;
    const { parsed } = context.analysis;
    return { markdown: dueSection(context, due.objectiveIndex), span: trimmedSpan(parsed.text, parsed.doc.contents, due.span) };
  },
  constant: () => undefined,
  person: () => undefined,
  work: () => undefined,
  dependencies: () => undefined,
  severity: (_context, value) => textOf(severityHover(value)),
  enum: (_context, value) => textOf(enumHover(value)),
  duration: (_context, value) => textOf(durationHover(value)),
  lag: (_context, value) => textOf(lagHover(value)),
  load: (_context, value) => textOf(quantityHover(value, value.location.path.includes('assign'))),
  date: (_context, value) => textOf(dateHover(value)),
  holiday: (_context, value) => textOf(dateHover(value)),
  boolean: () => undefined,
  plain: () => undefined,
};

function textOf(markdown: string | undefined): { markdown: string } | undefined {
  return markdown === undefined ? undefined : { markdown };
}

/** The hover of the scalar value under the cursor, by its value kind. */
function valueHover(context: HoverContext, location: CursorLocation): { markdown: string; span: Span } | undefined {
  const { node, schema } = location;
  if (location.on !== 'value' || !schema || !isScalar(node) || !node.range || node.value === null) return undefined;
  const key = lastKey(location.path);
  const at: ValueAt = {
    analysis: context.analysis,
    calendar: context.calendar,
    text: String(node.value),
    start: node.range[0],
    schema,
    key,
    location,
  };
  const found = VALUE_KIND_HOVER[valueKindOf(schema, key)](context, at);
  return found ? { markdown: found.markdown, span: found.span ?? { start: node.range[0], end: node.range[1] } } : undefined;
}

// ---------------------------------------------------------------------------
// Due dates

/** The `due:` value under the cursor (outside the id of `... after <id>`, which is a reference). */
function dueAt(analysis: PlanAnalysis, location: CursorLocation): { span: Span; objectiveIndex: number } | undefined {
  const { path, node } = location;
  if (location.on !== 'value' || path.length !== 3 || path[0] !== 'objectives' || path[2] !== 'due' || !node?.range) return undefined;
  const start = node.range[0];
  const objectiveIndex = analysis.model.objectives.findIndex((objective) => objective.due?.span.start === start);
  const due = analysis.model.objectives[objectiveIndex]?.due;
  return due ? { span: due.span, objectiveIndex } : undefined;
}

function dueSection(context: HoverContext, objectiveIndex: number): string {
  const objective = context.analysis.model.objectives[objectiveIndex]!;
  const due = objective.due!.value;
  const id = objective.id ? ` of objective ${code(objective.id.value)}` : '';
  return `**Due date**${id}: ${dueText(context, due)}`;
}

/** `Fri 2027-02-19 (30 working days after go-live finishes on Fri 2027-01-08)`, or why it has no date. */
function dueText(context: HoverContext, due: DueSpec): string {
  if (due.kind === 'date') return longDate(due.date);
  const { schedule } = context;
  const written = `${code(`${formatDuration(due.offset)} after ${due.target.id}`)}`;
  if (!schedule) return `${written}: no date, the plan has no valid \`start\``;
  const resolved = resolveDueAfter(schedule, context.analysis.symbols, due);
  const declaration = context.analysis.symbols.lookup('work', due.target.id);
  if (!resolved || !declaration) return `${written}: no date, ${unresolvedReason(context, due.target.id, declaration)}`;
  const anchor =
    declaration.kind === 'task' ? schedule.tasks[declaration.index]?.finish : schedule.phases[declaration.index]?.finish;
  const days = workingDays(schedule.calendar.workingDays(due.offset));
  return `${longDate(resolved.date)} — ${days} after ${declaration.kind} ${code(due.target.id)} finishes on ${longDate(anchor ?? '')}`;
}

function unresolvedReason(context: HoverContext, id: string, declaration: Declaration | undefined): string {
  if (!declaration) return `${code(id)} is not a declared task or phase`;
  const { graph } = context.analysis;
  const node = declaration.kind === 'task' ? declaration.index : graph.phaseNode(declaration.index);
  if (graph.cyclic.has(node)) return `${declaration.kind} ${code(id)} is on a dependency cycle`;
  return `${declaration.kind} ${code(id)} has no scheduled tasks`;
}

// ---------------------------------------------------------------------------
// Keys and diagnostics

function keySection(key: KeyDescription, options: HoverOptions): string {
  const title = key.title ? ` (${key.title})` : '';
  const parts = [`**${key.key}**${title}`, key.markdown, ...key.conditional];
  // A key of the plan's `rules:` map is a rule name: link its page.
  if (key.path.length === 1 && key.path[0] === 'rules' && findRule(key.key)) {
    parts.push(`[${key.key}](${linkTarget(ruleDocsHref(key.key, options.ruleDocsBase))})`);
  }
  return parts.join('\n\n');
}

/**
 * The findings whose range holds the cursor, or the hovered id itself (a
 * cursor just after an id shows the id's hover and its diagnostics).
 */
function findingsAt(findings: readonly ReportedFinding[], offset: number, target: Span | undefined): ReportedFinding[] {
  return findings.filter(({ span }) => {
    if (span.start <= offset && (offset < span.end || span.start === span.end)) return true;
    return target !== undefined && span.start <= target.start && target.end <= span.end && span.end > span.start;
  });
}

function diagnosticSection(findings: readonly ReportedFinding[], options: HoverOptions): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const finding of findings) {
    if (seen.has(finding.rule)) continue;
    seen.add(finding.rule);
    const summary = findRule(finding.rule)?.summary;
    const link = `[${finding.rule}](${linkTarget(ruleDocsHref(finding.rule, options.ruleDocsBase))})`;
    lines.push(`${link} (${finding.severity})${summary ? `: ${summary}` : ''}`);
  }
  return lines.join('\n\n');
}

/** Parentheses would end a Markdown link early; percent-encoded they name the same file. */
function linkTarget(href: string): string {
  return href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

// ---------------------------------------------------------------------------
// Text

const NO_START = 'Not scheduled: the plan has no valid `start` date';

function heading(name: string | undefined, kind: string, id: string): string {
  return name ? `**${escape(name)}** · ${kind} ${code(id)}` : `**${kind[0]!.toUpperCase()}${kind.slice(1)}** ${code(id)}`;
}

function workLabel(item: { id?: { value: string }; name?: { value: string } }, index: number): string {
  const id = code(item.id?.value ?? `(phase ${index + 1})`);
  return item.name ? `${id} (${escape(item.name.value)})` : id;
}

function personOf(context: HoverContext, id: string) {
  const declaration = context.analysis.symbols.lookup('person', id);
  return declaration ? context.analysis.model.people[declaration.index] : undefined;
}

function personLabel(context: HoverContext, id: string): string {
  const declaration = context.analysis.symbols.lookup('person', id);
  if (!declaration) return `${code(id)} (not declared)`;
  const name = context.analysis.model.people[declaration.index]?.name?.value;
  return name ? `${code(id)} (${escape(name)})` : code(id);
}

function list(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join('\n');
}

function nested(lines: readonly string[]): string {
  return lines.map((line) => `\n  - ${line}`).join('');
}

/** Inline code that survives backticks in the text. */
const code = markdownCode;
const escape = (text: string): string => markdownText(text, 'editor');
