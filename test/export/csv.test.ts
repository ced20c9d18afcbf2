import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../server/src/export/csv.js';
import { JIRA_BLOCKS_COLUMN, JIRA_COLUMNS, JIRA_LABELS_COLUMN } from '../../server/src/export/jira-csv.js';
import { analyzePlan } from '../../server/src/analysis/analyze-plan.js';
import { analyzeFile, EXPORTED_PLANS, runExport } from './export-test-support.js';

/** Records as csv-parse (a reader nobody here wrote) reads them, strictly: every record as wide as the header. */
function readCsv(text: string): string[][] {
  return parse(text, { bom: false, relax_column_count: false, relax_quotes: false, record_delimiter: '\r\n' }) as string[][];
}

/** The guard's one leading `'` removed, as the import does (docs/export.md#formula-guard). */
const unguard = (cell: string): string => (/^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell);

describe('CSV export, read back by csv-parse', () => {
  for (const file of EXPORTED_PLANS) {
    it(`${file}: a BOM, the exact header, and one row per scheduled task equal to the schedule`, () => {
      const analysis = analyzeFile(file);
      const { content, omitted } = runExport('csv', analysis, path.basename(file));
      expect(content.startsWith('\uFEFF')).toBe(true);
      expect(content.endsWith('\r\n')).toBe(true);
      const [header, ...rows] = readCsv(content.slice(1));
      expect(header).toEqual(['ID', 'Name', 'Phase', 'Kind', 'Owner', 'Start', 'Finish', 'Working days', 'Total float', 'Critical', 'Predecessors', 'Assignments', 'Status', 'Progress']);
      expect(header).toEqual([...CSV_COLUMNS]);
      const { model, schedule } = analysis;
      const scheduled = model.tasks.flatMap((task, taskIndex) => (schedule?.tasks[taskIndex] ? [{ task, at: schedule.tasks[taskIndex]! }] : []));
      expect(rows.length).toBe(scheduled.length);
      expect(omitted.length).toBe(schedule ? model.tasks.length - scheduled.length : model.tasks.length === 0 ? 0 : 1);
      rows.forEach((row, index) => {
        const { task, at } = scheduled[index]!;
        const cell = (column: string): string => unguard(row[header!.indexOf(column)]!);
        expect(cell('ID')).toBe(task.id?.value ?? '');
        expect(cell('Name')).toBe(task.name?.value ?? '');
        expect(cell('Phase')).toBe(model.phases[task.phaseIndex]!.id?.value ?? '');
        expect(cell('Kind')).toBe(task.kind);
        expect(cell('Owner')).toBe(task.owner?.id ?? model.phases[task.phaseIndex]!.owner?.id ?? '');
        expect(cell('Start')).toBe(at.start);
        expect(cell('Finish')).toBe(at.finish);
        expect(Number(cell('Working days'))).toBe(at.duration);
        expect(Number(cell('Total float'))).toBe(at.totalFloat);
        expect(cell('Critical')).toBe(at.critical ? 'yes' : 'no');
        expect(cell('Status')).toBe(task.status?.value ?? '');
        expect(cell('Progress')).toBe(task.progress === undefined ? '' : `${task.progress.value}%`);
        // Predecessors read back to the dependencies: id, type and lag as written.
        const written = [...task.dependsOn, ...model.phases[task.phaseIndex]!.dependsOn];
        const listed = cell('Predecessors') === '' ? [] : cell('Predecessors').split('; ');
        expect(listed.map(readPredecessor)).toEqual(written.map((dependency) => ({ id: dependency.target.id, type: dependency.type, lag: `${dependency.lag.amount}${dependency.lag.unit}` })));
        const assignments = cell('Assignments') === '' ? [] : cell('Assignments').split('; ');
        expect(assignments.map((text) => text.split(' ')[0])).toEqual(task.assign.map((assignment) => assignment.person.id));
      });
    });
  }

  it('predecessors and assignments are written as the plan writes them', () => {
    const analysis = analyzePlan(`crmplan: 1
plan: {name: P, start: 2027-01-04}
people: [{id: pm}, {id: sales-lead}]
phases:
  - id: a
    tasks:
      - {id: x, name: X, duration: 2d}
      - {id: y, name: Y, duration: 1w, assign: [{person: pm, load: 100%}, {person: sales-lead, load: 8h/w}, {person: pm}]}
  - id: b
    depends_on: [a]
    tasks:
      - id: z
        name: Z
        duration: 3d
        depends_on: [x, {task: y, lag: 2d}, {task: x, type: SS, lag: -1d}, {task: y, type: SS}, {task: x, lag: 1w}, {task: y, lag: 0d}]
`);
    const [, , y, z] = readCsv(runExport('csv', analysis, 'p.crmplan.yaml').content.slice(1));
    expect(y![11]).toBe('pm 100%; sales-lead 8h/w; pm');
    expect(z![10]).toBe('x; y FS+2d; x SS-1d; y SS; x FS+1w; y; a');
  });

  it('cells that start like a formula get a leading quote, and come back as written without it', () => {
    const analysis = analyzeFile('test/export/fixtures/formula-names.crmplan.yaml');
    const [, ...rows] = readCsv(runExport('csv', analysis, 'formula-names.crmplan.yaml').content.slice(1));
    const names = rows.map((row) => row[1]!);
    expect(names).toEqual(["'=1+1", "'+SUM(A1:A2)", "'-2+3", "'@SUM(A1)", "'\t=cmd", "'\r=cmd", "''=already quoted", 'plain = fine']);
    expect(names.map(unguard)).toEqual(analysis.model.tasks.map((task) => task.name!.value));
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('hostile names round-trip exactly, line breaks included', () => {
    const analysis = analyzeFile('test/fixtures/hostile-names.crmplan.yaml');
    const [, ...rows] = readCsv(runExport('csv', analysis, 'hostile-names.crmplan.yaml').content.slice(1));
    expect(rows.map((row) => unguard(row[1]!))).toEqual(analysis.model.tasks.map((task) => task.name!.value));
  });
});

function readPredecessor(text: string): { id: string; type: string; lag: string } {
  const match = /^(\S+)(?: (FS|SS)([+-]\d+[dw])?)?$/.exec(text);
  if (!match) throw new Error(`not a predecessor: ${text}`);
  const lag = match[3] ?? '0d';
  return { id: match[1]!, type: match[2] ?? 'FS', lag: lag.startsWith('+') ? lag.slice(1) : lag };
}

describe("Jira CSV export, read back by csv-parse", () => {
  for (const file of EXPORTED_PLANS) {
    it(`${file}: epics before tasks, parents and Blocks links by Issue Id, dates from the schedule`, () => {
      const analysis = analyzeFile(file);
      const { content } = runExport('jira-csv', analysis, path.basename(file));
      expect(content.startsWith('\uFEFF')).toBe(false);
      const [header, ...rows] = readCsv(content);
      expect(header!.slice(0, JIRA_COLUMNS.length)).toEqual(['Issue Id', 'Parent', 'Summary', 'Issue Type', 'Assignee', 'Start date', 'Due date', 'Description']);
      const rest = header!.slice(JIRA_COLUMNS.length);
      expect(rest).toEqual([...rest.filter((name) => name === JIRA_LABELS_COLUMN), ...rest.filter((name) => name === JIRA_BLOCKS_COLUMN)]);
      const { model, schedule } = analysis;
      const epics = rows.filter((row) => row[3] === 'Epic');
      const tasks = rows.filter((row) => row[3] === 'Task');
      expect(epics.length + tasks.length).toBe(rows.length);
      expect(rows.slice(0, epics.length)).toEqual(epics);
      rows.forEach((row, index) => expect(row[0]).toBe(String(index + 1)));
      expect(epics.map((row) => unguard(row[2]!))).toEqual(model.phases.map((phase, index) => phase.name?.value ?? phase.id?.value ?? `Phase ${index + 1}`));
      const scheduled = model.tasks.flatMap((task, taskIndex) => (schedule?.tasks[taskIndex] ? [{ task, at: schedule.tasks[taskIndex]! }] : []));
      expect(tasks.length).toBe(scheduled.length);
      const issueIdOf = new Map<string, string>();
      rows.forEach((row, index) => {
        const item = index < epics.length ? model.phases[index]! : scheduled[index - epics.length]!.task;
        if (item.id && !issueIdOf.has(item.id.value)) issueIdOf.set(item.id.value, row[0]!);
      });
      tasks.forEach((row, index) => {
        const { task, at } = scheduled[index]!;
        expect(unguard(row[2]!)).toBe(task.name?.value ?? task.id?.value);
        expect(row[1]).toBe(String(task.phaseIndex + 1));
        expect(Number(row[1])).toBeLessThan(Number(row[0]));
        expect(row[5]).toBe(at.start);
        expect(row[6]).toBe(at.finish);
        const labels = row.filter((_, column) => header![column] === JIRA_LABELS_COLUMN && row[column] !== '');
        expect(labels).toContain(task.kind);
        expect(labels.includes('milestone')).toBe(at.milestone);
        for (const label of labels) expect(label).toMatch(/^[a-z0-9-]+$/);
      });
      // Each dependency is one Blocks link on the predecessor's row, naming the successor's Issue Id.
      const links = rows.flatMap((row) => row.flatMap((cell, column) => (header![column] === JIRA_BLOCKS_COLUMN && cell !== '' ? [`${row[0]} blocks ${cell}`] : [])));
      const expected = [...model.phases.map((phase, index) => ({ item: phase, row: String(index + 1) })), ...scheduled.map(({ task }, index) => ({ item: task, row: String(epics.length + index + 1) }))]
        .flatMap(({ item, row }) => item.dependsOn.flatMap((dependency) => {
          const predecessor = issueIdOf.get(dependency.target.id);
          return predecessor === undefined ? [] : [`${predecessor} blocks ${row}`];
        }));
      expect(links.sort()).toEqual(expected.sort());
    });
  }

  it('the description escapes what opens Jira markup, and names the task', () => {
    const analysis = analyzePlan(`crmplan: 1
plan: {name: Markup, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: data_load, name: '*bold* {code} [link|http://x] !img!', duration: 1d}
      - {id: after, name: After, duration: 1d, depends_on: [{task: data_load, lag: 2d}], status: blocked}
`);
    const [, , first, second] = readCsv(runExport('jira-csv', analysis, 'markup.crmplan.yaml').content);
    expect(first![2]).toBe('*bold* {code} [link|http://x] !img!');
    expect(first![7]).toBe('crmplan task: data\\_load\n1 working day\nOn the critical path');
    expect(second![7]).toBe('crmplan task: after\n1 working day\nOn the critical path\nDepends on: data\\_load FS+2d\nStatus: blocked');
  });

  it('the assignee is the owner\'s email when the plan has one, else the person id; hostile text stays text', () => {
    const analysis = analyzeFile('test/export/fixtures/communications.crmplan.yaml');
    const [, epic, task] = readCsv(runExport('jira-csv', analysis, 'communications.crmplan.yaml').content);
    expect(epic![4]).toBe('dana@example.com');
    expect(task![4]).toBe('dana@example.com');
    const hostile = analyzeFile('test/fixtures/hostile-names.crmplan.yaml');
    const [, ...rows] = readCsv(runExport('jira-csv', hostile, 'hostile-names.crmplan.yaml').content);
    expect(rows.filter((row) => row[3] === 'Task').map((row) => unguard(row[2]!))).toEqual(hostile.model.tasks.map((t) => t.name!.value));
    const pmTask = rows.find((row) => row[2] === '<img src=x onerror=alert(1)>' && row[3] === 'Task')!;
    expect(pmTask[4]).toBe('pm');
  });
});
