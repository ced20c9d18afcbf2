import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import type { GitlabIssue } from '../../server/src/cli/format-gitlab.js';
import { FINGERPRINT_KEY, type SarifLog } from '../../server/src/cli/format-sarif.js';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { crmplan, ROOT } from './cli-process.js';

const GOLDEN_PLAN = 'test/cli/golden/ci-formats.crmplan.yaml';
const GOLDEN_OUTPUT = path.join(ROOT, 'test/cli/golden/ci-formats.gitlab.json');

/**
 * The report format as GitLab's "Code Quality report format" documents it:
 * one JSON array; each object has description, check_name, fingerprint,
 * severity (info, minor, major, critical or blocker), location.path (a path
 * relative to the repository) and location.lines.begin or
 * location.positions.begin.line (a line number). Other properties are
 * allowed and ignored.
 */
const CODE_QUALITY_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path'],
        properties: {
          path: { type: 'string', minLength: 1, pattern: '^(?![A-Za-z]:|/|\\\\)' },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
          positions: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'object', required: ['line'], properties: { line: { type: 'integer', minimum: 1 } } } },
          },
        },
        anyOf: [{ required: ['lines'] }, { required: ['positions'] }],
      },
    },
  },
} as const;

const validateCodeQuality = new Ajv2020({ allErrors: true }).compile(CODE_QUALITY_SCHEMA);

function expectValid(report: unknown, what: string): void {
  expect(validateCodeQuality(report), `${what}: ${JSON.stringify(validateCodeQuality.errors, null, 2)}`).toBe(true);
}

function issuesOf(args: readonly string[], cwd = ROOT): GitlabIssue[] {
  const result = crmplan(['check', '--format', 'gitlab', ...args], cwd);
  return JSON.parse(result.stdout) as GitlabIssue[];
}

function tempFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'crmplan-gitlab-'));
}

