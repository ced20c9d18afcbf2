import { isIsoDate } from '../model/values.js';
import type { Timeline, TimelinePhase, TimelineTask } from './timeline-types.js';

/**
 * The Mermaid `gantt` text of a timeline. Every bar has explicit computed
 * dates (Mermaid's own `after`/duration arithmetic is never used), so what
 * Mermaid draws is the crmplan schedule, exact to the day.
 *
 * Mermaid facts this relies on (Mermaid 12, checked by rendering, see
 * test/e2e/mermaid/render-check.mjs):
 * - With `inclusiveEndDates`, an explicit end date is the last day of the
 *   bar; an explicit end date is never moved by `excludes`. So a task line
 *   `label :t3, START, FINISH` draws START..FINISH inclusive, weekends and
 *   holidays inside the bar included (drawn shaded by `excludes`).
 * - `milestone` with `0d` draws a diamond at the start of its date.
 * - `todayMarker` always draws at the browser's clock, which would make the
 *   chart depend on when it is rendered; it is always `off`, and the
 *   `today` option is drawn as a `vert` marker at that date instead.
 * - Task ids (`t3`) become the SVG ids of the bars (`<svg id>-t3`): that is
 *   how the preview maps a click back to a task.
 */
export interface GanttOptions {
  /** phase keys drawn as one summary bar */
  readonly collapsedPhaseKeys?: ReadonlySet<string>;
  /** task keys marked as changed (diff) */
  readonly highlightedTaskKeys?: ReadonlySet<string>;
  /**
   * When set, only these tasks get a bar of their own (`crmplan diff`: the
   * changed tasks). A phase with none of them is one summary bar, as if
   * collapsed; a phase with some of them is its summary bar, saying how many
   * tasks are not shown, followed by those tasks. Unset: every task is drawn.
   */
  readonly focusTaskKeys?: ReadonlySet<string>;
  /**
   * Under each task whose `baseline:` dates differ from its current ones, a
   * grey (`done`) row from the baselined start to the baselined finish,
   * labelled `NAME (baseline)`, keyed `b<task index>` (`crmplan gantt --baseline`).
   */
  readonly baselineRows?: boolean;
  /** ISO date for Mermaid's today marker; omitted = no today line */
  readonly today?: string;
}

/** What a highlighted (changed) task's label starts with. A marker, not a tag, so `done`/`active` keep their meaning. */
export const HIGHLIGHT_MARKER = '\u2731 ';

/** Labels longer than this (in code points) are cut with an ellipsis so that a bar's text stays readable. */
export const MAX_LABEL_LENGTH = 120;

const WEEKDAY_NAME = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/;

/** The key of the today marker (never a task key: those are `t<n>`). */
const TODAY_KEY = 'today';

/**
 * Characters written as Mermaid entity codes (`#58;`). Mermaid turns
 * `#<digits>;` into a placeholder before parsing and into the HTML entity
 * `&#58;` in the SVG it returns, so the character is shown but is never
 * seen by the gantt grammar nor parsed as markup:
 * - `:` ends a task label, `#` and `;` end a task's data, `%` starts a
 *   comment (and `%%{` a directive, which Mermaid looks for anywhere in the
 *   text), `{`/`}` open and close directives;
 * - `<`, `>`, `&`, quotes and backticks so that nothing could ever be read
 *   as HTML or as a string, should a Mermaid version render labels as HTML;
 * - `ﬂ` (U+FB02) and `¶` (U+00B6) start Mermaid's own entity placeholders
 *   (`ﬂ°°58¶ß`): written raw they would turn into `&#` and `;` in the SVG.
 */
const ENTITY_CHARACTERS = new Set([':', '#', ';', '%', '{', '}', '<', '>', '&', '"', "'", '`', '\uFB02', '\u00B6']);

/**
 * Words that start a statement in Mermaid's gantt grammar (and a date,
 * which starts a task's data). A label starting with one of them has its
 * first character written as an entity code, so the line stays a task line.
 * Matched as prefixes, case-insensitively: a few harmless labels get one
 * entity more than they need, none gets one too few.
 */
