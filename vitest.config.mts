import * as path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The name the client uses for what it shares with the server (client/tsconfig.json `paths`).
    alias: { '@crmplan/shared': path.resolve(__dirname, 'server/src/shared') },
  },
  test: {
    include: ['server/src/**/*.test.ts', 'test/**/*.test.ts'],
    globals: false,
    // Protocol and CLI tests start real processes; give them room on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
