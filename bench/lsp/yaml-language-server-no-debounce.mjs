// Starts the installed yaml-language-server with its validation debounce at 0 ms, for
// bench/lsp only: `node bench/lsp/yaml-language-server-no-debounce.mjs --stdio`.
//
// yaml-language-server validates a document 200 ms after its last change, and no setting
// changes that (checked in 1.25.0):
//   out/server/src/yamlSettings.js, class SettingsState's constructor:
//       this.validationDelayMs = 200;
//   out/server/src/languageserver/handlers/validationHandlers.js, ValidationHandler.validate():
//       setTimeout(() => { ...; this.validateTextDocument(textDocument); }, this.yamlSettings.validationDelayMs);
//   out/server/src/server.js creates the server's one SettingsState:
//       const yamlSettings = new yamlSettings_1.SettingsState();
// server.js reads the `SettingsState` export when it runs, so this wrapper replaces that export
// with a subclass whose constructor sets `validationDelayMs` to 0, then loads server.js in this
// same process (no child process: the benchmark reads this process's peak RSS). The timer
// remains, at 0 ms: validation runs on the next turn of the event loop.
//
// Nothing is edited on disk. If the code above is not found exactly so (a new version), this
// throws and the process exits with status 1 before answering anything, rather than silently
// measuring the debounce.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The server is CommonJS: load it (and the module patched first) through one require.
const require = createRequire(import.meta.url);
const packageRoot = path.dirname(require.resolve('yaml-language-server/package.json'));
const sourceRoot = path.join(packageRoot, 'out/server/src');

/**
 * Throws unless `file` (under out/server/src) contains `text` exactly once.
 * @param {string} file
 * @param {string} text
 */
function expectSource(file, text) {
  const source = fs.readFileSync(path.join(sourceRoot, file), 'utf8');
  const count = source.split(text).length - 1;
  if (count !== 1) {
    throw new Error(`expected ${JSON.stringify(text)} once in ${file}, found it ${count} times`);
  }
}

function removeDebounce() {
  expectSource('yamlSettings.js', 'this.validationDelayMs = 200;');
  expectSource('languageserver/handlers/validationHandlers.js', '}, this.yamlSettings.validationDelayMs);');
  expectSource('server.js', 'const yamlSettings = new yamlSettings_1.SettingsState();');

  const settingsModule = require(path.join(sourceRoot, 'yamlSettings.js'));
  /** @type {new () => { validationDelayMs: number }} */
  const Original = settingsModule.SettingsState;
  if (typeof Original !== 'function' || new Original().validationDelayMs !== 200) {
    throw new Error('yamlSettings.SettingsState is not a class whose validationDelayMs is 200');
  }
  let created = 0;
  settingsModule.SettingsState = class SettingsStateWithoutDebounce extends Original {
    constructor() {
      super();
      this.validationDelayMs = 0;
      created++;
    }
  };
  if (settingsModule.SettingsState === Original) throw new Error('could not replace yamlSettings.SettingsState');
  return () => created;
}

/** @type {() => number} */
let settingsCreated;
try {
  settingsCreated = removeDebounce();
} catch (error) {
  process.stderr.write(`yaml-language-server-no-debounce: cannot remove the 200 ms validation debounce: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

// As bin/yaml-language-server does before loading the server.
process.env['YAML_LANGUAGE_SERVER_VERSION'] = require(path.join(packageRoot, 'package.json')).version;
require(path.join(sourceRoot, 'server.js'));
if (settingsCreated() !== 1) {
  process.stderr.write(`yaml-language-server-no-debounce: server.js created ${settingsCreated()} patched SettingsState (expected 1)\n`);
  process.exit(1);
}
