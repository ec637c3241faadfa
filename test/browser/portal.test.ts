import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sdkgen } from '../support/project.js';
import { browserStorage } from './harness.js';
import { blocking, CREATE, SCHEMES, WIDTHS, wholeApiPortal } from './whole-api-portal.js';

/**
 * The docs portal of the whole API (468 operations) in Chromium: navigation, layout at four widths,
 * light and dark, print, examples, saved form values. One browser connection for the file; the screenshots it
 * takes are written to a temporary folder for people to look at (its path is printed).
 */
const portal = wholeApiPortal('portal');
const { open, url, pageErrors } = portal;

describe('the portal\'s layout', () => {
  it('has no horizontal scroll, the columns each width calls for, and no serious axe finding, at 320, 390, 768 and 1280 px in light and dark', async () => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    for (const file of [CREATE, 'PostCheckoutSessions.html', 'GetCustomersCustomer.html', 'index.html']) {
      await page.goto(url(file));
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme });
          const where = `${file} at ${width} px, ${colorScheme}`;
          const layout = await page.evaluate(() => {
            const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().toJSON() as DOMRect | undefined;
            const nav = document.getElementById('site-nav')!;
            return {
              scrollWidth: document.scrollingElement!.scrollWidth,
              innerWidth,
              navShown: getComputedStyle(nav).display !== 'none',
              menuShown: getComputedStyle(document.getElementById('nav-toggle')!).display !== 'none' && !document.getElementById('nav-toggle')!.hidden,
              main: box('main'),
              code: box('.code-panel'),
              codePosition: document.querySelector('.code-panel') ? getComputedStyle(document.querySelector('.code-panel')!).position : undefined,
              background: getComputedStyle(document.body).backgroundColor,
            };
          });
          expect(layout.scrollWidth, where).toBeLessThanOrEqual(layout.innerWidth);
          expect(layout.background, where).toBe(colorScheme === 'dark' ? 'rgb(15, 19, 32)' : 'rgb(255, 255, 255)');
          // Wide screens: a navigation sidebar; narrow ones: a Menu button instead.
          expect([layout.navShown, layout.menuShown], where).toEqual(width >= 1024 ? [true, false] : [false, true]);
          if (layout.code) {
            if (width >= 1280) {
              // Three columns: the code and responses beside the reference, sticky.
              expect(layout.code.left, where).toBeGreaterThanOrEqual(layout.main!.right - 1);
              expect(layout.codePosition, where).toBe('sticky');
            } else {
              expect(layout.code.top, where).toBeGreaterThanOrEqual(layout.main!.bottom - 1);
            }
          }
          await page.screenshot({ path: path.join(portal.shots, `${file.replace(/\.html$/, '')}-${width}-${colorScheme}.png`) });
          // axe (seconds per run on these pages): every width and scheme of the create page, the others at a phone's and a desktop's width.
          if (file === CREATE || width === 390 || width === 1280) expect(await blocking(page), where).toEqual([]);
        }
      }
    }
    await context.close();
    expect(fs.readdirSync(portal.shots).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(4 * WIDTHS.length * SCHEMES.length);
  }, 400_000);

  it('prints the reference and the examples, without the navigation and the Try-it form', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, CREATE);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      Object.fromEntries(['#site-nav', '#try-it-form', '#nav-toggle', '#parameters', '#example-response'].map((s) => [s, document.querySelector(s)!.checkVisibility()])),
    );
    expect(shown).toEqual({ '#site-nav': false, '#try-it-form': false, '#nav-toggle': false, '#parameters': true, '#example-response': true });
    await page.pdf({ path: path.join(portal.shots, 'PostIdentityVerificationSessions-print.pdf') });
    await context.close();
  });
});

