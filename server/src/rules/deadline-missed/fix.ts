import { taskMap } from '../practice-fixes.js';
import { setMapValue } from '../../edits/text-edits.js';
import { findingData, type FixProvider, type QuickFix } from '../fix-provider.js';

/**
 * Moves `deadline:` to the computed finish. Not preferred: a deadline is
 * usually a promise, and winning time back on the driving chain (which the
 * message names) may be the better fix.
 */
export const deadlineMissedFix: FixProvider = {
  rule: 'deadline-missed',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'deadline-missed');
    const map = data && taskMap(context, data.taskIndex);
    const edit = data && map && setMapValue(context.parsed.text, map, 'deadline', data.finish);
    if (!data || !edit) return [];
    const of = data.taskId !== undefined ? ` of '${data.taskId}'` : '';
    return [{ title: `Move the deadline${of} to ${data.finish}`, edits: [edit] }];
  },
};
