import { baselineCommand } from './baseline-command.js';
import { checkCommand } from './check-command.js';
import { diffCommand } from './diff-command.js';
import { exportCommand, exportHelp } from './export-command.js';
import { ganttCommand } from './gantt-command.js';
import { importCommand } from './import-command.js';
import { initCommand } from './init-command.js';
import { scheduleCommand } from './schedule-command.js';
import { statusCommand } from './status-command.js';
import { UsageError, type CliIo } from './cli-io.js';
import { CRMPLAN_VERSION as VERSION } from '../shared/version.js';

export type { CliIo } from './cli-io.js';

const HELP = `crmplan ${VERSION} — check and schedule *.crmplan.yaml CRM implementation plans

Usage:
  crmplan init [FILE] [--template NAME] [--start YYYY-MM-DD] [--name TEXT]
      Start a new plan from a template (default: minimal) in FILE (default:
      plan.crmplan.yaml, inside the current folder; never overwritten),
      starting on --start (default: the next Monday), named --name
      (default: the template's own name).
      crmplan init --list (or --template list) lists the templates: the
      five roadmaps of docs/sources.md and a minimal plan. See docs/templates.md.
  crmplan check [PATH...] [--format text|json|sarif|github|gitlab] [--max-warnings N] [--rule NAME=SEVERITY] [--docs-url URL] [--as-of YYYY-MM-DD]
      Check plans (files, or folders searched for *.crmplan.yaml / *.crmplan.yml,
      skipping node_modules and .git; default: the current folder).
      sarif: SARIF 2.1.0 for GitHub code scanning; github: GitHub Actions
      annotations (::error file=...::message); gitlab: GitLab Code Quality
      report (artifacts: reports: codequality). --docs-url: the http(s) address
      of the rule pages that SARIF links each rule to (URL/RULE.md; default:
      the rule pages in crmplan's repository). See docs/ci.md.
  crmplan schedule FILE [--format text|json] [--as-of YYYY-MM-DD]
      Print the plan's schedule: start, finish and float of every task, the
      critical path and overallocated people. --as-of (check, schedule, gantt,
      status): the status date progress and actual dates are read as of,
      instead of the plan's status_date. See docs/format.md#the-status-date.
  crmplan status FILE [--as-of YYYY-MM-DD] [--format markdown|json]
      The status report of a plan in flight: % complete, forecast finish,
      milestones hit, missed and next, what is late, what starts in the next
      14 days, overallocations ahead, high risks; as of --as-of, the plan's
      status_date or today. In GitHub Actions the markdown is also appended
      to $GITHUB_STEP_SUMMARY. See docs/status.md.
  crmplan gantt FILE [--format mermaid|markdown] [--today YYYY-MM-DD] [--collapse-over N] [--baseline]
      Print the schedule as a Mermaid Gantt chart (markdown: a fenced mermaid
      block that GitHub renders); --collapse-over draws each phase as one bar
      when the plan has more than N tasks. --as-of YYYY-MM-DD as for
      schedule. --baseline: a grey row with its baseline dates under each
      task off its baseline (markdown: and the table of them). See docs/timeline.md.
  crmplan gantt --embed FILE.md [--check]
      Rewrite the chart between <!-- crmplan:gantt PLAN --> and
      <!-- /crmplan:gantt --> in a Markdown file (PLAN relative to it, inside
      the current folder; the rest of the file unchanged). --check writes
      nothing and exits 1 naming each stale block. See docs/timeline.md.
  crmplan diff BASE HEAD | --git REV [PATH...] [--format markdown|json] [--fail-on LIST] [--full-chart] [--link-base URL] [--fixed-link-base URL]
      What a change does to plans: finish and milestone moves in working days,
      tasks added, removed, renamed or changed, critical path, people,
      overallocations, findings, budget, objectives and risks (markdown for a
      pull-request comment, with a Gantt chart). --git compares the working
      tree's plans with Git revision REV. --fail-on finish-slip, new-errors,
      new-warnings, new-overallocation, milestone-slip: exit 1 when one
      holds (otherwise diff exits 0). The chart shows the changed tasks and
      each other phase as one bar; --full-chart every task. --link-base URL
      (e.g. https://github.com/OWNER/REPO/blob/SHA): findings link to
      URL/PATH#Lline; --fixed-link-base URL the same for fixed ones (the
      base revision's files). See docs/diff.md.
  crmplan baseline FILE [--date YYYY-MM-DD]
      Write the current dates of every task and milestone into the plan's
      baseline: block (replacing the one it has), keeping every comment;
      --date is the day recorded as signed off (default: today). Refused
      (exit 1) for a plan with errors or without plan.start. The rule
      baseline-slip, the hover, the preview and diff compare with it. See
      docs/format.md#baseline.
${exportHelp()}  crmplan import FILE.csv|FILE.xml [--output PLAN]
      A plan from a spreadsheet (the columns of the csv export, or Name,
      Start, Duration or Finish, Predecessors, Owner) or from MS Project XML
      (summary tasks become phases, resources people), on stdout or into
      PLAN (a new file inside the current folder). Its schedule gives every
      task the file's dates; what is not carried over is listed on stderr
      and as comments in the plan. See docs/import.md.
  crmplan --help | --version

Exit status: 0 no errors, 1 errors found (or warnings over --max-warnings),
2 bad usage or unreadable input.
`;

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  init: initCommand,
  check: checkCommand,
  schedule: scheduleCommand,
  gantt: ganttCommand,
  status: statusCommand,
  diff: diffCommand,
  baseline: baselineCommand,
  export: exportCommand,
  import: importCommand,
};

/** The CLI as a function of its arguments, so tests can run it in-process. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(`crmplan: missing command (commands: ${Object.keys(COMMANDS).join(', ')}; see crmplan --help)\n`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`crmplan: unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')}; see crmplan --help)\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`crmplan: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
