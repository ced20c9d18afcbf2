// A mocha reporter that writes TAP-like lines (`1..N`, `ok N - title`, `not ok N - title`,
// `  # stack`) with console.log. In code-server's remote extension host only console calls
// reach the workbench (and so window.codeAutomationLog, which run-in-code-server.mjs reads);
// mocha's own reporters write to process.stdout, which would be lost there. In desktop VS Code
// (run-in-electron.mjs) console.log goes to the terminal as well.
import Mocha from 'mocha';

const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

export class ConsoleTapReporter extends Mocha.reporters.Base {
  /** @param {Mocha.Runner} runner @param {Mocha.MochaOptions} [options] */
  constructor(runner, options) {
    super(runner, options);
    let index = 0;
    const started = Date.now();
    runner.once(EVENT_RUN_BEGIN, () => console.log(`1..${runner.total}`));
    runner.on(EVENT_TEST_PASS, (test) => {
      index += 1;
      console.log(`ok ${index} - ${test.fullTitle()} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_FAIL, (test, error) => {
      index += 1;
      console.log(`not ok ${index} - ${test.fullTitle()}`);
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.log(text.split('\n').map((line) => `  # ${line}`).join('\n'));
    });
    runner.on(EVENT_TEST_PENDING, (test) => {
      index += 1;
      console.log(`not ok ${index} - ${test.fullTitle()} (pending: the suite has no skipped tests)`);
    });
    runner.once(EVENT_RUN_END, () => {
      const { passes, failures } = this.stats;
      console.log(`# extension-host suite: ${passes} passed, ${failures} failed in ${Date.now() - started} ms`);
    });
  }
}
