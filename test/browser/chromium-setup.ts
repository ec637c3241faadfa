import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's one Chromium listens; each browser test file connects with its own contexts. */
    chromiumEndpoint: string;
  }
}

/**
 * One Chromium for every browser test file of the run, instead of one per file: started only when
 * the run has a browser test (this is the browser project's global setup), closed at its end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return async () => {
    // A graceful close waits on the browser; a browser that will not go is killed, never left behind.
    const closed = server.close().then(() => true);
    const timedOut = new Promise<false>((resolve) => setTimeout(() => resolve(false), 10_000).unref());
    if (!(await Promise.race([closed, timedOut]))) await server.kill();
  };
}
