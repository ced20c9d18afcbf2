import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzePlan, reanalyzePlan, type PlanAnalysis } from '../../server/src/analysis/analyze-plan.js';
import { quickFixes } from '../../server/src/fixes/index.js';
import { RULE_NAMES } from '../../server/src/rules/index.js';
import type { Span } from '../../server/src/model/types.js';
import { LanguageService } from '../../server/src/service/language-service.js';
import { spanToRange } from '../../server/src/service/diagnostics.js';
import { analysisSnapshot } from '../incremental/analysis-snapshot.js';
import { applyEdit, randomEdit, seededRandom } from '../incremental/random-edits.js';
import { applyMutations, damagedPlan, planText, probes, type PlanFile } from './arbitraries.js';

/**
 * The properties of the fuzz suite. Each takes one plain, JSON-storable
 * input (the text and the random choices made on it), so that a shrunk
 * counterexample can be written to test/fuzz/repro/ and replayed as a
 * regression test. A check throws an Error that says what broke.
 */
export interface FuzzInput {
  readonly text: string;
  /** Places in the text, as fractions (values outside [0, 1) ask past the ends). */
  readonly probes: readonly number[];
  /** Which findings get their quick fixes checked, as fractions of the finding list. */
  readonly picks: readonly number[];
  /** Seed of the random edit of the incremental property. */
  readonly seed: number;
}

export interface FuzzProperty {
  readonly name: string;
  readonly summary: string;
  check(input: FuzzInput): void;
}

/** Words that, in text meant for a person, mean a value went through `String()` unchecked. */
const LEAKED_VALUES = ['[object Object]', 'undefined', 'NaN', 'Infinity'] as const;
const KNOWN_RULES = new Set<string>(RULE_NAMES);

class PropertyFailure extends Error {}

function fail(message: string): never {
  throw new PropertyFailure(message);
}

/** A message a person reads: not empty, and no leaked JavaScript value that the plan text does not itself contain. */
function checkMessage(message: unknown, text: string, where: string): void {
  if (typeof message !== 'string' || message.trim() === '') fail(`${where}: empty or non-text message ${JSON.stringify(message)}`);
  for (const leaked of LEAKED_VALUES) {
    if (message.includes(leaked) && !text.includes(leaked)) fail(`${where}: message shows '${leaked}': ${JSON.stringify(message)}`);
  }
}

function checkSpan(span: Span, text: string, where: string): void {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end < span.start || span.end > text.length) {
    fail(`${where}: span ${JSON.stringify(span)} outside the text of ${text.length} characters`);
  }
}

/** The findings of an analysis: a known rule, a span inside the text, a readable message (related ones too). */
export function checkFindings(analysis: PlanAnalysis, text: string): void {
  for (const finding of analysis.findings) {
    const where = `${finding.rule} finding at ${finding.span.start}-${finding.span.end}`;
    if (!KNOWN_RULES.has(finding.rule)) fail(`${where}: unknown rule name`);
    checkSpan(finding.span, text, where);
    checkMessage(finding.message, text, where);
    for (const related of finding.related ?? []) {
      checkSpan(related.span, text, `${where}, related`);
      checkMessage(related.message, text, `${where}, related`);
    }
  }
}

/**
 * Every LSP position in a feature's answer lies in the document (a line
 * that exists, a character within it), every range starts before it ends,
 * every `span` of offsets lies in the text, and no text shows a leaked value.
 */
