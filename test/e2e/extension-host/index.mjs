// The extension-host test entry point: the `extensionTestsPath` contract of VS Code (and of
// @vscode/test-electron), a module exporting `run(): Promise<void>` that VS Code calls inside
// the real extension host once the extension under development is loaded; VS Code exits with
// a non-zero code when the promise rejects.
//
// It runs mocha (bundled into this file by scripts/build-extension-tests.mjs, so nothing is
// resolved from node_modules at run time) on the `*.test.js` files next to it: the bundled
// test/e2e/extension-host/*.test.mjs.
//
// Environment (read in the extension host, which inherits code-server's or VS Code's):
//   CRMPLAN_EXT_HOST_GREP  run only the tests whose full title contains this text
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { ConsoleTapReporter } from './console-tap-reporter.mjs';

export async function run() {
  const mocha = new Mocha({
    ui: 'tdd',
    // Each test bounds its own waits (waitFor, 15-30 s); this only catches a hung call.
    timeout: 60_000,
    color: false,
    reporter: ConsoleTapReporter,
    // No retries: a flaky test must show up as one.
    retries: 0,
  });
  const grep = process.env.CRMPLAN_EXT_HOST_GREP;
  if (grep) mocha.grep(grep);
  const testFiles = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  if (testFiles.length === 0) throw new Error(`no *.test.js files in ${__dirname}`);
  for (const file of testFiles) mocha.addFile(path.join(__dirname, file));

  const failures = await new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((count) => resolve(count));
      // A grep that matches nothing is a broken run, not a green one.
      if (runner.total === 0) reject(new Error(`no test matches ${grep ? `grep "${grep}"` : 'the suite'}`));
    } catch (error) {
      reject(error);
    }
  });
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
