import type { Spanned } from '../model/types.js';
import { asMap, asSeq, field, stringValue } from '../model/yaml-nodes.js';
import type { ParsedDocument } from '../parse/parse-plan-text.js';
import type { PlanModel } from '../model/types.js';
import { countryNames, regionNames } from '../schedule/country-holidays.js';
import { isPlanDate } from '../model/values.js';
import { closestMatches } from '../util/closest-match.js';
import type { Finding } from './types.js';
import { joinWords } from '../util/phrases.js';

/**
 * The `schema` findings the JSON Schema cannot express: a `country` or
 * `region` the holiday library does not know (with the closest codes), a
 * `region` without a country, and a leave that ends before it starts. Each
 * is on the exact value; the plan is still scheduled without it.
 */
export function calendarValueFindings(parsed: ParsedDocument, model: PlanModel): Finding[] {
  const findings: Finding[] = [];
  const calendar = model.plan.calendar;
  findings.push(...placeFindings(calendar.country, calendar.region, undefined, 'the calendar'));
  model.people.forEach((person) => {
    const who = person.id ? `person '${person.id.value}'` : 'a person';
    // A person's region alone is a region of the plan's country.
    findings.push(...placeFindings(person.country, person.region, person.country ? undefined : calendar.country, who));
  });
  findings.push(...leaveOrderFindings(parsed));
  return findings;
}

function placeFindings(
  country: Spanned<string> | undefined,
  region: Spanned<string> | undefined,
  inheritedCountry: Spanned<string> | undefined,
  where: string,
): Finding[] {
  const codes = countryNames();
  if (country && !codes.has(country.value)) {
    return [{ rule: 'schema', message: `Unknown country '${country.value}' in ${where}: expected an ISO 3166-1 alpha-2 code of the holiday library.${suggest(country.value, codes)}`, span: country.span }];
  }
  if (!region) return [];
  const countryCode = country?.value ?? inheritedCountry?.value;
  if (countryCode === undefined) {
    return [{ rule: 'schema', message: `Region '${region.value}' in ${where} needs a country: add \`country\` next to it.`, span: region.span }];
  }
  if (!codes.has(countryCode)) return [];
  const regions = regionNames(countryCode);
  if (regions.has(region.value)) return [];
  const known = regions.size === 0 ? ` The holiday library has no regions for ${codes.get(countryCode)} ('${countryCode}').` : suggest(region.value, regions);
  return [{ rule: 'schema', message: `Unknown region '${region.value}' of '${countryCode}' in ${where}.${known}`, span: region.span }];
}

/** ` Did you mean 'CA' (Canada) or 'CH' (Switzerland)?`: the closest codes, or the code whose name was written. */
function suggest(written: string, names: ReadonlyMap<string, string>): string {
  const byName = [...names].find(([, name]) => name.toLowerCase() === written.toLowerCase())?.[0];
  const codes = byName !== undefined ? [byName] : closestMatches(written, names.keys(), 3);
  if (codes.length === 0) return '';
  return ` Did you mean ${joinWords(
    codes.map((code) => `'${code}' (${names.get(code)})`),
    'or',
  )}?`;
}

function leaveOrderFindings(parsed: ParsedDocument): Finding[] {
  const findings: Finding[] = [];
  const people = asSeq(field(asMap(parsed.doc.contents), 'people'))?.items ?? [];
  for (const personNode of people) {
    const person = asMap(personNode);
    const id = stringValue(field(person, 'id'))?.value;
    for (const leaveNode of asSeq(field(person, 'leave'))?.items ?? []) {
      const leave = asMap(leaveNode);
      const from = stringValue(field(leave, 'from'));
      const to = stringValue(field(leave, 'to'));
      if (!from || !to || !isPlanDate(from.value) || !isPlanDate(to.value) || to.value >= from.value) continue;
      findings.push({
        rule: 'schema',
        message: `The leave${id !== undefined ? ` of '${id}'` : ''} ends on ${to.value}, before it starts on ${from.value}: it is not used.`,
        span: to.span,
      });
    }
  }
  return findings;
}
