import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, symlinkSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePlan, type PlanAnalysis } from '../../server/src/analysis/analyze-plan.js';
import { crmplanInProcess as crmplan } from '../cli/cli-process.js';

const FIXTURES = path.join(__dirname, 'fixtures');


function folderWith(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-import-'));
  for (const [name, contents] of Object.entries(files)) writeFileSync(path.join(folder, name), contents);
  return folder;
}

function fixtureFolder(...names: string[]): string {
  return folderWith(Object.fromEntries(names.map((name) => [name, readFileSync(path.join(FIXTURES, name))])));
}

/** `id: start finish` for every task, in document order. */
function scheduleLines(analysis: PlanAnalysis): string[] {
  return analysis.model.tasks.map((task, index) => {
    const scheduled = analysis.schedule?.tasks[index];
    return `${task.id?.value}: ${scheduled?.start} ${scheduled?.finish}`;
  });
}

function errors(analysis: PlanAnalysis): string[] {
  return analysis.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message);
}

const NO_CALENDAR = 'crmplan: not carried over: the calendar: a CSV has none; the plan works mon, tue, wed, thu, fri without holidays';

describe('crmplan import FILE.csv', () => {
  it('reads the minimal set (header case-insensitive): ids and people from names, durations in days or weeks, SS lags', async () => {
    const run = await crmplan(['import', 'minimal.csv'], fixtureFolder('minimal.csv'));
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`${NO_CALENDAR}\n`);
    const analysis = analyzePlan(run.stdout);
    expect(errors(analysis)).toEqual([]);
    // Hand-computed from the file's own dates (default calendar, Mon-Fri).
    expect(scheduleLines(analysis)).toEqual([
      'kickoff: 2027-01-04 2027-01-04',
      'requirements-workshops: 2027-01-05 2027-01-18',
      'design: 2027-01-12 2027-01-18',
      'build: 2027-01-19 2027-02-01',
      'go-live: 2027-02-02 2027-02-02',
    ]);
    expect(run.stdout).toContain('  - {id: dana-lee, name: Dana Lee}');
    expect(run.stdout).toContain('- {task: requirements-workshops, type: SS, lag: 5d}');
    expect(run.stdout).not.toContain('start: 2027-01-05');
  });

  it('reads Start and Finish without a duration, and pins a start that nothing else explains', async () => {
    const run = await crmplan(['import', 'minimal-finish.csv'], fixtureFolder('minimal-finish.csv'));
    expect(run.status).toBe(0);
    const analysis = analyzePlan(run.stdout);
    expect(errors(analysis)).toEqual([]);
    expect(scheduleLines(analysis)).toEqual(['audit-legacy-data: 2027-01-04 2027-01-08', 'cleanse-data: 2027-01-11 2027-01-12']);
    expect(run.stdout).toContain('start: 2027-01-11  # keeps the start the file gives');
  });

  it('reads UTF-16 with a byte order mark as well as UTF-8', async () => {
    const text = 'Name,Start,Duration\nCafé kickoff,2027-01-04,1\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const run = await crmplan(['import', 'excel.csv'], folderWith({ 'excel.csv': utf16 }));
    expect(run.status).toBe(0);
    expect(analyzePlan(run.stdout).model.tasks.map((task) => `${task.id?.value} ${task.name?.value}`)).toEqual(['cafe-kickoff Café kickoff']);
  });

  it('caps absurd durations and lags at the 100 years a plan may hold, so check still accepts the plan', async () => {
    const csv = 'Name,Start,Working days,Predecessors\nA,2027-01-04,99999999999999999999999999,\nB,2027-01-05,1,A SS+99999999999999999999d\n';
    const run = await crmplan(['import', 'absurd.csv'], folderWith({ 'absurd.csv': csv }));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('duration: 26000d');
    expect(run.stdout).toContain('{task: a, type: SS, lag: 26000d}');
    expect(errors(analyzePlan(run.stdout))).toEqual([]);
    expect(run.stderr).toContain("crmplan: not carried over: task 'b' (row 3): starts ");
  });

  it('infers the holidays that the dates force, and guesses none', async () => {
    // 2027-01-18 (a Monday) is inside A, which has one weekday more than its working days, and is
    // the only day of A that no row shows to be working (B covers the rest with no day to spare).
    // C has one extra weekday too, but two unknown days: which one is the holiday is not guessed.
    const csv = [
      'Name,Start,Finish,Working days',
      'A,2027-01-13,2027-01-20,5',
      'B,2027-01-13,2027-01-15,3',
      'D,2027-01-19,2027-01-20,2',
      'C,2027-02-01,2027-02-05,4',
    ].join('\n');
    const run = await crmplan(['import', 'holidays.csv'], folderWith({ 'holidays.csv': csv }));
    expect(run.status).toBe(0);
    const analysis = analyzePlan(run.stdout);
    expect(analysis.model.plan.calendar.holidays.map((holiday) => holiday.date)).toEqual(['2027-01-18']);
    expect(run.stderr.split('\n')).toEqual([
      'crmplan: not carried over: the calendar: a CSV has none; the plan works mon, tue, wed, thu, fri with the holiday 2027-01-18 that the rows\' dates show',
      "crmplan: not carried over: row 5: 4 working days, but 2027-02-01 to 2027-02-05 holds 5 on the plan's calendar; the duration is 5d",
      '',
    ]);
    expect(scheduleLines(analysis)).toEqual([
      'a: 2027-01-13 2027-01-20',
      'b: 2027-01-13 2027-01-15',
      'd: 2027-01-19 2027-01-20',
      'c: 2027-02-01 2027-02-05',
    ]);
  });

  it("reads the export's columns: BOM, quoted cells, the formula guard, phase dependencies, loads, kinds and statuses", async () => {
    const run = await crmplan(['import', 'export-columns.csv'], fixtureFolder('export-columns.csv'));
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`${NO_CALENDAR}\n`);
    const analysis = analyzePlan(run.stdout);
    expect(errors(analysis)).toEqual([]);
    expect(scheduleLines(analysis)).toEqual([
      'kickoff: 2027-01-04 2027-01-04',
      'formula: 2027-01-05 2027-01-18',
      'backup: 2027-01-19 2027-01-19',
      'migrate: 2027-01-21 2027-02-03',
      'map: 2027-01-26 2027-02-01',
      'go-live: 2027-02-04 2027-02-04',
    ]);
    const names = analysis.model.tasks.map((task) => task.name?.value);
    expect(names).toContain('=SUM(A1:A9) check');
    expect(names).toContain('-2 backup');
    expect(names).toContain('Migrate, first pass');
    const migrate = analysis.model.tasks.find((task) => task.id?.value === 'migrate')!;
    expect(migrate.kind).toBe('data-migration');
    expect(migrate.dependsOn.map((dependency) => `${dependency.target.id} ${dependency.type} ${dependency.lag.amount}`)).toEqual([
      'discovery FS 0',
      'backup FS 1',
    ]);
    const kickoff = analysis.model.tasks.find((task) => task.id?.value === 'kickoff')!;
    expect(kickoff.assign.map((assignment) => `${assignment.person.id} ${JSON.stringify(assignment.load?.value)}`)).toEqual([
      'pm {"kind":"percent","value":100}',
      'sales-lead {"kind":"hoursPerWeek","value":8}',
    ]);
    expect(kickoff.status?.value).toBe('done');
  });

  it('lists what is not carried over on stderr and as comments, and still writes a plan crmplan check accepts', async () => {
    const csv = 'Name,Start,Duration,Predecessors,Kind\nA,2027-01-04,2,B,kickof\nB,2027-01-06,2,A,\nC,2027-01-04,1,Nobody,\n';
    const folder = folderWith({ 'cycle.csv': csv });
    const run = await crmplan(['import', 'cycle.csv', '--output', 'cycle.crmplan.yaml'], folder);
    expect(run.status).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContain("crmplan: not carried over: row 2: kind 'kickof' is not a task kind; the task is 'other'");
    expect(lines).toContain("crmplan: not carried over: row 4: predecessor 'Nobody' names no task or phase of the file; the dependency is dropped");
    expect(lines.some((line) => /the dependency on '[ab]' is dropped: it closes a dependency cycle/.test(line))).toBe(true);
    expect(lines.at(-1)).toBe('crmplan: wrote cycle.crmplan.yaml');
    const written = readFileSync(path.join(folder, 'cycle.crmplan.yaml'), 'utf8');
    expect(written).toContain("# - row 2: kind 'kickof' is not a task kind; the task is 'other'");
    expect(errors(analyzePlan(written))).toEqual([]);
    const check = await crmplan(['check', 'cycle.crmplan.yaml'], folder);
    expect(check.status).toBe(0);
  });
});

