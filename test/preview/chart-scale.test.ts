import { describe, expect, it } from 'vitest';
import { barPoints, chartScaleOf, fitDateScale, localDayEnd, localDayStart, type ChartBox, type DatedBar } from '../../client/webview/chart-scale.js';

// Dates are local midnights, as dayjs reads them for Mermaid; this file runs in Berlin time so
// that a daylight-saving change (Sun 2027-03-28, clocks forward: a 23-hour day) is on the chart.
process.env.TZ = 'Europe/Berlin';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('local days', () => {
  it('reads an ISO date as its local midnight, and its end as the next one', () => {
    expect(new Date(localDayStart('2027-01-04')).toISOString()).toBe('2027-01-03T23:00:00.000Z');
    expect(localDayEnd('2027-01-04') - localDayStart('2027-01-04')).toBe(DAY);
    // The day the clocks go forward has 23 hours.
    expect(localDayEnd('2027-03-28') - localDayStart('2027-03-28')).toBe(23 * HOUR);
    expect(localDayEnd('2027-12-31')).toBe(localDayStart('2028-01-01'));
  });

  it('is NaN for what is not a date', () => {
    for (const text of ['2027-02-30', '2027-13-01', '2027-1-04', '', 'tomorrow', '2027-01-04T00:00']) {
      expect(localDayStart(text), text).toBeNaN();
      expect(localDayEnd(text), text).toBeNaN();
    }
  });
});

describe('fitDateScale', () => {
  it('is the line through the earliest and the latest point', () => {
    const scale = fitDateScale([
      { time: 10 * DAY, x: 300 },
      { time: 0, x: 100 },
      { time: 5 * DAY, x: 999 }, // between the ends: not used
      { time: 20 * DAY, x: 500 },
    ])!;
    expect(scale.pixelsPerMillisecond * DAY).toBeCloseTo(20, 12);
    expect(scale.offset).toBeCloseTo(100, 9);
  });

  it('needs two distinct times and x growing with time', () => {
    expect(fitDateScale([])).toBeUndefined();
    expect(fitDateScale([{ time: DAY, x: 10 }, { time: DAY, x: 50 }])).toBeUndefined();
    expect(fitDateScale([{ time: 0, x: 50 }, { time: DAY, x: 10 }])).toBeUndefined();
    expect(fitDateScale([{ time: Number.NaN, x: 0 }, { time: DAY, x: 10 }])).toBeUndefined();
  });
});

describe('barPoints', () => {
  const box: ChartBox = { x: 100, y: 0, width: 40, height: 20 };
  it('gives a bar its start at its first midnight and its end at the midnight after its last day', () => {
    expect(barPoints({ box, start: '2027-01-04', finish: '2027-01-05', milestone: false })).toEqual([
      { time: localDayStart('2027-01-04'), x: 100 },
      { time: localDayStart('2027-01-06'), x: 140 },
    ]);
  });
  it('gives a milestone its centre at its date', () => {
    expect(barPoints({ box: { x: 89, y: 0, width: 22, height: 22 }, start: '2027-01-11', finish: '2027-01-11', milestone: true })).toEqual([
      { time: localDayStart('2027-01-11'), x: 100 },
    ]);
  });
});

describe('chartScaleOf', () => {
  // As Mermaid draws 2027-01-04 .. 2027-01-29 (26 days, no clock change) into 1,100 units with
  // 75 on each side: x = 75 + round(950 x days / 26). Kickoff Jan 4-8 [75, 258); build
  // Jan 11-29 ends at 1025; go-live, a milestone on Jan 18, is centred at 75 + round(950 x 14/26) = 587.
  const bars: DatedBar[] = [
    { box: { x: 75, y: 48, width: 183, height: 22 }, start: '2027-01-04', finish: '2027-01-08', milestone: false },
    { box: { x: 331, y: 76, width: 694, height: 22 }, start: '2027-01-11', finish: '2027-01-29', milestone: false },
    { box: { x: 576, y: 104, width: 22, height: 22 }, start: '2027-01-18', finish: '2027-01-18', milestone: true },
  ];
  const boxes = new Map(bars.map((bar, index) => [`t${index}`, bar.box]));
  const scale = chartScaleOf(bars, boxes)!;

  it('puts each date where Mermaid puts it (whole units, like its rangeRound)', () => {
    expect(scale.xOfDate('2027-01-04')).toBe(75);
    expect(scale.xAfterDate('2027-01-29')).toBe(1025);
    // 950 x 5/26 = 182.69 -> 183; 950 x 7/26 = 255.77 -> 256; 950 x 14/26 = 511.5 -> 512.
    expect(scale.xAfterDate('2027-01-08')).toBe(258);
    expect(scale.xOfDate('2027-01-11')).toBe(331);
    expect(scale.xOfDate('2027-01-18')).toBe(587);
    expect(scale.xAfterDate('2027-01-10')).toBe(scale.xOfDate('2027-01-11'));
    expect(scale.pixelsPerDay).toBeCloseTo(950 / 26, 9);
    expect(scale.bars.get('t1')).toEqual(bars[1]!.box);
  });

  it('follows the clock change: the 23-hour day is 23/24 of a day wide', () => {
    // 2027-03-22 .. 2027-04-04 (14 days, 13 x 24 + 23 hours) is 335 hours, onto 75 + [0, 1005]: 3 units an hour.
    const spanning: DatedBar[] = [{ box: { x: 75, y: 0, width: 1005, height: 22 }, start: '2027-03-22', finish: '2027-04-04', milestone: false }];
    const dst = chartScaleOf(spanning, new Map())!;
    expect(dst.xOfDate('2027-03-28')).toBe(75 + 6 * 72);
    expect(dst.xAfterDate('2027-03-28')).toBe(75 + 6 * 72 + 69);
    expect(dst.xOfDate('2027-03-29')).toBe(75 + 6 * 72 + 69);
  });

  it('is undefined without two distinct dated edges', () => {
    expect(chartScaleOf([], new Map())).toBeUndefined();
    expect(chartScaleOf([bars[2]!], new Map())).toBeUndefined();
  });
});
