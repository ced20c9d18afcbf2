import { accessSync, constants } from 'node:fs';
import * as path from 'node:path';

/** The `tj3` on PATH, or undefined. */
export function findTj3(): string | undefined {
  for (const folder of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (folder === '') continue;
    const candidate = path.join(folder, 'tj3');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * How the test reads TaskJuggler's instants as crmplan's working days: a
 * start instant is the working day of the first working minute at or after
 * it, an end instant the working day of the last working minute before it.
 * Working days, the day's window and the holidays are read from what tj3
 * was given (the export's `workinghours` and `leaves holiday` lines), with
 * plain date arithmetic here, not with crmplan's calendar code: a wrong
 * calendar in the file moves TaskJuggler's dates away from crmplan's.
 */
export interface WorkingTime {
  /** `YYYY-MM-DD-HH:MM` -> the working day of the first working minute at or after it. */
  dayAtOrAfter(instant: string): string;
  /** `YYYY-MM-DD-HH:MM` -> the working day of the last working minute before it. */
  dayBefore(instant: string): string;
}

const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_MS = 86_400_000;

export function workingTime(exported: string): WorkingTime {
  const window = /^\s*workinghours ([a-z, ]+) (\d{1,2}):(\d\d) - (\d{1,2}):(\d\d)$/m.exec(exported);
  if (!window) throw new Error('the export has no workinghours window');
  const workdays = window[1]!.split(/,\s*/);
  const opens = Number(window[2]) * 60 + Number(window[3]);
  const closes = Number(window[4]) * 60 + Number(window[5]);
  const holidays = new Set([...exported.matchAll(/^leaves holiday ".*" (\d{4}-\d\d-\d\d)$/gm)].map((match) => match[1]!));
  const isWorkingDay = (date: string): boolean =>
    !holidays.has(date) && workdays.includes(WEEKDAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()]!);
  const shift = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  const split = (instant: string): [string, number] => {
    const match = /^(\d{4}-\d\d-\d\d)-(\d\d):(\d\d)$/.exec(instant);
    if (!match) throw new Error(`not a TaskJuggler instant: ${instant}`);
    return [match[1]!, Number(match[2]) * 60 + Number(match[3])];
  };
  const walk = (date: string, step: 1 | -1): string => {
    let day = date;
    for (let guard = 0; guard < 3700; guard++) {
      if (isWorkingDay(day)) return day;
      day = shift(day, step);
    }
    throw new Error(`no working day near ${date}`);
  };
  return {
    dayAtOrAfter(instant) {
      const [date, minutes] = split(instant);
      return isWorkingDay(date) && minutes < closes ? date : walk(shift(date, 1), 1);
    },
    dayBefore(instant) {
      const [date, minutes] = split(instant);
      return isWorkingDay(date) && minutes > opens ? date : walk(shift(date, -1), -1);
    },
  };
}
