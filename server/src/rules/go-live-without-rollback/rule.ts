import type { Document } from 'yaml';
import type { Span } from '../../model/types.js';
import { asMap, asScalar, asSeq, entry, field } from '../../model/yaml-nodes.js';
import { practiceFacts } from '../practice-support.js';
import type { Finding, Rule } from '../types.js';

/**
 * Seed 001, "Go-Live Process: Data Cutover and System Testing": "The
 * cutover process needs a well-defined rollback plan in case of major
 * issues." The plan is written in the go-live task's own `rollback`.
 */
export const goLiveWithoutRollbackRule: Rule<'go-live-without-rollback'> = {
  name: 'go-live-without-rollback',
  defaultSeverity: 'info',
  summary: 'a go-live task has no `rollback`',
  *check(context): Iterable<Finding> {
    const facts = practiceFacts(context);
    for (const goLive of facts.tasksOfKind('go-live')) {
      const task = facts.model.tasks[goLive];
      const goLiveId = task?.id?.value;
      const span = facts.findingSpan(goLive);
      if (!task || goLiveId === undefined || !span) continue;
      const hasRollback =
        task.rollback !== undefined ? task.rollback.value.trim() !== '' : writesRollback(context.parsed.doc, task.span);
      if (hasRollback) continue;
      yield {
        rule: 'go-live-without-rollback',
        message: `Go-live '${goLiveId}' has no rollback plan: add \`rollback:\` saying how to return to the legacy system if the cutover fails.`,
        span,
        data: { rule: 'go-live-without-rollback', taskId: goLiveId, taskIndex: goLive },
      };
    }
  },
};

/**
 * The model keeps only a text `rollback`. A list of steps or a mapping is a
 * `schema` error but still a rollback plan: do not also call it missing.
 * An empty `rollback:` is no plan.
 */
function writesRollback(doc: Document.Parsed, taskSpan: Span): boolean {
  const value = rollbackValues(doc).get(taskSpan.start);
  if (value === undefined || value === null) return false;
  const scalar = asScalar(value);
  return !scalar || (scalar.value !== null && String(scalar.value).trim() !== '');
}

const ROLLBACKS_BY_DOCUMENT = new WeakMap<Document.Parsed, Map<number, unknown>>();

/** The `rollback` value node of every task mapping that has the key, by the mapping's start offset. */
function rollbackValues(doc: Document.Parsed): Map<number, unknown> {
  let values = ROLLBACKS_BY_DOCUMENT.get(doc);
  if (values) return values;
  values = new Map();
  for (const phase of asSeq(field(asMap(doc.contents), 'phases'))?.items ?? []) {
    for (const item of asSeq(field(asMap(phase), 'tasks'))?.items ?? []) {
      const task = asMap(item);
      const rollback = entry(task, 'rollback');
      const start = task?.range?.[0];
      if (rollback && start !== undefined) values.set(start, rollback.value);
    }
  }
  ROLLBACKS_BY_DOCUMENT.set(doc, values);
  return values;
}
