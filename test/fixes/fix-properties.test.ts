import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FixEdit, QuickFix } from '../../server/src/fixes/index.js';
import type { PlanAnalysis, ReportedFinding } from '../../server/src/analysis/analyze-plan.js';
import { GOLDEN_DIR, analyze, applyFix, offeredFixes } from './fix-test-support.js';

/**
 * Properties every quick fix keeps, on every plan we have: the golden
 * inputs, the samples, samples/with-problems/ (when it exists), the test
 * fixtures and test/fixes/plans/. For every finding and every fix offered
 * for it, applying the fix:
 * - removes that finding (the same rule at the same place, and the rule
 *   reports less than before; for "Disable", every finding of the rule);
 * - leaves a file without YAML errors when it had none;
 * - keeps every comment line;
 * - changes no line outside the lines its edits touch, and never rewrites
 *   a whole line it does not change (edits are minimal).
 */

const ROOT = path.resolve(__dirname, '..', '..');
const PLAN_FILE = /\.crmplan\.ya?ml$/;

function plansIn(directory: string, filter: (file: string) => boolean = () => true): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((file) => PLAN_FILE.test(file) && filter(file))
    .sort()
    .map((file) => path.join(directory, file));
}

const PLANS = [
  ...plansIn(GOLDEN_DIR, (file) => file.includes('.input.')),
  ...plansIn(path.join(ROOT, 'samples')),
  ...plansIn(path.join(ROOT, 'samples', 'with-problems')),
  ...plansIn(path.join(ROOT, 'test', 'fixtures')),
  ...plansIn(path.join(__dirname, 'plans')),
];

describe('quick-fix properties', () => {
  it('runs over golden inputs, samples and fixtures', () => {
    expect(PLANS.length).toBeGreaterThan(20);
  });

  let checkedFixes = 0;
  const variants = PLANS.flatMap((file) => [
    { file, lineBreaks: 'as written' },
    // Golden inputs once more with CRLF line breaks.
    ...(file.startsWith(GOLDEN_DIR) ? [{ file, lineBreaks: 'CRLF' }] : []),
  ]);
  for (const { file, lineBreaks } of variants) {
    const name = `${path.relative(ROOT, file)} (${lineBreaks})`;
    it(name, () => {
      const written = readFileSync(file, 'utf8');
      const text = lineBreaks === 'CRLF' ? written.replace(/\r?\n/g, '\r\n') : written;
      const before = analyze(text);
      for (const { finding, fix } of offeredFixes(before)) {
        const label = `${finding.rule} at ${finding.span.start} | ${fix.title}`;
        const output = applyFix(text, fix);
        const after = analyze(output);
        expect(output, label).not.toBe(text);
        expect(findingRemains(finding, fix, after), `${label}: the finding remains`).toBe(false);
        // Nor does it just move: the rule reports less than before.
        expect(count(after, finding.rule), `${label}: as many findings of the rule`).toBeLessThan(count(before, finding.rule));
        if (yamlErrors(before) === 0) expect(yamlErrors(after), `${label}: YAML errors`).toBe(0);
        expect(missingCommentLines(text, output), `${label}: comment lines lost`).toEqual([]);
        expect(untouchedLinesChanged(text, output, fix.edits), `${label}: untouched lines changed`).toEqual([]);
        expect(rewrittenLines(text, fix.edits), `${label}: unchanged lines rewritten`).toEqual([]);
        checkedFixes++;
      }
    });
  }

  it('checked fixes of every provider', () => {
    // Runs after the per-file tests (vitest runs a file's tests in order).
    expect(checkedFixes).toBeGreaterThan(50);
  });
});

function count(analysis: PlanAnalysis, rule: string): number {
  return analysis.findings.filter((finding) => finding.rule === rule).length;
}

function yamlErrors(analysis: PlanAnalysis): number {
  return analysis.parsed.problems.filter((problem) => problem.severity === 'error').length;
}

function isDisable(fix: QuickFix, rule: string): boolean {
  return fix.title === `Disable ${rule} in this file`;
}