describe('the navigation', () => {
  it('lists every operation by resource from the shared nav data, marks the current page, and filters', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, CREATE);
    // The page itself does not carry the 468 links: they come from assets/nav-data.js.
    const html = fs.readFileSync(path.join(portal.docs, CREATE), 'utf8');
    expect(html.match(/<a /g)!.length).toBeLessThan(60);
    expect(await page.locator('#nav-list a').count()).toBe(468);
    expect(await page.locator('#nav-count').textContent()).toBe('468 operations.');
    const current = page.locator('#nav-list a[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('href')).toBe(CREATE);
    expect(await current.locator('.nav-title').textContent()).toBe('Create a VerificationSession');
    // Grouped by resource: the link sits under its resource's heading.
    const group = await current.evaluate((a) => a.closest('.nav-group')!.querySelector('.nav-group-title')!.textContent);
    expect(group).toBe('Identity · VerificationSessions');
    expect(await current.isVisible()).toBe(true);

    await page.locator('#nav-filter').fill('verification session cancel');
    expect(await page.locator('#nav-list a:visible .nav-title').allTextContents()).toEqual(['Cancel a VerificationSession']);
    expect(await page.locator('#nav-count').textContent()).toBe('1 of 468 operations match.');
    await page.locator('#nav-filter').fill('zzz-no-such-thing');
    expect(await page.locator('#nav-list a:visible').count()).toBe(0);
    await context.close();
  });

  it('is reached from the keyboard, and Enter in the filter opens the first match', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, CREATE);
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim());
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('@utdk/stripe API reference');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Handling webhooks');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('nav-filter');
    await page.keyboard.type('redact verification');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('PostIdentityVerificationSessionsSessionRedact.html');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/PostIdentityVerificationSessionsSessionRedact\.html$/);
    expect(await page.locator('h1').textContent()).toBe('Redact a VerificationSession');
    await context.close();
  });

  it('collapses to a Menu button on a phone, which opens and closes it', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, CREATE, 390);
    const toggle = page.locator('#nav-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#site-nav').isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#site-nav').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nav-filter');
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(portal.shots, 'menu-open-390.png') });
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#site-nav').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nav-toggle');
    await context.close();
  });
});

