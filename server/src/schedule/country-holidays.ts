import Holidays from 'date-holidays';
import { dateOfDayNumber, dayNumberOfDate } from './calendar.js';

/**
 * Public holidays by country and region, from the `date-holidays` library
 * (pinned in package.json; its data is credited in NOTICE). Only holidays of
 * type `public` are taken: the library also lists observances, optional,
 * bank and school holidays (Ontario's Civic Holiday is `optional`), which
 * are not days off for everyone.
 *
 * A holiday's date is the library's local date in the country (the first
 * ten characters of its `date`), so the answer is the same in every time
 * zone. A holiday that spans several days (Russia's New Year Holiday,
 * `01-02 P5D`: January 2 to 6) counts every one of them: from its date, as
 * many days as its length in whole days, rounded (a daylight-saving hour
 * adds no day; a few hours count as one day). An observed (substitute) day
 * is a holiday of its own in the library, and counts like any other.
 */

export interface CountryHoliday {
  readonly date: string;
  readonly name: string;
}

/** Codes with their English names, e.g. `CA` -> `Canada`. */
export type CodeNames = ReadonlyMap<string, string>;

let countries: CodeNames | undefined;
const regionsByCountry = new Map<string, CodeNames>();
/** Holidays per `country/region/year`; the few a plan uses are asked for on every keystroke. */
const holidaysByYear = new Map<string, readonly CountryHoliday[]>();
const KEPT_YEARS = 512;

/** Every country the library knows (ISO 3166-1 alpha-2 codes). */
export function countryNames(): CodeNames {
  countries ??= new Map(Object.entries(new Holidays().getCountries('en')).sort(([a], [b]) => (a < b ? -1 : 1)));
  return countries;
}

/** The regions (states, provinces) of a country the library knows; empty for an unknown country. */
export function regionNames(country: string): CodeNames {
  let regions = regionsByCountry.get(country);
  if (!regions) {
    const known = countryNames().has(country) ? new Holidays().getStates(country, 'en') : undefined;
    regions = new Map(Object.entries(known ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)));
    regionsByCountry.set(country, regions);
  }
  return regions;
}

/** The length of a day in milliseconds, for a holiday's length. */
const DAY_MS = 86_400_000;

/**
 * The public holidays of a country (and region) that begin in one year,
 * every day of each, in date order, one per date (the first name when two
 * fall on one day). A holiday that begins at the end of the year may run
 * into the next one. Empty for an unknown country or region: the `schema`
 * rule reports those.
 */
export function publicHolidays(country: string, region: string | undefined, year: number): readonly CountryHoliday[] {
  const key = `${country}/${region ?? ''}/${year}`;
  let holidays = holidaysByYear.get(key);
  if (holidays) return holidays;
  holidays = [];
  if (countryNames().has(country) && (region === undefined || regionNames(country).has(region))) {
    const library = region === undefined ? new Holidays(country, { languages: ['en'] }) : new Holidays(country, region, { languages: ['en'] });
    const byDate = new Map<string, string>();
    // The library reads years before 100 as 19xx and wraps those past 9999: it has no holidays for them.
    const yearPrefix = `${String(year).padStart(4, '0')}-`;
    for (const holiday of library.getHolidays(year, 'en') || []) {
      if (holiday.type !== 'public' || !holiday.date.startsWith(yearPrefix)) continue;
      const first = dayNumberOfDate(holiday.date.slice(0, 10));
      const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
      for (let day = first; day < first + days; day++) {
        const date = dateOfDayNumber(day);
        if (!byDate.has(date)) byDate.set(date, holiday.name);
      }
    }
    holidays = [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, name]) => ({ date, name }));
  }
  if (holidaysByYear.size >= KEPT_YEARS) holidaysByYear.delete(holidaysByYear.keys().next().value!);
  holidaysByYear.set(key, holidays);
  return holidays;
}

/**
 * The public holidays on the days of the years `first` .. `last`
 * (inclusive), in date order, one per date: those that begin in them, and
 * the days in `first` of one that began the year before.
 */
export function publicHolidaysOfYears(
  country: string,
  region: string | undefined,
  first: number,
  last: number,
): CountryHoliday[] {
  const holidays: CountryHoliday[] = [];
  const firstDate = `${String(first).padStart(4, '0')}-01-01`;
  const seen = new Set<string>();
  // The library has no year 0 (nor before): a holiday cannot run into year 1 from it.
  for (let year = Math.max(1, first - 1); year <= last; year++) {
    for (const holiday of publicHolidays(country, region, year)) {
      if (holiday.date < firstDate || seen.has(holiday.date)) continue;
      seen.add(holiday.date);
      holidays.push(holiday);
    }
  }
  return holidays;
}
