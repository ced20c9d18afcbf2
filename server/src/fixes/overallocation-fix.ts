import { isScalar } from 'yaml';
import { mapAtSpan, pairOf } from './fix-nodes.js';
import { describePerson, personName } from './fix-titles.js';
import { addDependenciesFix } from './practice-fixes.js';
import { replaceScalar, setMapValue } from './text-edits.js';
import { findingData, type FixProvider, type QuickFix } from './types.js';

/**
 * The three ways out of an overallocation, each only where the finding's
 * data says it removes the finding: make the task wait for one of the
 * overlapping tasks (`resolvingWaits`: the rule rescheduled it and checked
 * that nobody is overloaded anew), lower this assignment's load to the
 * largest that fits (`fittingLoad`, in the unit the author wrote), or hand
 * the assignment to someone free on every day of the task (`freePeople`).
 * None is preferred: which one is right is a planning decision.
 */
export const overallocationFix: FixProvider = {
  rule: 'overallocation',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'overallocation');
    if (!data) return [];
    const text = context.parsed.text;
    const task = data.taskId !== undefined ? `'${data.taskId}'` : 'this task';
    const fixes: QuickFix[] = [];

    for (const candidate of data.resolvingWaits ?? []) {
      const fix = addDependenciesFix(context, data.taskIndex, [candidate], `Make ${task} wait for '${candidate}'`);
      if (fix) fixes.push(fix);
    }

    const assignment = mapAtSpan(context.parsed.doc, data.assignmentSpan);
    if (!assignment) return fixes;
    if (data.fittingLoad) {
      // Replaces the written load (keeping its quotes), or adds `load:` where none is written (100%).
      const edit = setMapValue(text, assignment, 'load', data.fittingLoad.text);
      const name = personName(context, data.personId) ?? data.personId;
      if (edit) fixes.push({ title: `Lower ${name}'s load on ${task} to ${data.fittingLoad.text}`, edits: [edit] });
    }
    const person = pairOf(assignment, 'person')?.value;
    if (isScalar(person)) {
      for (const id of data.freePeople ?? []) {
        const edit = replaceScalar(text, person, id);
        if (edit) fixes.push({ title: `Reassign ${task} to ${describePerson(context, id)}`, edits: [edit] });
      }
    }
    return fixes;
  },
};
