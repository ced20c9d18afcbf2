import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMENT_MARKER } from '../../action/sticky-comment.js';
import {
  FakeGitHubApi,
  gitRepository,
  programStep,
  readActionMetadata,
  removeFolder,
  ROOT,
  runProgramStep,
  scratchFolder,
  type ActionRun,
  type ActionStep,
  type RunOptions,
} from './action-harness.js';

/**
 * action.yml's program step, run as the runner runs it (bash, the inputs as
 * its `env:` maps them, GITHUB_* variables, a pull_request event file)
 * against a temporary Git repository whose head commit makes a task 3 days
 * longer, with a local HTTP server as GitHub's REST API. Needs
 * `npm run build` (dist/action.js and dist/cli.js).
 */

const PLAN = `crmplan: 1
plan:
  name: Rollout
  start: 2027-01-04
  sponsor: sam
  manager: pm
people:
  - {id: sam, name: Sam Sponsor, role: Sponsor}
  - {id: pm, name: Pat Manager, role: Project Manager}
phases:
  - id: build
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d, owner: pm}
      - {id: config, name: Configure, duration: 2d, owner: pm, depends_on: [kickoff]}
`;
/** The head commit: `config` takes 5 days, so the finish moves from 2027-01-06 to 2027-01-11. */
const SLIPPED = PLAN.replace('duration: 2d', 'duration: 5d');
const PLAN_PATH = 'plans/rollout.crmplan.yaml';
const TOKEN = 'ghs_testtoken0123456789abcdefSECRET';
const PULL_NUMBER = 17;
const STEP_TIMEOUT = 120_000;

let scratch: string;
let api: FakeGitHubApi;
let apiUrl: string;

beforeAll(async () => {
  for (const bundle of ['dist/action.js', 'dist/cli.js']) {
    if (!existsSync(path.join(ROOT, bundle))) throw new Error(`${bundle} is missing: run npm run build first`);
  }
  scratch = await scratchFolder();
});
afterAll(async () => {
  await removeFolder(scratch);
});
beforeEach(async () => {
  api = new FakeGitHubApi();
  apiUrl = await api.start();
  return () => api.stop();
});

function pullRequestEvent(baseSha: string): RunOptions['event'] {
  return { name: 'pull_request', payload: { action: 'synchronize', number: PULL_NUMBER, pull_request: { number: PULL_NUMBER, base: { sha: baseSha, ref: 'main' } } } };
}

async function slippedRepository(): Promise<{ dir: string; baseSha: string }> {
  return gitRepository(scratch, { [PLAN_PATH]: PLAN, 'README.md': '# plans\n' }, { [PLAN_PATH]: SLIPPED });
}

async function run(options: Partial<RunOptions> & Pick<RunOptions, 'workspace'>): Promise<ActionRun> {
  const result = await runProgramStep({ apiUrl, githubToken: TOKEN, scratch, ...options });
  // Whatever happens, the token is never printed or written anywhere the job shows.
  for (const [where, text] of Object.entries({ stdout: result.stdout, stderr: result.stderr, outputs: result.outputsText, summary: result.summary })) {
    expect(text.includes(TOKEN) || text.includes('testtoken'), `the token appears in ${where}`).toBe(false);
  }
  return result;
}

/** Every step (an object with `uses`) in the YAML blocks of a markdown page. */
function ciDocSteps(markdown: string): ActionStep[] {
  const steps: ActionStep[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      if (typeof (value as ActionStep).uses === 'string') steps.push(value as ActionStep);
      Object.values(value).forEach(visit);
    }
  };
  for (const block of markdown.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)) visit(parse(block[1]!));
  return steps;
}

/** The `::error::`/`::warning::`/`::notice::` lines without file properties: the action's own messages. */
function actionMessages(stdout: string, level: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith(`::${level}::`));
}

