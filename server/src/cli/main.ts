import { keepProcessWarningsOffStderr } from '../util/process-warnings.js';
import { runCli } from './run-cli.js';

keepProcessWarningsOffStderr();

// `crmplan check --format sarif | head`: the reader went away, which is not
// an error of ours. Stop quietly, as other command-line tools do, instead of
// dying on an unhandled EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`crmplan: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
