import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most test time is spent waiting on child processes (the CLI, tsc, curl, Chromium) and servers,
    // not on the test worker's own CPU: vitest's default of one worker per core less one would run
    // the files one at a time on a two-core machine.
    maxWorkers: 3,
  },
});