describe('crmplan check --format gitlab', () => {
  it('gives the golden Code Quality report for a small plan, without a byte order mark, and exits 1 on errors', () => {
    const result = crmplan(['check', '--format', 'gitlab', GOLDEN_PLAN]);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN_OUTPUT, result.stdout);
    expect(result.stdout).toBe(readFileSync(GOLDEN_OUTPUT, 'utf8'));
    expect(result.stdout.startsWith('[')).toBe(true);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
  });

  it('is valid against the documented format, for every rule firing, for clean plans and for the golden file', () => {
    const reports = {
      'samples/with-problems': issuesOf(['samples/with-problems']),
      samples: issuesOf(['samples']),
      golden: JSON.parse(readFileSync(GOLDEN_OUTPUT, 'utf8')) as unknown,
    };
    for (const [what, report] of Object.entries(reports)) expectValid(report, what);
    expect(reports.samples).toEqual([]);
    expect(new Set(reports['samples/with-problems'].map((issue) => issue.check_name))).toEqual(new Set(ALL_RULES.map((rule) => rule.name)));
  });

  it('would notice a report GitLab cannot read', () => {
    const [issue] = issuesOf([GOLDEN_PLAN]);
    const broken: unknown[] = [
      { ...issue, severity: 'error' },
      { ...issue, fingerprint: undefined },
      { ...issue, location: { path: issue!.location.path } },
      { ...issue, location: { ...issue!.location, lines: { begin: 0 } } },
      { ...issue, location: { ...issue!.location, path: '/checkout/plan.crmplan.yaml' } },
    ];
    for (const entry of broken) expect(validateCodeQuality([entry]), JSON.stringify(entry)).toBe(false);
    expect(validateCodeQuality({ issues: [issue] })).toBe(false);
    expectValid([{ ...issue, location: { path: 'a.yaml', positions: { begin: { line: 3, column: 1 } } } }], 'positions');
  });

  it('maps error, warning, info and hint to critical, minor, info and info, on the lines the JSON format gives', () => {
    const issues = issuesOf(['samples/with-problems']);
    const json = JSON.parse(crmplan(['check', '--format', 'json', 'samples/with-problems']).stdout) as {
      files: { path: string; diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number }; end: { line: number } } }[] }[];
    };
    const severities: Record<string, string> = { error: 'critical', warning: 'minor', info: 'info', hint: 'info' };
    const expected = json.files.flatMap((file) =>
      file.diagnostics.map((diagnostic) => ({
        description: diagnostic.message,
        check_name: diagnostic.rule,
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        severity: severities[diagnostic.severity],
        location: { path: file.path, lines: { begin: diagnostic.range.start.line + 1, end: diagnostic.range.end.line + 1 } },
      })),
    );
    expect(issues).toEqual(expected);

    const golden = issuesOf([GOLDEN_PLAN]);
    expect(golden.map((issue) => [issue.check_name, issue.severity, issue.location.lines.begin])).toEqual([
      ['no-objectives', 'info', 6],
      ['no-communication-plan', 'info', 6],
      ['schema', 'minor', 10],
      ['unknown-reference', 'critical', 22],
    ]);
    // The message keeps its newline and carriage return: JSON escapes them.
    expect(golden[2]!.description).toBe("Unknown key '100%: odd, key\non two lines\r' in plan.");
  });

  it('gives every finding its own fingerprint (GitLab keeps one issue per fingerprint), the same as SARIF', () => {
    const issues = issuesOf(['samples/with-problems']);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
    const sarif = JSON.parse(crmplan(['check', '--format', 'sarif', 'samples/with-problems']).stdout) as SarifLog;
    expect(issues.map((issue) => issue.fingerprint)).toEqual(sarif.runs[0].results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]));
  });

  it('keeps fingerprints when lines are inserted above the findings, and changes one when what it is about changes', () => {
    const plan = readFileSync(path.join(ROOT, GOLDEN_PLAN), 'utf8');
    const issuesFor = (text: string): GitlabIssue[] => {
      const folder = tempFolder();
      writeFileSync(path.join(folder, 'plan.crmplan.yaml'), text);
      return issuesOf([], folder);
    };
    const before = issuesFor(plan);
    const shifted = issuesFor(plan.replace('plan:\n', '# Agreed with the sponsor.\n# Reviewed monthly.\n# Owner: pm.\nplan:\n'));
    expect(before).toHaveLength(4);
    expect(shifted.map((issue) => issue.location.lines.begin)).toEqual(before.map((issue) => issue.location.lines.begin + 3));
    expect(shifted.map((issue) => issue.fingerprint)).toEqual(before.map((issue) => issue.fingerprint));

    const renamed = issuesFor(plan.replace('[kickof]', '[kikoff]'));
    expect(renamed[3]!.fingerprint).not.toBe(before[3]!.fingerprint);
    expect(renamed.slice(0, 3).map((issue) => issue.fingerprint)).toEqual(before.slice(0, 3).map((issue) => issue.fingerprint));
  });

  it('writes paths relative to the working folder, with / and without URL encoding', () => {
    expect(issuesOf(['golden'], path.join(ROOT, 'test', 'cli'))[0]!.location.path).toBe('golden/ci-formats.crmplan.yaml');

    const folder = tempFolder();
    mkdirSync(path.join(folder, 'my plans'));
    writeFileSync(path.join(folder, 'my plans', 'q3#1.crmplan.yaml'), 'crmplan: 1\nplan: {name: A, start: 2027-01-04}\n');
    const issues = issuesOf([], folder);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.location.path).toBe('my plans/q3#1.crmplan.yaml');
    expectValid(issues, 'nested folder');
  });

  it('exits 0 for clean plans and with warnings only, and 1 for warnings over --max-warnings, like the text format', () => {
    const clean = crmplan(['check', '--format', 'gitlab', 'samples']);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('[]\n');

    const args = ['samples/with-problems/no-objectives.crmplan.yaml'];
    const warned = crmplan(['check', '--format', 'gitlab', ...args]);
    expect(warned.status).toBe(0);
    expect((JSON.parse(warned.stdout) as GitlabIssue[]).map((issue) => issue.severity)).toEqual(['minor']);

    const gitlab = crmplan(['check', '--format', 'gitlab', ...args, '--max-warnings', '0']);
    const text = crmplan(['check', ...args, '--max-warnings', '0']);
    expect(gitlab.status).toBe(1);
    expect(text.status).toBe(1);
    expect(gitlab.stderr).toBe(text.stderr);
    expect(gitlab.stderr).toBe('crmplan: 1 warnings, more than --max-warnings 0\n');
    // The report stays complete, so the artifact is uploaded with every finding.
    expect(JSON.parse(gitlab.stdout)).toEqual(JSON.parse(warned.stdout));
  });
});
