import Holidays from 'date-holidays';

/**
 * Public holidays by country and region, from the `date-holidays` library
 * (pinned in package.json; its data is credited in NOTICE). Only holidays of
 * type `public` are taken: the library also lists observances, optional,
 * bank and school holidays (Ontario's Civic Holiday is `optional`), which
 * are not days off for everyone.
 *
 * A holiday's date is the library's local date in the country (the first
 * ten characters of its `date`), so the answer is the same in every time
 * zone. Holidays that span several days are taken as their first day.
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

/**
 * The public holidays of a country (and region) in one year, in date order,
 * one per date (the first name when two fall on one day). Empty for an
 * unknown country or region: the `schema` rule reports those.
 */
export function publicHolidays(country: string, region: string | undefined, year: number): readonly CountryHoliday[] {
  const key = `${country}/${region ?? ''}/${year}`;
  let holidays = holidaysByYear.get(key);
  if (holidays) return holidays;
  holidays = [];
  if (countryNames().has(country) && (region === undefined || regionNames(country).has(region))) {
    const library = region === undefined ? new Holidays(country, { languages: ['en'] }) : new Holidays(country, region, { languages: ['en'] });
    const byDate = new Map<string, string>();
    for (const holiday of library.getHolidays(year, 'en') || []) {
      const date = holiday.date.slice(0, 10);
      if (holiday.type === 'public' && !byDate.has(date)) byDate.set(date, holiday.name);
    }
    holidays = [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, name]) => ({ date, name }));
  }
  if (holidaysByYear.size >= KEPT_YEARS) holidaysByYear.delete(holidaysByYear.keys().next().value!);
  holidaysByYear.set(key, holidays);
  return holidays;
}

/** The public holidays of the years `first` .. `last` (inclusive), in date order. */
export function publicHolidaysOfYears(
  country: string,
  region: string | undefined,
  first: number,
  last: number,
): CountryHoliday[] {
  const holidays: CountryHoliday[] = [];
  for (let year = first; year <= last; year++) holidays.push(...publicHolidays(country, region, year));
  return holidays;
}