const LEADING_KEYWORD =
  /^(?:acc|axisformat|call|click|dateformat|excludes|gantt|href|includes|inclusiveenddates|section|tickinterval|title|todaymarker|topaxis|weekday|weekend|\d)/i;

/**
 * Plan text made inert for a Mermaid gantt line and for HTML: one line,
 * no character the gantt grammar or an HTML parser could act on, readable
 * once rendered. Line breaks, tabs and other control characters become
 * spaces; runs of spaces become one; see ENTITY_CHARACTERS and
 * LEADING_KEYWORD for what is written as `#<code>;`. Never empty.
 */
export function escapeMermaidText(text: string): string {
  // C0 and C1 controls (newline, CR, tab, ...), DEL and the Unicode line and paragraph separators.
  const oneLine = text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (oneLine === '') return '(no name)';
  let escaped = '';
  for (const character of oneLine) {
    escaped += ENTITY_CHARACTERS.has(character) ? entityCode(character) : character;
  }
  if (LEADING_KEYWORD.test(escaped)) {
    const first = String.fromCodePoint(escaped.codePointAt(0)!);
    escaped = entityCode(first) + escaped.slice(first.length);
  }
  return escaped;
}

function entityCode(character: string): string {
  return `#${character.codePointAt(0)!};`;
}

/** A label cut to MAX_LABEL_LENGTH code points (never inside a surrogate pair), then escaped. */
function labelText(text: string): string {
  const codePoints = Array.from(text.trim());
  const shortened = codePoints.length > MAX_LABEL_LENGTH ? `${codePoints.slice(0, MAX_LABEL_LENGTH - 1).join('').trimEnd()}\u2026` : text;
  return escapeMermaidText(shortened);
}

/**
 * The phases to draw collapsed when a plan has more than `maxTasks` tasks
 * (the preview's `crmplan.preview.collapsePhasesOver`, `crmplan gantt
 * --collapse-over`): all of them, or none.
 */
export function phaseKeysToCollapse(timeline: Timeline, maxTasks: number): Set<string> {
  return timeline.tasks.length > maxTasks ? new Set(timeline.phases.map((phase) => phase.key)) : new Set();
}

export function ganttMermaid(timeline: Timeline, options: GanttOptions = {}): string {
  const collapsed = options.collapsedPhaseKeys ?? new Set<string>();
  const highlighted = options.highlightedTaskKeys ?? new Set<string>();
  const focus = options.focusTaskKeys;
  const lines = ['gantt', 'dateFormat YYYY-MM-DD', 'inclusiveEndDates', `title ${labelText(timeline.title ?? 'Untitled plan')}`];
  // The timeline may have crossed a postMessage: only weekday names and real dates reach the text.
  const excludes = [...timeline.weekends.filter((name) => WEEKDAY_NAME.test(name)), ...timeline.holidays.filter(isIsoDate)];
  if (excludes.length > 0) lines.push(`excludes ${excludes.join(', ')}`);
  lines.push('todayMarker off');

  const tasksByKey = new Map(timeline.tasks.map((task) => [task.key, task]));
  const sectionNames = new Set<string>();
  let undated = 0;
  let drawn = 0;
  for (const phase of timeline.phases) {
    const tasks = phase.taskKeys.flatMap((key) => tasksByKey.get(key) ?? []);
    const dated = tasks.filter(hasDates);
    undated += tasks.length - dated.length;
    if (dated.length === 0) continue;
    lines.push(`section ${uniqueSectionName(labelText(phase.label), sectionNames)}`);
    const focused = focus ? dated.filter((task) => focus.has(task.key)) : dated;
    if (collapsed.has(phase.key) || focused.length === 0) {
      lines.push(summaryLine(phase, dated, dated.some((task) => highlighted.has(task.key))));
      drawn++;
      continue;
    }
    const hidden = dated.length - focused.length;
    // The phase's own bar keeps its extent in view when some of its tasks are left out.
    if (hidden > 0) lines.push(summaryLine(phase, dated, false, `${hidden} not shown`));
    for (const task of focused) {
      lines.push(taskLine(task, highlighted.has(task.key)));
      const ghost = options.baselineRows ? baselineLine(task) : undefined;
      if (ghost !== undefined) lines.push(ghost);
    }
    drawn += focused.length + (hidden > 0 ? 1 : 0);
  }
  if (undated > 0) {
    lines.push(`%% ${undated} task${undated === 1 ? '' : 's'} without dates (on a dependency cycle) left out`);
  }
  if (drawn === 0) {
    lines.push('%% no task has dates: nothing to draw');
  } else if (options.today !== undefined && withinPlan(options.today, timeline)) {
    // A `vert` marker belongs to the section above it; it is drawn across the whole chart all the same.
    lines.push(`Today :vert, ${TODAY_KEY}, ${options.today}, 0d`);
  }
  return `${lines.join('\n')}\n`;
}

