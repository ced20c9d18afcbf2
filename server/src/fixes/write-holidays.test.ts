import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { codeActions } from '../service/features/code-actions.js';
import { writeHolidaysFix, WRITE_HOLIDAYS_TITLE } from './write-holidays.js';
import type { QuickFix } from '../edits/types.js';

function apply(text: string, fix: QuickFix): string {
  let result = text;
  for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

// One task from 2027-06-21 (a Monday) to the end of July: the years 2027 and 2028 count.
const plan = (calendar: string): string => `crmplan: 1
plan:
  name: P
  start: 2027-06-21
${calendar}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 30d}
`;

function fixAt(text: string, word: string): QuickFix {
  const at = text.indexOf(word);
  const fix = writeHolidaysFix(analyzePlan(text), { start: at, end: at });
  expect(fix?.title).toBe(WRITE_HOLIDAYS_TITLE);
  return fix!;
}

const ONTARIO_2027_2028 = [
  '2027-01-01  # New Year\'s Day', '2027-02-15  # Family Day', '2027-03-26  # Good Friday', '2027-03-29  # Easter Monday',
  '2027-05-24  # Victoria Day', '2027-07-01  # Canada Day', '2027-09-06  # Labour Day', '2027-10-11  # Thanksgiving',
  '2027-12-25  # Christmas Day', '2027-12-26  # Boxing Day', '2028-01-01  # New Year\'s Day', '2028-02-21  # Family Day',
  '2028-04-14  # Good Friday', '2028-04-17  # Easter Monday', '2028-05-22  # Victoria Day', '2028-07-01  # Canada Day',
  '2028-09-04  # Labour Day', '2028-10-09  # Thanksgiving', '2028-12-25  # Christmas Day', '2028-12-26  # Boxing Day',
];

describe("write the country's holidays as dates", () => {
  it('turns country and region into a commented block list, keeping the other lines and comments', () => {
    const text = plan('  calendar:\n    # Toronto office\n    country: CA   # Canada\n    region: ON\n    hours_per_day: 7.5');
    const fixed = apply(text, fixAt(text, 'CA'));
    expect(fixed).toBe(
      plan(`  calendar:\n    # Toronto office\n    holidays:\n${ONTARIO_2027_2028.map((line) => `      - ${line}\n`).join('')}    hours_per_day: 7.5`),
    );
    const before = analyzePlan(text).schedule!;
    const after = analyzePlan(fixed);
    expect(after.findings.filter((finding) => finding.rule === 'schema')).toEqual([]);
    expect(after.schedule!.tasks.map((task) => task?.finish)).toEqual(before.tasks.map((task) => task?.finish));
    expect(after.schedule!.holidays.every((holiday) => holiday.source === 'plan')).toBe(true);
  });

  it('appends to a written block list, whose dates keep their names', () => {
    const text = plan('  calendar:\n    country: CA\n    region: ON\n    holidays:\n      - {date: 2027-06-23, name: Offsite}\n      - 2027-07-01 # written');
    const fixed = apply(text, fixAt(text, 'ON'));
    const written = ONTARIO_2027_2028.filter((line) => !line.startsWith('2027-07-01'));
    expect(fixed).toBe(
      plan(`  calendar:\n    holidays:\n      - {date: 2027-06-23, name: Offsite}\n      - 2027-07-01 # written\n${written.map((line) => `      - ${line}`).join('\n')}`),
    );
  });

  it('writes a flow calendar again as a flow mapping with {date, name} items', () => {
    const text = plan('  calendar: {workdays: [mon, tue, wed, thu, fri], country: CA, holidays: [2027-06-23]}');
    const fixed = apply(text, fixAt(text, 'CA'));
    expect(fixed).toContain('  calendar: {workdays: [mon, tue, wed, thu, fri], holidays: [2027-06-23, {date: 2027-01-01, name: New Year\'s Day}, {date: 2027-03-26, name: Good Friday}, ');
    expect(analyzePlan(fixed).schedule!.tasks[0]!.finish).toBe(analyzePlan(text).schedule!.tasks[0]!.finish);
  });

  it('is a code action on the country, and not elsewhere', () => {
    const text = plan('  calendar:\n    country: CA');
    const document = TextDocument.create('file:///p.crmplan.yaml', 'crmplan', 1, text);
    const at = (offset: number) => document.positionAt(offset);
    const on = codeActions(analyzePlan(text), document, { start: at(text.indexOf('CA')), end: at(text.indexOf('CA')) }, { diagnostics: [] });
    expect(on.map((action) => action.title)).toEqual([WRITE_HOLIDAYS_TITLE]);
    const off = codeActions(analyzePlan(text), document, { start: at(text.indexOf('name: P')), end: at(text.indexOf('name: P')) }, { diagnostics: [] });
    expect(off.map((action) => action.title)).toEqual([]);
  });
});
