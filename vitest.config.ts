import { configDefaults, defineConfig } from 'vitest/config';

const BROWSER_TESTS = 'test/browser/**/*.test.ts';

/** What every project's tests share; each project below adds its files and its own global setup. */
const common = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks',
} as const;

export default defineConfig({
  test: {
    // The build and the run's temporary cache, for every run (the root project's setup runs whichever
    // project's files are selected).
    globalSetup: ['test/global-setup.ts'],
    // Most test time is spent waiting on child processes (the CLI, tsc, curl, Chromium) and servers,
    // not on the test worker's own CPU: vitest's default of one worker per core less one would run
    // the files one at a time on a two-core machine.
    maxWorkers: 3,
    // Two projects so that Chromium starts only for a run that has a browser test: a project's global
    // setup runs only when one of its files is selected.
    projects: [
      { test: { ...common, name: 'node', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, BROWSER_TESTS] } },
      { test: { ...common, name: 'browser', include: [BROWSER_TESTS], globalSetup: ['test/browser/chromium-setup.ts'] } },
    ],
  },
});
