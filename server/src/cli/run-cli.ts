import { checkCommand } from './check-command.js';
import { scheduleCommand } from './schedule-command.js';
import { UsageError, type CliIo } from './cli-io.js';

export type { CliIo } from './cli-io.js';

const VERSION = '0.1.0';

const HELP = `crmplan ${VERSION} — check and schedule *.crmplan.yaml CRM implementation plans

Usage:
  crmplan check [PATH...] [--format text|json] [--max-warnings N] [--rule NAME=SEVERITY]
      Check plans (files, or folders searched for *.crmplan.yaml / *.crmplan.yml,
      skipping node_modules and .git; default: the current folder).
  crmplan schedule FILE [--format text|json]
      Print the plan's schedule: start, finish and float of every task, the
      critical path and overallocated people.
  crmplan --help | --version

Exit status: 0 no errors, 1 errors found (or warnings over --max-warnings),
2 bad usage or unreadable input.
`;

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  schedule: scheduleCommand,
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