export function checkAnswer(answer: unknown, document: TextDocument, text: string, where: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      for (const leaked of ['[object Object]', 'NaN']) {
        if (value.includes(leaked) && !text.includes(leaked)) fail(`${where} ${path}: shows '${leaked}': ${JSON.stringify(value.slice(0, 200))}`);
      }
      return;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) fail(`${where} ${path}: number ${value}`);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}[${index}]`));
      return;
    }
    const record = value as Record<string, unknown>;
    if ('line' in record && 'character' in record) {
      const { line, character } = record;
      if (typeof line !== 'number' || typeof character !== 'number' || !Number.isInteger(line) || !Number.isInteger(character)) {
        fail(`${where} ${path}: position ${JSON.stringify(record)}`);
      }
      if (line < 0 || line >= lines.length || character < 0 || character > lines[line]!.length) {
        fail(`${where} ${path}: position ${line}:${character} outside the document (${lines.length} lines)`);
      }
    }
    const { start, end } = record;
    if (isPosition(start) && isPosition(end) && document.offsetAt(start) > document.offsetAt(end)) {
      fail(`${where} ${path}: range ends before it starts: ${JSON.stringify(record)}`);
    }
    if (typeof start === 'number' && typeof end === 'number' && path.endsWith('span')) checkSpan({ start, end }, text, `${where} ${path}`);
    if (typeof record['startLine'] === 'number' && typeof record['endLine'] === 'number') {
      if (record['startLine'] < 0 || record['endLine'] < record['startLine'] || record['endLine'] >= lines.length) {
        fail(`${where} ${path}: lines ${record['startLine']}-${record['endLine']} outside the document (${lines.length} lines)`);
      }
    }
    for (const [key, item] of Object.entries(record)) visit(item, `${path}.${key}`);
  };
  visit(answer, '');
}

function isPosition(value: unknown): value is { line: number; character: number } {
  return typeof value === 'object' && value !== null && typeof (value as { line?: unknown }).line === 'number';
}

/** The place a probe names: an offset (clamped) and its position, or a position past the end for values outside [0, 1). */
function probePosition(document: TextDocument, text: string, probe: number): { line: number; character: number } {
  if (probe >= 1) return { line: document.lineCount - 1 + Math.floor(probe), character: 5 };
  if (probe < 0) return { line: 0, character: 10_000 };
  return document.positionAt(Math.floor(probe * (text.length + 1)));
}

function yamlSyntaxCount(analysis: PlanAnalysis): number {
  return analysis.findings.filter((finding) => finding.rule === 'yaml-syntax').length;
}

export const pipelineProperty: FuzzProperty = {
  name: 'pipeline',
  summary: 'the whole analysis never throws; findings have a known rule, a span in the text and a readable message',
  check({ text }) {
    checkFindings(analyzePlan(text), text);
  },
};

export const featuresProperty: FuzzProperty = {
  name: 'features',
  summary: 'every editor feature at random places never throws and answers ranges inside the document',
  check({ text, probes: places }) {
    const service = new LanguageService({ ruleDocsBase: 'file:///docs/rules/' });
    const document = TextDocument.create('file:///fuzz/plan.crmplan.yaml', 'crmplan', 1, text);
    const diagnostics = service.validate(document);
    for (const diagnostic of diagnostics) checkMessage(diagnostic.message, text, `diagnostic ${String(diagnostic.code)}`);
    checkAnswer(diagnostics, document, text, 'diagnostics');
    const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
    checkAnswer(service.documentSymbols(document), document, text, 'documentSymbols');
    checkAnswer(service.foldingRanges(document), document, text, 'foldingRanges');
    checkAnswer(service.inlayHints(document, whole), document, text, 'inlayHints');
    checkAnswer(service.timeline(document), document, text, 'timeline');
    checkAnswer(service.codeActions(document, whole, { diagnostics }), document, text, 'codeActions (whole file)');
    const positions = places.map((probe) => probePosition(document, text, probe));
    checkAnswer(service.selectionRanges(document, positions), document, text, 'selectionRanges');
    for (const position of positions) {
      const at = `at ${position.line}:${position.character}`;
      checkAnswer(service.hover(document, position), document, text, `hover ${at}`);
      checkAnswer(service.completion(document, position), document, text, `completion ${at}`);
      checkAnswer(service.completion(document, position, ':'), document, text, `completion ':' ${at}`);
      checkAnswer(service.definition(document, position), document, text, `definition ${at}`);
      checkAnswer(service.definitionLinks(document, position), document, text, `definitionLinks ${at}`);
      checkAnswer(service.references(document, position, true), document, text, `references ${at}`);
      checkAnswer(service.documentHighlights(document, position), document, text, `documentHighlights ${at}`);
      checkAnswer(service.prepareRename(document, position), document, text, `prepareRename ${at}`);
      checkAnswer(service.rename(document, position, 'renamed-id'), document, text, `rename ${at}`);
      const range = { start: position, end: probePosition(document, text, Math.min(0.999, Math.abs(places[0] ?? 0) + 0.01)) };
      checkAnswer(service.codeActions(document, range, { diagnostics: [] }), document, text, `codeActions ${at}`);
      checkAnswer(service.inlayHints(document, range), document, text, `inlayHints ${at}`);
    }
  },
};

export const fixesProperty: FuzzProperty = {
  name: 'fixes',
  summary: 'every quick fix applies cleanly (edits inside the text, not overlapping) and keeps a plan that parses parsing',
  check({ text, picks }) {
    const analysis = analyzePlan(text);
    if (analysis.findings.length === 0) return;
    const document = TextDocument.create('file:///fuzz/plan.crmplan.yaml', 'crmplan', 1, text);
    const chosen = new Set(picks.map((pick) => analysis.findings[Math.floor(pick * analysis.findings.length)]!));
    const errorsBefore = yamlSyntaxCount(analysis);
    for (const finding of chosen) {
      for (const fix of quickFixes(finding, analysis)) {
        const where = `fix '${fix.title}' of ${finding.rule} at ${finding.span.start}`;
        checkMessage(fix.title, text, where);
        if (fix.edits.length === 0) fail(`${where}: no edits`);
        const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
        edits.forEach((edit, index) => {
          checkSpan(edit.span, text, where);
          const previous = edits[index - 1];
          if (previous && previous.span.end > edit.span.start) fail(`${where}: edits overlap at ${edit.span.start}`);
        });
        // Applied by offsets, and as an editor applies the LSP edit: the same text.
        let byOffsets = text;
        for (const edit of [...edits].reverse()) byOffsets = byOffsets.slice(0, edit.span.start) + edit.newText + byOffsets.slice(edit.span.end);
        const byEditor = TextDocument.applyEdits(
          document,
          fix.edits.map((edit) => ({ range: spanToRange(document, edit.span), newText: edit.newText })),
        );
        if (byEditor !== byOffsets) fail(`${where}: the LSP edit changes other text than its offsets`);
        if (byOffsets === text) fail(`${where}: changes nothing`);
        const after = analyzePlan(byOffsets);
        const errorsAfter = yamlSyntaxCount(after);
        // A file that parses keeps parsing; in one that does not, text added after a broken line may break more.
        if (errorsBefore === 0 && errorsAfter > 0) {
          const added = after.findings.find((other) => other.rule === 'yaml-syntax');
          fail(`${where}: YAML errors ${errorsBefore} -> ${errorsAfter} (${added?.message ?? ''})`);
        }
        checkFindings(after, byOffsets);
      }
    }
  },
};

export const incrementalProperty: FuzzProperty = {
  name: 'incremental',
  summary: 're-analysing after a random edit equals analysing the edited text from scratch',
  check({ text, seed }) {
    const random = seededRandom(seed);
    const edited = applyEdit(text, randomEdit(text, random));
    const incremental = reanalyzePlan(analyzePlan(text), edited);
    const fresh = analyzePlan(edited);
    if (JSON.stringify(analysisSnapshot(incremental)) !== JSON.stringify(analysisSnapshot(fresh))) {
      fail(`incremental analysis of ${JSON.stringify(edited.slice(0, 80))}... differs from a fresh one`);
    }
  },
};

export const PROPERTIES: readonly FuzzProperty[] = [pipelineProperty, featuresProperty, fixesProperty, incrementalProperty];

/** Valid plans (a quarter) and damaged ones (the rest). */
export function fuzzText(plans: readonly PlanFile[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 1, arbitrary: planText(plans) },
    { weight: 3, arbitrary: damagedPlan(plans).map(({ base, mutations }) => applyMutations(base, mutations)) },
  );
}

export function fuzzInput(plans: readonly PlanFile[]): fc.Arbitrary<FuzzInput> {
  return fc.record({
    text: fuzzText(plans),
    probes,
    picks: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 3 }),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  });
}
