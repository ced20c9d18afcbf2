import { describe, expect, it } from 'vitest';
import { complete } from './completion.js';
import { planWithCursor } from './feature-test-support.js';
import { hover } from './hover.js';

const OPTIONS = { ruleDocsBase: 'https://example.test/rules/' };

// 2027-06-21 is a Monday; 30 working days with Canada Day off end on 2027-08-02.
const plan = (calendar: string, people = ''): string => `crmplan: 1
plan:
  name: P
  start: 2027-06-21
  calendar:
${calendar}
people:
  - id: pm
${people}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 30d, assign: [{person: pm}]}
`;

function completionLabels(text: string): { labels: string[]; detail: (label: string) => string | undefined; filter: (label: string) => string | undefined } {
  const fixture = planWithCursor(text);
  const items = complete(fixture.analysis, fixture.document, fixture.position, { today: '2027-02-10' }).items;
  const find = (label: string) => items.find((item) => item.label === label);
  return { labels: items.map((item) => item.label), detail: (label) => find(label)?.detail, filter: (label) => find(label)?.filterText };
}

function hoverText(text: string): string {
  const fixture = planWithCursor(text);
  const result = hover(fixture.analysis, fixture.document, fixture.position, OPTIONS);
  const contents = result?.contents;
  return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

describe('country and region in the editor', () => {
  it('completes country codes with their names after country:', () => {
    const { labels, detail, filter } = completionLabels(plan('    country: |'));
    expect(labels).toContain('CA');
    expect(labels).toContain('US');
    expect(labels.length).toBeGreaterThan(150);
    expect(detail('CA')).toBe('Canada');
    expect(filter('CA')).toBe('CA Canada');
  });

  it("completes the country's regions after region:, for the calendar and for a person", () => {
    const calendar = completionLabels(plan('    country: CA\n    region: |'));
    expect(calendar.labels).toEqual(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);
    expect(calendar.detail('ON')).toBe('Ontario');
    const person = completionLabels(plan('    country: CA', '    country: US\n    region: |'));
    expect(person.labels).toContain('NY');
    expect(person.labels).not.toContain('ON');
  });

  it('names the country and lists its public holidays in the plan\'s span on hover', () => {
    const markdown = hoverText(plan('    country: C|A\n    region: ON'));
    expect(markdown).toBe(
      "**Canada** (`CA`), region Ontario\n\nPublic holidays from 2027-06-21 to 2027-08-02, days off for the project calendar:\n\n- 2027-07-01 Canada Day",
    );
    const region = hoverText(plan('    country: CA\n    region: Q|C'));
    expect(region).toContain('**Quebec** (`QC`), a region of Canada (`CA`)');
    expect(region).toContain('- 2027-06-24 National Holiday');
  });

  it("shows a person's own calendar and the work booked on their days off on the person's hover", () => {
    const markdown = hoverText(plan('    workdays: [mon, tue, wed, thu, fri]', '    workdays: [mon, tue, wed, thu]\n    leave: [{from: 2027-07-05, to: 2027-07-09, note: vacation}]').replace('  - id: pm', '  - id: p|m'));
    expect(markdown).toContain('- Works on: mon, tue, wed, thu');
    expect(markdown).toContain('- On leave ');
    expect(markdown).toContain(': vacation');
    expect(markdown).toContain('**Booked on a day off**');
    expect(markdown).toContain('**Booked on a day off** Mon 2027-07-05 → Fri 2027-07-09 (on leave: vacation): 8 h/day on `a`');
    expect(markdown).toContain('(does not work on fri)');
    expect(markdown).not.toContain('Infinity');
  });

  it("lists a person's own holidays on hover", () => {
    const markdown = hoverText(plan('    workdays: [mon, tue, wed, thu, fri]', '    country: U|S'));
    expect(markdown).toContain("days off for 'pm'");
    expect(markdown).toContain('- 2027-07-05 Independence Day (substitute day)');
  });
});
