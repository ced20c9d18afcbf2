import { isMap, isScalar } from 'yaml';
import { asMap, field } from '../../model/yaml-nodes.js';
import { removeMapEntry } from '../../edits/text-edits.js';
import type { FixProvider, QuickFix } from '../fix-provider.js';

/**
 * For a `baseline.tasks` entry that names no task (the finding sits on its
 * key): **Remove the baseline entry '<id>'**, the entry's line with its
 * comment. A slip has no quick fix: winning time back is a plan change, and
 * accepting the new dates is `crmplan baseline` / **CRM Plan: Set Baseline**.
 */
export const baselineSlipFix: FixProvider = {
  rule: 'baseline-slip',
  provideFixes(finding, { parsed, model }): QuickFix[] {
    const entry = model.baseline?.tasks.find((task) => task.id.span.start === finding.span.start);
    if (!entry || model.tasks.some((task) => task.id?.value === entry.id.value)) return [];
    const root = parsed.doc.contents;
    const baseline = asMap(field(isMap(root) ? root : undefined, 'baseline'));
    const tasksMap = asMap(field(baseline, 'tasks'));
    const pair = tasksMap?.items.find((item) => isScalar(item.key) && item.key.range?.[0] === entry.id.span.start);
    const edit = tasksMap && pair && removeMapEntry(parsed.text, tasksMap, pair);
    return edit ? [{ title: `Remove the baseline entry '${entry.id.value}'`, edits: [edit], isPreferred: true }] : [];
  },
};