describe('crmplan import FILE.xml (MS Project XML)', () => {
  it('reads a file in the shape MS Project saves: phases from summary tasks, people from resources, the dates kept', async () => {
    const run = await crmplan(['import', 'ms-project-2010.xml'], fixtureFolder('ms-project-2010.xml'));
    expect(run.status).toBe(0);
    const analysis = analyzePlan(run.stdout);
    expect(errors(analysis)).toEqual([]);
    expect(analysis.model.plan.name?.value).toBe('Rollout & Training');
    expect(analysis.model.phases.map((phase) => phase.id?.value)).toEqual(['discovery', 'build', 'tasks']);
    // The file's dates: a milestone at 17:00 is the next working day; MLK Day (2027-01-18) is a holiday.
    expect(scheduleLines(analysis)).toEqual([
      'kickoff: 2027-01-04 2027-01-04',
      'workshops: 2027-01-05 2027-01-19',
      'sign-off: 2027-01-20 2027-01-20',
      'configure: 2027-01-20 2027-01-26',
      'reports-v2-dashboards: 2027-01-22 2027-01-26',
      'integrate: 2027-01-29 2027-02-01',
      'go-live: 2027-02-02 2027-02-02',
    ]);
    expect(analysis.model.people.map((person) => `${person.id?.value} ${person.name?.value} ${person.capacity ? JSON.stringify(person.capacity.value) : '-'}`)).toEqual([
      'dana-lee Dana Lee -',
      'sam-ortiz Sam Ortiz {"kind":"percent","value":50}',
    ]);
    const integrate = analysis.model.tasks.find((task) => task.id?.value === 'integrate')!;
    // The link to the nested summary task holds for each task below it, with its 2-day lag (9600 tenths of a minute).
    expect(integrate.dependsOn.map((dependency) => `${dependency.target.id} ${dependency.lag.amount}`)).toEqual([
      'configure 2',
      'reports-v2-dashboards 2',
      'kickoff 1',
    ]);
    const goLive = analysis.model.tasks.find((task) => task.id?.value === 'go-live')!;
    expect([goLive.start?.value, goLive.deadline?.value, goLive.milestone]).toEqual(['2027-01-25', '2027-02-05', true]);
    const notes = run.stderr.trim().split('\n');
    expect(notes).toEqual(
      expect.arrayContaining([
        "crmplan: not carried over: calendar exception 'Christmas': a recurring exception (Type 2) is not carried over; write its dates as holidays",
        "crmplan: not carried over: resource UID 3 ('Laptops'): a material or cost resource is not a person; left out",
        "crmplan: not carried over: task UID 8 ('Reports <v2> & dashboards'): a finish-to-finish link is not carried over (crmplan has FS and SS)",
        'crmplan: not carried over: assignment UID 4: task UID 1 is a summary task; left out',
      ]),
    );
    expect(notes.every((line) => line.startsWith('crmplan: not carried over: '))).toBe(true);
    expect(run.stdout).toContain("# - task UID 8 ('Reports <v2> & dashboards'): a finish-to-finish link is not carried over (crmplan has FS and SS)");
  });
});

