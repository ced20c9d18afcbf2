import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../server/src/analysis/analyze-plan.js';
import { ImportError, importPlanText, type ImportExtension } from '../../server/src/import/import-file.js';

// Whatever the file holds, an import either refuses it with an ImportError (one
// line, exit 2 in the CLI) or gives a plan without errors: never another
// exception, never a plan that check rejects.
const FIXTURES = path.join(__dirname, 'fixtures');
const XML = readFileSync(path.join(FIXTURES, 'ms-project-2010.xml'), 'utf8');
const CSV = readFileSync(path.join(FIXTURES, 'export-columns.csv'), 'utf8');

function outcome(text: string, extension: ImportExtension): string {
  try {
    const result = importPlanText(text, `fuzz.${extension}`, extension);
    const errors = analyzePlan(result.text).findings.filter((finding) => finding.severity === 'error');
    return errors.length === 0 ? 'plan' : `plan with errors: ${errors.map((finding) => finding.message).join('; ')}`;
  } catch (error) {
    if (error instanceof ImportError) {
      expect(error.message).not.toContain('\n');
      return 'refused';
    }
    throw error;
  }
}

/** The text with one slice cut out and another piece put in its place. */
const mutated = (text: string) =>
  fc
    .tuple(fc.nat({ max: text.length }), fc.nat({ max: 40 }), fc.constantFrom('', '<', '>', '&', '&amp;', '"', ',', ';', '\n', '0', '-1', 'x', '</Task>', '<Task>', 'SS-2d', '1.5'))
    .map(([at, length, insert]) => text.slice(0, at) + insert + text.slice(at + length));

describe('import robustness', () => {
  it('MS Project XML with a slice cut or replaced', () => {
    fc.assert(
      fc.property(mutated(XML), (text) => {
        expect(outcome(text, 'xml')).toMatch(/^(plan|refused)$/);
      }),
      { numRuns: 150, seed: 20271 },
    );
  });

  it('CSV with a slice cut or replaced', () => {
    fc.assert(
      fc.property(mutated(CSV), (text) => {
        expect(outcome(text, 'csv')).toMatch(/^(plan|refused)$/);
      }),
      { numRuns: 150, seed: 20272 },
    );
  });

  it('generated CSV rows: names, dates, durations, predecessors and owners of any shape', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2027-01-04', '2027-02-30', '0', '3', '2w', 'a', 'A SS+1d', "'=1", 'pm 50%'));
    const row = fc.array(cell, { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const quote = (value: string): string => `"${value.replace(/"/g, '""')}"`;
        const text = ['Name,Start,Duration,Predecessors,Owner', ...rows.map((cells) => cells.map(quote).join(','))].join('\n');
        expect(outcome(text, 'csv')).toMatch(/^(plan|refused)$/);
      }),
      { numRuns: 200, seed: 20273 },
    );
  });
});