type DatedTask = TimelineTask & { readonly start: string; readonly finish: string };

function hasDates(task: TimelineTask): task is DatedTask {
  return task.start !== null && task.finish !== null;
}

/** `label :tags, key, START, FINISH` (inclusive), or `label :milestone, tags, key, DATE, 0d`. */
function taskLine(task: DatedTask, isHighlighted: boolean): string {
  const tags: string[] = [];
  if (task.status === 'done') tags.push('done');
  if (task.status === 'in-progress') tags.push('active');
  if (task.critical) tags.push('crit');
  if (task.milestone) tags.push('milestone');
  const label = labelText(task.label);
  return barLine(isHighlighted ? HIGHLIGHT_MARKER + label : label, tags, task.key, task.start, task.milestone ? '0d' : task.finish);
}

/**
 * The task's baselined dates as a grey row, when they are dates (the
 * timeline may have crossed a postMessage) and differ from its current ones.
 */
function baselineLine(task: DatedTask): string | undefined {
  const { baselineStart: start, baselineFinish: finish } = task;
  if (start === undefined || finish === undefined || !isIsoDate(start) || !isIsoDate(finish) || finish < start) return undefined;
  if (start === task.start && finish === task.finish) return undefined;
  const key = `b${task.key.slice(1)}`;
  const label = `${labelText(task.label)} (baseline)`;
  return task.milestone ? barLine(label, ['done', 'milestone'], key, finish, '0d') : barLine(label, ['done'], key, start, finish);
}

/**
 * A collapsed phase: one bar from the phase's start to its finish, labelled
 * with its task count (and `note`, as in `Build (5 tasks, 3 not shown)`).
 * `done` when every task is done, `active` when some work has started.
 */
function summaryLine(phase: TimelinePhase, dated: readonly DatedTask[], isHighlighted: boolean, note?: string): string {
  const start = phase.start ?? dated.map((task) => task.start).sort()[0]!;
  const finish = phase.finish ?? dated.map((task) => task.finish).sort().at(-1)!;
  const count = phase.taskKeys.length;
  const statuses = dated.map((task) => task.status);
  const tags: string[] = [];
  if (statuses.every((status) => status === 'done')) tags.push('done');
  else if (statuses.some((status) => status === 'done' || status === 'in-progress')) tags.push('active');
  if (phase.critical) tags.push('crit');
  // The count goes after the (possibly shortened) name, so it is always there.
  const label = `${labelText(phase.label)} (${count} task${count === 1 ? '' : 's'}${note === undefined ? '' : `, ${note}`})`;
  return barLine(isHighlighted ? HIGHLIGHT_MARKER + label : label, tags, phase.key, start, finish);
}

function barLine(label: string, tags: readonly string[], key: string, start: string, end: string): string {
  return `${label} :${[...tags, key, start, end].join(', ')}`;
}

/**
 * Mermaid groups bars by section name, so two phases with the same name
 * would be drawn as one section: later ones get ` (2)`, ` (3)`, ...
 */
function uniqueSectionName(name: string, used: Set<string>): string {
  let unique = name;
  for (let suffix = 2; used.has(unique.toLowerCase()); suffix++) unique = `${name} (${suffix})`;
  used.add(unique.toLowerCase());
  return unique;
}

/**
 * A today line outside the plan would stretch the time axis to reach it
 * (a plan for next year would be drawn mostly empty), so it is only drawn
 * between the plan's start and finish.
 */
function withinPlan(today: string, timeline: Timeline): boolean {
  const finish = timeline.finish ?? timeline.start;
  return isIsoDate(today) && today >= timeline.start && today <= finish;
}
