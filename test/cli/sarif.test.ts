import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { checkPlans } from '../../server/src/cli/check-report.js';
import { absoluteLinks, defaultSarifDocsBase, FINGERPRINT_KEY, formatSarif, type SarifLog } from '../../server/src/cli/format-sarif.js';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { ruleDocsHref } from '../../server/src/service/diagnostics.js';
import { crmplan, ROOT } from './cli-process.js';

const GOLDEN_PLAN = 'test/cli/golden/ci-formats.crmplan.yaml';
const GOLDEN_SARIF = path.join(ROOT, 'test/cli/golden/ci-formats.sarif');
const MULTITOOL_PACKAGE = path.join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux');
const MULTITOOL = path.join(MULTITOOL_PACKAGE, 'Sarif.Multitool');
/** From `repository` in package.json: the rule pages as GitHub shows them. */
const DOCS_BASE = 'https://github.com/crmplan/crmplan/blob/main/docs/rules/';

/** Fixed inputs, so the golden file is the same on every machine. */
const GOLDEN_OPTIONS = { cwd: '/checkout', ruleDocsBase: 'https://crmplan.example/docs/rules/', embedRulePages: false };

function parseSarif(text: string): SarifLog {
  return JSON.parse(text) as SarifLog;
}

function sarifOf(args: readonly string[], cwd = ROOT): SarifLog {
  const result = crmplan(['check', '--format', 'sarif', ...args], cwd);
  expect(result.stderr).toBe('');
  return parseSarif(result.stdout);
}

function tempFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'crmplan-sarif-'));
}