describe('an operation page', () => {
  it('shows an example response and example errors, built from the model', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, CREATE);
    const example = JSON.parse((await page.locator('#example-response').textContent())!) as Record<string, unknown>;
    expect(example).toMatchObject({ object: 'identity.verification_session', livemode: false });
    expect(example.id).toMatch(/^vs_/);
    expect(Number.isInteger(example.created)).toBe(true);
    await page.locator('.example-errors > summary').click();
    const missing = JSON.parse((await page.locator('#error-0 + p + pre code').textContent())!) as unknown;
    expect(missing).toEqual({ error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing required param: type.', param: 'type', doc_url: 'https://stripe.com/docs/error-codes/parameter-missing' } });
    expect(await page.locator('#error-0').textContent()).toBe('400 invalid_request_error · parameter_missing');

    // A link to an example error, or to a nested parameter, opens the folded sections around it.
    // Either lands below the sticky header, not under it.
    const belowHeader = (page: Page) => page.locator(':target').evaluate((el) => el.getBoundingClientRect().top >= document.querySelector('.site-header')!.getBoundingClientRect().bottom);
    const linked = await open(context, `${CREATE}#error-1`);
    expect(await linked.locator('#error-1').isVisible()).toBe(true);
    expect(await belowHeader(linked)).toBe(true);
    await linked.goto(url(`${CREATE}#param-options.document.allowed_types`));
    expect(await linked.locator('#param-options\\.document\\.allowed_types').isVisible()).toBe(true);
    expect(await belowHeader(linked)).toBe(true);

    const list = await open(context, 'GetCustomers.html');
    const page1 = JSON.parse((await list.locator('#example-response').textContent())!) as { object: string; data: { id: string }[]; has_more: boolean; url: string };
    expect(page1).toMatchObject({ object: 'list', has_more: false, url: '/v1/customers' });
    expect(page1.data[0]!.id).toMatch(/^cus_/);
    await context.close();
  });

  it('marks timestamps, expandable, enum and deprecated fields in the reference', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, CREATE);
    await page.locator('#returns + p + details > summary').click();
    expect(await page.locator('#field-created > small').textContent()).toBe('Unix timestamp');
    // Each entry's name links to the entry (the page script adds the link; the anchor is written once).
    expect(await page.locator('#param-options\\.document > a.param-name').getAttribute('href')).toBe('#param-options.document');
    expect(await page.locator('#field-created > a.param-name').textContent()).toBe('created');
    expect(await page.locator('#field-last_verification_report .badge.expandable').textContent()).toBe('expandable');
    expect(await page.locator('#param-type .enum').textContent()).toBe('Possible values: document, id_number.');
    // The pinned spec deprecates operations, not fields (html-pages.test.ts covers a deprecated field).
    const cards = await open(context, 'GetCustomersCustomerCards.html');
    expect(await cards.locator('main .badge.deprecated').textContent()).toBe('This operation is deprecated.');
    await context.close();
  });

  it('starts with a snippet holding every required field, keeps form values per operation across a reload, and resets them', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, CREATE);
    expect(await page.locator('#snippet-ts').textContent()).toContain("stripe.postIdentityVerificationSessions({\n  type: 'document',");
    expect(await page.locator('#snippet-note').textContent()).toBe('Example values; fill in the form to use your own.');

    await page.locator('[data-field="type"] select').selectOption({ label: 'id_number' });
    await page.locator('[data-field="metadata"] button.add').click();
    await page.locator('[data-field="metadata"] input[data-role="key"]').fill('order_id');
    await page.locator('[data-field="metadata"] input[data-role="value"]').fill('42');
    await page.locator('#gateway-key').fill('an-access-key-not-to-keep');
    await page.reload();
    expect(await page.locator('[data-field="type"] select option:checked').textContent()).toBe('id_number');
    expect(await page.locator('[data-field="metadata"] input[data-role="value"]').inputValue()).toBe('42');
    expect(await page.locator('#snippet-ts').textContent()).toContain("type: 'id_number',\n  metadata: {\n    order_id: '42',");
    expect(await page.locator('#snippet-note').textContent()).toBe('Shows the values in the form; updates as you type.');
    const storage = await browserStorage(page);
    expect(JSON.parse(storage.local['sdkgen.form.PostIdentityVerificationSessions']!)).toEqual({ params: { type: 'id_number', metadata: { order_id: '42' } }, path: {} });
    expect(JSON.stringify(storage.local)).not.toContain('an-access-key-not-to-keep');

    // Another operation's page has its own values.
    const update = await open(context, 'PostIdentityVerificationSessionsSession.html');
    expect(await update.locator('[data-field="metadata"] input').count()).toBe(0);
    await update.close();

    await page.locator('#reset-form').click();
    expect(await page.locator('[data-field="type"] select').inputValue()).toBe('');
    expect(await page.locator('[data-field="metadata"] input').count()).toBe(0);
    expect(await page.locator('#form-status').textContent()).toBe('The form is cleared, and its saved values forgotten.');
    expect((await browserStorage(page)).local['sdkgen.form.PostIdentityVerificationSessions']).toBeUndefined();
    expect(await page.locator('#snippet-ts').textContent()).toContain("type: 'document',");
    await context.close();
  });

  it('says "Copied" on the button and in a live region', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, CREATE);
    await page.evaluate(() => {
      navigator.clipboard.writeText = async () => undefined;
    });
    const button = page.locator('button[data-copy="snippet-ts"]');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    const status = page.locator('#copy-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toBe('Copied the TypeScript snippet.');
    await expect.poll(() => button.textContent(), { timeout: 5000 }).toBe('Copy');
    await context.close();
  });

  it('labels the gateway access key as pages opened from disk need it, and asks for it before sending', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, CREATE);
    expect(await page.locator('label[for="gateway-key"]').textContent()).toBe('Gateway access key (required for pages opened from disk)');
    await page.locator('#gateway-url').fill('http://127.0.0.1:9');
    expect(await page.locator('#send-hint').textContent()).toBe('Enter the gateway access key: a page opened from disk needs it.');
    expect(await page.locator('#send').isDisabled()).toBe(true);
    await page.locator('#gateway-key').fill('an-access-key');
    expect(await page.locator('#send').isEnabled()).toBe(true);
    await context.close();
  });

  it('threw nothing on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('page weight', () => {
  it('shares the stylesheet, scripts and navigation data as separate files; every operation page is under 100 KB', () => {
    const pages = fs.readdirSync(portal.docs).filter((f) => f.endsWith('.html') && f !== 'index.html' && f !== 'webhooks.html');
    expect(pages).toHaveLength(468);
    const sizes = new Map(pages.map((f) => [f, fs.statSync(path.join(portal.docs, f)).size]));
    const sorted = [...sizes.values()].sort((a, b) => a - b);
    const largest = [...sizes].reduce((a, b) => (b[1] > a[1] ? b : a));
    const over = pages.filter((f) => sizes.get(f)! >= 100 * 1024);
    const assets = Object.fromEntries(fs.readdirSync(path.join(portal.docs, 'assets')).map((f) => [f, fs.statSync(path.join(portal.docs, 'assets', f)).size]));
    console.log(
      `operation pages (${pages.length}): median ${sorted[Math.floor(sorted.length / 2)]} B, largest ${largest[1]} B (${largest[0]}), ${over.length} at or over 100 KB${over.length ? ` (${over.join(', ')})` : ''}; shared assets ${JSON.stringify(assets)}`,
    );
    expect(Object.keys(assets).sort()).toEqual(['docs.css', 'nav-data.js', 'nav.js', 'search.js', 'try-it.js', 'webhooks.js']);
    expect(over).toEqual([]);
    for (const f of pages) expect(fs.readFileSync(path.join(portal.docs, f), 'utf8')).toContain('<script src="assets/nav-data.js"></script>');
  });
});
