import { describe, expect, it } from 'vitest';
import type { Calendar, Weekday } from '../model/types.js';
import { WEEKDAYS } from '../model/types.js';
import {
  createWorkingCalendar,
  dateOfDayNumber,
  dayNumberOfDate,
  MAX_WORKING_DAYS,
  weekdayOfDayNumber,
} from './calendar.js';
import { seededRandom } from './schedule-test-support.js';

function calendarOf(workdays: readonly Weekday[], holidays: readonly string[] = [], hoursPerDay = 8): Calendar {
  return { workdays, hoursPerDay, holidays: holidays.map((date) => ({ date, span: { start: 0, end: 0 } })) };
}

const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

describe('day numbers', () => {
  it('agree with Date.UTC over four centuries', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 2000; i++) {
      const dayNumber = Math.floor(random() * 146097 * 1.2) - 30000;
      const expected = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
      expect(dateOfDayNumber(dayNumber)).toBe(expected);
      expect(dayNumberOfDate(expected)).toBe(dayNumber);
    }
  });

  it('knows the weekday (Monday = 0)', () => {
    expect(weekdayOfDayNumber(dayNumberOfDate('2027-01-04'))).toBe(0);
    expect(weekdayOfDayNumber(dayNumberOfDate('2027-01-03'))).toBe(6);
    expect(weekdayOfDayNumber(dayNumberOfDate('1969-12-31'))).toBe(2);
  });

  it('handles leap days and years before 100', () => {
    expect(dateOfDayNumber(dayNumberOfDate('2028-02-28') + 1)).toBe('2028-02-29');
    expect(dateOfDayNumber(dayNumberOfDate('2100-02-28') + 1)).toBe('2100-03-01');
    expect(dateOfDayNumber(dayNumberOfDate('0050-03-01'))).toBe('0050-03-01');
  });
});