describe('crmplan check --format sarif', () => {
  it('gives the golden SARIF for a small plan with one finding of each severity', async () => {
    const output = formatSarif(await checkPlans(ROOT, [GOLDEN_PLAN], {}), GOLDEN_OPTIONS);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN_SARIF, output);
    expect(output).toBe(readFileSync(GOLDEN_SARIF, 'utf8'));
  });

  it('lists every rule with its docs page and level, and reports each finding where the JSON format does', () => {
    const sarif = sarifOf(['samples/with-problems']);
    const run = sarif.runs[0];
    expect(sarif.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({
      name: 'crmplan',
      version: '0.1.0',
      semanticVersion: '0.1.0',
      informationUri: 'https://github.com/crmplan/crmplan/blob/main/README.md',
    });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(ROOT).href}/` } });

    const levels = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(ALL_RULES.map((rule) => rule.name));
    for (const [index, rule] of ALL_RULES.entries()) {
      const described = run.tool.driver.rules[index]!;
      const page = readFileSync(path.join(ROOT, 'docs', 'rules', `${rule.name}.md`), 'utf8');
      expect(described.helpUri).toBe(ruleDocsHref(rule.name, DOCS_BASE));
      expect(described.help.markdown).toBe(absoluteLinks(page, described.helpUri));
      expect(described.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(described.name.toLowerCase()).not.toBe(rule.name.toLowerCase());
      expect(described.shortDescription.text).toMatch(/^[A-Z].*\.$/);
      expect(absoluteLinks(page, described.helpUri)).toContain(described.fullDescription.text);
      expect(described.defaultConfiguration.level).toBe(levels[rule.defaultSeverity]);
    }

    // All 28 rules fire in samples/with-problems.
    expect(new Set(run.results.map((result) => result.ruleId))).toEqual(new Set(ALL_RULES.map((rule) => rule.name)));
    const json = JSON.parse(crmplan(['check', '--format', 'json', 'samples/with-problems']).stdout) as {
      files: { path: string; diagnostics: { rule: string; severity: keyof typeof levels; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[];
    };
    const expected = json.files.flatMap((file) =>
      file.diagnostics.map((diagnostic) => ({
        ruleId: diagnostic.rule,
        ruleIndex: ALL_RULES.findIndex((rule) => rule.name === diagnostic.rule),
        level: levels[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: file.path, uriBaseId: '%SRCROOT%' },
              region: {
                startLine: diagnostic.range.start.line + 1,
                startColumn: diagnostic.range.start.character + 1,
                endLine: diagnostic.range.end.line + 1,
                endColumn: diagnostic.range.end.character + 1,
              },
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: expect.stringMatching(/^[0-9a-f]{32}$/) },
      })),
    );
    expect(run.results).toEqual(expected);
  });

  it('links rules to their pages on the web, never to a local path, and --docs-url moves them', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
    expect(defaultSarifDocsBase(ROOT)).toBe(`${manifest.repository.url.replace(/\.git$/, '')}/blob/main/docs/rules/`);
    const driver = sarifOf(['samples/with-problems']).runs[0].tool.driver;
    expect(JSON.stringify(driver)).not.toMatch(/file:\/\/|\]\((?!https:)/);
    // The embedded pages' links lead to the same site: a source cited, a heading of the page.
    const uat = driver.rules.find((rule) => rule.id === 'go-live-without-uat')!;
    expect(uat.help.markdown).toContain('](https://github.com/crmplan/crmplan/blob/main/docs/sources.md#mid-market-implementation-roadmap)');

    const moved = sarifOf(['--docs-url', 'https://docs.example.org/crmplan/0.1/rules', 'samples/with-problems']).runs[0].tool.driver;
    expect(moved.informationUri).toBe('https://docs.example.org/crmplan/README.md');
    expect(moved.rules.map((rule) => rule.helpUri)).toEqual(ALL_RULES.map((rule) => `https://docs.example.org/crmplan/0.1/rules/${rule.name}.md`));
    expect(moved.rules[0]!.help.text).toContain('See https://docs.example.org/crmplan/0.1/rules/yaml-syntax.md');

    for (const local of ['docs/rules/', '/opt/crmplan/docs/rules/', pathToFileURL(path.join(ROOT, 'docs', 'rules')).href]) {
      const refused = crmplan(['check', '--format', 'sarif', '--docs-url', local, 'samples']);
      expect(refused.status).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toBe(`crmplan: --docs-url needs an http or https URL, got '${local}'\n`);
    }
  });

  it('makes relative links of an embedded page absolute, and leaves URLs alone', () => {
    const page = '[a](../sources.md#x), [b](#how-to-fix), [c](https://example.org/c), [d](mailto:x@example.org)';
    expect(absoluteLinks(page, 'https://h.example/docs/rules/no-pilot.md')).toBe(
      '[a](https://h.example/docs/sources.md#x), [b](https://h.example/docs/rules/no-pilot.md#how-to-fix), [c](https://example.org/c), [d](mailto:x@example.org)',
    );
  });

  it('gives levels as configured by --rule and the plan, and exits as the text format does', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'clean.crmplan.yaml'), readFileSync(path.join(ROOT, 'samples', 'launch-90-day.crmplan.yaml')));
    const clean = crmplan(['check', '--format', 'sarif'], folder);
    expect(clean.status).toBe(0);
    expect(parseSarif(clean.stdout).runs[0].results).toEqual([]);

    const plan = 'crmplan: 1\nplan:\n  name: W\n  start: 2027-01-04\n  sponsr: x\n';
    writeFileSync(path.join(folder, 'clean.crmplan.yaml'), plan);
    const quiet = ['--rule', 'no-objectives=off', '--rule', 'no-communication-plan=off'];
    const warned = crmplan(['check', '--format', 'sarif', ...quiet], folder);
    expect(warned.status).toBe(0);
    const levels = parseSarif(warned.stdout).runs[0].results.map((result) => [result.ruleId, result.level]);
    expect(levels).toEqual([['no-sponsor', 'warning'], ['schema', 'warning']]);

    const overMax = crmplan(['check', '--format', 'sarif', ...quiet, '--max-warnings', '1'], folder);
    expect(overMax.status).toBe(1);
    expect(overMax.stderr).toBe('crmplan: 2 warnings, more than --max-warnings 1\n');
    expect(parseSarif(overMax.stdout).runs[0].results).toHaveLength(2);

    const raised = crmplan(['check', '--format', 'sarif', ...quiet, '--rule', 'no-sponsor=error', '--rule', 'schema=hint'], folder);
    expect(raised.status).toBe(1);
    expect(parseSarif(raised.stdout).runs[0].results.map((result) => [result.ruleId, result.level])).toEqual([
      ['no-sponsor', 'error'],
      ['schema', 'note'],
    ]);
  });

  it('writes a plan outside the working folder as an absolute file URI, and encodes names', () => {
    const folder = tempFolder();
    mkdirSync(path.join(folder, 'my plans'));
    const file = path.join(folder, 'my plans', 'a#1.crmplan.yaml');
    writeFileSync(file, 'crmplan: 1\nplan: {name: A, start: 2027-01-04}\n');
    const inside = sarifOf([], folder).runs[0].results[0]!.locations[0].physicalLocation.artifactLocation;
    expect(inside).toEqual({ uri: 'my%20plans/a%231.crmplan.yaml', uriBaseId: '%SRCROOT%' });
    const outside = sarifOf([file]).runs[0].results[0]!.locations[0].physicalLocation.artifactLocation;
    expect(outside).toEqual({ uri: pathToFileURL(file).href });
  });
});

