import { taskMap } from '../practice-fixes.js';
import { setMapValue } from '../../edits/text-edits.js';
import { placeholder } from '../../yaml/snippet-syntax.js';
import { findingData, type FixProvider, type QuickFix } from '../fix-provider.js';

/** Placeholder text: says what to write and keeps the plan valid until then. */
export const ROLLBACK_PLACEHOLDER = 'TODO describe how to return to the legacy system if the cutover fails';

/** Adds `rollback:` to the go-live with a placeholder (a snippet tab stop where the client takes snippets). */
export const goLiveWithoutRollbackFix: FixProvider = {
  rule: 'go-live-without-rollback',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'go-live-without-rollback');
    const map = data && taskMap(context, data.taskIndex);
    if (!data || !map) return [];
    const edit = setMapValue(context.parsed.text, map, 'rollback', ROLLBACK_PLACEHOLDER, placeholder(1, ROLLBACK_PLACEHOLDER));
    return edit ? [{ title: `Add a rollback plan to '${data.taskId}'`, edits: [edit], isPreferred: true, isSnippet: true }] : [];
  },
};
