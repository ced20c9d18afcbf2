import { TASK_KINDS } from '../../model/types.js';
import { templateName, type PlanTemplate } from '../../shared/plan-templates.js';
import { choice, escapeSnippet, placeholder } from '../../yaml/snippet-syntax.js';
import type { IndentStyle } from '../../yaml/indent-style.js';

/**
 * Snippet text for completion: whole list items (a task, a person, a SMART
 * objective, ...), and the file's indentation style so that the lines of a
 * multi-line snippet line up with what is already written.
 */

/** Joins the lines of a block snippet; every line after the first starts at `column`. */
export function blockLines(column: number, lines: readonly string[]): string {
  return lines.join('\n' + ' '.repeat(column));
}

/** What the item snippets need to know about the plan. */
export interface ItemSnippetInputs {
  /** Person ids to choose an owner from, the likeliest first. */
  readonly owners: readonly string[];
  /** The task just above a new task in its phase: the likeliest predecessor. */
  readonly previousTask?: string;
  /** A sensible `due` for a new objective (`30d after go-live`, a date). */
  readonly due: string;
  readonly indent: IndentStyle;
  /** Column of the item's first key: where every line of the item starts. */
  readonly column: number;
}

const LEVELS = ['low', 'medium', 'high'];

export interface ItemSnippet {
  readonly label: string;
  readonly detail: string;
  readonly body: string;
}

/** The block item snippets for a list, keyed by the schema definition of its items. */
export function blockItemSnippets(definition: string, inputs: ItemSnippetInputs): ItemSnippet[] {
  const { column, owners } = inputs;
  const lines = (list: readonly string[]): string => blockLines(column, list);
  switch (definition) {
    case 'task':
      return [
        {
          label: 'task',
          detail: 'New task: id, name, kind, owner, duration, depends_on',
          body: lines([
            `id: ${placeholder(1, 'task-id')}`,
            `name: ${placeholder(2, 'Task name')}`,
            `kind: ${choice(3, TASK_KINDS)}`,
            `owner: ${owners.length > 0 ? choice(4, owners) : placeholder(4, 'owner')}`,
            `duration: ${placeholder(5, '5d')}`,
            `depends_on: [${placeholder(6, inputs.previousTask ?? '')}]`,
          ]),
        },
        {
          label: 'milestone',
          detail: 'New milestone: id, name, kind, owner, milestone: true, depends_on',
          body: lines([
            `id: ${placeholder(1, 'milestone-id')}`,
            `name: ${placeholder(2, 'Milestone name')}`,
            `kind: ${choice(3, ['go-live', ...TASK_KINDS.filter((kind) => kind !== 'go-live')])}`,
            `owner: ${owners.length > 0 ? choice(4, owners) : placeholder(4, 'owner')}`,
            'milestone: true',
            `depends_on: [${placeholder(5, inputs.previousTask ?? '')}]`,
          ]),
        },
      ];
    case 'person':
      return [
        {
          label: 'person',
          detail: 'New person: id, name, role, capacity',
          body: lines([
            `id: ${placeholder(1, 'person-id')}`,
            `name: ${placeholder(2, 'Full name')}`,
            `role: ${placeholder(3, 'Role')}`,
            `capacity: ${placeholder(4, '100%')}`,
          ]),
        },
      ];
    case 'objective':
      return [
        {
          label: 'SMART objective',
          detail: 'New objective with every SMART field: statement, metric, baseline, target, due, owner',
          body: lines([
            `id: ${placeholder(1, 'objective-id')}`,
            `statement: ${placeholder(2, 'What will be achieved, with a number')}`,
            `metric: ${placeholder(3, 'How it is measured')}`,
            `baseline: ${placeholder(4, '0%')}`,
            `target: ${placeholder(5, '85%')}`,
            `due: ${placeholder(6, inputs.due)}`,
            `owner: ${owners.length > 0 ? choice(7, owners) : placeholder(7, 'owner')}`,
          ]),
        },
      ];
    case 'phase': {
      const taskColumn = inputs.indent.sequenceIndent;
      const taskKeys = ' '.repeat(taskColumn + 2);
      return [
        {
          label: 'phase',
          detail: 'New phase with a first task',
          body: lines([
            `id: ${placeholder(1, 'phase-id')}`,
            `name: ${placeholder(2, 'Phase name')}`,
            `owner: ${owners.length > 0 ? choice(3, owners) : placeholder(3, 'owner')}`,
            'tasks:',
            `${' '.repeat(taskColumn)}- id: ${placeholder(4, 'task-id')}`,
            `${taskKeys}name: ${placeholder(5, 'Task name')}`,
            `${taskKeys}duration: ${placeholder(6, '5d')}`,
          ]),
        },
      ];
    }
    case 'risk':
      return [
        {
          label: 'risk',
          detail: 'New risk: title, likelihood, impact, mitigation, owner',
          body: lines([
            `id: ${placeholder(1, 'risk-id')}`,
            `title: ${placeholder(2, 'The risk in a few words')}`,
            `likelihood: ${choice(3, LEVELS)}`,
            `impact: ${choice(4, LEVELS)}`,
            `mitigation: ${placeholder(5, 'What makes it less likely or less harmful')}`,
            `owner: ${owners.length > 0 ? choice(6, owners) : placeholder(6, 'owner')}`,
          ]),
        },
      ];
    case 'communication':
      return [
        {
          label: 'communication',
          detail: 'New communication: audience, purpose, channel, frequency, owner',
          body: lines([
            `id: ${placeholder(1, 'communication-id')}`,
            `audience: ${placeholder(2, 'Steering committee')}`,
            `purpose: ${placeholder(3, 'Status and decisions')}`,
            `channel: ${placeholder(4, 'Meeting')}`,
            `frequency: ${placeholder(5, 'monthly')}`,
            `owner: ${owners.length > 0 ? choice(6, owners) : placeholder(6, 'owner')}`,
          ]),
        },
      ];
    default:
      return [];
  }
}

/**
 * One-line items for lists whose items are small mappings; the flow form
 * keeps them on one line as the format's examples write them. `suggest`
 * items open completion again at the first tab stop (an id to pick).
 */
export function flowItemSnippets(definition: string): (ItemSnippet & { suggest: boolean })[] {
  switch (definition) {
    case 'assignment':
      return [{ label: '{person, load}', detail: 'A person and their load', body: '{person: $1, load: ${2:100%}}', suggest: true }];
    case 'dependency':
      return [
        { label: '{task, lag}', detail: 'Finish-to-start with a lag', body: '{task: $1, lag: ${2:1d}}', suggest: true },
        { label: '{task, type: SS}', detail: 'Start-to-start', body: '{task: $1, type: SS}', suggest: true },
      ];
    case 'holiday':
      return [{ label: '{date, name}', detail: 'A named holiday', body: '{date: $1, name: ${2:Holiday name}}', suggest: true }];
    case 'budgetLine':
      return [
        {
          label: '{category, amount}',
          detail: 'A budget line',
          body: '{category: ${1:Software licensing}, amount: ${2:0}}',
          suggest: false,
        },
      ];
    default:
      return [];
  }
}

/**
 * A whole plan from a template, as a snippet: tab stops on the plan's name
 * (the template's own) and its start (`start`), everything else as written.
 */
export function templateSnippet(template: PlanTemplate, start: string): string {
  const { text } = template;
  return (
    escapeSnippet(text.slice(0, template.name.start)) +
    placeholder(1, templateName(template)) +
    escapeSnippet(text.slice(template.name.end, template.start.start)) +
    placeholder(2, start) +
    escapeSnippet(text.slice(template.start.end))
  );
}
