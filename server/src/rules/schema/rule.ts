import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../../model/types.js';
import { asMap, spanOf } from '../../model/yaml-nodes.js';
import type { ParsedDocument } from '../../parse/parse-plan-text.js';
import { isEmptyDocument } from '../../parse/syntax-nodes.js';
import {
  documentValue,
  MAX_ALIAS_EXPANDED_NODES,
  MAX_ALIAS_EXPANSIONS,
  UNREAD_ALIAS,
  type DocumentValue,
  type DocumentValueProblem,
} from '../../schema/document-value.js';
import { planSchemaErrors, type SchemaError } from '../../schema/plan-schema.js';
import { VALUE_KIND_RULES, valueKindOf, type ValueKindSchema } from '../../schema/value-kinds.js';
import { closestMatch } from '../../util/closest-match.js';
import { calendarValueFindings } from '../calendar-values.js';
import type { Finding, Rule } from '../types.js';

/**
 * Checks the document against schemas/crmplan.schema.json and maps every
 * ajv error (all of them, not only the first) to the exact key or value.
 * What the document reader could not read (an alias past the limit, a key
 * that is not text) is reported here too, and the rest is still checked.
 */
export const schemaRule: Rule<'schema'> = {
  name: 'schema',
  defaultSeverity: 'error',
  summary: 'a value of the wrong type or form, a missing required key, an unknown key (warning)',
  check({ parsed, model }): Iterable<Finding> {
    // Nothing but blanks and comments: a plan not started yet. No errors in a
    // file just created, one hint on how to start it (docs/templates.md).
    if (isEmptyDocument(parsed.doc)) return parsed.problems.length === 0 ? [EMPTY_PLAN_HINT] : [];
    const read = documentValue(parsed.doc);
    const findings = readingFindings(read);
    // In parts, each item's errors kept while the item is unchanged (schema/plan-schema.ts).
    findings.push(...explainErrors(parsed, planSchemaErrors(read.value), read));
    findings.push(...calendarValueFindings(parsed, model));
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};

const EMPTY_PLAN_HINT: Finding = {
  rule: 'schema',
  message: "The plan is empty: start it from a template (in VS Code the completion list or 'CRM Plan: New Plan from Template...', on the command line crmplan init).",
  span: { start: 0, end: 0 },
  severity: 'hint',
};

/** Findings for what the reader left out. An alias without an anchor is invalid YAML: yaml-syntax reports it. */
function readingFindings(read: DocumentValue): Finding[] {
  const findings: Finding[] = [];
  for (const problem of read.problems) {
    const message = readingMessage(problem);
    const node = problem.kind === 'complex-key' ? problem.key : problem.alias;
    const span = spanOf(node);
    if (message && span) findings.push({ rule: 'schema', message, span });
  }
  return findings;
}

function readingMessage(problem: DocumentValueProblem): string | undefined {
  switch (problem.kind) {
    case 'complex-key':
      return 'Keys must be plain text.';
    case 'alias-limit':
      return problem.limit === 'expansions'
        ? `Too many aliases: at most ${MAX_ALIAS_EXPANSIONS.toLocaleString('en-US')} alias expansions are read; the rest of the plan is checked without them.`
        : `Aliases expand to too much: at most ${MAX_ALIAS_EXPANDED_NODES.toLocaleString('en-US')} nodes are read through aliases; the rest of the plan is checked without them.`;
    case 'recursive-alias':
      return `Alias '*${problem.alias.source}' is inside the node its anchor names, so its value never ends; the plan is checked without it.`;
    case 'unresolved-alias':
      return undefined;
  }
}

function explainErrors(parsed: ParsedDocument, errors: readonly SchemaError[], read: DocumentValue): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of selectErrors(errors)) {
    if (isAboutUnreadPart(error, read)) continue;
    const finding = explain(parsed, error);
    if (!finding) continue;
    const key = `${finding.span.start}:${finding.span.end}:${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

/**
 * An error about an alias that was not read or about a key made up for a
 * complex key says nothing the reading finding does not: the plan is
 * checked without them.
 */
function isAboutUnreadPart(error: SchemaError, read: DocumentValue): boolean {
  if (error.data === UNREAD_ALIAS) return true;
  if (read.syntheticKeys.size === 0) return false;
  let value: unknown = read.value;
  for (const segment of pointerSegments(error.instancePath)) {
    if (value === null || typeof value !== 'object') return false;
    if (read.syntheticKeys.get(value)?.has(segment)) return true;
    value = (value as Record<string, unknown>)[segment];
  }
  const extraKey = error.params['additionalProperty'];
  return typeof extraKey === 'string' && value !== null && typeof value === 'object' && !!read.syntheticKeys.get(value)?.has(extraKey);
}

/**
 * Collapses the branches of `anyOf`/`oneOf`: when exactly one branch has
 * the right type for the value, its specific errors are kept; otherwise one
 * error says what the value may be. `if` errors only repeat their `then`.
 */
function selectErrors(errors: readonly SchemaError[]): SchemaError[] {
  const alternatives = errors.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf');
  const dropped = new Set<SchemaError>();
  const keptAlternatives = new Set<SchemaError>();
  for (const alternative of alternatives) {
    const prefix = `${alternative.schemaPath}/`;
    const branches = new Map<string, SchemaError[]>();
    for (const error of errors) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = error.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
      dropped.add(error);
    }
    const fitting = [...branches.values()].filter(
      (branchErrors) =>
        !branchErrors.some((error) => error.instancePath === alternative.instancePath && error.keyword === 'type'),
    );
    if (fitting.length === 1) {
      for (const error of fitting[0] ?? []) dropped.delete(error);
      dropped.add(alternative);
    } else {
      keptAlternatives.add(alternative);
    }
  }
  return errors.filter(
    (error) => error.keyword !== 'if' && (!dropped.has(error) || keptAlternatives.has(error)),
  );
}

function explain(parsed: ParsedDocument, error: SchemaError): Finding | undefined {
  const path = pointerSegments(error.instancePath);
  const node = nodeAt(parsed, path);
  const location = describeLocation(parsed, path);
  const where = location.owner ? (location.field ? `${location.field} of ${location.owner}` : location.owner) : location.field;
  /** `duration '3 days' of task 'a'`: the value right after the key it belongs to. */
  const valueWhere = (value: string): string =>
    `${location.field || 'value'} '${value}'${location.owner ? ` of ${location.owner}` : ''}`;
  const valueSpan = (node && spanOf(node)) ?? fallbackSpan(parsed, path);
  const parentSchema = asRecord(error.parentSchema);
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty'] ?? '');
      const allowed = Object.keys(asRecord(parentSchema?.['properties']) ?? {});
      const suggestion = closestMatch(key, allowed);
      const isRules = path.length === 1 && path[0] === 'rules';
      const label = isRules ? 'Unknown rule' : 'Unknown key';
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      return {
        rule: 'schema',
        severity: 'warning',
        message: `${label} '${key}'${where ? ` in ${where}` : ''}.${hint}`,
        span: keySpanIn(node, key) ?? valueSpan,
        data: { rule: 'schema', kind: 'unknown-key', key, suggestion },
      };
    }
    case 'required': {
      const key = String(error.params['missingProperty'] ?? '');
      return {
        rule: 'schema',
        message: `Missing required key '${key}'${where ? ` in ${where}` : ''}.`,
        span: headSpan(parsed, path, node) ?? valueSpan,
        data: { rule: 'schema', kind: 'missing-key', key },
      };
    }
    case 'enum': {
      const allowed = (Array.isArray(error.params['allowedValues']) ? error.params['allowedValues'] : []).map(String);
      // A mapping or list is not quoted (it would read '[object Object]'); its type error says what it is.
      const actual = error.data !== null && typeof error.data === 'object' ? undefined : String(error.data);
      const suggestion = actual === undefined ? undefined : closestMatch(actual, allowed);
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      const invalid = actual === undefined ? where || 'value' : valueWhere(actual);
      return {
        rule: 'schema',
        message: `Invalid ${invalid}: expected one of ${allowed.join(', ')}.${hint}`,
        span: valueSpan,
        data: { rule: 'schema', kind: 'invalid-value', allowed },
      };
    }
    case 'const':
      return {
        rule: 'schema',
        message: `${capitalize(where)} must be ${JSON.stringify(error.params['allowedValue'])}.`,
        span: valueSpan,
        data: { rule: 'schema', kind: 'invalid-value', allowed: [String(error.params['allowedValue'])] },
      };
    case 'type': {
      // A value with an enum or a constant gets an enum or const error too, which lists what it may be.
      const listed = parentSchema?.['enum'] !== undefined || parentSchema?.['const'] !== undefined;
      const kind = listed ? undefined : kindSentence(error, path);
      return {
        rule: 'schema',
        message: `${capitalize(where || 'the plan')} must be ${typeName(String(error.params['type']))}, not ${describeValue(error.data, parsed.text.slice(valueSpan.start, valueSpan.end))}.${kind ? ` ${kind}` : ''}`,
        span: valueSpan,
        data: { rule: 'schema', kind: 'invalid-value' },
      };
    }
    case 'pattern':
    case 'format': {
      // The value kind's sentence (the schema's `patternErrorMessage` where it has one, which Red Hat YAML reads too).
      const custom = parentSchema?.['patternErrorMessage'];
      const expectation =
        kindSentence(error, path) ??
        (typeof custom === 'string'
          ? custom.replace(/\.?$/, '.')
          : error.keyword === 'format'
            ? 'Expected a real calendar date written YYYY-MM-DD.'
            : `Expected text matching ${String(error.params['pattern'])}.`);
      return {
        rule: 'schema',
        message: `Invalid ${valueWhere(String(error.data))}. ${expectation}`,
        span: valueSpan,
        data: { rule: 'schema', kind: 'invalid-value' },
      };
    }
    case 'anyOf':
    case 'oneOf':
      return {
        rule: 'schema',
        message: `Invalid ${where || 'value'}: ${describeAlternatives(error.schema)}.`,
        span: valueSpan,
        data: { rule: 'schema', kind: 'invalid-value' },
      };
    default:
      return {
        rule: 'schema',
        message: `${capitalize(where || 'the plan')} ${error.message ?? 'is invalid'}.`,
        span: valueSpan,
        data: { rule: 'schema', kind: 'invalid-value' },
      };
  }
}

/**
 * The validation message of the value's kind (schema/value-kinds.ts), read
 * from the error: the definitions its schema path went through and the
 * schema node that failed, keyed by the last mapping key of the value's path.
 */
function kindSentence(error: SchemaError, path: readonly string[]): string | undefined {
  const refs = [...error.schemaPath.matchAll(/(?:^|\/)definitions\/([^/]+)/g)].map((match) => match[1]!);
  const parent = asRecord(error.parentSchema) ?? {};
  const { const: constant, enum: values, type, patternErrorMessage } = parent;
  // Only what has the shape the kinds read: a schema is data, not a type the compiler checked.
  const schema: ValueKindSchema = {
    refs,
    node: {
      ...(constant !== undefined ? { const: constant } : {}),
      ...(Array.isArray(values) ? { enum: values } : {}),
      ...(typeof type === 'string' || (Array.isArray(type) && type.every((part) => typeof part === 'string')) ? { type: type as string | string[] } : {}),
      ...(typeof patternErrorMessage === 'string' ? { patternErrorMessage } : {}),
    },
  };
  const key = [...path].reverse().find((segment) => !/^\d+$/.test(segment));
  return VALUE_KIND_RULES[valueKindOf(schema, key)].invalid(schema);
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function nodeAt(parsed: ParsedDocument, path: readonly string[]): Node | undefined {
  let node: unknown = parsed.doc.contents;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      node = pair?.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
    } else {
      return undefined;
    }
  }
  return isPair(node) ? undefined : (node as Node | undefined) ?? undefined;
}

function keySpanIn(node: Node | undefined, key: string): Span | undefined {
  const map = asMap(node);
  const pair = map?.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return pair && isScalar(pair.key) ? spanOf(pair.key) : undefined;
}

/**
 * Where to put "missing key" findings: on the key that holds the incomplete
 * map (`plan:`), or on the first key of a list item, never on a whole block.
 */
function headSpan(parsed: ParsedDocument, path: readonly string[], node: Node | undefined): Span | undefined {
  const last = path[path.length - 1];
  if (last !== undefined && !/^\d+$/.test(last)) {
    const parent = nodeAt(parsed, path.slice(0, -1));
    const span = keySpanIn(parent, last);
    if (span) return span;
  }
  const map = asMap(node);
  const firstKey = map?.items[0]?.key;
  if (firstKey && isScalar(firstKey)) return spanOf(firstKey);
  if (node) {
    const span = spanOf(node);
    if (span) return { start: span.start, end: Math.min(span.end, span.start + 1) };
  }
  return undefined;
}

function fallbackSpan(parsed: ParsedDocument, path: readonly string[]): Span {
  for (let length = path.length - 1; length >= 0; length--) {
    const node = nodeAt(parsed, path.slice(0, length));
    const span = node && spanOf(node);
    if (span) return { start: span.start, end: span.start };
  }
  return { start: 0, end: 0 };
}

const ITEM_NAMES: Record<string, string> = {
  people: 'person',
  objectives: 'objective',
  phases: 'phase',
  tasks: 'task',
  risks: 'risk',
  communications: 'communication',
};

/**
 * Names a place the way an author thinks of it: `phases/0/tasks/2/duration`
 * reads "duration of task 'kickoff'", using the nearest item's id.
 */
function describeLocation(parsed: ParsedDocument, path: readonly string[]): { field: string; owner: string } {
  let ownerIndex = -1;
  let owner = '';
  for (let index = 1; index < path.length; index++) {
    const itemName = ITEM_NAMES[path[index - 1] ?? ''];
    if (!itemName || !/^\d+$/.test(path[index] ?? '')) continue;
    const item = asMap(nodeAt(parsed, path.slice(0, index + 1)));
    const id = item?.get('id');
    owner = typeof id === 'string' && id !== '' ? `${itemName} '${id}'` : `${itemName} ${Number(path[index]) + 1}`;
    ownerIndex = index;
  }
  return { field: renderPath(path.slice(ownerIndex + 1)), owner };
}

function renderPath(path: readonly string[]): string {
  return path.map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : `${index > 0 ? '.' : ''}${segment}`)).join('');
}

function capitalize(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping (key: value lines)',
    array: 'a list',
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    null: 'empty',
  };
  return type
    .split(',')
    .map((part) => names[part] ?? part)
    .join(' or ');
}

/** A number as written (`1e309`, `.nan`, `0x10`), not as JavaScript reads it (`Infinity`, `NaN`, `16`). */
function describeValue(value: unknown, written: string): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text '${value}'`;
  if (typeof value === 'number') return `the number ${written.trim() || yamlNumber(value)}`;
  return `the value ${String(value)}`;
}

/** A number in YAML's spelling when its text is not at hand (a duplicate key's value): `.inf`, not `Infinity`. */
function yamlNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  return String(value);
}

function describeAlternatives(schema: unknown): string {
  const branches = Array.isArray(schema) ? schema : [];
  const kinds = branches
    .map((branch) => {
      const record = asRecord(branch);
      const description = record?.['description'];
      if (typeof description === 'string') return description.replace(/\.$/, '');
      const type = record?.['type'];
      return typeof type === 'string' ? typeName(type) : undefined;
    })
    .filter((kind): kind is string => !!kind);
  return kinds.length > 0 ? `expected ${[...new Set(kinds)].join(', or ')}` : 'it matches none of the allowed forms';
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
