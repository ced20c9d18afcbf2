import { isMap, isScalar } from 'yaml';
import type { ParsedDocument } from '../parse/parse-plan-text.js';
import { contentEnd, pairSpan } from '../parse/syntax-nodes.js';
import type { PlanModel } from '../model/types.js';
import type { Schedule } from '../schedule/compute-schedule.js';
import { lineBreak, lineEnd } from '../yaml/lines.js';
import { scalarText } from '../yaml/scalar-text.js';
import { detectIndentStyle } from '../yaml/indent-style.js';
import type { FixEdit } from '../edits/types.js';

/** What setting the baseline wrote: the edit and the figures of its one-line summary. */
export interface BaselineEdit {
  readonly edit: FixEdit;
  readonly date: string;
  readonly finish?: string;
  readonly tasks: number;
  readonly milestones: number;
  /** True when an existing `baseline:` block was replaced. */
  readonly replaced: boolean;
}

/**
 * The text edit that writes the current computed dates of every scheduled
 * task and milestone into the plan's `baseline:` block
 * (docs/format.md#baseline): the whole `baseline: ...` entry is replaced
 * from its key to the end of its content, or a new block is appended after
 * the line of the plan's last entry. Everything outside that span (comments above the key or
 * after the block, the rest of the plan) stays byte for byte; a
 * `slip_threshold` the block had is written back as it was.
 *
 * One task per line in flow form, in plan order, so re-baselining shows in a
 * pull request as one changed line per moved task.
 */
export function baselineEdit(parsed: ParsedDocument, model: PlanModel, schedule: Schedule, date: string): BaselineEdit | undefined {
  const text = parsed.text;
  const root = parsed.doc.contents;
  if (!isMap(root) || root.flow) return undefined;
  const newline = lineBreak(text);
  const indent = ' '.repeat(detectIndentStyle(root, text).unit);
  const lines = ['baseline:', `${indent}date: ${date}`];
  if (schedule.finish) lines.push(`${indent}finish: ${schedule.finish}`);
  const thresholdText = model.baseline?.slipThreshold && text.slice(model.baseline.slipThreshold.span.start, model.baseline.slipThreshold.span.end);
  if (thresholdText) lines.push(`${indent}slip_threshold: ${thresholdText}`);
  let tasks = 0;
  let milestones = 0;
  const written = new Set<string>();
  const entries: string[] = [];
  for (const [taskIndex, task] of model.tasks.entries()) {
    const scheduled = schedule.tasks[taskIndex];
    if (!task.id || !scheduled || written.has(task.id.value)) continue;
    written.add(task.id.value);
    if (scheduled.milestone) milestones++;
    else tasks++;
    entries.push(`${indent}${indent}${scalarText(task.id.value)}: {start: ${scheduled.start}, finish: ${scheduled.finish}}`);
  }
  lines.push(entries.length > 0 ? `${indent}tasks:` : `${indent}tasks: {}`, ...entries);
  const block = lines.join(newline);
  const existing = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'baseline');
  const span = existing && pairSpan(text, existing);
  if (span) {
    return { edit: { span, newText: block }, date, finish: schedule.finish, tasks, milestones, replaced: true };
  }
  // Appended after the line where the plan's last entry ends: at the end of
  // the file, unless a document end marker (`...`) or comments follow it,
  // which stay after the new block. A last line without a line break gets one.
  const lastLineEnd = lineEnd(text, contentEnd(text, root));
  const breakLength = text.startsWith('\r\n', lastLineEnd) ? 2 : text[lastLineEnd] === '\n' ? 1 : 0;
  const at = lastLineEnd + breakLength;
  const separator = breakLength === 0 && at > 0 ? newline : '';
  return {
    edit: { span: { start: at, end: at }, newText: `${separator}${block}${newline}` },
    date,
    finish: schedule.finish,
    tasks,
    milestones,
    replaced: false,
  };
}

/** `Baseline set on 2027-01-04: 12 tasks and 3 milestones, finish 2027-07-29.` */
export function describeBaselineEdit(edit: BaselineEdit): string {
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `Baseline ${edit.replaced ? 'replaced' : 'set'} on ${edit.date}: ${count(edit.tasks, 'task')} and ` +
    `${count(edit.milestones, 'milestone')}${edit.finish ? `, finish ${edit.finish}` : ''}.`
  );
}
