import type { YAMLMap } from 'yaml';
import type { ParsedDocument } from '../parse/parse-plan-text.js';
import {
  TASK_KINDS,
  type Assignment,
  type Baseline,
  type BaselineEntry,
  type Budget,
  type BudgetLine,
  type Calendar,
  type Communication,
  type Dependency,
  type DueSpec,
  type Holiday,
  type Leave,
  type Level,
  type Namespace,
  type Objective,
  type Person,
  type Phase,
  type PlanInfo,
  type PlanModel,
  type Reference,
  type ReferenceRole,
  type Risk,
  type RuleSettingEntry,
  type SeveritySetting,
  type Span,
  type Spanned,
  type Task,
  type TaskKind,
  type Weekday,
} from './types.js';
import { shiftSpans } from './shift-spans.js';
import { isPlanDate, isWeekday, MAX_HOLIDAYS, parseDuration, parsePercent, parseQuantity } from './values.js';
import {
  asMap,
  asSeq,
  type MapEntry,
  mapEntries,
  booleanValue,
  entry,
  field,
  keySpan,
  numberValue,
  spanOf,
  stringValue,
  textValue,
} from './yaml-nodes.js';

const DEFAULT_WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const DEFAULT_HOURS_PER_DAY = 8;
const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];
const DUE_AFTER_PATTERN = /^(\d+[dw])\s+after\s+([a-z0-9][a-z0-9._-]*)$/;

/** Builds the plan model from a parsed document; never throws on user input. */
export function buildPlanModel(parsed: ParsedDocument): PlanModel {
  return new PlanModelBuilder(parsed).build();
}

/**
 * A task or person read from a YAML node, kept by node identity. After an
 * incremental re-parse (parse/incremental-parse.ts) every untouched node is
 * the same object, so its item is taken from here instead of being read
 * again; `base` is where the node started when the item was read, so a node
 * that moved gets a copy with its spans shifted. Entries go with their nodes.
 */
interface ReadItem<T> {
  readonly base: number;
  readonly phaseIndex: number;
  readonly item: T;
  readonly references: readonly Reference[];
}
const readTasks = new WeakMap<object, ReadItem<Task>>();
const readPeople = new WeakMap<object, ReadItem<Person>>();

class PlanModelBuilder {
  private readonly references: Reference[] = [];

  constructor(private readonly parsed: ParsedDocument) {}

  build(): PlanModel {
    const root = asMap(this.parsed.doc.contents);
    const rootSpan = root ? spanOf(root) : undefined;
    const phasesAndTasks = this.readPhases(seqItems(field(root, 'phases')));
    const plan = this.readPlan(root);
    return {
      version: numberValue(field(root, 'crmplan')),
      plan,
      people: seqItems(field(root, 'people'))
        .map((node) => this.remembered(readPeople, node, -1, () => this.readPerson(node)))
        .filter(isDefined),
      objectives: seqItems(field(root, 'objectives')).map((node) => this.readObjective(node)).filter(isDefined),
      phases: phasesAndTasks.phases,
      tasks: phasesAndTasks.tasks,
      risks: seqItems(field(root, 'risks')).map((node) => this.readRisk(node)).filter(isDefined),
      communications: seqItems(field(root, 'communications'))
        .map((node) => this.readCommunication(node))
        .filter(isDefined),
      ruleSettings: this.readRuleSettings(asMap(field(root, 'rules'))),
      references: [...this.references].sort((a, b) => a.span.start - b.span.start),
      sectionKeys: {
        root: rootSpan,
        people: keySpan(root, 'people'),
        objectives: keySpan(root, 'objectives'),
        phases: keySpan(root, 'phases'),
        risks: keySpan(root, 'risks'),
        communications: keySpan(root, 'communications'),
        rules: keySpan(root, 'rules'),
      },
      baseline: readBaseline(entry(root, 'baseline')),
    };
  }

