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

/**
 * The item snippets, one list for both audiences: completion writes them
 * with what the plan offers (the owners to choose from, the task above,
 * the objective's likely due) and the file's indentation; the schema's
 * `defaultSnippets` (for editors that complete from the schema alone, such
 * as Red Hat YAML) are written from the same list with fixed inputs
 * (`schemaDefaultSnippets`; a test checks schemas/crmplan.schema.json
 * against it). Tab stops are numbered in field order.
 */
type FieldValue =
  /** A tab stop with a default. */
  | { readonly kind: 'text'; readonly value: string }
  /**
   * An empty tab stop where completion opens again (an id or a date to
   * pick); without a plan (the schema's snippets) the example is the default.
   */
  | { readonly kind: 'pick'; readonly example?: string }
  | { readonly kind: 'choice'; readonly values: readonly string[] }
  /** The owner: a choice of the likeliest people, else a placeholder. */
  | { readonly kind: 'owner' }
  /** The objective's due: `30d after <the last go-live>`, or a date. */
  | { readonly kind: 'due' }
  /** `depends_on: [<the task above>]`. */
  | { readonly kind: 'after-previous' }
  /** Written as it is, no tab stop. */
  | { readonly kind: 'literal'; readonly value: string | boolean }
  /** A nested list with one mapping (a phase's first task). */
  | { readonly kind: 'items'; readonly fields: readonly ItemField[] };

interface ItemField {
  readonly key: string;
  readonly value: FieldValue;
}

interface ItemSnippetSpec {
  readonly label: string;
  readonly detail: string;
  readonly fields: readonly ItemField[];
}

const text = (value: string): FieldValue => ({ kind: 'text', value });
const PICK: FieldValue = { kind: 'pick' };
const pickDate = (example: string): FieldValue => ({ kind: 'pick', example });
const OWNER: FieldValue = { kind: 'owner' };
const field = (key: string, value: FieldValue): ItemField => ({ key, value });

/** Whole items written one key a line, keyed by the schema definition of the list's items. */
const BLOCK_ITEMS: Readonly<Record<string, readonly ItemSnippetSpec[]>> = {
  task: [
    {
      label: 'task',
      detail: 'New task: id, name, kind, owner, duration, depends_on',
      fields: [
        field('id', text('task-id')),
        field('name', text('Task name')),
        field('kind', { kind: 'choice', values: TASK_KINDS }),
        field('owner', OWNER),
        field('duration', text('5d')),
        field('depends_on', { kind: 'after-previous' }),
      ],
    },
    {
      label: 'milestone',
      detail: 'New milestone: id, name, kind, owner, milestone: true, depends_on',
      fields: [
        field('id', text('milestone-id')),
        field('name', text('Milestone name')),
        field('kind', { kind: 'choice', values: ['go-live', ...TASK_KINDS.filter((kind) => kind !== 'go-live')] }),
        field('owner', OWNER),
        field('milestone', { kind: 'literal', value: true }),
        field('depends_on', { kind: 'after-previous' }),
      ],
    },
  ],
  person: [
    {
      label: 'person',
      detail: 'New person: id, name, role, capacity',
      fields: [field('id', text('person-id')), field('name', text('Full name')), field('role', text('Role')), field('capacity', text('100%'))],
    },
  ],
  objective: [
    {
      label: 'SMART objective',
      detail: 'New objective with every SMART field: statement, metric, baseline, target, due, owner',
      fields: [
        field('id', text('objective-id')),
        field('statement', text('What will be achieved, with a number')),
        field('metric', text('How it is measured')),
        field('baseline', text('0%')),
        field('target', text('85%')),
        field('due', { kind: 'due' }),
        field('owner', OWNER),
      ],
    },
  ],
  phase: [
    {
      label: 'phase',
      detail: 'New phase with a first task',
      fields: [
        field('id', text('phase-id')),
        field('name', text('Phase name')),
        field('owner', OWNER),
        field('tasks', { kind: 'items', fields: [field('id', text('task-id')), field('name', text('Task name')), field('duration', text('5d'))] }),
      ],
    },
  ],
  risk: [
    {
      label: 'risk',
      detail: 'New risk: title, likelihood, impact, mitigation, owner',
      fields: [
        field('id', text('risk-id')),
        field('title', text('The risk in a few words')),
        field('likelihood', { kind: 'choice', values: LEVELS }),
        field('impact', { kind: 'choice', values: LEVELS }),
        field('mitigation', text('What makes it less likely or less harmful')),
        field('owner', OWNER),
      ],
    },
  ],
  communication: [
    {
      label: 'communication',
      detail: 'New communication: audience, purpose, channel, frequency, owner',
      fields: [
        field('id', text('communication-id')),
        field('audience', text('Steering committee')),
        field('purpose', text('Status and decisions')),
        field('channel', text('Meeting')),
        field('frequency', text('monthly')),
        field('owner', OWNER),
      ],
    },
  ],
};

