import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { sdkgen, tempDir } from '../support/project.js';
import { axeViolations, connectChromium } from './harness.js';

export const WIDTHS = [320, 390, 768, 1280] as const;
export const SCHEMES = ['light', 'dark'] as const;
export const CREATE = 'PostIdentityVerificationSessions.html';

export interface Portal {
  /** The generated `docs/` folder. */
  docs: string;
  /** Where the file's screenshots go, for people to look at. */
  shots: string;
  browser: Browser;
  /** Script errors any page opened with `open` threw. */
  pageErrors: string[];
  url(file: string): string;
  open(context: BrowserContext, file: string, width?: number): Promise<Page>;
}

/**
 * The whole API's docs portal (468 operation pages, the index and the webhooks page), generated for
 * one test file and opened in the run's one Chromium: what the portal's browser tests share. The
 * screenshots folder's path is printed.
 */
export function wholeApiPortal(name: string): Portal {
  const portal: Portal = {
    docs: '',
    shots: '',
    browser: undefined as unknown as Browser,
    pageErrors: [],
    url(file) {
      const [page, hash] = file.split('#');
      return pathToFileURL(path.join(portal.docs, page!)).href + (hash ? `#${hash}` : '');
    },
    async open(context, file, width = 1280) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      page.on('pageerror', (error) => portal.pageErrors.push(`${file}: ${error.message}`));
      await page.goto(portal.url(file));
      return page;
    },
  };
  beforeAll(async () => {
    const out = tempDir(name);
    const generated = sdkgen(['generate', '--all', '--out', out]);
    expect(generated.status, generated.stderr).toBe(0);
    portal.docs = path.join(out, 'docs');
    portal.shots = tempDir(`${name}-screenshots`);
    console.log(`${name} screenshots: ${portal.shots}`);
    portal.browser = await connectChromium();
  });
  afterAll(async () => {
    await portal.browser?.close();
  });
  return portal;
}

/** axe findings that block people: serious and critical. */
export async function blocking(page: Page) {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