  private readPlan(root: YAMLMap | undefined): PlanInfo {
    const planEntry = entry(root, 'plan');
    const map = asMap(planEntry?.value);
    return {
      name: textValue(field(map, 'name')),
      organization: textValue(field(map, 'organization')),
      description: textValue(field(map, 'description')),
      start: dateValue(field(map, 'start')),
      sponsor: this.reference(field(map, 'sponsor'), 'person', 'sponsor'),
      manager: this.reference(field(map, 'manager'), 'person', 'manager'),
      calendar: readCalendar(asMap(field(map, 'calendar'))),
      budget: readBudget(asMap(field(map, 'budget'))),
      statusDate: dateValue(field(map, 'status_date')),
      span: map ? spanOf(map) : undefined,
      keySpan: planEntry ? spanOf(planEntry.keyNode) : undefined,
    };
  }

  /** The item read from `node`, from `memory` when the node was read before (see ReadItem). */
  private remembered<T extends object>(
    memory: WeakMap<object, ReadItem<T>>,
    node: unknown,
    phaseIndex: number,
    read: () => T | undefined,
  ): T | undefined {
    const map = asMap(node);
    const base = map?.range?.[0];
    if (!map || base === undefined) return read();
    const known = memory.get(map);
    if (known && known.base === base && known.phaseIndex === phaseIndex) {
      for (const reference of known.references) this.references.push(reference);
      return known.item;
    }
    const references: Reference[] = [];
    let item: T | undefined;
    if (known) {
      const shifted = shiftSpans(known.item, base - known.base, (reference) => references.push(reference));
      item = phaseIndex >= 0 ? { ...shifted, phaseIndex } : shifted;
      for (const reference of references) this.references.push(reference);
    } else {
      const before = this.references.length;
      item = read();
      references.push(...this.references.slice(before));
    }
    if (item) memory.set(map, { base, phaseIndex, item, references });
    return item;
  }

  private readPerson(node: unknown): Person | undefined {
    const map = asMap(node);
    const span = map && spanOf(map);
    if (!map || !span) return undefined;
    const capacityText = stringValue(field(map, 'capacity'));
    const capacity = capacityText && parseQuantity(capacityText.value);
    return {
      id: idValue(field(map, 'id')),
      span,
      name: textValue(field(map, 'name')),
      role: textValue(field(map, 'role')),
      capacity: capacity && capacityText ? { value: capacity, span: capacityText.span } : undefined,
      email: textValue(field(map, 'email')),
      leave: readLeave(field(map, 'leave')),
      workdays: readWeekdays(field(map, 'workdays')),
      country: textValue(field(map, 'country')),
      region: textValue(field(map, 'region')),
    };
  }

  private readObjective(node: unknown): Objective | undefined {
    const map = asMap(node);
    const span = map && spanOf(map);
    if (!map || !span) return undefined;
    return {
      id: idValue(field(map, 'id')),
      span,
      statement: textValue(field(map, 'statement')),
      metric: textValue(field(map, 'metric')),
      baseline: textValue(field(map, 'baseline')),
      target: textValue(field(map, 'target')),
      due: this.readDue(field(map, 'due')),
      owner: this.reference(field(map, 'owner'), 'person', 'owner'),
    };
  }