describe('MS Project XML details', () => {
  it('leaves out inactive tasks and tasks of other projects, and reads Project 2003 exceptions and lags in hours', async () => {
    const xml = `<?xml version="1.0"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Title>Details</Title>
  <MinutesPerDay>450</MinutesPerDay>
  <Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar><WeekDays>
    <WeekDay><DayType>2</DayType><DayWorking>1</DayWorking></WeekDay>
    <WeekDay><DayType>3</DayType><DayWorking>1</DayWorking></WeekDay>
    <WeekDay><DayType>4</DayType><DayWorking>1</DayWorking></WeekDay>
    <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod><FromDate>2027-01-12T00:00:00</FromDate><ToDate>2027-01-13T23:59:00</ToDate></TimePeriod></WeekDay>
  </WeekDays></Calendar></Calendars>
  <Tasks>
    <Task><UID>1</UID><Name>Work</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary></Task>
    <Task><UID>2</UID><Name>A</Name><OutlineLevel>2</OutlineLevel><Start>2027-01-04T08:00:00</Start><Duration>PT15H0M0S</Duration></Task>
    <Task><UID>3</UID><Name>Old</Name><OutlineLevel>2</OutlineLevel><Active>0</Active><Duration>PT7H30M0S</Duration></Task>
    <Task><UID>4</UID><Name>Theirs</Name><OutlineLevel>2</OutlineLevel><ExternalTask>1</ExternalTask><Duration>PT7H30M0S</Duration></Task>
    <Task><UID>5</UID><Name>B</Name><OutlineLevel>2</OutlineLevel><Start>2027-01-18T08:00:00</Start><Duration>PT7H30M0S</Duration>
      <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type><LinkLag>9000</LinkLag><LagFormat>5</LagFormat></PredecessorLink>
      <PredecessorLink><PredecessorUID>3</PredecessorUID><Type>1</Type></PredecessorLink>
    </Task>
  </Tasks>
</Project>`;
    const run = await crmplan(['import', 'details.xml'], folderWith({ 'details.xml': xml }));
    expect(run.status).toBe(0);
    const analysis = analyzePlan(run.stdout);
    expect(errors(analysis)).toEqual([]);
    expect(analysis.model.plan.calendar.workdays).toEqual(['mon', 'tue', 'wed']);
    expect(analysis.model.plan.calendar.hoursPerDay).toBe(7.5);
    expect(analysis.model.plan.calendar.holidays.map((holiday) => holiday.date)).toEqual(['2027-01-12', '2027-01-13']);
    // A: Mon 4, Tue 5. The lag of 9000 tenths of a minute is 2 working days of 450 minutes: Wed 6 and Mon 11;
    // Tue 12 and Wed 13 are holidays, so B starts Mon 18.
    expect(scheduleLines(analysis)).toEqual(['a: 2027-01-04 2027-01-05', 'b: 2027-01-18 2027-01-18']);
    expect(run.stdout).not.toContain('keeps the start');
    expect(run.stderr).toContain("crmplan: not carried over: task UID 3 ('Old'): an inactive task is left out\n");
    expect(run.stderr).toContain("crmplan: not carried over: task UID 4 ('Theirs'): a task of another project is left out\n");
    expect(run.stderr).toContain("crmplan: not carried over: task UID 5 ('B'): the link to UID 3 is not carried over\n");
  });
});

