import { countryNames, regionNames } from '../../schedule/country-holidays.js';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { isScalar } from 'yaml';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Range,
} from 'vscode-languageserver-types';
import type { Declaration } from '../../model/symbols.js';
import type { Dependency } from '../../model/types.js';
import { nodesWaitingFor } from '../../model/reachability.js';
import type { PlanAnalysis } from '../../analysis/analyze-plan.js';
import { spanToRange } from '../diagnostics.js';
import { markdownText } from '../../render/markdown-text.js';
import { fullDate, shortDate, yearOf } from '../../render/schedule-text.js';
import { isEmptyDocument } from '../../parse/syntax-nodes.js';
import { localToday, nextMonday, PLAN_TEMPLATES } from '../../shared/plan-templates.js';
import { pathKey, type CursorContext } from './completion-context.js';
import { locate } from '../locate.js';
import {
  enumValues,
  hasType,
  lastKey,
  propertiesOf,
  childSchema,
  resolveSchema,
  type PathSegment,
  type ResolvedSchema,
} from '../schema-view.js';
import {
  blockItemSnippets,
  blockLines,
  flowItemSnippets,
  templateSnippet,
  type ItemSnippet,
} from './completion-snippets.js';
import { detectIndentStyle, type IndentStyle } from '../../yaml/indent-style.js';
import { lineStart } from '../../yaml/lines.js';
import { choice, placeholder, previewSnippet } from '../../yaml/snippet-syntax.js';
import { valueKindOf, type ValueKindName } from '../../schema/value-kinds.js';

/**
 * Completion for plans: keys from the schema at the cursor's place, whole
 * list items (a task, a person, a SMART objective, ...), and values — person
 * ids, task and phase ids (never the task itself, never one that would close
 * a dependency cycle), task kinds, durations, loads, enum values, rule names
 * and dates. It works on half-typed plans: completion-context.ts finds where
 * the cursor is even when the line is not valid YAML yet.
 *
 * Every item replaces the word being typed (`textEdit` over the word's
 * range). Multi-line items are written with absolute indentation that
 * follows the file's own style, so they carry `insertTextMode: asIs` and
 * the editor must not indent them again.
 */

export interface CompletionOptions {
  /** Today as `YYYY-MM-DD` (tests pass a fixed day); default: the local date. */
  readonly today?: string;
  /** `CompletionContext.triggerCharacter` of the request, if a character triggered it. */
  readonly triggerCharacter?: string;
}

/** Characters after which the editor should ask for completion (`owner: `, `- `, `[`, `{`, `, `). */
export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = [' ', '[', '{', ','];

/** Opens the suggestion list again at the snippet's first tab stop, where a value is to be chosen. */
const SUGGEST_AGAIN: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export function complete(
  analysis: PlanAnalysis,
  document: TextDocument,
  position: Position,
  options: CompletionOptions = {},
): CompletionList {
  const text = analysis.parsed.text;
  const offset = document.offsetAt(position);
  if (options.triggerCharacter === ' ' && !spaceOpensCompletion(text, offset)) return { isIncomplete: false, items: [] };
  const { context, schemaAt } = locate(analysis, offset).typing();
  // The file's indentation is read from the whole document, so only when an
  // item writes nested lines (value completions never do).
  let indent: IndentStyle | undefined;
  const env: Env = {
    analysis,
    context,
    schemaAt,
    offset,
    today: options.today ?? localToday(),
    range: spanToRange(document, context.word),
    get indent(): IndentStyle {
      indent ??= detectIndentStyle(analysis.parsed.doc.contents, analysis.parsed.text);
      return indent;
    },
  };
  return { isIncomplete: false, items: itemsAtPlace(env) };
}

/**
 * The schema node completion works from at `offset`: on a key, the
 * property it offers the word under the cursor from (what keyItems lists);
 * on a value, the value's schema (what valueItems reads). Undefined where
 * completion offers nothing from the schema. The agreement test compares it
 * with what hover describes.
 */
export function offeredSchema(analysis: PlanAnalysis, offset: number): ResolvedSchema | undefined {
  const { context, schema } = locate(analysis, offset).typing();
  const place = context.place;
  if (place.kind === 'value') return schema;
  if (place.kind !== 'key' || !schema || !hasType(schema, 'object')) return undefined;
  const word = analysis.parsed.text.slice(context.word.start, context.word.end);
  return propertiesOf(schema).find((property) => property.name === word)?.schema;
}

/**
 * A typed space asks for completion only where a value or an item starts
 * (`owner: `, `- `, `[a, `, `30d after `); not while indenting or writing
 * text.
 */
