import { describe, expect, it } from 'vitest';
import { foldLine, icsText } from './ics-text.js';

describe('RFC 5545 text', () => {
  it('escapes backslash, semicolon, comma and every line break; other control characters become U+FFFD', () => {
    expect(icsText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(icsText('tab\tstays, bell\u0007 and NUL\u0000 do not')).toBe('tab\tstays\\, bell\uFFFD and NUL\uFFFD do not');
  });

  it('folds at 75 octets of UTF-8 without splitting a character, and unfolds to the same line', () => {
    const line = `SUMMARY:${'Données 日本語 🚀 '.repeat(12)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    parts.forEach((part, index) => {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
      // A split character would not survive the round trip through bytes.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      expect(part).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    });
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });
});
