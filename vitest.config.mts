import { accessSync, constants } from 'node:fs';
import * as path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * test/taskjuggler/ runs Debian's `tj3`. Without it on PATH a plain `vitest run` leaves that
 * folder out; `npm run test:taskjuggler` installs tj3 and sets CRMPLAN_TASKJUGGLER=1, so there
 * the folder always runs and fails (never skips) when tj3 is missing.
 */
const hasTj3 = (process.env.PATH ?? '').split(path.delimiter).some((folder) => {
  try {
    accessSync(path.join(folder || '.', 'tj3'), constants.X_OK);
    return true;
  } catch {
    return false;
  }
});
const taskJugglerExcluded = !hasTj3 && process.env.CRMPLAN_TASKJUGGLER !== '1';

export default defineConfig({
  resolve: {
    // The name the client uses for what it shares with the server (client/tsconfig.json `paths`).
    alias: { '@crmplan/shared': path.resolve(__dirname, 'server/src/shared') },
  },
  test: {
    include: ['server/src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(taskJugglerExcluded ? ['test/taskjuggler/**'] : [])],
    globals: false,
    // Protocol and CLI tests start real processes; give them room on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
