import type { ObjectiveField } from './data.js';
import type { RuleContext } from '../types.js';
import { pairOf } from '../../edits/fix-nodes.js';
import { mapAtSpan } from '../../yaml/node-at-span.js';
import { insertMapEntries, joinEdits, setMapValue, type NewEntry } from '../../edits/text-edits.js';
import { scalarText } from '../../yaml/scalar-text.js';
import { placeholder } from '../../yaml/snippet-syntax.js';
import { findingData, type FixEdit, type FixProvider, type QuickFix } from '../fix-provider.js';

/**
 * Placeholders for the SMART fields an objective lacks. Each satisfies its
 * criterion (the statement has enough words and no vague verb, the target
 * has a number and differs from the baseline), so the plan is valid and the
 * finding goes away while `TODO` still says what to write.
 */
const PLACEHOLDERS: Record<Exclude<ObjectiveField, 'due'>, string> = {
  statement: 'TODO say what will change for whom and by how much',
  metric: 'TODO',
  baseline: 'TODO',
  target: 'TODO e.g. 85%',
};

const FIELD_ORDER: readonly ObjectiveField[] = ['statement', 'metric', 'baseline', 'target', 'due'];

/**
 * Inserts the missing SMART fields, as a snippet whose tab stops walk
 * through the placeholders where the client takes snippet edits. Offered
 * only when the objective has no weak field (a vague statement, a target
 * without a number): those need the author's words, and inserting the
 * missing fields alone would leave the finding.
 */
export const objectiveNotSmartFix: FixProvider = {
  rule: 'objective-not-smart',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'objective-not-smart');
    if (!data || data.missingFields.length === 0 || data.weakFields.length > 0) return [];
    const map = mapAtSpan(context.parsed.doc, data.itemSpan);
    if (!map) return [];
    const fields = FIELD_ORDER.filter((field) => data.missingFields.includes(field));
    const text = context.parsed.text;
    // A field written empty (`due:`, `metric: ''`) is filled where it is; the others are added together.
    const edits: FixEdit[] = [];
    const added: NewEntry[] = [];
    for (const [position, field] of fields.entries()) {
      const value = field === 'due' ? dueExample(context) : PLACEHOLDERS[field];
      if (value === undefined) return [];
      const snippetValue = placeholder(position + 1, scalarText(value));
      if (!pairOf(map, field)) {
        added.push({ key: field, value: scalarText(value), snippetValue });
        continue;
      }
      const edit = setMapValue(text, map, field, value, snippetValue);
      if (!edit) return [];
      edits.push(edit);
    }
    const insert = insertMapEntries(text, map, added);
    if (insert) edits.push(insert);
    if (edits.length === 0 || (added.length > 0 && !insert)) return [];
    return [{ title: `Add the missing SMART fields: ${fields.join(', ')}`, edits: joinEdits(edits), isPreferred: true, isSnippet: true }];
  },
};

/**
 * A `due` in this plan's terms: 30 working days after its go-live (or its
 * last task), else the plan's start date as something to move.
 */
function dueExample(context: RuleContext): string | undefined {
  const { model, symbols } = context;
  const addressable = model.tasks.filter((task, index) => {
    const declaration = task.id && symbols.lookup('work', task.id.value);
    return declaration?.kind === 'task' && declaration.index === index;
  });
  const anchor = addressable.find((task) => task.kind === 'go-live') ?? addressable[addressable.length - 1];
  if (anchor?.id) return `30d after ${anchor.id.value}`;
  return model.plan.start?.value;
}