describe('the action on a pull request that changes a plan', () => {
  it(
    'annotates, writes SARIF, outputs and the summary, and creates the comment, then edits that same comment on the next run',
    async () => {
      const { dir, baseSha } = await slippedRepository();
      api.addComment(PULL_NUMBER, 'Looks good to me, but see the plan diff below.');
      const first = await run({ workspace: dir, event: pullRequestEvent(baseSha) });

      expect(first.status, first.stdout + first.stderr).toBe(0);
      // Annotations exactly as `crmplan check --format github` writes them, on the plan's line 2.
      expect(first.stdout).toMatch(/^::warning file=plans\/rollout\.crmplan\.yaml,line=2,col=1,endLine=2,endColumn=5,title=crmplan no-objectives::The plan has no objectives/m);
      expect(first.stdout).toMatch(/^::notice file=plans\/rollout\.crmplan\.yaml,line=2,.*title=crmplan no-communication-plan::/m);
      expect(first.stdout).toMatch(/^1 plan checked: 0 errors, 1 warning, 1 info, 0 hints$/m);
      expect(actionMessages(first.stdout, 'error')).toEqual([]);

      // Outputs: exactly the ones action.yml declares.
      expect(Object.keys(first.outputs).sort()).toEqual(Object.keys(readActionMetadata().outputs).sort());
      expect(first.outputs).toMatchObject({ errors: '0', warnings: '1', finish: '2027-01-11' });
      const sarifFile = first.outputs['sarif-file']!;
      expect(path.isAbsolute(sarifFile) && existsSync(sarifFile)).toBe(true);
      const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as {
        version: string;
        runs: { tool: { driver: { name: string } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]!.tool.driver.name).toBe('crmplan');
      expect(sarif.runs[0]!.results.map((result) => [result.ruleId, result.level, result.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual(
        expect.arrayContaining([
          ['no-objectives', 'warning', PLAN_PATH],
          ['no-communication-plan', 'note', PLAN_PATH],
        ]),
      );

      // The step summary: the counts, then the plan diff.
      expect(first.summary).toContain('## crmplan');
      expect(first.summary).toContain('**1 plan checked: 0 errors, 1 warning, 1 info, 0 hints.** Latest finish: 2027-01-11.');
      expect(first.summary).toContain('## Plan changes');
      expect(first.summary).toContain(`Compared with ${baseSha}.`);
      expect(first.summary).toContain('**Finish moved +3 working days** (2027-01-06 → 2027-01-11)');
      expect(first.summary).toContain('```mermaid');

      // The comment: listed, then created, with the marker and the diff, with the token.
      expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
        `GET /repos/octo-org/plans-repo/issues/${PULL_NUMBER}/comments?per_page=100&page=1`,
        `POST /repos/octo-org/plans-repo/issues/${PULL_NUMBER}/comments`,
      ]);
      expect(api.requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
      const posted = (api.requests[1]!.body as { body: string }).body;
      expect(posted.startsWith(`${COMMENT_MARKER}\n## Plan changes\n`)).toBe(true);
      expect(posted).toContain('**Finish moved +3 working days**');
      const created = api.comments.get(PULL_NUMBER)!.at(-1)!;
      expect(first.outputs['comment-url']).toBe(created.html_url);
      expect(first.stdout).toContain(`crmplan: created the plan diff comment on pull request #${PULL_NUMBER}: ${created.html_url}`);

      // Second run (a new push to the pull request): the same comment is edited, none is added.
      execFileSync('git', ['-c', 'user.name=a', '-c', 'user.email=a@example.com', 'commit', '--quiet', '--allow-empty', '-m', 'again'], { cwd: dir });
      api.requests.length = 0;
      const second = await run({ workspace: dir, event: pullRequestEvent(baseSha) });
      expect(second.status, second.stdout).toBe(0);
      expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
        `GET /repos/octo-org/plans-repo/issues/${PULL_NUMBER}/comments?per_page=100&page=1`,
        `PATCH /repos/octo-org/plans-repo/issues/comments/${created.id}`,
      ]);
      expect(api.comments.get(PULL_NUMBER)!.filter((comment) => comment.body.startsWith(COMMENT_MARKER))).toHaveLength(1);
      expect(api.comments.get(PULL_NUMBER)).toHaveLength(2);
      expect(second.outputs['comment-url']).toBe(created.html_url);
      expect(second.stdout).toContain(`crmplan: updated the plan diff comment on pull request #${PULL_NUMBER}`);
    },
    STEP_TIMEOUT,
  );

  it(
    'fetches the base commit into a shallow checkout (actions/checkout fetches one commit)',
    async () => {
      const { dir, baseSha } = await slippedRepository();
      const shallow = path.join(scratch, `shallow-${path.basename(dir)}`);
      execFileSync('git', ['clone', '--quiet', '--depth=1', `file://${dir}`, shallow]);
      expect(() => execFileSync('git', ['cat-file', '-e', `${baseSha}^{commit}`], { cwd: shallow, stdio: 'ignore' })).toThrow();

      const result = await run({ workspace: shallow, event: pullRequestEvent(baseSha), inputs: { 'comment-diff': 'false' } });
      expect(result.status, result.stdout).toBe(0);
      expect(result.summary).toContain('**Finish moved +3 working days**');
      expect(api.requests).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    'creates no comment when the pull request changes no plan',
    async () => {
      const { dir, baseSha } = await gitRepository(scratch, { [PLAN_PATH]: PLAN }, { 'README.md': '# only the readme\n' });
      const result = await run({ workspace: dir, event: pullRequestEvent(baseSha) });
      expect(result.status).toBe(0);
      expect(api.requests.map((request) => request.method)).toEqual(['GET']);
      expect(result.stdout).toContain(`crmplan: no plan changed in pull request #${PULL_NUMBER}: no comment`);
      expect(result.summary).toContain('No plan files changed.');
      expect(result.outputs['comment-url']).toBe('');
    },
    STEP_TIMEOUT,
  );
});

describe('the comment reads well on GitHub', () => {
  /** The base has an unknown dependency on line 15; the head fixes it and has an unknown owner on line 14 instead. */
  const WITH_TYPO = `${PLAN}      - {id: extra, name: Extra, duration: 1d, depends_on: [kickof]}\n`;
  const OTHER_TYPO = `${PLAN.replace('owner: pm, depends_on', 'owner: pmm, depends_on')}      - {id: extra, name: Extra, duration: 1d, depends_on: [kickoff]}\n`;

  it(
    'links findings to their line at the checked-out commit and fixed ones at the base; draws only the changed tasks unless full-chart',
    async () => {
      const { dir, baseSha, headSha } = await gitRepository(scratch, { [PLAN_PATH]: WITH_TYPO }, { [PLAN_PATH]: OTHER_TYPO });
      const first = await run({ workspace: dir, event: pullRequestEvent(baseSha), inputs: { 'fail-on': 'none', 'comment-diff': 'false' } });
      expect(first.status, first.stdout).toBe(0);
      const blob = 'https://github.example/octo-org/plans-repo/blob';
      expect(first.summary).toMatch(new RegExp(`^  - error, \\[line 14\\]\\(${blob}/${headSha}/plans/rollout\\.crmplan\\.yaml#L14\\): .*'pmm'`, 'm'));
      expect(first.summary).toMatch(new RegExp(`^  - error, \\[line 15\\]\\(${blob}/${baseSha}/plans/rollout\\.crmplan\\.yaml#L15\\): .*'kickof'`, 'm'));
      // Only the changed tasks (config's owner, extra's dependency) under the phase's bar; kickoff is left out.
      expect(first.summary).toContain('build (3 tasks, 1 not shown) :');
      expect(first.summary).not.toContain('Kickoff :');

      // full-chart: every task. A plan changed in the working tree after the checkout: no head links (its lines are not the commit's).
      await writeFile(path.join(dir, PLAN_PATH), `${OTHER_TYPO}# edited by an earlier step\n`);
      const second = await run({ workspace: dir, event: pullRequestEvent(baseSha), inputs: { 'fail-on': 'none', 'comment-diff': 'false', 'full-chart': 'true' } });
      expect(second.status, second.stdout).toBe(0);
      expect(second.summary).toMatch(/^ {2}- error, line 14: /m);
      expect(second.summary).toContain(`](${blob}/${baseSha}/plans/rollout.crmplan.yaml#L15)`);
      expect(second.summary).toMatch(/^Kickoff :crit, t0, 2027-01-04, 2027-01-04$/m);
      expect(second.summary).not.toContain('not shown');
    },
    STEP_TIMEOUT,
  );

  it(
    "stops with exit 2 on a full-chart that is not true or false",
    async () => {
      const { dir, baseSha } = await slippedRepository();
      const result = await run({ workspace: dir, event: pullRequestEvent(baseSha), inputs: { 'full-chart': 'yes' } });
      expect(result.status).toBe(2);
      expect(actionMessages(result.stdout, 'error')).toEqual(["::error::crmplan: input 'full-chart' needs true or false, got 'yes'"]);
    },
    STEP_TIMEOUT,
  );
});

describe('fail-on and max-warnings', () => {
  const cases: { readonly name: string; readonly inputs: Record<string, string>; readonly broken?: boolean; readonly status: number; readonly error?: RegExp }[] = [
    { name: 'the default (errors) passes a plan without errors', inputs: {}, status: 0 },
    { name: 'the default (errors) fails a plan with an error', inputs: {}, broken: true, status: 1, error: /^::error::crmplan: 1 error in the checked plans \(fail-on: errors\)$/m },
    { name: 'none passes a plan with an error', inputs: { 'fail-on': 'none' }, broken: true, status: 0 },
    { name: 'finish-slip fails the slipped plan', inputs: { 'fail-on': 'finish-slip' }, status: 1, error: /^::error::crmplan: fail-on: finish-slip: plans\/rollout\.crmplan\.yaml$/m },
    { name: 'errors, milestone-slip passes (no milestone moved)', inputs: { 'fail-on': 'errors, milestone-slip' }, status: 0 },
    { name: 'max-warnings 0 fails one warning', inputs: { 'max-warnings': '0' }, status: 1, error: /^::error::crmplan: 1 warnings, more than max-warnings 0$/m },
    { name: 'max-warnings 1 passes one warning', inputs: { 'max-warnings': '1' }, status: 0 },
    { name: 'an unknown condition is bad input', inputs: { 'fail-on': 'finish-slips' }, status: 2, error: /^::error::crmplan: input 'fail-on': unknown condition 'finish-slips' \(conditions: errors, finish-slip, /m },
    { name: 'max-warnings must be a number', inputs: { 'max-warnings': 'many' }, status: 2, error: /^::error::crmplan: input 'max-warnings' needs a whole number, got 'many'$/m },
    { name: 'comment-diff must be true or false', inputs: { 'comment-diff': 'yes' }, status: 2, error: /^::error::crmplan: input 'comment-diff' needs true or false, got 'yes'$/m },
    { name: 'paths without plans is bad input', inputs: { paths: 'no-such-folder' }, status: 2, error: /^::error::crmplan: crmplan check failed: / },
  ];
  for (const testCase of cases) {
    it(
      `${testCase.name}: exit ${testCase.status}`,
      async () => {
        const { dir, baseSha } = await slippedRepository();
        if (testCase.broken) {
          // Uncommitted, as a workflow could leave it: the working tree is what is checked.
          execFileSync('sed', ['-i', 's/sponsor: sam/sponsor: nobody/', PLAN_PATH], { cwd: dir });
        }
        const result = await run({ workspace: dir, event: pullRequestEvent(baseSha), inputs: { 'comment-diff': 'false', ...testCase.inputs } });
        expect(result.status, result.stdout + result.stderr).toBe(testCase.status);
        if (testCase.error) expect(result.stdout).toMatch(testCase.error);
        else expect(actionMessages(result.stdout, 'error')).toEqual([]);
        if (testCase.status !== 2) expect(result.outputs['errors']).toBe(testCase.broken ? '1' : '0');
        expect(api.requests).toEqual([]);
      },
      STEP_TIMEOUT,
    );
  }

  it(
    'checks only the paths given (one per line)',
    async () => {
      const { dir, baseSha } = await gitRepository(
        scratch,
        { [PLAN_PATH]: PLAN, 'other/broken.crmplan.yaml': PLAN.replace('sponsor: sam', 'sponsor: nobody') },
        { [PLAN_PATH]: SLIPPED },
      );
      const planOnly = await run({ workspace: dir, event: pullRequestEvent(baseSha), inputs: { paths: 'plans\n', 'comment-diff': 'false' } });
      expect(planOnly.status, planOnly.stdout).toBe(0);
      expect(planOnly.stdout).not.toContain('other/broken');
      const both = await run({ workspace: dir, event: pullRequestEvent(baseSha), inputs: { paths: 'plans\nother', 'comment-diff': 'false' } });
      expect(both.status).toBe(1);
      expect(both.stdout).toMatch(/^::error file=other\/broken\.crmplan\.yaml,line=5,.*title=crmplan unknown-reference::/m);
      expect(both.stdout).toMatch(/^2 plans checked: 1 error, 2 warnings, 2 infos, 0 hints$/m);
    },
    STEP_TIMEOUT,
  );
});

describe('when the comment cannot be posted, the check result stands', () => {
  it(
    'a refused request (HTTP 403) is one warning line; fail-on still fails the step',
    async () => {
      const { dir, baseSha } = await slippedRepository();
      api.failWith = 403;
      const result = await run({ workspace: dir, event: pullRequestEvent(baseSha), inputs: { 'fail-on': 'finish-slip' } });
      expect(result.status).toBe(1);
      const warnings = actionMessages(result.stdout, 'warning');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        new RegExp(`^::warning::crmplan: could not post the plan diff comment on pull request #${PULL_NUMBER}: GET /repos/octo-org/plans-repo/issues/${PULL_NUMBER}/comments: HTTP 403: Resource not accessible by integration \\(the job needs permissions: pull-requests: write; `),
      );
      expect(result.stdout).toMatch(/^::error::crmplan: fail-on: finish-slip: plans\/rollout\.crmplan\.yaml$/m);
      expect(result.summary).toContain('**Finish moved +3 working days**');
    },
    STEP_TIMEOUT,
  );

  it(
    'an API nobody answers is one warning line; a passing check still passes',
    async () => {
      const { dir, baseSha } = await slippedRepository();
      await api.stop();
      const result = await run({ workspace: dir, event: pullRequestEvent(baseSha), apiUrl });
      expect(result.status, result.stdout).toBe(0);
      const warnings = actionMessages(result.stdout, 'warning');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^::warning::crmplan: could not post the plan diff comment on pull request #17: fetch failed \(ECONNREFUSED\)$/);
      expect(result.outputs).toMatchObject({ errors: '0', warnings: '1', 'comment-url': '' });
    },
    STEP_TIMEOUT,
  );
});

describe('outside pull requests', () => {
  it(
    'a push checks and summarises, without a diff or a comment',
    async () => {
      const { dir } = await slippedRepository();
      const result = await run({ workspace: dir, event: { name: 'push', payload: { ref: 'refs/heads/main' } }, inputs: { 'fail-on': 'errors,finish-slip' } });
      expect(result.status, result.stdout).toBe(0);
      expect(result.stdout).toContain('::notice::crmplan: fail-on finish-slip compares with a base: not checked outside a pull request without base-ref');
      expect(result.summary).toContain('**1 plan checked: 0 errors, 1 warning, 1 info, 0 hints.**');
      expect(result.summary).not.toContain('## Plan changes');
      expect(api.requests).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    'base-ref diffs a push against that revision, in the summary only',
    async () => {
      const { dir } = await slippedRepository();
      const result = await run({ workspace: dir, event: { name: 'push', payload: {} }, inputs: { 'base-ref': 'HEAD~1', 'fail-on': 'finish-slip' } });
      expect(result.status).toBe(1);
      expect(result.summary).toContain('Compared with HEAD\\~1.');
      expect(result.summary).toContain('**Finish moved +3 working days**');
      expect(api.requests).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});

describe('action.yml', () => {
  const metadata = readActionMetadata();
  const program = readFileSync(path.join(ROOT, 'action', 'run-action.ts'), 'utf8');
  const ciDoc = readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');

  it('is a composite action that sets up Node 20, builds crmplan in its own folder and runs dist/action.js with dist/cli.js', () => {
    expect(metadata.runs.using).toBe('composite');
    const [setup, build] = metadata.runs.steps;
    expect(setup?.uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(setup?.with?.['node-version']).toBe(20);
    expect(build?.run).toMatch(/^cd "\$GITHUB_ACTION_PATH"\nnpm ci .*\nnpm run build/);
    expect(programStep(metadata).run).toBe('node "$GITHUB_ACTION_PATH/dist/action.js" --cli "$GITHUB_ACTION_PATH/dist/cli.js"');
    expect(metadata.runs.steps.every((step) => step.uses !== undefined || step.shell === 'bash')).toBe(true);
  });

  it('hands every input to the program, which reads it', () => {
    const env = programStep(metadata).env!;
    for (const name of Object.keys(metadata.inputs)) {
      const variable = `INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
      expect(env[variable], `env ${variable}`).toBe(`\${{ inputs.${name} }}`);
      expect(program, `the program reads ${variable}`).toContain(`'${variable}'`);
    }
    expect(Object.keys(env).sort()).toEqual(Object.keys(metadata.inputs).map((name) => `INPUT_${name.toUpperCase().replace(/-/g, '_')}`).sort());
    expect(metadata.inputs['github-token']?.default).toBe('${{ github.token }}');
    expect(metadata.inputs['paths']?.default).toBe('.');
    expect(metadata.inputs['fail-on']?.default).toBe('errors');
  });

  it('uploads SARIF in a later step only when upload-sarif is true, also after a failed check', () => {
    const upload = metadata.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload).toBeDefined();
    expect(metadata.runs.steps.indexOf(upload!)).toBeGreaterThan(metadata.runs.steps.indexOf(programStep(metadata)));
    expect(upload!.if).toContain('always()');
    expect(upload!.if).toContain("inputs.upload-sarif == 'true'");
    expect(upload!.with?.['sarif_file']).toBe('${{ steps.crmplan.outputs.sarif-file }}');
  });

  it('maps every output to the program step', () => {
    for (const [name, output] of Object.entries(metadata.outputs)) expect(output.value).toBe(`\${{ steps.crmplan.outputs.${name} }}`);
  });

  it('is documented in docs/ci.md: every input and output, and a workflow that uses only declared inputs', () => {
    for (const name of [...Object.keys(metadata.inputs), ...Object.keys(metadata.outputs)]) {
      expect(ciDoc, `docs/ci.md has a table row for ${name}`).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
    }
    const steps = ciDocSteps(ciDoc).filter((step) => step.uses?.startsWith('crmplan/crmplan@'));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      for (const input of Object.keys(step.with ?? {})) expect(Object.keys(metadata.inputs), `docs/ci.md passes the input ${input}`).toContain(input);
    }
    const workflow = parse(ciDoc.match(/^```yaml\n(name: Plans\n[\s\S]*?)^```$/m)![1]!) as { permissions: Record<string, string> };
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', 'security-events': 'write' });
  });
});
