import { describe, expect, it } from 'vitest';
import { analyzeParsedPlan, analyzePlan } from '../../analysis/analyze-plan.js';
import { reparsePlanText } from '../../parse/incremental-parse.js';
import { parsePlanText } from '../../parse/parse-plan-text.js';
import { flowItemsInFileProblem, MAX_FLOW_ITEMS, MAX_FLOW_ITEMS_IN_FILE, MAX_LINES, MAX_NESTING_DEPTH, MAX_TEXT_LENGTH, unreadTextProblem } from '../../parse/text-limits.js';
import { runFixture } from '../../testing/fixtures.js';

const RULE = 'limits';
const HEAD = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\nphases:\n  - id: p\n    name: P\n    tasks:\n';

function check(text: string) {
  const result = runFixture(text, { rules: [RULE] });
  return { ...result, messages: result.findings.map((finding) => finding.message) };
}

describe('limits', () => {
  it('reports durations, lags and due offsets over 100 years, and dates outside 1900-2999, on the value; the rest is analysed', () => {
    const text = `crmplan: 1
plan:
  name: P
  start: 2027-01-04
  calendar:
    holidays: [1800-01-01, {date: 3001-01-01}, 2027-05-31] # expect: ${RULE}, ${RULE}
objectives:
  - {id: o, statement: s, due: 99999d after b} # expect: ${RULE}
phases:
  - id: p
    name: P
    tasks:
      - {id: a, name: A, duration: 26001d} # expect: ${RULE}
      - {id: b, name: B, duration: 5201w, start: 1899-12-31} # expect: ${RULE}, ${RULE}
      - {id: c, name: C, duration: 1d, depends_on: [{task: a, lag: -26001d}], deadline: 2999-12-31} # expect: ${RULE}
      - {id: d, name: D, duration: 26000d, depends_on: [{task: a, lag: 5200w}]}
`;
    const { actual, expected, messages } = check(text);
    expect(actual).toEqual(expected);
    expect(messages).toContain('Duration 26001d is over 100 years: at most 26000d or 5200w (working days or weeks). It is not used.');
    expect(messages).toContain('Lag -26001d is over 100 years: at most 26000d or 5200w (working days or weeks). It is read as 0d.');
    expect(messages).toContain('Date 1899-12-31 is outside the years 1900 to 2999 that a plan can use: it is not used.');
    // The values over a limit are left out: the task without a usable duration, the lag read as 0d.
    const analysis = analyzePlan(text);
    const tasks = analysis.model.tasks;
    expect(tasks.find((task) => task.id?.value === 'a')?.duration).toBeUndefined();
    expect(tasks.find((task) => task.id?.value === 'b')?.start).toBeUndefined();
    expect(tasks.find((task) => task.id?.value === 'c')?.dependsOn[0]?.lag).toEqual({ amount: 0, unit: 'd' });
    expect(tasks.find((task) => task.id?.value === 'd')?.duration?.value).toEqual({ amount: 26000, unit: 'd' });
    expect(analysis.model.plan.calendar.holidays.map((holiday) => holiday.date)).toEqual(['2027-05-31']);
    expect(analysis.schedule).toBeDefined();
  });

  it('reads at most 10,000 holidays and says so on the first one left out', () => {
    const days = Array.from({ length: 10_001 }, (_, index) => new Date(Date.UTC(2030, 0, 1 + index)).toISOString().slice(0, 10));
    const text = `crmplan: 1\nplan:\n  name: P\n  start: 2027-01-04\n  calendar:\n    holidays:\n${days.map((day) => `      - ${day}`).join('\n')}\n`;
    const { findings } = check(text);
    expect(findings.map((finding) => finding.message)).toEqual(['This list has 10,001 items: at most 10,000 are read; this one and the ones after it are not.']);
    expect(text.slice(findings[0]!.span.start, findings[0]!.span.end)).toBe(days[10_000]);
    expect(analyzePlan(text).model.plan.calendar.holidays).toHaveLength(10_000);
  });

  it(`empties a list in brackets of more than ${MAX_FLOW_ITEMS.toLocaleString('en-US')} items, reported at its bracket; the task is still analysed`, () => {
    const long = Array.from({ length: MAX_FLOW_ITEMS + 1 }, () => 'a').join(', ');
    const text = `${HEAD}      - {id: a, name: A, duration: 1d}\n      - {id: b, name: B, duration: 1d, depends_on: [${long}]} # expect: ${RULE}\n      - {id: c, name: C, duration: 2d, depends_on: ['[not, a, list]', b]}\n`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toBe('This list in brackets has 10,001 items: at most 10,000 are read, so it is read as empty.');
    expect(text[findings[0]!.span.start]).toBe('[');
    const analysis = analyzePlan(text);
    const b = analysis.model.tasks.find((task) => task.id?.value === 'b');
    expect(b?.dependsOn).toEqual([]);
    expect(b?.name?.value).toBe('B');
    expect(analysis.model.tasks.find((task) => task.id?.value === 'c')?.dependsOn.map((dependency) => dependency.target.id)).toEqual(['[not, a, list]', 'b']);
    // Exactly at the limit: read as written.
    const atLimit = `${HEAD}      - {id: a, name: A, duration: 1d}\n      - {id: b, name: B, duration: 1d, depends_on: [${Array.from({ length: MAX_FLOW_ITEMS }, () => 'a').join(', ')}]}\n`;
    expect(check(atLimit).findings).toEqual([]);
    expect(analyzePlan(atLimit).model.tasks[1]?.dependsOn).toHaveLength(MAX_FLOW_ITEMS);
  });

  it('past the limit, reads on exactly: quotes and comments with brackets inside the long list, a second long list, the rest of the plan', () => {
    const items = Array.from({ length: MAX_FLOW_ITEMS + 1 }, () => 'a').join(', ');
    const text = `${HEAD}      - {id: a, name: A, duration: 1d}
      - {id: b, name: B, duration: 1d, depends_on: [${items}, 'x]', "y}\\"]", 'it''s ]', # a comment with ] and } # expect: ${RULE}
          it's, z]}
      - {id: c, name: 'C [', duration: 2d, depends_on: [b]}
      - {id: d, name: D, duration: 1d, depends_on: {${items.replace(/a/g, 'k: v')}}} # expect: ${RULE}
      - {id: e, name: E, duration: 1d, depends_on: [c]}
`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => finding.message.split(':')[0])).toEqual(['This list in brackets has 10,006 items', 'This list in brackets has 10,001 items']);
    const tasks = analyzePlan(text).model.tasks;
    expect(tasks.map((task) => [task.id?.value, task.name?.value, task.dependsOn.map((dependency) => dependency.target.id)])).toEqual([
      ['a', 'A', []],
      ['b', 'B', []],
      ['c', 'C [', ['b']],
      ['d', 'D', []],
      ['e', 'E', ['c']],
    ]);
  });

  it('commas in block scalars and plain text are not a list; CRLF, a BOM and a list never closed are read as the parser reads them', () => {
    const commas = Array.from({ length: MAX_FLOW_ITEMS + 5 }, () => 'a').join(', ');
    const block = `${HEAD}      - id: a\n        name: A\n        duration: 1d\n        rollback: |\n          [${commas}]\n      - id: b\n        name: plain [${commas}\n        duration: 1d\n`;
    expect(check(block).findings).toEqual([]);
    expect(analyzePlan(block).model.tasks.map((task) => task.rollback?.value ?? task.name?.value)).toEqual([`[${commas}]\n`, `plain [${commas}`]);
    const long = `depends_on: [${commas}]`;
    const crlf = `\uFEFF${HEAD}      - {id: a, name: A, duration: 1d}\n      - {id: b, name: B, duration: 1d, ${long}}\n`.replace(/\n/g, '\r\n');
    const { findings } = check(crlf);
    expect(findings).toHaveLength(1);
    expect(crlf[findings[0]!.span.start]).toBe('[');
    expect(analyzePlan(crlf).model.tasks.map((task) => task.id?.value)).toEqual(['a', 'b']);
    const unclosed = `${HEAD}      - {id: a, name: A, duration: 1d, depends_on: [${commas}\n`;
    const analysis = analyzePlan(unclosed);
    expect(analysis.findings.filter((finding) => finding.rule === RULE).map((finding) => finding.message)).toEqual([
      'This list in brackets has 10,005 items: at most 10,000 are read, so it is read as empty.',
    ]);
    expect(analysis.findings.some((finding) => finding.rule === 'yaml-syntax')).toBe(true);
  });

  it(`reads ${MAX_FLOW_ITEMS.toLocaleString('en-US')} items of a block list, and says so on the first one left out`, () => {
    const items = Array.from({ length: MAX_FLOW_ITEMS + 2 }, () => '          - a\n').join('');
    const text = `${HEAD}      - {id: a, name: A, duration: 1d}\n      - id: b\n        name: B\n        duration: 1d\n        depends_on:\n${items}`;
    const { findings } = check(text);
    expect(findings.map((finding) => finding.message)).toEqual(['This list has 10,002 items: at most 10,000 are read; this one and the ones after it are not.']);
    expect(text.slice(0, findings[0]!.span.start).split('\n')).toHaveLength(6 + 5 + MAX_FLOW_ITEMS + 1);
    expect(analyzePlan(text).model.tasks[1]?.dependsOn).toHaveLength(MAX_FLOW_ITEMS);
    // Typed into a plan that was clean: the edited task is not re-parsed alone, which would not bound it.
    const clean = `${HEAD}      - {id: a, name: A, duration: 1d}\n      - id: b\n        name: B\n        duration: 1d\n        depends_on:\n          - a\n`;
    const reparsed = reparsePlanText(parsePlanText(clean), text);
    expect(reparsed.limits).toEqual(parsePlanText(text).limits);
  });

  it('brackets and commas in quotes and comments are not a list', () => {
    const commas = ','.repeat(MAX_FLOW_ITEMS + 5);
    const text = `${HEAD}      - {id: a, name: '[${commas}]', duration: 1d} # [${commas}]\n      - {id: b, name: "[${commas}", duration: 1d}\n`;
    expect(check(text).findings).toEqual([]);
    expect(analyzePlan(text).model.tasks.map((task) => task.name?.value.length)).toEqual([commas.length + 2, commas.length + 1]);
  });

  it(`reads lists and mappings ${MAX_NESTING_DEPTH} levels deep, and what is deeper as empty, with one finding`, () => {
    const nested = (levels: number): string => `${'['.repeat(levels)}x${']'.repeat(levels)}`;
    // The task mapping is at level 4 (root, phases, phase... tasks, task): tags add their own levels.
    const text = `${HEAD}      - {id: a, name: A, duration: 1d, tags: ${nested(10_000)}} # expect: ${RULE}\n      - {id: b, name: B, duration: 1d, tags: ${nested(MAX_NESTING_DEPTH - 6)}}\n`;
    const { actual, expected, findings } = check(text);
    expect(actual).toEqual(expected);
    expect(findings[0]?.message).toBe('Lists and mappings nest more than 100 levels deep here: what is deeper is read as empty.');
    expect(analyzePlan(text).model.tasks.map((task) => task.id?.value)).toEqual(['a', 'b']);
    const blocks = `${HEAD}      - {id: a, name: A, duration: 1d}\nrisks:\n  - ${'- '.repeat(10_000)}x # expect: ${RULE}\n`;
    expect(check(blocks).actual).toEqual(check(blocks).expected);
  });

  it('a billion-laughs document reads as far as the alias limits allow, and the plan is checked', () => {
    const lines = ['crmplan: 1', 'plan: {name: Laughs, start: banana}', 'x0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level <= 9; level++) lines.push(`x${level}: &l${level} [${Array.from({ length: 10 }, () => `*l${level - 1}`).join(', ')}]`);
    lines.push('phases:', '  - id: p', '    name: *l9', '    tasks:', '      - {id: a, name: *l9, duration: 1d, tags: *l9}');
    const findings = analyzePlan(`${lines.join('\n')}\n`).findings;
    expect(findings.map((finding) => finding.message)).toContain(
      'Aliases expand to too much: at most 10,000 nodes are read through aliases; the rest of the plan is checked without them.',
    );
    expect(findings.some((finding) => finding.rule === 'schema' && finding.message.startsWith("Invalid plan.start 'banana'"))).toBe(true);
  });

  it(`does not read a text over ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters: one finding at 0:0, nothing else`, () => {
    const text = `${HEAD}      - {id: a, name: A, duration: 1d}\n`.padEnd(MAX_TEXT_LENGTH + 1, '#');
    const analysis = analyzePlan(text);
    expect(analysis.findings.map((finding) => [finding.rule, finding.span, finding.message])).toEqual([
      ['limits', { start: 0, end: 0 }, 'The file has 10,485,761 characters: plans over 10,485,760 (10 MB) are not read. Split it into smaller plans.'],
    ]);
    expect(analysis.model.tasks).toEqual([]);
  });

  it(`does not read a text of more than ${MAX_LINES.toLocaleString('en-US')} lines: one finding on the first line over it, nothing else`, () => {
    // A block list of one item a line, within the 10 MB limit: 200,000 lines with its head, then two more items.
    const headLines = HEAD.split('\n').length - 1;
    const items = Array.from({ length: MAX_LINES - headLines }, (_, index) => `      - {id: t${index}, name: T, duration: 1d}\n`).join('');
    const atLimit = `${HEAD}${items}`;
    expect(atLimit.length).toBeLessThan(MAX_TEXT_LENGTH);
    // Exactly at the limit (its last line ends with a line break, which starts no line): read. Not parsed here: it would take seconds.
    expect(unreadTextProblem(atLimit)).toBeUndefined();
    expect(unreadTextProblem(`${atLimit}\n`)).toEqual({ kind: 'line-count', span: { start: atLimit.length, end: atLimit.length }, lines: MAX_LINES + 1 });
    const overLimit = `${atLimit}      - {id: over, name: Over, duration: 99999d}\n      - {id: last, name: Last, duration: 1d}`;
    const analysis = analyzePlan(overLimit);
    const firstOver = atLimit.length;
    expect(analysis.findings.map((finding) => [finding.rule, finding.span, finding.message])).toEqual([
      [
        'limits',
        { start: firstOver, end: overLimit.indexOf('\n', firstOver) },
        'The file has 200,002 lines: plans over 200,000 lines are not read. This is the first line over it; split the file into smaller plans.',
      ],
    ]);
    // The parser's line numbers count from 1: the first line over the limit is line 200,001.
    expect(analysis.parsed.lineCounter.linePos(firstOver)).toEqual({ line: MAX_LINES + 1, col: 1 });
    expect(analysis.model.tasks).toEqual([]);
  });

  it(`does not read a text of more than ${MAX_FLOW_ITEMS_IN_FILE.toLocaleString('en-US')} items in brackets in all: one finding on the first item over it`, () => {
    // Lists of 9,999 items, each under MAX_FLOW_ITEMS: HEAD's flow mapping has 2 items, task a's 3; each other task line 4 (its mapping) + 9,999 (its list).
    const task = (index: number): string => `      - {id: f${index}, name: F, duration: 1d, depends_on: [${Array.from({ length: 9_999 }, () => 'a').join(',')}]}\n`;
    const lines = Array.from({ length: 29 }, (_, index) => task(index)).join('');
    const under = `${HEAD}      - {id: a, name: A, duration: 1d}\n${lines}`;
    // 2 + 3 + 29 x 10,003 = 290,092: read (and checked as usual).
    expect(flowItemsInFileProblem(under)).toBeUndefined();
    expect(parsePlanText(under).limits).toBeUndefined();
    const over = `${under}${task(29)}`;
    // The last line's mapping brings 290,096, its '[' item 290,097: item 300,001 is at the list's 9,904th comma.
    const lastLine = over.lastIndexOf('      - {');
    let comma = over.indexOf('[', lastLine);
    for (let count = 0; count < 9_904; count++) comma = over.indexOf(',', comma + 1);
    const analysis = analyzePlan(over);
    expect(analysis.findings.map((finding) => [finding.rule, finding.span, finding.message])).toEqual([
      [
        'limits',
        { start: comma, end: comma + 1 },
        "The file has 300,095 items in brackets ([a, b] or {a: 1}) in all: plans with over 300,000 are not read. This is the first one over it; write long lists as block lists (one '- item' a line) or split the plan.",
      ],
    ]);
    expect(analysis.model.tasks).toEqual([]);
    // One list over MAX_FLOW_ITEMS is emptied first and is a finding of its own: it does not count towards the file's total.
    const oneHuge = `${HEAD}      - {id: b, name: B, duration: 1d, depends_on: [${Array.from({ length: 400_000 }, () => 'a').join(',')}]}\n`;
    expect(parsePlanText(oneHuge).limits?.map((problem) => problem.kind)).toEqual(['flow-items']);
    // An edit that adds a list over the total is parsed whole, as a first parse would be.
    const reparsed = reparsePlanText(parsePlanText(under), over);
    expect(reparsed.limits?.map((problem) => problem.kind)).toEqual(['flow-items-in-file']);
  });

  it('an edit that takes a text over the line limit is not re-parsed in part: the whole parse reports it', () => {
    // Blank lines are the cheapest to parse; the task at the end is where the edit adds a line.
    const task = '      - id: a\n        name: A\n';
    const blankLines = MAX_LINES - (HEAD.split('\n').length - 1) - 2;
    const atLimit = `${HEAD}${'\n'.repeat(blankLines)}${task}`;
    const parsed = parsePlanText(atLimit);
    expect(parsed.limits).toBeUndefined();
    const oneMore = atLimit.replace(/name: A\n$/, 'name: A\n        duration: 1d\n');
    const reparsed = reparsePlanText(parsed, oneMore);
    const lastLine = oneMore.lastIndexOf('        duration');
    expect(reparsed.limits).toEqual([{ kind: 'line-count', span: { start: lastLine, end: oneMore.length - 1 }, lines: MAX_LINES + 1 }]);
    expect(analyzeParsedPlan(reparsed).findings.map((finding) => finding.rule)).toEqual(['limits']);
  });

  it('the next version of a text over a limit is parsed whole, as a first parse of it would be', () => {
    const long = Array.from({ length: MAX_FLOW_ITEMS + 1 }, () => 'a').join(', ');
    const clean = `${HEAD}      - {id: a, name: A, duration: 1d}\n      - {id: b, name: B, duration: 1d, depends_on: [a]}\n`;
    const withLong = clean.replace('depends_on: [a]', `depends_on: [${long}]`);
    const edited = withLong.replace('name: A', 'name: A2');
    const fromClean = reparsePlanText(parsePlanText(clean), withLong);
    expect(fromClean.limits).toEqual(parsePlanText(withLong).limits);
    const next = reparsePlanText(fromClean, edited);
    expect(next.origin).toBe('full');
    expect(next.limits).toEqual(parsePlanText(edited).limits);
    expect(reparsePlanText(next, clean).limits).toBeUndefined();
  });
});
