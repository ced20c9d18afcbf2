import { describe, expect, it } from 'vitest';
import { formatNumber, joinWords, quotedWords, workingDays } from './phrases.js';

describe('phrases', () => {
  it('joins words with commas and a last "and" (or "or")', () => {
    expect(joinWords([])).toBe('');
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b'])).toBe('a and b');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(joinWords(['a', 'b', 'c'], 'or')).toBe('a, b or c');
    expect(quotedWords(['a', 'b', 'c'])).toBe("'a', 'b' and 'c'");
    expect(quotedWords(['x'])).toBe("'x'");
    expect(quotedWords([])).toBe('');
  });

  it('writes working days and figures as people write them', () => {
    expect(workingDays(1)).toBe('1 working day');
    expect(workingDays(3)).toBe('3 working days');
    expect(workingDays(-2)).toBe('-2 working days');
    expect(workingDays(0)).toBe('0 working days');
    expect(formatNumber(40 / 3)).toBe('13.33');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(Infinity)).toBe('∞');
  });
});