/** Small mappings written on one line, as the format's examples write them; `suggest` opens completion at the first tab stop. */
const FLOW_ITEMS: Readonly<Record<string, readonly (ItemSnippetSpec & { readonly suggest: boolean })[]>> = {
  assignment: [{ label: '{person, load}', detail: 'A person and their load', fields: [field('person', PICK), field('load', text('100%'))], suggest: true }],
  dependency: [
    { label: '{task, lag}', detail: 'Finish-to-start with a lag', fields: [field('task', PICK), field('lag', text('1d'))], suggest: true },
    { label: '{task, type: SS}', detail: 'Start-to-start', fields: [field('task', PICK), field('type', { kind: 'literal', value: 'SS' })], suggest: true },
  ],
  holiday: [{ label: '{date, name}', detail: 'A named holiday', fields: [field('date', pickDate('2027-12-24')), field('name', text('Holiday name'))], suggest: true }],
  budgetLine: [
    {
      label: '{category, amount}',
      detail: 'A budget line',
      fields: [field('category', text('Software licensing')), field('amount', text('0'))],
      suggest: false,
    },
  ],
  leave: [
    {
      label: '{from, to, note}',
      detail: 'A leave from a date to a date',
      fields: [field('from', pickDate('2027-05-10')), field('to', pickDate('2027-05-14')), field('note', text('vacation'))],
      suggest: true,
    },
  ],
};

/** What a field's value needs to be written: its first tab stop and the plan's inputs. */
interface FieldWriter {
  readonly inputs: Pick<ItemSnippetInputs, 'owners' | 'previousTask' | 'due'> & { readonly examples?: boolean };
  /** The next tab stop's number. */
  next: number;
}

/** The value of a one-line field in snippet syntax (`${1:task-id}`, `[${6}]`, `true`). */
function fieldText(value: FieldValue, writer: FieldWriter): string {
  switch (value.kind) {
    case 'text':
      return placeholder(writer.next++, value.value);
    case 'pick':
      return writer.inputs.examples && value.example !== undefined ? placeholder(writer.next++, value.example) : `$${writer.next++}`;
    case 'choice':
      return choice(writer.next++, value.values);
    case 'owner': {
      const owners = writer.inputs.owners;
      return owners.length > 0 ? choice(writer.next++, owners) : placeholder(writer.next++, 'owner');
    }
    case 'due':
      return placeholder(writer.next++, writer.inputs.due);
    case 'after-previous':
      return `[${placeholder(writer.next++, writer.inputs.previousTask ?? '')}]`;
    case 'literal':
      return String(value.value);
    case 'items':
      return '';
  }
}

/** The block item snippets for a list, keyed by the schema definition of its items. */
export function blockItemSnippets(definition: string, inputs: ItemSnippetInputs): ItemSnippet[] {
  return (BLOCK_ITEMS[definition] ?? []).map((spec) => {
    const writer: FieldWriter = { inputs, next: 1 };
    const lines: string[] = [];
    for (const { key, value } of spec.fields) {
      if (value.kind !== 'items') {
        lines.push(`${key}: ${fieldText(value, writer)}`);
        continue;
      }
      // The nested list sits where the file puts a list under its key; its keys after its dash.
      const dash = ' '.repeat(inputs.indent.sequenceIndent);
      lines.push(`${key}:`);
      value.fields.forEach((nested, index) => {
        lines.push(`${index === 0 ? `${dash}- ` : `${dash}  `}${nested.key}: ${fieldText(nested.value, writer)}`);
      });
    }
    return { label: spec.label, detail: spec.detail, body: blockLines(inputs.column, lines) };
  });
}

/**
 * One-line items for lists whose items are small mappings; the flow form
 * keeps them on one line as the format's examples write them. `suggest`
 * items open completion again at the first tab stop (an id to pick).
 */
export function flowItemSnippets(definition: string): (ItemSnippet & { suggest: boolean })[] {
  return (FLOW_ITEMS[definition] ?? []).map((spec) => {
    const writer: FieldWriter = { inputs: { owners: [], due: NO_PLAN_INPUTS.due }, next: 1 };
    const body = `{${spec.fields.map(({ key, value }) => `${key}: ${fieldText(value, writer)}`).join(', ')}}`;
    return { label: spec.label, detail: spec.detail, body, suggest: spec.suggest };
  });
}

/** The inputs of a snippet written without a plan: no people yet, no task above, the usual due, examples for dates. */
const NO_PLAN_INPUTS: FieldWriter['inputs'] = { owners: [], due: '30d after go-live', examples: true };

/** A `defaultSnippets` entry of the schema: the item as JSON whose strings carry the snippet syntax. */
export interface SchemaSnippet {
  readonly label: string;
  readonly description: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/**
 * The schema's `defaultSnippets`, by definition, written from the same list
 * as completion's items with no plan at hand (NO_PLAN_INPUTS).
 */
export function schemaDefaultSnippets(): Record<string, SchemaSnippet[]> {
  const result: Record<string, SchemaSnippet[]> = {};
  for (const table of [BLOCK_ITEMS, FLOW_ITEMS]) {
    for (const [definition, specs] of Object.entries(table)) {
      result[definition] = specs.map((spec) => {
        const writer: FieldWriter = { inputs: NO_PLAN_INPUTS, next: 1 };
        return { label: spec.label, description: spec.detail, body: jsonFields(spec.fields, writer) };
      });
    }
  }
  return result;
}

function jsonFields(fields: readonly ItemField[], writer: FieldWriter): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const { key, value } of fields) {
    if (value.kind === 'items') body[key] = [jsonFields(value.fields, writer)];
    else if (value.kind === 'literal') body[key] = value.value;
    else if (value.kind === 'after-previous') body[key] = [placeholder(writer.next++, writer.inputs.previousTask ?? '')];
    else body[key] = fieldText(value, writer);
  }
  return body;
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
