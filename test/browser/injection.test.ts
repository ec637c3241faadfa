import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkgen, tempDir } from '../support/project.js';
import { connectChromium } from './harness.js';
import { ATTACK, hostileSpec } from './hostile-spec.js';

let browser: Browser;
let docs: string;

beforeAll(async () => {
  const dir = tempDir('hostile');
  const specFile = path.join(dir, 'hostile.json');
  fs.writeFileSync(specFile, JSON.stringify(hostileSpec()));
  const out = path.join(dir, 'out');
  const generated = sdkgen(['generate', '--spec', specFile, '--all', '--out', out]);
  expect(generated.status, generated.stderr).toBe(0);
  docs = path.join(out, 'docs');
  browser = await connectChromium();
});

afterAll(() => browser?.close());

describe('spec text that tries to inject script, in a real browser', () => {
  for (const file of ['PostThings.html', 'index.html']) {
    it(`runs no script and opens no dialog on ${file}`, async () => {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(path.join(docs, file)).href);
      if (file === 'PostThings.html') {
        // Open everything the page folds, so the Try-it form renders each description too.
        await page.locator('[data-field="metadata"] button.add').click();
        await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      }
      await page.waitForTimeout(200);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img, svg, iframe').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      expect(await page.locator('[onerror], [onload], [onclick]').count()).toBe(0);
      // The titles show the attack as text.
      expect(await page.locator(file === 'index.html' ? 'li[data-search] a' : 'h1').first().textContent()).toContain(ATTACK);
      await page.close();
    });
  }

  it('keeps the safe parts of descriptions, with links made absolute', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(docs, 'PostThings.html')).href);
    expect(await page.locator('.description a', { hasText: 'Thing docs' }).getAttribute('href')).toBe('https://stripe.com/docs/things');
    expect(await page.locator('.description a', { hasText: 'click' }).getAttribute('href')).toBeNull();
    await page.close();
  });
});