describe('SARIF partialFingerprints', () => {
  const PLAN = `crmplan: 1
plan:
  name: Fingerprints
  start: 2027-01-04
  sponsor: cfo
rules: {no-objectives: off, no-communication-plan: off}
people:
  - {id: cfo, name: Robin Ash}
phases:
  - id: build
    owner: cfo
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d}
      - {id: design, name: Design, duration: 2d, depends_on: [kickof]}
      - {id: review, name: Review, duration: 1d, depends_on: [kickof]}
      - {id: deploy, name: Deploy, duration: 1d, depends_on: [desing]}
`;

  async function resultsOf(text: string): Promise<SarifLog['runs'][0]['results']> {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'plan.crmplan.yaml'), text);
    return parseSarif(formatSarif(await checkPlans(folder, [], {}), GOLDEN_OPTIONS)).runs[0].results;
  }

  it('stay the same when lines are inserted above the findings and the people change', async () => {
    const before = await resultsOf(PLAN);
    const edited = PLAN.replace('people:\n', '# Owners agreed in the kickoff.\n# Second comment line.\npeople:\n  - {id: pm, name: Dana Lee}\n');
    const after = await resultsOf(edited);
    expect(after.map((result) => result.message.text)).toEqual(before.map((result) => result.message.text));
    expect(before).toHaveLength(3);
    for (const [index, result] of after.entries()) {
      const original = before[index]!;
      expect(result.locations[0].physicalLocation.region.startLine).toBe(original.locations[0].physicalLocation.region.startLine + 3);
      expect(result.partialFingerprints).toEqual(original.partialFingerprints);
    }
  });

  it('differ between different findings, and between identical findings by their order', async () => {
    const results = await resultsOf(PLAN);
    const [designKickof, reviewKickof, deployDesing] = results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    // The two `kickof` references have the same message: only their order tells them apart.
    expect(results[0]!.message.text).toBe(results[1]!.message.text);
    expect(new Set([designKickof, reviewKickof, deployDesing]).size).toBe(3);

    const sample = sarifOf(['samples/with-problems']).runs[0].results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(sample).size).toBe(sample.length);
  });

  it('change when what the finding is about changes', async () => {
    const before = await resultsOf(PLAN);
    const after = await resultsOf(PLAN.replace('[desing]', '[dezign]'));
    expect(after[2]!.partialFingerprints).not.toEqual(before[2]!.partialFingerprints);
    expect(after[0]!.partialFingerprints).toEqual(before[0]!.partialFingerprints);
  });
});

