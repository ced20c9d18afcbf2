import { isMap, type YAMLMap } from 'yaml';
import type { TaskKind } from '../model/types.js';
import type { MissingPredecessorData, MissingSuccessorData } from './practice-finding-data.js';
import type { Finding, RuleContext } from './types.js';
import { mapAtSpan, seqItemAtSpan } from '../yaml/node-at-span.js';
import { TASK_TEMPLATES, flowIdList, freeWorkId, newTaskEntries } from './new-task.js';
import { appendToList, insertMappingItem } from '../edits/text-edits.js';
import { scalarText } from '../yaml/scalar-text.js';
import { findingData, type FixProvider, type QuickFix } from './fix-provider.js';

/**
 * The fixes the practice rules share: wait for an existing task of the
 * needed kind, make one wait for the subject, or insert a new task of that
 * kind next to the subject (from the seed-based templates in new-task.ts).
 */

/** The mapping of `model.tasks[taskIndex]`. */
export function taskMap(context: RuleContext, taskIndex: number): YAMLMap | undefined {
  const task = context.model.tasks[taskIndex];
  return task ? mapAtSpan(context.parsed.doc, task.span) : undefined;
}

/** The index of the task an id names (the first declaration), if it names a task. */
export function taskIndexOf(context: RuleContext, id: string): number | undefined {
  const declaration = context.symbols.lookup('work', id);
  return declaration?.kind === 'task' ? declaration.index : undefined;
}

/** Adds `ids` to the task's `depends_on`. */
export function addDependenciesFix(
  context: RuleContext,
  taskIndex: number,
  ids: readonly string[],
  title: string,
  isPreferred = false,
): QuickFix | undefined {
  const map = taskMap(context, taskIndex);
  const edit = map && appendToList(context.parsed.text, map, 'depends_on', ids.map(scalarText));
  return edit ? { title, edits: [edit], ...(isPreferred ? { isPreferred } : {}) } : undefined;
}

/**
 * Inserts a new task of `kind` right before the subject in its phase, waiting
 * for what the subject waits for (so it lands in the same place of the
 * schedule), and adds it to the subject's `depends_on`.
 */
export function insertTaskBeforeFix(context: RuleContext, subjectIndex: number, kind: TaskKind): QuickFix | undefined {
  const template = TASK_TEMPLATES[kind];
  const subject = context.model.tasks[subjectIndex];
  const subjectId = subject?.id?.value;
  if (!template || !subject || subjectId === undefined) return undefined;
  const text = context.parsed.text;
  const item = seqItemAtSpan(context.parsed.doc, subject.span);
  if (!item || !isMap(item.node)) return undefined;
  const id = freeWorkId(context, template.id);
  // A dependency on the new task's own phase would be a cycle.
  const ownPhase = context.model.phases[subject.phaseIndex]?.id?.value;
  const waitsFor = [...new Set(subject.dependsOn.map((dependency) => dependency.target.id))].filter((target) => target !== ownPhase);
  const entries = newTaskEntries(context, kind, template, id, subject.phaseIndex, waitsFor.length > 0 ? flowIdList(waitsFor) : undefined);
  const insert = insertMappingItem(text, item.seq, item.index, 'before', entries);
  const dependency = appendToList(text, item.node, 'depends_on', [scalarText(id)]);
  if (!insert || !dependency) return undefined;
  return { title: `Insert a ${template.label} task before '${subjectId}'`, edits: [insert, dependency] };
}

/** Inserts a new task of `kind` right after the subject in its phase, depending on it. */
export function insertTaskAfterFix(context: RuleContext, subjectIndex: number, kind: TaskKind): QuickFix | undefined {
  const template = TASK_TEMPLATES[kind];
  const subject = context.model.tasks[subjectIndex];
  const subjectId = subject?.id?.value;
  if (!template || !subject || subjectId === undefined) return undefined;
  const item = seqItemAtSpan(context.parsed.doc, subject.span);
  if (!item) return undefined;
  const id = freeWorkId(context, template.id);
  const dependsOn = template.lag
    ? `[{task: ${scalarText(subjectId)}, lag: ${template.lag}}]`
    : flowIdList([subjectId]);
  const entries = newTaskEntries(context, kind, template, id, subject.phaseIndex, dependsOn);
  const insert = insertMappingItem(context.parsed.text, item.seq, item.index, 'after', entries);
  return insert ? { title: `Insert a ${template.label} task after '${subjectId}'`, edits: [insert] } : undefined;
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined;
}

type CandidateData = MissingPredecessorData | MissingSuccessorData;

/**
 * A missing-predecessor or missing-successor rule's fixes: one link per
 * existing task of the needed kind (preferred when there is only one), then
 * the insertion of a new task of that kind.
 */
function candidateFixProvider<D extends CandidateData>(
  rule: D['rule'],
  dataOf: (finding: Finding) => D | undefined,
  linkFix: (context: RuleContext, data: D, candidate: string, single: boolean) => QuickFix | undefined,
  insertFix: (context: RuleContext, data: D) => QuickFix | undefined,
): FixProvider {
  return {
    rule,
    provideFixes(finding: Finding, context: RuleContext): QuickFix[] {
      const data = dataOf(finding);
      if (!data) return [];
      const single = data.candidates.length === 1;
      return [...data.candidates.map((candidate) => linkFix(context, data, candidate, single)), insertFix(context, data)].filter(present);
    },
  };
}

/**
 * "Add a dependency on '<candidate>'" for each existing task of the needed
 * kind, and "Insert a <kind> task before '<subject>'".
 */
export function missingPredecessorFixProvider(rule: MissingPredecessorData['rule']): FixProvider {
  return candidateFixProvider(
    rule,
    (finding) => findingData(finding, rule),
    (context, data, candidate, single) => addDependenciesFix(context, data.taskIndex, [candidate], `Add a dependency on '${candidate}'`, single),
    (context, data) => insertTaskBeforeFix(context, data.taskIndex, data.neededKind),
  );
}

/**
 * "Make '<candidate>' depend on '<subject>'" for each existing task of the
 * needed kind, and "Insert a <kind> task after '<subject>'".
 */
export function missingSuccessorFixProvider(rule: MissingSuccessorData['rule']): FixProvider {
  return candidateFixProvider(
    rule,
    (finding) => findingData(finding, rule),
    (context, data, candidate, single) => {
      const candidateIndex = taskIndexOf(context, candidate);
      return candidateIndex === undefined
        ? undefined
        : addDependenciesFix(context, candidateIndex, [data.taskId], `Make '${candidate}' depend on '${data.taskId}'`, single);
    },
    (context, data) => insertTaskAfterFix(context, data.taskIndex, data.neededKind),
  );
}
