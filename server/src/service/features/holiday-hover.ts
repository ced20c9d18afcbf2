import type { PlanAnalysis } from '../../analysis/analyze-plan.js';
import type { Span, Spanned } from '../../model/types.js';
import { markdownCode, markdownText } from '../../render/markdown-text.js';
import { countryNames, publicHolidaysOfYears, regionNames } from '../../schedule/country-holidays.js';

/** At most this many holidays are listed in a hover (the rest are counted). */
const LISTED_HOLIDAYS = 25;

/**
 * The hover on a `country` or `region` value (the calendar's or a
 * person's): the country or region it names, and the public holidays it
 * adds within the plan's span (its start to its finish).
 */
export function holidayHoverAt(analysis: PlanAnalysis, offset: number): { span: Span; markdown: string } | undefined {
  const { model, schedule } = analysis;
  const calendar = model.plan.calendar;
  const places: { country?: Spanned<string>; region?: Spanned<string>; who: string }[] = [
    { country: calendar.country, region: calendar.region, who: 'the project calendar' },
    ...model.people.map((person) => ({
      country: person.country ?? (person.region ? calendar.country : undefined),
      region: person.country ? person.region : (person.region ?? calendar.region),
      who: person.id ? `'${person.id.value}'` : 'this person',
    })),
  ];
  const inside = (value: Spanned<string> | undefined): boolean => !!value && value.span.start <= offset && offset <= value.span.end;
  for (const [index, place] of places.entries()) {
    const person = index > 0 ? model.people[index - 1] : undefined;
    const ownCountry = person ? person.country : calendar.country;
    const ownRegion = person ? person.region : calendar.region;
    const hovered = inside(ownCountry) ? ownCountry : inside(ownRegion) ? ownRegion : undefined;
    if (!hovered || !place.country) continue;
    const countryName = countryNames().get(place.country.value);
    if (countryName === undefined) return undefined;
    const regionName = place.region ? regionNames(place.country.value).get(place.region.value) : undefined;
    if (place.region && regionName === undefined) return undefined;
    const title =
      hovered === ownRegion && place.region
        ? `**${markdownText(regionName ?? '', 'editor')}** (${markdownCode(place.region.value)}), a region of ${markdownText(countryName, 'editor')} (${markdownCode(place.country.value)})`
        : `**${markdownText(countryName, 'editor')}** (${markdownCode(place.country.value)})${regionName ? `, region ${markdownText(regionName, 'editor')}` : ''}`;
    if (!schedule) return { span: hovered.span, markdown: `${title}\n\nNot scheduled: the plan has no valid \`start\` date, so no holidays are listed.` };
    const last = schedule.finish ?? schedule.start;
    const holidays = publicHolidaysOfYears(place.country.value, place.region?.value, schedule.holidayYears.first, schedule.holidayYears.last).filter(
      (holiday) => holiday.date >= schedule.start && holiday.date <= last,
    );
    const lines = holidays.slice(0, LISTED_HOLIDAYS).map((holiday) => `- ${holiday.date} ${markdownText(holiday.name, 'editor')}`);
    if (holidays.length > LISTED_HOLIDAYS) lines.push(`- and ${holidays.length - LISTED_HOLIDAYS} more`);
    const span = `${schedule.start} to ${last}`;
    const body =
      holidays.length === 0
        ? `No public holidays from ${span}.`
        : `Public holidays from ${span}, days off for ${place.who}:\n\n${lines.join('\n')}`;
    return { span: hovered.span, markdown: `${title}\n\n${body}` };
  }
  return undefined;
}
