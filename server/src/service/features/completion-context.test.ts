import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../parse/parse-plan-text.js';
import { seededRandom } from '../../schedule/schedule-test-support.js';
import { cursorContext } from './completion-context.js';

/**
 * Completion finds the cursor's place by parsing only the part of the plan
 * that holds it (a phase, an item or a section of the root). It must find
 * the same place as a parse of the whole copy, in clean text and in text
 * that is being typed.
 */

const SAMPLES = ['samples/connectsphere.crmplan.yaml', 'samples/mid-market-8-week.crmplan.yaml', 'test/fixtures/hostile-names.crmplan.yaml'];
const HALF_TYPED = ['\n', '\n\n', '\n        ow', '\n      - ', '\n  - id: x\n    ', ' [t1, ', '\n    tasks:\n      - {id: a, depends_on: [', '\n        due: 3d after ', '\nri', '\n    x: "unclosed'];

/** Compares the two ways; true when the part was used. */
function expectSameContext(text: string | ReturnType<typeof parsePlanText>, offset: number, label: string): boolean {
  const parsed = typeof text === 'string' ? parsePlanText(text) : text;
  const { fromPart, ...part } = cursorContext(parsed, offset, 'part');
  const { fromPart: wholeFromPart, ...whole } = cursorContext(parsed, offset, 'whole');
  expect(wholeFromPart).toBe(false);
  expect(part, `${label} at offset ${offset}`).toEqual(whole);
  return fromPart;
}

describe('cursor context from the part that holds the cursor', () => {
  for (const file of SAMPLES) {
    const text = readFileSync(file, 'utf8');
    it(`equals the whole-copy context at every 89th offset and every line end of ${file}`, () => {
      const parsed = parsePlanText(text);
      let checked = 0;
      let fromParts = 0;
      const check = (offset: number): void => {
        checked++;
        if (expectSameContext(parsed, offset, file)) fromParts++;
      };
      for (let offset = 0; offset <= text.length; offset += 89) check(offset);
      for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 97)) check(newline);
      // Most places are inside a phase or an item: the test compares the part's answer, not a fallback.
      expect(fromParts / checked).toBeGreaterThan(0.5);
    });

    it(`equals it right after half-typed text in ${file}`, () => {
      const next = seededRandom(file.length);
      for (let round = 0; round < 80; round++) {
        const at = text.indexOf('\n', Math.floor(next() * text.length));
        if (at < 0) continue;
        const typed = HALF_TYPED[Math.floor(next() * HALF_TYPED.length)]!;
        const edited = text.slice(0, at) + typed + text.slice(at);
        expectSameContext(edited, at + typed.length, `${file} with ${JSON.stringify(typed)}`);
      }
    });
  }
});

describe('the cursor on the first line', () => {
  // `lastIndexOf('\n', -1)` finds a newline at offset 0: the column came out as -1 and a snippet's indent as a negative count.
  it('is at column 0 when the file starts with an empty line', () => {
    const parsed = parsePlanText('\n        duration: \n        - id: t3\n');
    expect(cursorContext(parsed, 0).column).toBe(0);
  });
});
