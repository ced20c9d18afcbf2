import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from './settings.js';

describe('crmplan.statusDate', () => {
  it('is a real date or empty (today); anything else reads as empty', () => {
    expect(DEFAULT_SETTINGS.statusDate).toBe('');
    expect(normalizeSettings({ statusDate: '2027-03-01' }).statusDate).toBe('2027-03-01');
    expect(normalizeSettings({ statusDate: ' 2027-03-01 ' }).statusDate).toBe('2027-03-01');
    for (const bad of ['', '2027-02-30', 'today', 20270301, null, ['2027-03-01'], '0999-01-01']) {
      expect(normalizeSettings({ statusDate: bad }).statusDate).toBe('');
    }
    expect(normalizeSettings(undefined).statusDate).toBe('');
  });
});
