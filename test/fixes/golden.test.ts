import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, applyFix, goldenCases, offeredFixes } from './fix-test-support.js';

/**
 * Golden quick-fix tests in the style of actions/languageservices: each
 * `<name>.input.crmplan.yaml` names one fix (`# fix: <rule> | <title>`);
 * applying it must give `<name>.expected.crmplan.yaml` exactly.
 * `UPDATE_GOLDEN=1 npx vitest run test/fixes/golden.test.ts` rewrites the
 * expected files (review the diff).
 */
function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

describe('quick-fix golden files', () => {
  const cases = goldenCases();

  it('has golden cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const golden of cases) {
    it(`${golden.name}: ${golden.rule} | ${golden.title}`, () => {
      const offered = offeredFixes(analyze(golden.input)).filter(
        ({ finding, fix }) => finding.rule === golden.rule && fix.title === golden.title,
      );
      const titles = offeredFixes(analyze(golden.input)).map(({ finding, fix }) => `${finding.rule} | ${fix.title}`);
      expect(offered.length, `offered: ${[...new Set(titles)].join('\n')}`).toBeGreaterThan(0);
      const output = applyFix(golden.input, offered[0]!.fix);
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden.expectedPath, output);
      expect(existsSync(golden.expectedPath), `${golden.expectedPath} is missing (UPDATE_GOLDEN=1 writes it)`).toBe(true);
      expect(output).toBe(readFileSync(golden.expectedPath, 'utf8'));
    });

    it(`${golden.name}: the same with CRLF line breaks`, () => {
      const input = crlf(golden.input);
      const offered = offeredFixes(analyze(input)).find(({ finding, fix }) => finding.rule === golden.rule && fix.title === golden.title);
      expect(offered).toBeDefined();
      expect(applyFix(input, offered!.fix)).toBe(crlf(readFileSync(golden.expectedPath, 'utf8')));
    });
  }
});
