import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../parse/parse-plan-text.js';
import { detectIndentStyle } from './indent-style.js';

function styleOf(text: string) {
  return detectIndentStyle(parsePlanText(text).doc.contents, text);
}

describe('indentation style', () => {
  it('is 2 with nothing nested, and the step of the nesting there is', () => {
    expect(styleOf('crmplan: 1\n')).toEqual({ unit: 2, sequenceIndent: 2 });
    expect(styleOf('a:\n    b: 1\n')).toEqual({ unit: 4, sequenceIndent: 4 });
    expect(styleOf('a:\n- x\n')).toEqual({ unit: 2, sequenceIndent: 0 });
    // Only lists nested: their step is the unit.
    expect(styleOf('a:\n   - x\n')).toEqual({ unit: 3, sequenceIndent: 3 });
  });

  it('takes the most common step of a mixed file, not the first one', () => {
    // The first nested mapping steps 4; the three after it step 2.
    const text = 'plan:\n    name: X\ncalendar:\n  workdays: [mon]\nbudget:\n  total: 1\nrules:\n  limits: off\n';
    expect(styleOf(text).unit).toBe(2);
    // Lists: two at 0 (`key:\n- item`), one at 2.
    const lists = 'a:\n- x\nb:\n- y\nc:\n  - z\nd:\n   e: 1\n';
    expect(styleOf(lists)).toEqual({ unit: 3, sequenceIndent: 0 });
  });

  it('breaks a tie towards the smaller step', () => {
    expect(styleOf('a:\n    b: 1\nc:\n  d: 1\n').unit).toBe(2);
    expect(styleOf('a:\n  b: 1\nc:\n    d: 1\n').unit).toBe(2);
  });

  it('does not count a byte order mark as indentation, nor flow collections as nesting', () => {
    expect(styleOf('\ufeffa:\n   b: 1\n').unit).toBe(3);
    expect(styleOf('a: {b: 1}\nc: [d]\n')).toEqual({ unit: 2, sequenceIndent: 2 });
  });
});
