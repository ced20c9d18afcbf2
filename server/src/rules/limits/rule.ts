import { isMap, isPair, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { stringValue } from '../../model/yaml-nodes.js';
import { DATE_YEARS, isIsoDate, isPlanDate, MAX_DURATION, MAX_HOLIDAYS, parseDurationText } from '../../model/values.js';
import { MAX_FLOW_ITEMS, MAX_FLOW_ITEMS_IN_FILE, MAX_LINES, MAX_NESTING_DEPTH, MAX_TEXT_LENGTH, type TextLimitProblem } from '../../parse/text-limits.js';
import type { Span } from '../../parse/span.js';
import { nodeFindings, type NodeFindingsMemory } from '../node-findings.js';
import type { Finding, Rule } from '../types.js';

/**
 * Reports what is over one of the limits of docs/format.md ("Limits"): a
 * file too large or of too many lines to read, a list in brackets too long, nesting too deep,
 * a duration or lag over 100 years, a date outside the years plans use, too
 * many holidays. The parser and the model leave each of these out (so no
 * plan can make the tools run out of time or memory); this rule says so, on
 * the offending text, and the rest of the plan is analysed as usual.
 * Turning the rule off hides the findings, not the limits.
 */
export const limitsRule: Rule<'limits'> = {
  name: 'limits',
  defaultSeverity: 'error',
  summary: 'a file, list, nesting, duration, date or holiday list over the limits crmplan reads',
  // The parse's limit problems and the YAML nodes: the values' findings are kept per node.
  reads: 'nodes',
  check({ parsed }): Iterable<Finding> {
    const findings = (parsed.limits ?? []).map(textLimitFinding);
    const values = textWasNotRead(parsed.limits) ? [] : valueFindings(parsed.doc.contents);
    return findings.concat(values).sort((a, b) => a.span.start - b.span.start);
  },
};

/** The text was not read at all (too long, too many lines or flow items): only this rule runs (see analysis/analyze-plan.ts). */
export function textWasNotRead(limits: readonly TextLimitProblem[] | undefined): boolean {
  return limits?.some((problem) => problem.kind === 'text-length' || problem.kind === 'line-count' || problem.kind === 'flow-items-in-file') === true;
}

const count = (value: number): string => value.toLocaleString('en-US');

function textLimitFinding(problem: TextLimitProblem): Finding {
  switch (problem.kind) {
    case 'text-length':
      return {
        rule: 'limits',
        span: problem.span,
        message: `The file has ${count(problem.length)} characters: plans over ${count(MAX_TEXT_LENGTH)} (10 MB) are not read. Split it into smaller plans.`,
      };
    case 'line-count':
      return {
        rule: 'limits',
        span: problem.span,
        message: `The file has ${count(problem.lines)} lines: plans over ${count(MAX_LINES)} lines are not read. This is the first line over it; split the file into smaller plans.`,
      };
    case 'flow-items-in-file':
      return {
        rule: 'limits',
        span: problem.span,
        message: `The file has ${count(problem.items)} items in brackets ([a, b] or {a: 1}) in all: plans with over ${count(MAX_FLOW_ITEMS_IN_FILE)} are not read. This is the first one over it; write long lists as block lists (one '- item' a line) or split the plan.`,
      };
    case 'flow-items':
      return {
        rule: 'limits',
        span: problem.span,
        message: `This list in brackets has ${count(problem.items)} items: at most ${count(MAX_FLOW_ITEMS)} are read, so it is read as empty.`,
      };
    case 'block-items':
      return {
        rule: 'limits',
        span: problem.span,
        message: `This ${problem.collection} has ${count(problem.items)} items: at most ${count(MAX_FLOW_ITEMS)} are read; this one and the ones after it are not.`,
      };
    case 'nesting-depth':
      return {
        rule: 'limits',
        span: problem.span,
        message: `Lists and mappings nest more than ${MAX_NESTING_DEPTH} levels deep here: what is deeper is read as empty.`,
      };
  }
}

const DATE_KEYS: ReadonlySet<string> = new Set(['start', 'deadline', 'date', 'due', 'status_date', 'actual_start', 'actual_finish', 'finish', 'from', 'to']);
const DURATION_KEYS: ReadonlySet<string> = new Set(['duration', 'lag']);
const DUE_AFTER = /^(\d+[dw])\s+after\s/;

/** Findings on the values of each mapping, by node (see node-findings.ts): an edit re-checks only the nodes it touched. */
const valueFindingsMemory: NodeFindingsMemory = new WeakMap();

/** Durations, lags, dates and holiday lists over the limits, anywhere in the document (under mappings' values and lists' items). */
function valueFindings(contents: unknown): readonly Finding[] {
  return nodeFindings(valueFindingsMemory, contents, ownValueFindings, walkedChildren);
}

/** What is under a list or mapping that may hold more of these values: a list's items, a mapping's values. */
function walkedChildren(collection: YAMLMap | YAMLSeq): Iterable<unknown> {
  return isSeq(collection) ? collection.items : collection.items.map((pair: unknown) => (isPair(pair) ? pair.value : undefined));
}

/** The findings on one mapping's own values (a list has none of its own: its items are walked). */
function ownValueFindings(collection: YAMLMap | YAMLSeq): readonly Finding[] {
  if (!isMap(collection)) return [];
  const findings: Finding[] = [];
  for (const pair of collection.items) {
    if (!isPair(pair)) continue;
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof key !== 'string') continue;
    if (DATE_KEYS.has(key)) findings.push(...dateFinding(pair.value));
    if (DURATION_KEYS.has(key)) findings.push(...durationFinding(pair.value, key));
    if (key === 'due') findings.push(...dueOffsetFinding(pair.value));
    if (key === 'holidays') findings.push(...holidayFindings(pair.value));
  }
  return findings;
}

function dateFinding(node: unknown): Finding[] {
  const text = stringValue(node);
  if (!text || !isIsoDate(text.value) || isPlanDate(text.value)) return [];
  return [{ rule: 'limits', span: text.span, message: `Date ${text.value} is outside the years ${DATE_YEARS.first} to ${DATE_YEARS.last} that a plan can use: it is not used.` }];
}

function overLimit(written: string, what: string, consequence: string, span: Span): Finding[] {
  const duration = parseDurationText(written);
  if (!duration || Math.abs(duration.amount) <= MAX_DURATION[duration.unit]) return [];
  return [
    {
      rule: 'limits',
      span,
      message: `${what} ${written.trim()} is over 100 years: at most ${MAX_DURATION.d}d or ${MAX_DURATION.w}w (working days or weeks). ${consequence}`,
    },
  ];
}

function durationFinding(node: unknown, key: string): Finding[] {
  const text = stringValue(node);
  if (!text) return [];
  return key === 'lag' ? overLimit(text.value, 'Lag', 'It is read as 0d.', text.span) : overLimit(text.value, 'Duration', 'It is not used.', text.span);
}

function dueOffsetFinding(node: unknown): Finding[] {
  const text = stringValue(node);
  const offset = text && DUE_AFTER.exec(text.value.trim())?.[1];
  return text && offset ? overLimit(offset, 'Due offset', 'The due date is not used.', text.span) : [];
}

function holidayFindings(node: unknown): Finding[] {
  // Holidays written as dates (`[2027-05-31]`); those written `{date: ...}` are found under their key.
  // A list of more than MAX_HOLIDAYS (the collection limit) was cut by the parse, which reports it.
  return isSeq(node) ? node.items.slice(0, MAX_HOLIDAYS).flatMap(dateFinding) : [];
}