/** The same rule still reports at the finding's place (its span carried through the edits). */
function findingRemains(finding: ReportedFinding, fix: QuickFix, after: PlanAnalysis): boolean {
  const sameRule = after.findings.filter((candidate) => candidate.rule === finding.rule);
  if (isDisable(fix, finding.rule)) return sameRule.length > 0;
  // A finding on text the fix deletes is gone with it.
  if (fix.edits.some((edit) => edit.newText === '' && edit.span.start <= finding.span.start && finding.span.end <= edit.span.end)) {
    return false;
  }
  const start = mapOffset(finding.span.start, fix.edits, 'start');
  const end = Math.max(start, mapOffset(finding.span.end, fix.edits, 'end'));
  return sameRule.some(
    (candidate) =>
      (candidate.span.start < end && start < candidate.span.end) || (candidate.span.start === start && candidate.span.end === end),
  );
}

/**
 * Where an offset of the old text lies in the new one. Text an edit
 * replaces maps to the replacement (its start or end, by `bias`); an
 * insertion at a finding's start pushes the finding after it.
 */
function mapOffset(offset: number, edits: readonly FixEdit[], bias: 'start' | 'end'): number {
  let delta = 0;
  for (const edit of [...edits].sort((a, b) => a.span.start - b.span.start)) {
    const newStart = edit.span.start + delta;
    if (offset < edit.span.start) return offset + delta;
    if (edit.span.start === edit.span.end && offset === edit.span.start && bias === 'end') return offset + delta;
    if (offset < edit.span.end) return bias === 'start' ? newStart : newStart + edit.newText.length;
    delta += edit.newText.length - (edit.span.end - edit.span.start);
  }
  return offset + delta;
}

function commentLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('#'));
}

/** Full-line comments of the old text that the new text lacks (as a multiset). */
function missingCommentLines(oldText: string, newText: string): string[] {
  const available = new Map<string, number>();
  for (const line of commentLines(newText)) available.set(line, (available.get(line) ?? 0) + 1);
  const missing: string[] = [];
  for (const line of commentLines(oldText)) {
    const count = available.get(line) ?? 0;
    if (count === 0) missing.push(line);
    else available.set(line, count - 1);
  }
  return missing;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= offset) line++;
  return line;
}

function touchedLines(text: string, edits: readonly FixEdit[]): Set<number> {
  const starts = lineStarts(text);
  const touched = new Set<number>();
  for (const edit of edits) {
    for (let line = lineOf(starts, edit.span.start); line <= lineOf(starts, edit.span.end); line++) touched.add(line);
  }
  return touched;
}

/**
 * Every line of the old text outside the lines the edits touch is found,
 * unchanged, where the edits carry it in the new text (inserted lines are
 * allowed in between).
 */
function untouchedLinesChanged(oldText: string, newText: string, edits: readonly FixEdit[]): string[] {
  const oldLines = oldText.split('\n');
  const oldStarts = lineStarts(oldText);
  const newStarts = lineStarts(newText);
  const newLines = newText.split('\n');
  const touched = touchedLines(oldText, edits);
  const changed: string[] = [];
  oldLines.forEach((line, index) => {
    if (touched.has(index)) return;
    const newOffset = mapOffset(oldStarts[index] ?? 0, edits, 'start');
    const newIndex = newStarts.indexOf(newOffset);
    if (newIndex < 0 || newLines[newIndex] !== line) changed.push(`${index + 1}: ${line}`);
  });
  return changed;
}

/** Edits that replace a whole line with the same line (not minimal). */
function rewrittenLines(text: string, edits: readonly FixEdit[]): string[] {
  const rewritten: string[] = [];
  for (const edit of edits) {
    const old = text.slice(edit.span.start, edit.span.end);
    const prefix = commonPrefix(old, edit.newText);
    const suffix = commonPrefix(reverse(old), reverse(edit.newText));
    if (prefix.includes('\n') || suffix.includes('\n')) rewritten.push(JSON.stringify(old));
  }
  return rewritten;
}

function commonPrefix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return a.slice(0, length);
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}
