import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzePlan, type PlanAnalysis } from '../../server/src/analysis/analyze-plan.js';
import { applyMutation, applyMutations } from './arbitraries.js';
import { checkAnswer, checkFindings } from './properties.js';

/**
 * The fuzz properties can fail: each check rejects the answer it exists to
 * catch (so a green fuzz run means something), and the mutations damage.
 */
const TEXT = 'crmplan: 1\nplan:\n  name: P\n  start: 2027-01-04\n';
const document = TextDocument.create('file:///checks.crmplan.yaml', 'crmplan', 1, TEXT);

function withFinding(finding: Record<string, unknown>): PlanAnalysis {
  const analysis = analyzePlan(TEXT);
  return { ...analysis, findings: [{ rule: 'schema', message: 'Fine.', span: { start: 0, end: 1 }, severity: 'error', ...finding }] } as PlanAnalysis;
}

describe('fuzz checks', () => {
  it('accept a real analysis', () => {
    expect(() => checkFindings(analyzePlan(TEXT), TEXT)).not.toThrow();
  });

  it.each([
    [{ rule: 'no-such-rule' }, /unknown rule/],
    [{ span: { start: 5, end: 999 } }, /outside the text/],
    [{ span: { start: 6, end: 5 } }, /outside the text/],
    [{ message: "Invalid kind '[object Object]'" }, /\[object Object\]/],
    [{ message: 'Plan.start must be text, not undefined.' }, /undefined/],
    [{ message: 'NaN days' }, /NaN/],
    [{ message: ' ' }, /empty/],
    [{ related: [{ span: { start: 0, end: 1 }, message: 'Infinity' }] }, /Infinity/],
  ])('reject the finding %j', (finding, error) => {
    expect(() => checkFindings(withFinding(finding), TEXT)).toThrow(error);
  });

  it('exempt words the plan itself contains', () => {
    const text = `${TEXT}# undefined NaN\n`;
    expect(() => checkFindings(withFinding({ message: "Unknown key 'undefined' (NaN)" }), text)).not.toThrow();
  });

  it.each([
    [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } } }, /outside the document/],
    [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 11 } } }, /outside the document/],
    [{ range: { start: { line: 1, character: 2 }, end: { line: 0, character: 0 } } }, /ends before it starts/],
    [[{ position: { line: 0, character: null } }], /position/],
    [{ contents: { kind: 'markdown', value: '**[object Object]**' } }, /\[object Object\]/],
    [{ startLine: 2, endLine: 40 }, /outside the document/],
    [{ span: { start: 0, end: 400 } }, /outside the text/],
  ])('reject the answer %j', (answer, error) => {
    expect(() => checkAnswer(answer, document, TEXT, 'test')).toThrow(error);
  });

  it('damage text with each kind of mutation, and keep it when asked to apply nothing', () => {
    expect(applyMutations(TEXT, [])).toBe(TEXT);
    expect(applyMutation(TEXT, { kind: 'truncate', at: 0.5 }).length).toBeLessThan(TEXT.length);
    expect(applyMutation(TEXT, { kind: 'crlf', all: true, at: 0 })).toBe(TEXT.replace(/\n/g, '\r\n'));
    expect(applyMutation(TEXT, { kind: 'alias-bomb', uses: 120, depth: 2 }).match(/\*b2/g)).toHaveLength(120);
    expect(applyMutation(TEXT, { kind: 'absurd-value', which: 0.99, value: '1e309' })).toContain('start: 1e309');
    expect(applyMutation(TEXT, { kind: 'tag', line: 0.5, tag: '!custom ' })).toContain('name: !custom P');
    expect(applyMutation(TEXT, { kind: 'indent', line: 0, by: 3 }).startsWith('   crmplan')).toBe(true);
    expect(applyMutation(TEXT, { kind: 'flip', at: 0, bit: 5 }).startsWith('Crmplan')).toBe(true);
  });
});