describe('crmplan import: bad input exits 2 with one line and writes nothing', () => {
  const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol9;</Name></Project>
`;
  const cases: [string, string, string, RegExp][] = [
    ['wrong columns', 'plan.csv', 'Task,When\nA,2027-01-04\n', /^crmplan: cannot import 'plan\.csv': row 1: unknown column 'Task' \(columns: ID, Name, .*\)\n$/],
    ['no Start column', 'plan.csv', 'Name,Duration\nA,2\n', /^crmplan: cannot import 'plan\.csv': row 1: the header has no 'Start' column/],
    ['a short row', 'plan.csv', 'Name,Start,Duration\nA,2027-01-04,2\nB,2027-01-05\n', /^crmplan: cannot import 'plan\.csv': row 3: 2 cells, but the header has 3 columns\n$/],
    ['a bad date', 'plan.csv', 'Name,Start,Duration\nA,04/01/2027,2\n', /^crmplan: cannot import 'plan\.csv': row 2: Start '04\/01\/2027' is not a date written YYYY-MM-DD \(1900 to 2999\)\n$/],
    ['an unclosed quote', 'plan.csv', 'Name,Start,Duration\n"A,2027-01-04,2\n', /^crmplan: cannot import 'plan\.csv': not a CSV file: .*\n$/],
    ['broken XML', 'plan.xml', '<Project xmlns="http://schemas.microsoft.com/project">\n<Tasks><Task><UID>1</UID></Tasks>\n</Project>\n', /^crmplan: cannot import 'plan\.xml': line 2: not well-formed XML: .*\n$/],
    ['a billion-laughs entity', 'plan.xml', billionLaughs, /^crmplan: cannot import 'plan\.xml': line 2: a DOCTYPE or entity declaration is refused/],
    ['an undefined entity', 'plan.xml', '<Project><Name>&lol;</Name><Tasks/></Project>', /^crmplan: cannot import 'plan\.xml': element <Name>: unknown entity &lol;/],
    ['nesting 200 deep', 'plan.xml', `<Project>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</Project>`, /^crmplan: cannot import 'plan\.xml': the XML cannot be read: Maximum nested tags exceeded\n$/],
    ['another root', 'plan.xml', '<gantt><task/></gantt>', /^crmplan: cannot import 'plan\.xml': the root element is <gantt>, not <Project>/],
    ['a task without a duration or dates', 'plan.xml', '<Project><Tasks><Task><UID>1</UID><Name>A</Name></Task></Tasks></Project>', /^crmplan: cannot import 'plan\.xml': task UID 1 \('A'\): no <Duration> and no <Start> and <Finish>\n$/],
    ['another extension', 'plan.mpp', 'binary', /^crmplan: 'plan\.mpp' is neither \.csv nor \.xml: crmplan import FILE\.csv\|FILE\.xml \[--output PLAN\]\n$/],
  ];

  it.each(cases)('%s', async (_title, name, contents, message) => {
    const folder = folderWith({ [name]: contents });
    const run = await crmplan(['import', name, '--output', 'out.crmplan.yaml'], folder);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.split('\n').filter((line) => line !== '')).toHaveLength(1);
    expect(readdirSync(folder).sort()).toEqual([name]);
  });

  it('refuses a 100 MB file by its size before reading it', async () => {
    const folder = folderWith({});
    const file = path.join(folder, 'huge.csv');
    const handle = openSync(file, 'w');
    ftruncateSync(handle, 100 * 1024 * 1024);
    closeSync(handle);
    const run = await crmplan(['import', 'huge.csv', '--output', 'out.crmplan.yaml'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("crmplan: cannot import 'huge.csv': 104857600 bytes is over the limit of 16 MiB\n");
    expect(existsSync(path.join(folder, 'out.crmplan.yaml'))).toBe(false);
  });

  it('never overwrites, and writes only inside the current folder', async () => {
    const folder = fixtureFolder('minimal.csv');
    writeFileSync(path.join(folder, 'taken.crmplan.yaml'), 'mine\n');
    mkdirSync(path.join(folder, 'sub'));
    symlinkSync(tmpdir(), path.join(folder, 'out'));
    const refused: [string, string][] = [
      ['taken.crmplan.yaml', "crmplan: --output 'taken.crmplan.yaml' already exists; crmplan import never overwrites a file\n"],
      ['../x.crmplan.yaml', "crmplan: --output '../x.crmplan.yaml' is outside the current folder\n"],
      [path.join(tmpdir(), 'x.crmplan.yaml'), `crmplan: --output '${path.join(tmpdir(), 'x.crmplan.yaml')}' is outside the current folder\n`],
      ['out/x.crmplan.yaml', "crmplan: --output 'out/x.crmplan.yaml' is outside the current folder\n"],
      ['missing/x.crmplan.yaml', "crmplan: --output 'missing/x.crmplan.yaml': its folder does not exist\n"],
    ];
    for (const [output, message] of refused) {
      const run = await crmplan(['import', 'minimal.csv', '--output', output], folder);
      expect([run.status, run.stderr]).toEqual([2, message]);
    }
    expect(readFileSync(path.join(folder, 'taken.crmplan.yaml'), 'utf8')).toBe('mine\n');
    const written = await crmplan(['import', 'minimal.csv', '--output', 'sub/plan.crmplan.yaml'], folder);
    expect([written.status, written.stdout, written.stderr]).toEqual([0, '', `${NO_CALENDAR}\ncrmplan: wrote sub/plan.crmplan.yaml\n`]);
    expect(readdirSync(path.join(folder, 'sub'))).toEqual(['plan.crmplan.yaml']);
  });

  it('needs exactly one file', async () => {
    const run = await crmplan(['import'], folderWith({}));
    expect([run.status, run.stderr]).toEqual([2, 'crmplan: import needs exactly one file: crmplan import FILE.csv|FILE.xml [--output PLAN]\n']);
    const missing = await crmplan(['import', 'nope.csv'], folderWith({}));
    expect([missing.status, missing.stderr]).toEqual([2, "crmplan: cannot read 'nope.csv': no such file or directory\n"]);
  });
});