describe('SARIF validity', () => {
  // The multitool ships only for Linux in the npm package this project uses;
  // on another platform these two tests are skipped, on Linux a missing
  // binary fails them.
  const onLinux = process.platform === 'linux';

  interface ValidatorResult {
    readonly ruleId: string;
    readonly level?: string;
    readonly message: { readonly id?: string; readonly text?: string; readonly arguments?: readonly string[] };
  }

  /**
   * Runs Microsoft's validator with its SARIF rules and its GitHub Advanced
   * Security ingestion rules (GHxxxx), reporting every level, and returns
   * what it found at level error or warning (SARIF's default level).
   */
  function validatorProblems(sarifText: string): ValidatorResult[] {
    expect(existsSync(MULTITOOL), `${MULTITOOL} is missing: the devDependency @microsoft/sarif-multitool-linux is not installed`).toBe(true);
    const folder = tempFolder();
    const input = path.join(folder, 'crmplan.sarif');
    const output = path.join(folder, 'validation.sarif');
    writeFileSync(input, sarifText);
    const run = spawnSync(
      MULTITOOL,
      ['validate', input, '--output', output, '--rule-kind', 'Sarif;Ghas', '--level', 'Error;Warning;Note', '--log', 'ForceOverwrite'],
      { encoding: 'utf8', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } },
    );
    expect(run.status, `validator failed to run:\n${run.stdout}\n${run.stderr}`).toBe(0);
    const log = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: ValidatorResult[]; tool: { driver: { name: string } } }[] };
    expect(log.runs[0]!.tool.driver.name).toMatch(/Sarif/i);
    return (log.runs[0]!.results ?? []).filter((result) => ['error', 'warning'].includes(result.level ?? 'warning'));
  }

  function describeProblems(problems: readonly ValidatorResult[]): string {
    return problems.map((problem) => `${problem.ruleId} ${problem.level ?? 'warning'}: ${problem.message.text ?? `${problem.message.id} ${JSON.stringify(problem.message.arguments)}`}`).join('\n');
  }

  it.runIf(onLinux)('passes the SARIF Multitool with no error and no warning, for every rule firing and for clean plans', () => {
    for (const target of ['samples/with-problems', 'samples']) {
      const result = crmplan(['check', '--format', 'sarif', target]);
      const problems = validatorProblems(result.stdout);
      expect(problems, `${target}:\n${describeProblems(problems)}`).toEqual([]);
    }
  });

  it.runIf(onLinux)('would fail: the validator flags what GitHub code scanning rejects', () => {
    const sarif = JSON.parse(crmplan(['check', '--format', 'sarif', 'samples/with-problems']).stdout) as {
      runs: { tool: { driver: { informationUri?: string; rules: { shortDescription?: unknown }[] } }; results: { message: { text?: string } }[] }[];
    };
    delete sarif.runs[0]!.tool.driver.informationUri;
    delete sarif.runs[0]!.tool.driver.rules[0]!.shortDescription;
    const problems = validatorProblems(JSON.stringify(sarif));
    expect(problems.map((problem) => problem.ruleId)).toEqual(expect.arrayContaining(['SARIF2005', 'GH2012']));
  });

  it('conforms to the SARIF 2.1.0 JSON schema shipped with the multitool', () => {
    const schemaFile = path.join(MULTITOOL_PACKAGE, 'sarif-2.1.0.json');
    expect(existsSync(schemaFile), `${schemaFile} is missing`).toBe(true);
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    const outputs = [crmplan(['check', '--format', 'sarif', 'samples/with-problems']).stdout, crmplan(['check', '--format', 'sarif', 'samples']).stdout, readFileSync(GOLDEN_SARIF, 'utf8')];
    for (const output of outputs) {
      expect(validate(JSON.parse(output)), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
    const broken = JSON.parse(outputs[0]!) as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken)).toBe(false);
  });
});
