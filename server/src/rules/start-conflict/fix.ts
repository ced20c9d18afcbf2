import { pairOf } from '../../edits/fix-nodes.js';
import { taskMap } from '../practice-fixes.js';
import { removeMapEntry, setMapValue } from '../../edits/text-edits.js';
import { findingData, type FixProvider, type QuickFix } from '../fix-provider.js';

/**
 * Makes `start:` agree with the schedule: move it to the computed start
 * (the date the dependencies allow), or remove it and let the dependencies
 * decide. Relaxing the dependency instead is the author's call.
 */
export const startConflictFix: FixProvider = {
  rule: 'start-conflict',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'start-conflict');
    const map = data && taskMap(context, data.taskIndex);
    if (!data || !map) return [];
    const text = context.parsed.text;
    const fixes: QuickFix[] = [];
    const move = setMapValue(text, map, 'start', data.computedStart);
    const of = data.taskId !== undefined ? ` of '${data.taskId}'` : '';
    if (move) fixes.push({ title: `Move the start${of} to ${data.computedStart}`, edits: [move] });
    const pair = pairOf(map, 'start');
    const remove = pair && removeMapEntry(text, map, pair);
    if (remove) fixes.push({ title: 'Remove the start constraint', edits: [remove] });
    return fixes;
  },
};
