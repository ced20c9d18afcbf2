import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WINDOW_KINDS, WINDOW_WORDS } from '../../server/src/export/ics.js';
import { analyzePlan } from '../../server/src/analysis/analyze-plan.js';
import { analyzeFile, dayAfter, EXPORTED_PLANS, runExport } from './export-test-support.js';

// ical.js is an ES module and the tests compile as CommonJS: load it with import().
type IcalModule = (typeof import('ical.js', { with: { 'resolution-mode': 'import' } }))['default'];
type IcalEvent = InstanceType<IcalModule['Event']>;
type IcalTime = InstanceType<IcalModule['Time']>;
let ICAL: IcalModule;
beforeAll(async () => {
  ICAL = (await import('ical.js')).default;
});

/** The events of an ICS text as ical.js (a reader nobody here wrote) reads them. */
function parseEvents(ics: string): IcalEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

const isoDate = (time: IcalTime): string => `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;

/** Every occurrence of a recurring event, EXDATEs applied (ical.js's own expansion). */
function occurrences(event: IcalEvent): string[] {
  const dates: string[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next && dates.length < 1000; next = iterator.next()) dates.push(isoDate(next));
  return dates;
}

describe('ICS export, read back by ical.js', () => {
  for (const file of EXPORTED_PLANS) {
    it(`${file}: every event has the schedule's dates, a unique stable UID, and lines as RFC 5545 writes them`, () => {
      const analysis = analyzeFile(file);
      const fileName = path.basename(file);
      const { content } = runExport('ics', analysis, fileName, { 'every-task': 'true' });
      expect(content).toBe(runExport('ics', analyzeFile(file), fileName, { 'every-task': 'true' }).content);
      expect(content.split('\r\n').at(-1)).toBe('');
      expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of content.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);

      const events = parseEvents(content);
      const uids = events.map((event) => event.uid);
      expect(new Set(uids).size).toBe(uids.length);
      const { model, schedule } = analysis;
      if (!schedule) {
        expect(events).toEqual([]);
        return;
      }
      const byUid = new Map(events.map((event) => [event.uid, event]));
      const seen = new Set<string>();
      model.tasks.forEach((task, taskIndex) => {
        const scheduled = schedule.tasks[taskIndex];
        if (!scheduled || !task.id || seen.has(task.id.value)) return;
        seen.add(task.id.value);
        const event = byUid.get(`${task.id.value}@${uidDomain(content)}`);
        expect(event, `task ${task.id.value}`).toBeDefined();
        expect(event!.startDate.isDate).toBe(true);
        expect(isoDate(event!.startDate)).toBe(scheduled.start);
        expect(isoDate(event!.endDate)).toBe(dayAfter(scheduled.finish));
        expect(event!.summary).toBe(icsRoundTrip(task.name?.value ?? task.id.value));
      });
      // Phase windows span their scheduled tasks.
      model.phases.forEach((phase, phaseIndex) => {
        const event = phase.id && byUid.get(`${phase.id.value}@${uidDomain(content)}`);
        const scheduled = schedule.phases[phaseIndex];
        if (!event || !scheduled || !WINDOW_WORDS.test(`${phase.name?.value} ${phase.id!.value}`)) return;
        expect(isoDate(event.startDate)).toBe(scheduled.start);
        expect(isoDate(event.endDate)).toBe(dayAfter(scheduled.finish));
      });
    });
  }

  it('without every-task: milestones, tasks of the window kinds, phases named as windows, and fixed-frequency communications', () => {
    const analysis = analyzeFile('samples/connectsphere.crmplan.yaml');
    const events = parseEvents(runExport('ics', analysis, 'connectsphere.crmplan.yaml').content);
    const { model, schedule } = analysis;
    const expected = [
      ...model.phases.filter((phase, index) => schedule!.phases[index] && WINDOW_WORDS.test(`${phase.name?.value} ${phase.id?.value}`)).map((phase) => phase.id!.value),
      ...model.tasks.filter((task, index) => schedule!.tasks[index]!.milestone || WINDOW_KINDS.includes(task.kind)).map((task) => task.id!.value),
    ];
    const workEvents = events.filter((event) => !event.uid.startsWith('communication/')).map((event) => event.uid.split('@')[0]);
    expect(workEvents).toEqual(expected);
    expect(workEvents).toEqual(expect.arrayContaining(['uat', 'full-deployment', 'hypercare']));
    // Every UID names the plan: <id>@<slug of plan.name>.crmplan.
    for (const event of events) expect(event.uid).toMatch(/@connectsphere-crm-rollout\.crmplan$/);
  });

  it('communications repeat from the first working day to the finish, holidays excluded; other frequencies are listed as omitted', () => {
    const analysis = analyzeFile('test/export/fixtures/communications.crmplan.yaml');
    const { content, omitted } = runExport('ics', analysis, 'communications.crmplan.yaml');
    const series = new Map(parseEvents(content).map((event) => [event.uid.split('@')[0], event]));
    const workingDays = Array.from({ length: analysis.schedule!.projectEnd }, (_, index) => analysis.schedule!.calendar.dateOf(index));
    expect(workingDays[0]).toBe('2027-01-06');
    expect(workingDays.at(-1)).toBe('2027-02-22');
    expect(occurrences(series.get('communication/daily-standup')!)).toEqual(workingDays);
    expect(occurrences(series.get('communication/weekly-status')!)).toEqual(['2027-01-06', '2027-01-13', '2027-01-20', '2027-01-27', '2027-02-03', '2027-02-10']);
    expect(occurrences(series.get('communication/steering')!)).toEqual(['2027-01-06', '2027-01-20', '2027-02-03']);
    // The first Wednesday of each month.
    expect(occurrences(series.get('communication/newsletter')!)).toEqual(['2027-01-06', '2027-02-03']);
    expect(occurrences(series.get('communication/board')!)).toEqual(['2027-01-06']);
    expect(series.get('communication/weekly-status')!.summary).toBe('Team: Status');
    expect(series.get('communication/weekly-status')!.description).toBe('Purpose: Status\nChannel: Meeting\nFrequency: weekly\nOwner: Dana; Lee, PM (pm)');
    expect([...series.keys()]).not.toContain('communication/ad-hoc');
    expect(omitted).toEqual([
      "communication 'ad-hoc': frequency 'as needed' is not one fixed repeat (daily, weekly, bi-weekly, monthly, quarterly), so it is left out of the calendar",
      "communication 'silent': it has no frequency, so no series to repeat",
    ]);
  });

  it('a monthly series that starts in the fifth week of a month falls on the last such weekday of every month', () => {
    const analysis = analyzePlan(`crmplan: 1
plan: {name: Late, start: 2027-01-29}
phases:
  - id: p
    tasks: [{id: t, name: T, duration: 70d}]
communications:
  - {id: review, frequency: monthly}
`);
    const [event] = parseEvents(runExport('ics', analysis, 'late.crmplan.yaml').content);
    // Fri 2027-01-29 is the last Friday of January; then the last Fridays of February, March and April.
    expect(occurrences(event!)).toEqual(['2027-01-29', '2027-02-26', '2027-03-26', '2027-04-30']);
  });

  it('hostile names come back exactly (line breaks as LF), and folding never splits a character', () => {
    const analysis = analyzeFile('test/fixtures/hostile-names.crmplan.yaml');
    const { content } = runExport('ics', analysis, 'hostile-names.crmplan.yaml', { 'every-task': 'true' });
    const summaries = new Map(parseEvents(content).map((event) => [event.uid.split('@')[0], event.summary]));
    for (const task of analysis.model.tasks) {
      expect(summaries.get(task.id!.value), task.id!.value).toBe(icsRoundTrip(task.name!.value));
    }
    expect(summaries.get('unicode')).toBe('Données clients — 日本語 🚀 עברית ∑');
    expect(summaries.get('cr-click')).toBe('line one\nclick img href "javascript:window.__pwned=true"');
    // No plan text starts a property of its own: every unfolded line is a known property.
    const unfolded = content.replace(/\r\n /g, '').split('\r\n').filter((line) => line !== '');
    for (const line of unfolded) expect(line).toMatch(/^(BEGIN|END|VERSION|PRODID|CALSCALE|METHOD|X-WR-CALNAME|UID|DTSTAMP|DTSTART|DTEND|RRULE|EXDATE|SUMMARY|DESCRIPTION|CATEGORIES|TRANSP)[;:]/);
    // ical.js keeps an X- property's value raw; RFC 5545 gives it the TEXT type, so decode it as TEXT.
    const calendarName = String(new ICAL.Component(ICAL.parse(content)).getFirstPropertyValue('x-wr-calname'));
    expect(calendarName.replace(/\\([\\;,nN])/g, (_, escaped: string) => (escaped.toLowerCase() === 'n' ? '\n' : escaped))).toBe(analysis.model.plan.name!.value);
  });

  it('DTSTAMP is plan.start, so the file depends only on the plan', () => {
    const analysis = analyzeFile('samples/connectsphere.crmplan.yaml');
    const stamps = new Set(parseEvents(runExport('ics', analysis, 'x.crmplan.yaml').content).map((event) => event.component.getFirstPropertyValue('dtstamp')!.toString()));
    expect([...stamps]).toEqual(['2027-01-04T00:00:00Z']);
  });

  it('a task on a cycle and a task without an id are left out with a line each; a duplicated id gets one event', () => {
    const analysis = analyzePlan(`crmplan: 1
plan: {name: Broken, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: a, name: A, milestone: true, depends_on: [b]}
      - {id: b, name: B, milestone: true, depends_on: [a]}
      - {name: No id, milestone: true}
      - {id: twice, name: First, milestone: true}
      - {id: twice, name: Second, milestone: true}
`);
    const { content, omitted } = runExport('ics', analysis, 'broken.crmplan.yaml');
    expect(parseEvents(content).map((event) => event.summary)).toEqual(['First']);
    expect(omitted).toEqual([
      "task 'a': on a dependency cycle, so it has no dates",
      "task 'b': on a dependency cycle, so it has no dates",
      "task 3 ('No id', no id) has no id, so no stable calendar UID: left out of the calendar",
      "task 'twice': its id is declared twice, so only the first has an event",
    ]);
  });
});

/** What a TEXT value can carry: every line break comes back as LF (RFC 5545 has no CR in TEXT). */
function icsRoundTrip(text: string): string {
  return text.replace(/\r\n|\r/g, '\n');
}

function uidDomain(ics: string): string {
  return /UID:[^@\r\n]*@([^\r\n]+)/.exec(ics)![1]!;
}