function spaceOpensCompletion(text: string, offset: number): boolean {
  const before = text.slice(lineStart(text, offset), offset);
  if (before.trim() === '') return false;
  const trimmed = before.trimEnd();
  return /[:,[{-]$/.test(trimmed) || /(^|\s)after$/.test(trimmed);
}

interface Env {
  readonly analysis: PlanAnalysis;
  readonly context: CursorContext;
  /** The schema at a path, from the one schema view (conditions decided on the analysed document). */
  readonly schemaAt: (path: readonly PathSegment[]) => ResolvedSchema | undefined;
  readonly offset: number;
  readonly today: string;
  readonly range: Range;
  readonly indent: IndentStyle;
}

/** How an item is written at the cursor: after a `- ` it adds when no dash is written yet. */
interface Insertion {
  readonly dash: boolean;
}

const NO_DASH: Insertion = { dash: false };

function itemsAtPlace(env: Env): CompletionItem[] {
  const place = env.context.place;
  switch (place.kind) {
    case 'none':
      return [];
    case 'key': {
      // `people:` then a key-like word on the next line: a list item belongs there.
      const schema = env.schemaAt(place.path);
      if (schema && hasType(schema, 'array') && !place.flow) return listItems(env, place.path, { dash: true }, false, new Set());
      return [...templateItems(env, place.path), ...keyItems(env, place.path, place.present, place.flow, NO_DASH)];
    }
    case 'item':
      return listItems(env, place.path, { dash: !place.dash && !place.flow }, place.flow, new Set(place.siblings));
    case 'value': {
      const schema = env.schemaAt(place.path);
      if (place.nextLine && schema && hasType(schema, 'array')) {
        // `depends_on:` with the cursor on the next line: list items go there.
        return listItems(env, place.path, { dash: true }, false, new Set());
      }
      if (place.nextLine && schema && hasType(schema, 'object') && !hasType(schema, 'string')) {
        return keyItems(env, place.path, new Set(), false, NO_DASH);
      }
      return valueItems(env, place.path, schema, place.prefix, NO_DASH, new Set());
    }
  }
}

/** Column where the text inserted for an item starts (after the `- ` it may add). */
function insertColumn(env: Env, insertion: Insertion): number {
  return env.context.column + (env.context.spaceBefore ? 1 : 0) + (insertion.dash ? 2 : 0);
}

interface ItemFields {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly newText: string;
  readonly snippet?: boolean;
  readonly detail?: string;
  readonly documentation?: string;
  readonly filterText?: string;
  readonly suggestAgain?: boolean;
}

function makeItem(env: Env, insertion: Insertion, fields: ItemFields, order: number): CompletionItem {
  const newText = (env.context.spaceBefore ? ' ' : '') + (insertion.dash ? '- ' : '') + fields.newText;
  const item: CompletionItem = {
    label: fields.label,
    kind: fields.kind,
    textEdit: { range: env.range, newText },
    insertTextFormat: fields.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: String(order).padStart(4, '0'),
  };
  if (newText.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
  if (fields.detail) item.detail = fields.detail;
  if (fields.documentation) item.documentation = { kind: MarkupKind.Markdown, value: fields.documentation };
  if (fields.filterText) item.filterText = fields.filterText;
  if (fields.suggestAgain) item.command = SUGGEST_AGAIN;
  return item;
}

// ---------------------------------------------------------------------------
// Keys

function keyItems(
  env: Env,
  path: readonly PathSegment[],
  present: ReadonlySet<string>,
  flow: boolean,
  insertion: Insertion,
  firstOrder = 100,
): CompletionItem[] {
  const schema = env.schemaAt(path);
  if (!schema || !hasType(schema, 'object')) return [];
  const column = insertColumn(env, insertion);
  return propertiesOf(schema)
    .filter((property) => !present.has(property.name))
    .map((property, index) => {
      const value = env.context.colonAfter ? undefined : valueSnippet(env, property.name, property.schema, column, flow);
      return makeItem(
        env,
        insertion,
        {
          label: property.name,
          kind: CompletionItemKind.Property,
          newText: value ? `${property.name}:${value.text}` : property.name,
          snippet: true,
          detail: typeLabel(property.name, property.schema) + (property.required ? ' (required)' : ''),
          documentation: property.schema.description,
          suggestAgain: value?.suggest,
        },
        firstOrder + index,
      );
    });
}

/** The value part of a key item: ` ${1:1d}`, ` $1` (then suggest), or a nested block on the next line. */
function valueSnippet(env: Env, name: string, schema: ResolvedSchema, column: number, flow: boolean): ValueSnippet {
  const kind = valueKindCompletion(schema, name);
  return kind.snippet?.(schema) ?? shapeSnippet(env, name, schema, column, flow);
}

/** A short type for a key's detail: the value kind's own, else from the schema's titles and type. */
function typeLabel(name: string, schema: ResolvedSchema): string {
  return valueKindCompletion(schema, name).label?.(schema) ?? schemaLabel(schema);
}

/**
 * In an empty file (blanks and comments, or just the word being typed): the
 * plan templates, before the keys. Each writes a whole plan with tab stops
 * on its name and its start (the next Monday); accepted as it is, the plan
 * has no findings.
 */
function templateItems(env: Env, path: readonly PathSegment[]): CompletionItem[] {
  if (path.length > 0 || !isEmptyPlan(env)) return [];
  const start = nextMonday(env.today) ?? env.today;
  return PLAN_TEMPLATES.map((template, index) => {
    const body = templateSnippet(template, start);
    return makeItem(
      env,
      NO_DASH,
      {
        label: `new plan: ${template.title}`,
        // A whole file, not a snippet to the editor: snippet kinds sort last where
        // `editor.snippetSuggestions` says so (and in vscode.executeCompletionItemProvider).
        kind: CompletionItemKind.File,
        newText: body,
        snippet: true,
        detail: template.about,
        filterText: `new plan ${template.id} ${template.title}`,
        documentation: `From ${template.source} (\`crmplan init --template ${template.id}\`)\n\n\`\`\`yaml\n${previewSnippet(body)}\n\`\`\``,
      },
      index,
    );
  });
}

/** Nothing written but comments and the word at the cursor. */
function isEmptyPlan(env: Env): boolean {
  const { doc } = env.analysis.parsed;
  if (isEmptyDocument(doc)) return true;
  const range = doc.contents?.range;
  return isScalar(doc.contents) && range !== undefined && range[0] >= env.context.word.start && range[1] <= env.context.word.end;
}

// ---------------------------------------------------------------------------
// List items

/** A list item's snippet (a whole task, a flow mapping) as a completion item. */
function snippetItem(
  env: Env,
  insertion: Insertion,
  snippet: ItemSnippet,
  order: number,
  extra: Pick<ItemFields, 'documentation' | 'suggestAgain'>,
): CompletionItem {
  return makeItem(env, insertion, { label: snippet.label, kind: CompletionItemKind.Snippet, newText: snippet.body, snippet: true, detail: snippet.detail, ...extra }, order);
}

function listItems(
  env: Env,
  path: readonly PathSegment[],
  insertion: Insertion,
  flow: boolean,
  siblings: ReadonlySet<string>,
): CompletionItem[] {
  const list = env.schemaAt(path);
  if (!list?.node.items) return [];
  const itemSchema = childSchema(list, 0);
  if (!itemSchema) return [];
  const definition = itemSchema.refs[itemSchema.refs.length - 1] ?? '';
  const column = insertColumn(env, insertion);
  const items: CompletionItem[] = [];
  if (!flow) {
    const inputs = {
      owners: ownerCandidates(env, path),
      previousTask: previousTaskId(env, path),
      due: defaultDue(env),
      indent: env.indent,
      column,
    };
    blockItemSnippets(definition, inputs).forEach((snippet, index) => {
      const preview = previewSnippet(blockLines(0, snippet.body.split('\n' + ' '.repeat(column))));
      items.push(snippetItem(env, insertion, snippet, index, { documentation: '```yaml\n' + preview + '\n```' }));
    });
  }
  flowItemSnippets(definition).forEach((snippet, index) => {
    items.push(snippetItem(env, insertion, snippet, 500 + index, { suggestAgain: snippet.suggest }));
  });
  // A first key for items that can only be mappings; a dependency or a holiday is usually just an id or a date.
  if (!flow && hasType(itemSchema, 'object') && !hasType(itemSchema, 'string')) {
    items.push(...keyItems(env, [...path, 0], new Set(), false, insertion));
  }
  if (hasType(itemSchema, 'string')) {
    items.push(...valueItems(env, [...path, 0], itemSchema, '', insertion, siblings));
  }
  return items;
}

/** People to offer as an owner, the likeliest first: the phase's owner, then the manager, then everyone. */
function ownerCandidates(env: Env, path: readonly PathSegment[]): string[] {
  const { model, symbols } = env.analysis;
  const first: string[] = [];
  const phase = path[0] === 'phases' ? currentPhaseIndex(env, path) : undefined;
  const phaseOwner = phase === undefined ? undefined : model.phases[phase]?.owner?.id;
  if (phaseOwner) first.push(phaseOwner);
  if (model.plan.manager) first.push(model.plan.manager.id);
  const declared = symbols.ids('person');
  return [...new Set([...first.filter((id) => declared.includes(id)), ...declared])];
}

/** The id of the last task above the cursor in the current phase. */
function previousTaskId(env: Env, path: readonly PathSegment[]): string | undefined {
  if (path[0] !== 'phases' || path[2] !== 'tasks') return undefined;
  const phase = currentPhaseIndex(env, path);
  if (phase === undefined) return undefined;
  const { model } = env.analysis;
  let previous: string | undefined;
  for (const taskIndex of model.phases[phase]?.taskIndexes ?? []) {
    const task = model.tasks[taskIndex];
    if (task && task.span.start < env.context.word.start && task.id) previous = task.id.value;
  }
  return previous;
}

/** `30d after <the last go-live>`, else the plan's finish, else its start, else today. */
function defaultDue(env: Env): string {
  const { model, schedule } = env.analysis;
  const goLive = [...model.tasks].reverse().find((task) => task.kind === 'go-live' && task.id);
  if (goLive?.id) return `30d after ${goLive.id.value}`;
  return schedule?.finish ?? model.plan.start?.value ?? env.today;
}

// ---------------------------------------------------------------------------
// Values

/**
 * Completion's part of the value-kind table (schema/value-kinds.ts decides
 * the kind, hover.ts has the hover part): the items a value of that kind is
 * completed with, the value part of its key's item and the type its key's
 * item shows. A kind without a snippet or a label takes the one its
 * schema's type gives (shapeSnippet, schemaLabel); one without items offers
 * the schema's examples for the keys that have useful ones.
 */
interface ValueKindCompletion {
  readonly snippet?: (schema: ResolvedSchema) => ValueSnippet | undefined;
  readonly label?: (schema: ResolvedSchema) => string;
  readonly items?: (request: ValueRequest) => CompletionItem[];
}

/** The value part of a key item, and whether completion opens again at its tab stop. */
interface ValueSnippet {
  readonly text: string;
  readonly suggest?: boolean;
}

interface ValueRequest {
  readonly env: Env;
  readonly path: readonly PathSegment[];
  readonly schema: ResolvedSchema;
  readonly insertion: Insertion;
  readonly siblings: ReadonlySet<string>;
}

/** An id or a date: chosen from the list completion opens at the tab stop. */
const PICK: ValueSnippet = { text: ' $1', suggest: true };

const VALUE_KIND_COMPLETION: Readonly<Record<ValueKindName, ValueKindCompletion>> = {
  due: {
    snippet: () => PICK,
    label: () => 'date, or <duration> after <task or phase>',
    items: ({ env, path, insertion }) => [...dueSnippet(env, insertion), ...dateItems(env, path, insertion)],
  },
  constant: {
    snippet: (schema) => ({ text: ` ${String(schema.node.const)}` }),
    items: ({ env, schema, insertion }) => {
      const value = String(schema.node.const);
      return [makeItem(env, insertion, { label: value, kind: CompletionItemKind.Constant, newText: value, documentation: schema.description }, 0)];
    },
  },
  person: { snippet: () => PICK, items: ({ env, insertion }) => personItems(env, insertion) },
  work: {
    // A dependency is a list item, never a key's value: only a work ref has a snippet of its own.
    snippet: (schema) => (schema.refs.includes('workRef') ? PICK : undefined),
    items: ({ env, path, insertion }) => workItems(env, path, insertion),
  },
  dependencies: {
    snippet: () => ({ text: ' [$1]', suggest: true }),
    items: ({ env, path, insertion }) => workItems(env, path, insertion),
  },
  severity: {
    snippet: () => ({ text: ` ${choice(1, ['off', 'error', 'warning', 'info', 'hint'])}` }),
    label: (schema) => {
      const fallback = schema.outer.default;
      return `rule severity${typeof fallback === 'string' ? ` · default: ${fallback}` : ''}`;
    },
    items: ({ env, insertion }) => severityItems(env, insertion, undefined),
  },
  enum: {
    snippet: (schema) => ({ text: ` ${choice(1, enumValues(schema).map((value) => value.value))}` }),
    items: ({ env, schema, insertion, siblings }) => enumItems(env, schema, insertion, siblings),
  },
  duration: {
    snippet: () => ({ text: ` ${placeholder(1, '1d')}` }),
    items: ({ env, insertion }) => durationItems(env, insertion),
  },
  lag: {
    snippet: () => ({ text: ` ${placeholder(1, '1d')}` }),
    items: ({ env, insertion }) => lagItems(env, insertion),
  },
  load: {
    snippet: () => ({ text: ` ${placeholder(1, '100%')}` }),
    items: ({ env, insertion }) => quantityItems(env, insertion),
  },
  date: { snippet: () => PICK, items: ({ env, path, insertion }) => dateItems(env, path, insertion) },
  holiday: { items: ({ env, path, insertion }) => dateItems(env, path, insertion) },
  boolean: {
    items: ({ env, insertion }) =>
      ['true', 'false'].map((value, index) => makeItem(env, insertion, { label: value, kind: CompletionItemKind.Constant, newText: value }, index)),
  },
  // Every other value: its items are the schema's examples for some keys, its snippet and label come from its type.
  plain: { items: exampleItems },
};

function valueKindCompletion(schema: ResolvedSchema, key: string | undefined): ValueKindCompletion {
  return VALUE_KIND_COMPLETION[valueKindOf(schema, key)];
}

/** The value part of a key item from the schema's type: a choice, a number, a nested block, an example. */
function shapeSnippet(env: Env, name: string, schema: ResolvedSchema, column: number, flow: boolean): ValueSnippet {
  const node = schema.node;
  if (hasType(schema, 'boolean')) return { text: ` ${choice(1, ['true', 'false'])}` };
  if (hasType(schema, 'number') && !hasType(schema, 'string')) {
    const fallback = schema.outer.default ?? node.default;
    return { text: ` ${placeholder(1, fallback === undefined ? '' : String(fallback))}` };
  }
  if (hasType(schema, 'object') && !hasType(schema, 'string')) {
    return flow ? { text: ' {$1}' } : { text: `\n${' '.repeat(column + env.indent.unit)}$0`, suggest: true };
  }
  if (hasType(schema, 'array')) {
    if (name === 'workdays') return { text: ` [${placeholder(1, 'mon, tue, wed, thu, fri')}]` };
    if (flow) return { text: ' [$1]', suggest: true };
    return { text: `\n${' '.repeat(column + env.indent.sequenceIndent)}- $0`, suggest: true };
  }
  const example = node.examples?.[0];
  if (node.pattern !== undefined && typeof example === 'string' && !schema.refs.includes('id')) return { text: ` ${placeholder(1, example)}` };
  return { text: ' $1' };
}

/** A key's type from the schema: its definition's title, its enum or constant, or its JSON type. */
function schemaLabel(schema: ResolvedSchema): string {
  const refs = schema.refs;
  const definition = refs[refs.length - 1];
  const node = schema.node;
  if (definition === 'level') return 'low | medium | high';
  if (node.title && definition) return node.title.toLowerCase();
  if (node.enum) return enumValues(schema).map((value) => value.value).join(' | ');
  if (node.const !== undefined) return String(node.const);
  if (hasType(schema, 'boolean')) return 'true | false';
  if (hasType(schema, 'array')) return 'list';
  if (hasType(schema, 'object')) return 'mapping';
  if (hasType(schema, 'number')) return 'number';
  return 'text';
}

/** Text values worth offering from the schema's examples. */
const EXAMPLE_VALUE_KEYS = new Set(['currency', 'frequency', 'channel', 'contingency']);

function exampleItems({ env, path, schema, insertion }: ValueRequest): CompletionItem[] {
  if (!EXAMPLE_VALUE_KEYS.has(lastKey(path) ?? '')) return [];
  return (schema.node.examples ?? []).map((example, index) =>
    makeItem(env, insertion, { label: String(example), kind: CompletionItemKind.Value, newText: String(example) }, index),
  );
}

function valueItems(
  env: Env,
  path: readonly PathSegment[],
  schema: ResolvedSchema | undefined,
  prefix: string,
  insertion: Insertion,
  siblings: ReadonlySet<string>,
): CompletionItem[] {
  const name = lastKey(path);
  if (prefix.trim() !== '') return name === 'due' ? dueContinuation(env, prefix, insertion) : [];
  // Places the schema alone does not tell: a rule's severity with its own default (any rule name), holiday codes.
  if (path[0] === 'rules' && path.length === 2) {
    return severityItems(env, insertion, typeof path[1] === 'string' ? path[1] : undefined);
  }
  const place = holidayPlace(path);
  if (place && name === 'country') return codeItems(env, insertion, countryNames());
  if (place && name === 'region') {
    const person = place === 'person' && typeof path[1] === 'number' ? env.analysis.model.people[path[1]] : undefined;
    const country = person?.country?.value ?? env.analysis.model.plan.calendar.country?.value;
    return country === undefined ? [] : codeItems(env, insertion, regionNames(country));
  }
  if (!schema) return [];
  const kind = valueKindCompletion(schema, name);
  return (kind.items ?? exampleItems)({ env, path, schema, insertion, siblings });
}

/** Whether `path` is the calendar's or a person's `country`/`region`. */
function holidayPlace(path: readonly PathSegment[]): 'calendar' | 'person' | undefined {
  if (path.length === 3 && path[0] === 'plan' && path[1] === 'calendar') return 'calendar';
  if (path.length === 3 && path[0] === 'people' && typeof path[1] === 'number') return 'person';
  return undefined;
}

/** Country or region codes with their names; the name is searched too (`Canada` finds `CA`). */
function codeItems(env: Env, insertion: Insertion, names: ReadonlyMap<string, string>): CompletionItem[] {
  return [...names].map(([code, name], index) =>
    makeItem(env, insertion, { label: code, kind: CompletionItemKind.Value, newText: code, detail: name, filterText: `${code} ${name}` }, index),
  );
}

function personItems(env: Env, insertion: Insertion): CompletionItem[] {
  const { model, symbols } = env.analysis;
  return symbols.ids('person').map((id, index) => {
    const declaration = symbols.lookup('person', id);
    const person = declaration ? model.people[declaration.index] : undefined;
    const detail = [person?.name?.value, person?.role?.value].filter((part) => part).join(' · ');
    const documentation = [
      person?.name ? `**${markdownText(person.name.value, 'editor')}**` : undefined,
      person?.role ? markdownText(person.role.value, 'editor') : undefined,
      person?.email ? markdownText(person.email.value, 'editor') : undefined,
      person?.capacity ? `capacity ${capacityText(person.capacity.value)}` : undefined,
    ]
      .filter((part) => part)
      .join('  \n');
    return makeItem(env, insertion, { label: id, kind: CompletionItemKind.Reference, newText: id, detail, documentation }, index);
  });
}

function capacityText(quantity: { kind: 'percent' | 'hoursPerWeek'; value: number }): string {
  return quantity.kind === 'percent' ? `${quantity.value}%` : `${quantity.value}h/w`;
}

// --- task and phase ids ------------------------------------------------------

/** The task or phase whose `depends_on` (or `start`) the cursor is in. */
type WorkNode = { readonly kind: 'task' | 'phase'; readonly index: number };

function currentWorkNode(env: Env, path: readonly PathSegment[]): WorkNode | undefined {
  if (path[0] !== 'phases' || path.length < 3) return undefined;
  const { model } = env.analysis;
  const inTask = path[2] === 'tasks' && path.length >= 5;
  const prefix = inTask ? path.slice(0, 4) : path.slice(0, 2);
  if (env.context.source === 'ast') {
    const start = env.context.mapStarts.get(pathKey(prefix));
    if (start === undefined) return undefined;
    const items = inTask ? model.tasks : model.phases;
    const index = items.findIndex((item) => item.span.start === start);
    return index < 0 ? undefined : { kind: inTask ? 'task' : 'phase', index };
  }
  // Found by indentation: the last item that starts above the cursor.
  const items = inTask ? model.tasks : model.phases;
  let found: number | undefined;
  items.forEach((item, index) => {
    if (item.span.start <= env.context.word.start) found = index;
  });
  return found === undefined ? undefined : { kind: inTask ? 'task' : 'phase', index: found };
}

function currentPhaseIndex(env: Env, path: readonly PathSegment[]): number | undefined {
  const { model } = env.analysis;
  if (env.context.source === 'ast') {
    const start = env.context.mapStarts.get(pathKey(path.slice(0, 2)));
    const index = model.phases.findIndex((phase) => phase.span.start === start);
    return index < 0 ? undefined : index;
  }
  let found: number | undefined;
  model.phases.forEach((phase, index) => {
    if (phase.span.start <= env.context.word.start) found = index;
  });
  return found;
}

function workItems(env: Env, path: readonly PathSegment[], insertion: Insertion): CompletionItem[] {
  const { model, graph } = env.analysis;
  // Only tasks and phases have dependencies to protect; `due: 30d after |` of an objective has none.
  const current = currentWorkNode(env, path);
  let excluded = new Set<number>();
  const listed = new Set<string>();
  if (current) {
    const node = current.kind === 'task' ? current.index : graph.phaseNode(current.index);
    const targets = current.kind === 'task' ? [node] : [node, ...(model.phases[current.index]?.taskIndexes ?? [])];
    // Itself and everything that already waits for it (for a phase, for any of its tasks): depending on one would close a cycle.
    excluded = nodesWaitingFor(graph, targets);
    const written: readonly Dependency[] =
      (current.kind === 'task' ? model.tasks[current.index]?.dependsOn : model.phases[current.index]?.dependsOn) ?? [];
    // Already listed, except the id being typed over.
    const word = env.context.word;
    for (const dependency of written) {
      const span = dependency.target.span;
      if (span.end < word.start || span.start > word.end) listed.add(dependency.target.id);
    }
  }
  return workDeclarations(env)
    .filter(({ declaration, node }) => !excluded.has(node) && !listed.has(declaration.id))
    .map(({ declaration, node }, index) => workItem(env, declaration, node, insertion, index));
}

/** The first declaration of every task and phase id, in document order, with its graph node. */
function workDeclarations(env: Env): { declaration: Declaration; node: number }[] {
  const { symbols, graph } = env.analysis;
  const seen = new Set<string>();
  const result: { declaration: Declaration; node: number }[] = [];
  for (const declaration of symbols.declarations) {
    if (declaration.namespace !== 'work' || seen.has(declaration.id)) continue;
    seen.add(declaration.id);
    result.push({ declaration, node: declaration.kind === 'task' ? declaration.index : graph.phaseNode(declaration.index) });
  }
  return result;
}

function workItem(env: Env, declaration: Declaration, node: number, insertion: Insertion, order: number): CompletionItem {
  const { model, schedule } = env.analysis;
  const parts: string[] = [];
  const documentation: string[] = [];
  let dates: { start: string; finish: string } | undefined;
  if (declaration.kind === 'task') {
    const task = model.tasks[declaration.index];
    const phase = task ? model.phases[task.phaseIndex] : undefined;
    parts.push(`phase ${phase?.id?.value ?? `(phase ${(task?.phaseIndex ?? 0) + 1})`}`);
    dates = schedule?.tasks[node];
    if (task?.name) documentation.push(`**${markdownText(task.name.value, 'editor')}**`);
    const facts = [
      task && task.kind !== 'other' ? `kind \`${task.kind}\`` : undefined,
      task?.milestone ? 'milestone' : task?.duration ? `${task.duration.value.amount}${task.duration.value.unit}` : undefined,
    ].filter((part) => part);
    if (facts.length > 0) documentation.push(facts.join(' · '));
  } else {
    const phase = model.phases[declaration.index];
    parts.push(`phase (${phase?.taskIndexes.length ?? 0} tasks)`);
    dates = schedule?.phases[declaration.index];
    if (phase?.name) documentation.push(`**${markdownText(phase.name.value, 'editor')}**`);
  }
  if (dates) {
    parts.push(dates.start === dates.finish ? shortDate(dates.start, yearOf(dates.start)) : `${shortDate(dates.start, yearOf(dates.start))} -> ${shortDate(dates.finish, yearOf(dates.finish))}`);
    documentation.push(`${dates.start} -> ${dates.finish}`);
  }
  return makeItem(
    env,
    insertion,
    {
      label: declaration.id,
      kind: CompletionItemKind.Reference,
      newText: declaration.id,
      detail: parts.join(' · '),
      documentation: documentation.join('\n\n'),
    },
    order,
  );
}

// --- objectives' due ---------------------------------------------------------

const AFTER_PREFIX = /^\s*\d+[dw]\s+after\s+$/;
const DURATION_PREFIX = /^\s*\d+[dw]\s+$/;

/** `due: 30d after |` offers task and phase ids; `due: 30d |` offers `after`. */
function dueContinuation(env: Env, prefix: string, insertion: Insertion): CompletionItem[] {
  if (AFTER_PREFIX.test(prefix)) return workItems(env, ['objectives', 0, 'due'], insertion);
  if (DURATION_PREFIX.test(prefix)) {
    return [
      makeItem(
        env,
        insertion,
        {
          label: 'after',
          kind: CompletionItemKind.Keyword,
          newText: 'after ',
          detail: '<duration> after <task or phase>',
          suggestAgain: true,
        },
        0,
      ),
    ];
  }
  return [];
}

function dueSnippet(env: Env, insertion: Insertion): CompletionItem[] {
  const { model } = env.analysis;
  const ids = workDeclarations(env).map(({ declaration }) => declaration.id);
  const goLives = model.tasks.filter((task) => task.kind === 'go-live' && task.id).map((task) => task.id!.value);
  const ordered = [...new Set([...goLives.reverse(), ...ids])];
  return [
    makeItem(
      env,
      insertion,
      {
        label: '30d after …',
        kind: CompletionItemKind.Snippet,
        newText: `${placeholder(1, '30d')} after ${ordered.length > 0 ? choice(2, ordered) : '$2'}`,
        snippet: true,
        detail: 'working days after a task or phase finishes',
        filterText: 'after',
      },
      50,
    ),
  ];
}

// --- enums -------------------------------------------------------------------

function enumItems(env: Env, schema: ResolvedSchema, insertion: Insertion, siblings: ReadonlySet<string>): CompletionItem[] {
  const fallback = schema.outer.default ?? schema.node.default;
  return enumValues(schema)
    .filter((value) => !siblings.has(value.value))
    .map((value, index) =>
      makeItem(
        env,
        insertion,
        {
          label: value.value,
          kind: CompletionItemKind.EnumMember,
          newText: value.value,
          detail: value.value === fallback ? 'default' : undefined,
          documentation: value.description,
        },
        index,
      ),
    );
}

function severityItems(env: Env, insertion: Insertion, rule: string | undefined): CompletionItem[] {
  const severity = resolveSchema({ $ref: '#/definitions/severity' });
  const ruleDefault = rule ? env.schemaAt(['rules', rule])?.outer.default : undefined;
  return enumValues(severity).map((value, index) =>
    makeItem(
      env,
      insertion,
      {
        label: value.value,
        kind: CompletionItemKind.EnumMember,
        newText: value.value,
        detail: value.value === ruleDefault ? 'default for this rule' : undefined,
        documentation: value.description,
      },
      index,
    ),
  );
}

// --- durations, lags, loads --------------------------------------------------

function workdaysPerWeek(env: Env): number {
  return env.analysis.schedule?.calendar.workdaysPerWeek ?? (env.analysis.model.plan.calendar.workdays.length || 5);
}

function durationItems(env: Env, insertion: Insertion): CompletionItem[] {
  const perWeek = workdaysPerWeek(env);
  const typed = /^\d+$/.exec(env.context.typed)?.[0];
  const values = typed ? [`${Number(typed)}d`, `${Number(typed)}w`] : ['1d', '2d', '3d', '5d', '1w', '2w', '3w', '4w', '6w', '8w'];
  return values.map((value, index) => {
    const amount = Number(value.slice(0, -1));
    const detail =
      value.endsWith('d')
        ? `${amount} working day${amount === 1 ? '' : 's'}`
        : `${amount} week${amount === 1 ? '' : 's'} = ${amount * perWeek} working days`;
    return makeItem(env, insertion, { label: value, kind: CompletionItemKind.Value, newText: value, detail }, index);
  });
}

function lagItems(env: Env, insertion: Insertion): CompletionItem[] {
  const perWeek = workdaysPerWeek(env);
  return ['1d', '2d', '3d', '1w', '-1d', '-2d'].map((value, index) => {
    const amount = Number(value.slice(0, -1));
    const days = value.endsWith('w') ? amount * perWeek : amount;
    const count = `${Math.abs(days)} working day${Math.abs(days) === 1 ? '' : 's'}`;
    const detail = days < 0 ? `overlap the predecessor by ${count}` : `wait ${count}`;
    return makeItem(env, insertion, { label: value, kind: CompletionItemKind.Value, newText: value, detail }, index);
  });
}

function quantityItems(env: Env, insertion: Insertion): CompletionItem[] {
  const hoursPerDay = env.analysis.model.plan.calendar.hoursPerDay;
  const perWeek = workdaysPerWeek(env);
  const round = (value: number): string => String(Math.round(value * 10) / 10);
  const values = ['100%', '75%', '50%', '25%', '10%', '40h/w', '20h/w', '16h/w', '8h/w', '4h/w'];
  return values.map((value, index) => {
    const hours = value.endsWith('%') ? (Number(value.slice(0, -1)) / 100) * hoursPerDay : Number(value.slice(0, -3)) / perWeek;
    const detail = `${round(hours)}h a working day`;
    return makeItem(env, insertion, { label: value, kind: CompletionItemKind.Value, newText: value, detail }, index);
  });
}

// --- dates -------------------------------------------------------------------

/**
 * Dates worth offering at the cursor: today, the plan's start, and where
 * they apply the next Monday (for `plan.start`), the day each predecessor
 * lets a task start (for a task's `start`), the task's computed finish
 * (for `deadline`) and the plan's finish (for `due`).
 */
function dateItems(env: Env, path: readonly PathSegment[], insertion: Insertion): CompletionItem[] {
  const { model, schedule, graph } = env.analysis;
  const name = lastKey(path);
  const candidates: { date: string; why: string }[] = [{ date: env.today, why: 'today' }];
  const isPlanStart = path.length === 2 && path[0] === 'plan' && name === 'start';
  if (isPlanStart) {
    const monday = nextMonday(env.today);
    if (monday) candidates.push({ date: monday, why: 'next Monday' });
  } else if (model.plan.start) {
    candidates.push({ date: model.plan.start.value, why: 'plan start' });
  }
  const current = path[0] === 'phases' ? currentWorkNode(env, path) : undefined;
  if (schedule && current?.kind === 'task' && name === 'start') {
    for (const edge of graph.edges[current.index] ?? []) {
      if (edge.via === 'contains') continue;
      const predecessor = edge.to < graph.taskCount ? schedule.tasks[edge.to] : schedule.phases[edge.to - graph.taskCount];
      // The first day a finish-to-start successor may start: the day after the last working day (a milestone's own day).
      if (predecessor) candidates.push({ date: schedule.calendar.dateOf(predecessor.e), why: `after ${graph.nodeName(edge.to)}` });
    }
  }
  if (schedule && current?.kind === 'task' && name === 'deadline') {
    const own = schedule.tasks[current.index];
    if (own) candidates.push({ date: own.finish, why: 'computed finish' });
  }
  if (name === 'due' && schedule?.finish) candidates.push({ date: schedule.finish, why: 'plan finish' });

  const merged = new Map<string, string[]>();
  for (const candidate of candidates) merged.set(candidate.date, [...(merged.get(candidate.date) ?? []), candidate.why]);
  return [...merged].map(([date, why], index) =>
    makeItem(
      env,
      insertion,
      {
        label: date,
        kind: CompletionItemKind.Value,
        newText: date,
        detail: [...new Set(why)].join(' · '),
        documentation: fullDate(date),
      },
      index,
    ),
  );
}
