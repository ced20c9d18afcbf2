import { describe, expect, it } from 'vitest';
import { axisTicks, axisUnitFor } from '../../client/webview/chart-axis.js';

describe('axis ticks chosen by zoom', () => {
  it('takes the finest unit whose ticks are far enough apart on screen', () => {
    // Days need 22 px each; weeks 48 px (6.9 px a day); months 36 px (1.2 px a day);
    // quarters 32 px (0.35 px a day: 91.3 days); years 40 px.
    expect(axisUnitFor(30)).toBe('day');
    expect(axisUnitFor(22)).toBe('day');
    expect(axisUnitFor(21.9)).toBe('week');
    expect(axisUnitFor(7)).toBe('week');
    expect(axisUnitFor(6.8)).toBe('month');
    expect(axisUnitFor(1.2)).toBe('month');
    expect(axisUnitFor(1.1)).toBe('quarter');
    expect(axisUnitFor(0.36)).toBe('quarter');
    expect(axisUnitFor(0.34)).toBe('year');
    expect(axisUnitFor(0.01)).toBe('year');
  });

  it('gives day ticks under month labels, with a month label where the chart starts', () => {
    const ticks = axisTicks('2027-01-30', '2027-02-02', 25);
    expect(ticks.unit).toBe('day');
    expect(ticks.minor).toEqual([
      { date: '2027-01-30', label: '30' },
      { date: '2027-01-31', label: '31' },
      { date: '2027-02-01', label: '01' },
      { date: '2027-02-02', label: '02' },
    ]);
    expect(ticks.major).toEqual([
      { date: '2027-01-30', label: 'Jan 2027' },
      { date: '2027-02-01', label: 'Feb 2027' },
    ]);
  });

  it('puts week ticks on Mondays, month ticks on the 1st, quarters on Jan/Apr/Jul/Oct, years under no row', () => {
    // Wed 2027-01-06 .. Mon 2027-01-25: Mondays 11, 18, 25.
    expect(axisTicks('2027-01-06', '2027-01-25', 10).minor).toEqual([
      { date: '2027-01-11', label: 'Jan 11' },
      { date: '2027-01-18', label: 'Jan 18' },
      { date: '2027-01-25', label: 'Jan 25' },
    ]);
    const months = axisTicks('2027-11-15', '2028-02-10', 2);
    expect(months.unit).toBe('month');
    expect(months.minor.map((tick) => tick.label)).toEqual(['Dec', 'Jan', 'Feb']);
    expect(months.major).toEqual([
      { date: '2027-11-15', label: '2027' },
      { date: '2028-01-01', label: '2028' },
    ]);
    const quarters = axisTicks('2027-02-01', '2027-12-31', 0.5);
    expect(quarters.minor.map((tick) => `${tick.date} ${tick.label}`)).toEqual(['2027-04-01 Q2', '2027-07-01 Q3', '2027-10-01 Q4']);
    const years = axisTicks('2027-06-01', '2030-01-01', 0.1);
    expect(years.minor.map((tick) => tick.label)).toEqual(['2028', '2029', '2030']);
    expect(years.major).toEqual([]);
  });

  it('gives no ticks for dates that are not dates or are out of order', () => {
    expect(axisTicks('2027-02-30', '2027-03-10', 25).minor).toEqual([]);
    expect(axisTicks('2027-03-10', '2027-03-01', 25).minor).toEqual([]);
    expect(axisTicks('soon', '2027-03-01', 25).major).toEqual([]);
  });
});
