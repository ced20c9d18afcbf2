import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'test/**/*.test.ts'],
    globals: false,
    // Protocol and CLI tests start real processes; give them room on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