describe('createWorkingCalendar', () => {
  it('numbers Monday-to-Friday working days from the start, skipping weekends', () => {
    const calendar = createWorkingCalendar(calendarOf(WEEK), '2027-01-04');
    expect(calendar.firstWorkingDay).toBe('2027-01-04');
    expect(calendar.workdaysPerWeek).toBe(5);
    expect(calendar.hoursPerDay).toBe(8);
    expect([0, 1, 4, 5, 9, 10].map((k) => calendar.dateOf(k))).toEqual([
      '2027-01-04',
      '2027-01-05',
      '2027-01-08',
      '2027-01-11',
      '2027-01-15',
      '2027-01-18',
    ]);
    expect(calendar.indexOnOrAfter('2027-01-09')).toBe(5);
    expect(calendar.indexOnOrAfter('2027-01-11')).toBe(5);
    expect(calendar.indexOnOrBefore('2027-01-09')).toBe(4);
    expect(calendar.indexOnOrBefore('2027-01-11')).toBe(5);
    expect(calendar.isWorkingDate('2027-01-10')).toBe(false);
  });

  it('skips holidays, including one on the start day', () => {
    const calendar = createWorkingCalendar(calendarOf(WEEK, ['2027-01-04', '2027-01-06', '2027-01-09']), '2027-01-04');
    expect(calendar.firstWorkingDay).toBe('2027-01-05');
    expect([0, 1, 2, 3].map((k) => calendar.dateOf(k))).toEqual(['2027-01-05', '2027-01-07', '2027-01-08', '2027-01-11']);
    expect(calendar.indexOnOrAfter('2027-01-04')).toBe(0);
    expect(calendar.indexOnOrAfter('2027-01-06')).toBe(1);
  });

  it('starts on the next working day when the plan starts on a Saturday; earlier days are negative', () => {
    const calendar = createWorkingCalendar(calendarOf(WEEK), '2027-01-02');
    expect(calendar.start).toBe('2027-01-02');
    expect(calendar.firstWorkingDay).toBe('2027-01-04');
    expect(calendar.indexOnOrAfter('2027-01-02')).toBe(0);
    expect(calendar.indexOnOrAfter('2027-01-01')).toBe(-1);
    expect(calendar.indexOnOrBefore('2027-01-03')).toBe(-1);
    expect(calendar.dateOf(-1)).toBe('2027-01-01');
    expect(calendar.dateOf(-2)).toBe('2026-12-31');
    expect(calendar.dateOf(-6)).toBe('2026-12-25');
    expect(calendar.indexOnOrAfter('2026-12-26')).toBe(-5);
  });

  it('uses custom workdays for week durations', () => {
    const calendar = createWorkingCalendar(calendarOf(['mon', 'tue', 'wed', 'thu']), '2027-01-04');
    expect(calendar.workdaysPerWeek).toBe(4);
    expect(calendar.workingDays({ amount: 2, unit: 'w' })).toBe(8);
    expect(calendar.workingDays({ amount: -1, unit: 'w' })).toBe(-4);
    expect(calendar.workingDays({ amount: 3, unit: 'd' })).toBe(3);
    expect(calendar.dateOf(4)).toBe('2027-01-11');
    expect(calendar.indexOnOrAfter('2027-01-08')).toBe(4);
  });

  it('clamps absurd durations so every date stays finite', () => {
    const calendar = createWorkingCalendar(calendarOf(WEEK), '2027-01-04');
    expect(calendar.workingDays({ amount: 1e300, unit: 'w' })).toBe(MAX_WORKING_DAYS);
    expect(calendar.workingDays({ amount: Number.POSITIVE_INFINITY, unit: 'd' })).toBe(MAX_WORKING_DAYS);
    expect(calendar.dateOf(MAX_WORKING_DAYS * 10_000)).toMatch(/^\d{5,}-\d{2}-\d{2}$/);
  });

  it('agrees with a day-by-day walk in both directions, far past the holidays', () => {
    const random = seededRandom(42);
    for (let round = 0; round < 20; round++) {
      const workdays = WEEKDAYS.filter(() => random() < 0.6);
      if (workdays.length === 0) workdays.push('wed');
      const startDay = dayNumberOfDate('2027-01-01') + Math.floor(random() * 14);
      const holidays: string[] = [];
      for (let i = 0; i < 15; i++) holidays.push(dateOfDayNumber(startDay + Math.floor(random() * 400) - 150));
      const calendar = createWorkingCalendar(calendarOf(workdays, holidays), dateOfDayNumber(startDay));
      const holidaySet = new Set(holidays);
      const working = (day: number): boolean =>
        workdays.includes(WEEKDAYS[weekdayOfDayNumber(day)]!) && !holidaySet.has(dateOfDayNumber(day));

      let first = startDay;
      while (!working(first)) first++;
      // Walk forward and backward, collecting what the calendar says next
      // to what the walk says; one comparison keeps the test fast.
      const actual: (string | number)[] = [];
      const expected: (string | number)[] = [];
      let index = 0;
      for (let day = first; day < first + 1500; day++) {
        const date = dateOfDayNumber(day);
        actual.push(calendar.indexOnOrAfter(date));
        expected.push(index);
        if (working(day)) {
          actual.push(calendar.dateOf(index), calendar.indexOnOrBefore(date));
          expected.push(date, index);
          index++;
        } else {
          actual.push(calendar.indexOnOrBefore(date));
          expected.push(index - 1);
        }
      }
      index = 0;
      for (let day = first - 1; day > first - 1000; day--) {
        const date = dateOfDayNumber(day);
        if (working(day)) {
          index--;
          actual.push(calendar.dateOf(index), calendar.indexOnOrBefore(date));
          expected.push(date, index);
        }
        actual.push(calendar.indexOnOrAfter(date));
        expected.push(index);
      }
      expect(actual).toEqual(expected);
    }
  });

  it('agrees with a day-by-day walk on random calendars: weekend and repeated holidays, far dates, negative indexes', () => {
    const random = seededRandom(2027);
    const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
    // Far enough that most holidays and queries lie well past both ends of any table.
    const reach = 12_000;
    const mismatches: string[] = [];
    for (let round = 0; round < 150; round++) {
      const workdays = WEEKDAYS.filter(() => random() < 0.6);
      if (workdays.length === 0) workdays.push(WEEKDAYS[int(0, 6)]!);
      const startDay = dayNumberOfDate('2027-01-01') + int(-40_000, 40_000);
      // Any weekday (weekend holidays change nothing), some twice, some far away.
      const holidayDays = Array.from({ length: int(0, 40) }, () => startDay + (random() < 0.2 ? int(-reach, reach) : int(-60, 400)));
      if (holidayDays.length > 0 && random() < 0.5) holidayDays.push(holidayDays[0]!);
      const calendar = createWorkingCalendar(calendarOf(workdays, holidayDays.map(dateOfDayNumber)), dateOfDayNumber(startDay));

      // The reference: walk every day of [startDay - reach, startDay + reach].
      const holidays = new Set(holidayDays);
      const working = (day: number): boolean => workdays.includes(WEEKDAYS[weekdayOfDayNumber(day)]!) && !holidays.has(day);
      let first = startDay;
      while (!working(first)) first++;
      const indexOnOrAfter = new Map<number, number>();
      const dayOfIndex = new Map<number, number>();
      let index = 0;
      for (let day = first; day <= startDay + reach; day++) {
        indexOnOrAfter.set(day, index);
        if (working(day)) dayOfIndex.set(index++, day);
      }
      index = 0;
      for (let day = first - 1; day >= startDay - reach; day--) {
        if (working(day)) dayOfIndex.set(--index, day);
        indexOnOrAfter.set(day, index);
      }

      // Every day near the start and near each holiday, and random days and indexes anywhere.
      const days = new Set<number>();
      for (const center of [startDay, first, ...holidayDays]) for (let offset = -9; offset <= 9; offset++) days.add(center + offset);
      for (let sample = 0; sample < 300; sample++) days.add(startDay + int(-reach + 10, reach - 10));
      const indexes = new Set<number>();
      for (let k = -30; k <= 30; k++) indexes.add(k);
      for (let sample = 0; sample < 300; sample++) indexes.add(int(-reach / 2, reach / 2));

      const label = `round ${round}: [${workdays.join(',')}] from ${dateOfDayNumber(startDay)}`;
      expect(calendar.firstWorkingDay, label).toBe(dateOfDayNumber(first));
      for (const day of days) {
        const date = dateOfDayNumber(day);
        const after = indexOnOrAfter.get(day);
        const before = indexOnOrAfter.get(day + 1);
        if (after === undefined || before === undefined) continue;
        if (calendar.indexOnOrAfter(date) !== after) mismatches.push(`${label}: indexOnOrAfter(${date})`);
        if (calendar.indexOnOrBefore(date) !== (working(day) ? after : after - 1)) mismatches.push(`${label}: indexOnOrBefore(${date})`);
        if (calendar.isWorkingDate(date) !== working(day)) mismatches.push(`${label}: isWorkingDate(${date})`);
      }
      for (const k of indexes) {
        const day = dayOfIndex.get(k);
        if (day === undefined) continue;
        if (calendar.dayNumberOf(k) !== day || calendar.dateOf(k) !== dateOfDayNumber(day)) mismatches.push(`${label}: dateOf(${k})`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('answers in any order', () => {
    const walk = createWorkingCalendar(calendarOf(WEEK, ['2030-01-01']), '2027-01-04');
    const jump = createWorkingCalendar(calendarOf(WEEK, ['2030-01-01']), '2027-01-04');
    const late = jump.dateOf(5000);
    const early = jump.indexOnOrAfter('2028-06-01');
    for (let k = 0; k <= 5000; k++) walk.dateOf(k);
    expect(late).toBe(walk.dateOf(5000));
    expect(early).toBe(walk.indexOnOrAfter('2028-06-01'));
    expect(jump.indexOnOrAfter(late)).toBe(5000);
  });
});
