import { describe, expect, it } from 'vitest';
import { isIsoDate, parseDuration, parseQuantity } from './values.js';

describe('value readers', () => {
  it('accepts real calendar dates only, in every year', () => {
    expect(isIsoDate('2027-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-02-30')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('2027-1-01')).toBe(false);
    // Years before 100 are real years, not 1900-1999.
    expect(isIsoDate('0050-01-04')).toBe(true);
    expect(isIsoDate('0004-02-29')).toBe(true);
    expect(isIsoDate('0100-02-29')).toBe(false);
  });

  it('reads durations, negative only where allowed, and quantities', () => {
    expect(parseDuration('3d')).toEqual({ amount: 3, unit: 'd' });
    expect(parseDuration('2w')).toEqual({ amount: 2, unit: 'w' });
    expect(parseDuration('-1d')).toBeUndefined();
    expect(parseDuration('-1d', true)).toEqual({ amount: -1, unit: 'd' });
    expect(parseDuration('3 days')).toBeUndefined();
    expect(parseQuantity('50%')).toEqual({ kind: 'percent', value: 50 });
    expect(parseQuantity('7.5h/w')).toEqual({ kind: 'hoursPerWeek', value: 7.5 });
    expect(parseQuantity('half')).toBeUndefined();
  });
});
