import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkgen, tempDir } from '../support/project.js';
import { axeViolations, connectChromium } from './harness.js';

/**
 * Big and unusual request schemas: deep nesting, unions of shapes (of two object types in
 * PostPaymentMethods' `card`), range queries, path parameters.
 */
const OPERATIONS = ['PostAccounts', 'PostPaymentIntents', 'GetCharges', 'PostCustomersCustomerSourcesId', 'PostPaymentMethods'];

let browser: Browser;
let docs: string;

beforeAll(async () => {
  const out = tempDir('complex');
  const generated = sdkgen(['generate', '--operations', OPERATIONS.join(','), '--out', out]);
  expect(generated.status, generated.stderr).toBe(0);
  docs = path.join(out, 'docs');
  browser = await connectChromium();
});

afterAll(() => browser?.close());

describe('Try-it forms of complex operations', () => {
  for (const id of OPERATIONS) {
    it(`${id}: every nested form opens, every shape can be picked, snippets follow`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(path.join(docs, `${id}.html`)).href);
      // Open folded objects until none is left (each opening builds the fields inside).
      for (let round = 0; round < 12; round++) {
        const opened = await page.locator('#try-it-fields details:not([open])').evaluateAll((all) => {
          all.forEach((d) => ((d as HTMLDetailsElement).open = true));
          return all.length;
        });
        if (opened === 0) break;
        await page.waitForTimeout(20);
      }
      // Pick the last shape of the first few unions.
      const shapes = page.locator('#try-it-fields .choice-slot').locator('xpath=preceding-sibling::div/select');
      for (let i = 0; i < Math.min(await shapes.count(), 5); i++) {
        const select = shapes.nth(i);
        const count = await select.locator('option').count();
        await select.selectOption({ index: count - 1 });
      }
      const pathInputs = page.locator('#try-it-fields fieldset.settings', { hasText: 'Path parameters' }).locator('input');
      for (let i = 0; i < (await pathInputs.count()); i++) await pathInputs.nth(i).fill(`id_${i}`);
      if ((await pathInputs.count()) > 0) expect(await page.locator('#snippet-curl').textContent()).toContain('/id_0');
      const params = page.locator('#try-it-fields fieldset.settings', { hasText: /^(Body|Query) parameters/ });
      const firstText = params.locator('input[type="text"]').first();
      if ((await firstText.count()) > 0) {
        await firstText.fill('abc');
        const wire = await firstText.evaluate((el) => el.closest('[data-field]')?.getAttribute('data-field') ?? '');
        expect(await page.locator('#snippet-curl').textContent()).toContain(`=abc`);
        expect(wire).not.toBe('');
      }
      // `expand` lists its values joined in one code element when there are many: the select has each.
      const values = page.locator('#param-expand > .enum');
      if ((await values.count()) > 0) {
        const listed = ((await values.textContent()) ?? '').replace(/^Possible values: |\.$/g, '').split(', ');
        await page.locator('[data-field="expand"] button.add').click();
        expect(await page.locator('[data-field="expand[0]"] select option').allTextContents()).toEqual(['(not set)', ...listed]);
      }
      expect(errors).toEqual([]);
      if (id === 'GetCharges') expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