  private readDue(node: unknown): Spanned<DueSpec> | undefined {
    const text = stringValue(node);
    if (!text) return undefined;
    if (isPlanDate(text.value)) return { value: { kind: 'date', date: text.value }, span: text.span };
    const match = DUE_AFTER_PATTERN.exec(text.value.trim());
    const offset = match ? parseDuration(match[1] ?? '') : undefined;
    const targetId = match?.[2];
    if (!offset || !targetId) return undefined;
    // The id is the last word of the scalar; find its offset within the
    // scalar's own source (which may be quoted) to point at it exactly.
    const source = this.parsed.text.slice(text.span.start, text.span.end);
    const idEnd = source.replace(/["']\s*$/, '').trimEnd().length;
    const idStart = text.span.start + idEnd - targetId.length;
    const target = this.record({
      id: targetId,
      span: { start: idStart, end: text.span.start + idEnd },
      namespace: 'work',
      role: 'due-after',
    });
    return { value: { kind: 'after', offset, target }, span: text.span };
  }

  private readPhases(nodes: unknown[]): { phases: Phase[]; tasks: Task[] } {
    const phases: Phase[] = [];
    const tasks: Task[] = [];
    for (const node of nodes) {
      const map = asMap(node);
      const span = map && spanOf(map);
      if (!map || !span) continue;
      const phaseIndex = phases.length;
      const taskIndexes: number[] = [];
      for (const taskNode of seqItems(field(map, 'tasks'))) {
        const task = this.remembered(readTasks, taskNode, phaseIndex, () => this.readTask(taskNode, phaseIndex));
        if (!task) continue;
        taskIndexes.push(tasks.length);
        tasks.push(task);
      }
      phases.push({
        id: idValue(field(map, 'id')),
        span,
        name: textValue(field(map, 'name')),
        owner: this.reference(field(map, 'owner'), 'person', 'owner'),
        dependsOn: this.readDependencies(field(map, 'depends_on')),
        taskIndexes,
        tasksKeySpan: keySpan(map, 'tasks'),
      });
    }
    return { phases, tasks };
  }

  private readTask(node: unknown, phaseIndex: number): Task | undefined {
    const map = asMap(node);
    const span = map && spanOf(map);
    if (!map || !span) return undefined;
    const kindText = stringValue(field(map, 'kind'));
    const kind = kindText && isTaskKind(kindText.value) ? kindText.value : 'other';
    const durationText = stringValue(field(map, 'duration'));
    const duration = durationText && parseDuration(durationText.value);
    const milestone = booleanValue(field(map, 'milestone'));
    return {
      id: idValue(field(map, 'id')),
      span,
      phaseIndex,
      name: textValue(field(map, 'name')),
      kind,
      kindSpan: kindText?.span,
      owner: this.reference(field(map, 'owner'), 'person', 'owner'),
      duration: duration && durationText ? { value: duration, span: durationText.span } : undefined,
      milestone: milestone?.value === true,
      milestoneSpan: milestone?.span,
      dependsOn: this.readDependencies(field(map, 'depends_on')),
      assign: this.readAssignments(field(map, 'assign')),
      start: dateValue(field(map, 'start')),
      deadline: dateValue(field(map, 'deadline')),
      complexity: enumValue(field(map, 'complexity'), LEVELS),
      status: enumValue(field(map, 'status'), STATUSES),
      rollback: textValue(field(map, 'rollback')),
      progress: progressValue(field(map, 'progress')),
      actualStart: dateValue(field(map, 'actual_start')),
      actualFinish: dateValue(field(map, 'actual_finish')),
    };
  }

  private readDependencies(node: unknown): Dependency[] {
    // `depends_on: kickoff` (a single id) is accepted as a one-item list.
    const single = stringValue(node);
    const items = single ? [node] : seqItems(node);
    const dependencies: Dependency[] = [];
    for (const item of items) {
      const itemSpan = itemSpanOf(item);
      if (!itemSpan) continue;
      const map = asMap(item);
      const targetNode = map ? field(map, 'task') : item;
      const target = this.reference(targetNode, 'work', 'depends-on');
      if (!target) continue;
      const typeText = map ? stringValue(field(map, 'type'))?.value : undefined;
      const lagText = map ? stringValue(field(map, 'lag'))?.value : undefined;
      dependencies.push({
        target,
        type: typeText === 'SS' ? 'SS' : 'FS',
        lag: (lagText !== undefined ? parseDuration(lagText, true) : undefined) ?? { amount: 0, unit: 'd' },
        span: itemSpan,
      });
    }
    return dependencies;
  }

  private readAssignments(node: unknown): Assignment[] {
    const assignments: Assignment[] = [];
    for (const item of seqItems(node)) {
      const map = asMap(item);
      const span = map && spanOf(map);
      if (!map || !span) continue;
      const person = this.reference(field(map, 'person'), 'person', 'assignment');
      if (!person) continue;
      const loadText = stringValue(field(map, 'load'));
      const load = loadText && parseQuantity(loadText.value);
      assignments.push({ person, load: load && loadText ? { value: load, span: loadText.span } : undefined, span });
    }
    return assignments;
  }

  private readRisk(node: unknown): Risk | undefined {
    const map = asMap(node);
    const span = map && spanOf(map);
    if (!map || !span) return undefined;
    return {
      id: idValue(field(map, 'id')),
      span,
      title: textValue(field(map, 'title')),
      description: textValue(field(map, 'description')),
      likelihood: enumValue(field(map, 'likelihood'), LEVELS),
      impact: enumValue(field(map, 'impact'), LEVELS),
      mitigation: textValue(field(map, 'mitigation')),
      owner: this.reference(field(map, 'owner'), 'person', 'owner'),
    };
  }

  private readCommunication(node: unknown): Communication | undefined {
    const map = asMap(node);
    const span = map && spanOf(map);
    if (!map || !span) return undefined;
    return {
      id: idValue(field(map, 'id')),
      span,
      audience: textValue(field(map, 'audience')),
      purpose: textValue(field(map, 'purpose')),
      channel: textValue(field(map, 'channel')),
      frequency: textValue(field(map, 'frequency')),
      owner: this.reference(field(map, 'owner'), 'person', 'owner'),
    };
  }

  private readRuleSettings(map: YAMLMap | undefined): RuleSettingEntry[] {
    if (!map) return [];
    const settings: RuleSettingEntry[] = [];
    for (const pair of map.items) {
      const rule = stringValue(pair.key);
      if (!rule) continue;
      const severityText = stringValue(pair.value);
      const severity =
        severityText && (SEVERITY_SETTINGS as readonly string[]).includes(severityText.value)
          ? { value: severityText.value as SeveritySetting, span: severityText.span }
          : undefined;
      settings.push({ rule, severity });
    }
    return settings;
  }

  private reference(node: unknown, namespace: Namespace, role: ReferenceRole): Reference | undefined {
    const id = idValue(node);
    return id ? this.record({ id: id.value, span: id.span, namespace, role }) : undefined;
  }

  private record(reference: Reference): Reference {
    this.references.push(reference);
    return reference;
  }
}

const LEVELS: readonly Level[] = ['low', 'medium', 'high'];
const STATUSES = ['planned', 'in-progress', 'done', 'blocked'] as const;

/** The valid weekdays of a `workdays` list, without repeats; undefined when none is valid. */
function readWeekdays(node: unknown): Spanned<readonly Weekday[]> | undefined {
  const seq = asSeq(node);
  const span = seq && spanOf(seq);
  if (!seq || !span) return undefined;
  const days = seq.items.map((item) => stringValue(item)?.value).filter((day): day is Weekday => !!day && isWeekday(day));
  return days.length > 0 ? { value: [...new Set(days)], span } : undefined;
}

/** Leaves with real dates in order (`from` on or before `to`); the `schema` rule reports the rest. */
function readLeave(node: unknown): Leave[] {
  const leave: Leave[] = [];
  for (const item of seqItems(node)) {
    const map = asMap(item);
    const span = map && spanOf(map);
    const from = map && dateValue(field(map, 'from'));
    const to = map && dateValue(field(map, 'to'));
    if (!span || !from || !to || to.value < from.value) continue;
    leave.push({ from, to, note: textValue(field(map, 'note'))?.value, span });
  }
  return leave;
}

function readCalendar(map: YAMLMap | undefined): Calendar {
  const workdays = readWeekdays(field(map, 'workdays'))?.value ?? [];
  const hours = numberValue(field(map, 'hours_per_day'));
  const holidays: Holiday[] = [];
  // At most MAX_HOLIDAYS are read (the `limits` rule reports the rest).
  for (const item of seqItems(field(map, 'holidays')).slice(0, MAX_HOLIDAYS)) {
    const itemMap = asMap(item);
    const date = dateValue(itemMap ? field(itemMap, 'date') : item);
    const span = itemSpanOf(item);
    if (!date || !span) continue;
    const name = itemMap ? textValue(field(itemMap, 'name'))?.value : undefined;
    holidays.push({ date: date.value, name, span });
  }
  return {
    // An empty or invalid list would make every date unschedulable; the
    // schema rule reports it and the schedule falls back to the default.
    workdays: workdays.length > 0 ? [...new Set(workdays)] : DEFAULT_WORKDAYS,
    hoursPerDay: hours && hours.value > 0 && hours.value <= 24 ? hours.value : DEFAULT_HOURS_PER_DAY,
    holidays,
    country: textValue(field(map, 'country')),
    region: textValue(field(map, 'region')),
    span: map ? spanOf(map) : undefined,
  };
}

/** The `baseline:` block; entries keyed by something other than an id are left to the `schema` rule. */
function readBaseline(baselineEntry: MapEntry | undefined): Baseline | undefined {
  const keyNodeSpan = baselineEntry && spanOf(baselineEntry.keyNode);
  if (!baselineEntry || !keyNodeSpan) return undefined;
  const map = asMap(baselineEntry.value);
  const tasks: BaselineEntry[] = [];
  const tasksMap = asMap(field(map, 'tasks'));
  for (const taskEntry of tasksMap ? mapEntries(tasksMap) : []) {
    const id = idValue(taskEntry.keyNode);
    const keyStart = spanOf(taskEntry.keyNode);
    if (!id || !keyStart) continue;
    const valueMap = asMap(taskEntry.value);
    const valueSpan = valueMap ? spanOf(valueMap) : undefined;
    tasks.push({
      id,
      start: dateValue(field(valueMap, 'start')),
      finish: dateValue(field(valueMap, 'finish')),
      span: { start: keyStart.start, end: valueSpan?.end ?? keyStart.end },
    });
  }
  const thresholdText = stringValue(field(map, 'slip_threshold'));
  const threshold = thresholdText && parseDuration(thresholdText.value);
  return {
    date: dateValue(field(map, 'date')),
    finish: dateValue(field(map, 'finish')),
    slipThreshold: threshold && thresholdText ? { value: threshold, span: thresholdText.span } : undefined,
    tasks,
    span: (map && spanOf(map)) ?? keyNodeSpan,
    keySpan: keyNodeSpan,
  };
}

function readBudget(map: YAMLMap | undefined): Budget | undefined {
  const span = map && spanOf(map);
  if (!map || !span) return undefined;
  const contingencyText = stringValue(field(map, 'contingency'));
  const contingency = contingencyText && parsePercent(contingencyText.value);
  const lines: BudgetLine[] = [];
  for (const item of seqItems(field(map, 'lines'))) {
    const lineMap = asMap(item);
    const lineSpan = lineMap && spanOf(lineMap);
    if (!lineMap || !lineSpan) continue;
    lines.push({
      category: textValue(field(lineMap, 'category')),
      amount: numberValue(field(lineMap, 'amount')),
      span: lineSpan,
    });
  }
  return {
    currency: textValue(field(map, 'currency')),
    total: numberValue(field(map, 'total')),
    contingency:
      contingency !== undefined && contingencyText ? { value: contingency, span: contingencyText.span } : undefined,
    lines,
    span,
  };
}

function seqItems(node: unknown): unknown[] {
  return asSeq(node)?.items ?? [];
}

function itemSpanOf(node: unknown): Span | undefined {
  const map = asMap(node);
  if (map) return spanOf(map);
  const text = stringValue(node);
  return text?.span;
}

function idValue(node: unknown): Spanned<string> | undefined {
  const text = stringValue(node);
  return text && text.value.length > 0 ? text : undefined;
}

function dateValue(node: unknown): Spanned<string> | undefined {
  const text = stringValue(node);
  return text && isPlanDate(text.value) ? text : undefined;
}

/** `progress: 60%` as 60; undefined for a number (`0.6`) or over 100% (the `schema` rule reports both). */
function progressValue(node: unknown): Spanned<number> | undefined {
  const text = stringValue(node);
  const percent = text && parsePercent(text.value);
  return text && percent !== undefined && percent <= 100 ? { value: percent, span: text.span } : undefined;
}

function enumValue<T extends string>(node: unknown, values: readonly T[]): Spanned<T> | undefined {
  const text = stringValue(node);
  if (!text) return undefined;
  const match = values.find((value) => value === text.value);
  return match ? { value: match, span: text.span } : undefined;
}

function isTaskKind(text: string): text is TaskKind {
  return (TASK_KINDS as readonly string[]).includes(text);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
