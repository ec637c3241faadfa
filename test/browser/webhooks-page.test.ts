import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { sdkgen, tempDir } from '../support/project.js';
import { ATTACK, hostileSpec } from './hostile-spec.js';
import { blocking, CREATE, SCHEMES, WIDTHS, wholeApiPortal } from './whole-api-portal.js';

/**
 * The portal's webhooks page, for the whole API (222 event types), in Chromium: layout at four widths
 * in light and dark, axe, and the links between it, the navigation, the index and the operation
 * pages. Screenshots go to a temporary folder for people to look at (its path is printed).
 */
const portal = wholeApiPortal('webhooks-page');
const { open, url, pageErrors } = portal;
const PAGE = 'webhooks.html';

describe('the webhooks page', () => {
  it('has no horizontal scroll, the handlers beside the text on wide screens and before the event types on narrow ones, and no serious axe finding, at 320, 390, 768 and 1280 px in light and dark', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, PAGE);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        const where = `${PAGE} at ${width} px, ${colorScheme}`;
        const layout = await page.evaluate(() => {
          const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect;
          return {
            scrollWidth: document.scrollingElement!.scrollWidth,
            innerWidth,
            main: box('main'),
            code: box('.code-panel'),
            events: box('.event-types'),
            codePosition: getComputedStyle(document.querySelector('.code-panel')!).position,
            background: getComputedStyle(document.body).backgroundColor,
            navShown: getComputedStyle(document.getElementById('site-nav')!).display !== 'none',
          };
        });
        expect(layout.scrollWidth, where).toBeLessThanOrEqual(layout.innerWidth);
        expect(layout.background, where).toBe(colorScheme === 'dark' ? 'rgb(15, 19, 32)' : 'rgb(255, 255, 255)');
        expect(layout.navShown, where).toBe(width >= 1024);
        if (width >= 1280) {
          // Three columns: navigation, the text and event types, and the handlers sticky beside both.
          expect(layout.code.left, where).toBeGreaterThanOrEqual(layout.main.right - 1);
          expect(layout.events.right, where).toBeLessThanOrEqual(layout.code.left + 1);
          expect(layout.events.top, where).toBeGreaterThanOrEqual(layout.main.bottom - 1);
          expect(layout.codePosition, where).toBe('sticky');
        } else {
          // One column: the text, the handlers, then the long list of event types.
          expect(layout.code.top, where).toBeGreaterThanOrEqual(layout.main.bottom - 1);
          expect(layout.events.top, where).toBeGreaterThanOrEqual(layout.code.bottom - 1);
        }
        await page.screenshot({ path: path.join(portal.shots, `webhooks-${width}-${colorScheme}.png`) });
        expect(await blocking(page), where).toEqual([]);
      }
    }
    await context.close();
  }, 300_000);

  it('shows the three handlers, the mock\'s webhook options, and every event type with its object and the operations that change it', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, PAGE);
    expect(await page.locator('h1').textContent()).toBe('Handling webhooks');
    expect(await page.locator('.code-panel h3').allTextContents()).toEqual(['Node http', 'Express', 'Fetch-style (edge runtimes, Deno, Bun)']);
    for (const id of ['snippet-node', 'snippet-express', 'snippet-fetch']) {
      expect(await page.locator(`#${id}`).textContent(), id).toContain("case 'identity.verification_session.verified':");
    }
    const mock = await page.locator('#snippet-mock').textContent();
    expect(mock).toContain('sdkgen mock --webhook http://localhost:3000/webhook');
    expect(mock).toContain('sdkgen mock trigger identity.verification_session.verified --id vs_');
    expect(await page.locator('.event-list li').count()).toBe(222);
    const verified = page.locator('li#event-identity\\.verification_session\\.verified');
    const group = verified.locator('xpath=ancestor::div[@class="event-group"]');
    expect(await group.locator('h3').textContent()).toBe('Identity.VerificationSession (identity.verification_session)');
    expect(await group.locator('.event-operations a').allTextContents()).toEqual([
      'Create a VerificationSession',
      'Update a VerificationSession',
      'Cancel a VerificationSession',
      'Redact a VerificationSession',
    ]);
    // A link to an operation that changes the object opens its page.
    await group.locator('.event-operations a', { hasText: 'Cancel a VerificationSession' }).click();
    await page.waitForURL(/PostIdentityVerificationSessionsSessionCancel\.html$/);
    expect(await page.locator('h1').textContent()).toBe('Cancel a VerificationSession');
    await context.close();
  });

  it('copies a handler, saying "Copied" on the button and in a live region', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, PAGE);
    await page.evaluate(() => {
      const copied: string[] = ((window as unknown as { copied: string[] }).copied = []);
      navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    });
    const button = page.locator('button[data-copy="snippet-express"]');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await page.locator('#copy-status').textContent()).toBe('Copied the Express handler.');
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([await page.locator('#snippet-express').textContent()]);
    await context.close();
  });
});

describe('links to the webhooks page', () => {
  it('the navigation links it from an operation page, and marks it current there', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, CREATE);
    const link = page.locator('#site-nav .nav-pages a');
    expect(await link.getAttribute('aria-current')).toBeNull();
    await link.click();
    await page.waitForURL(/webhooks\.html$/);
    expect(await page.locator('h1').textContent()).toBe('Handling webhooks');
    expect(await page.locator('#site-nav .nav-pages a').getAttribute('aria-current')).toBe('page');
    // The operations are listed there too, none of them current.
    expect(await page.locator('#nav-list a').count()).toBe(468);
    expect(await page.locator('#nav-list a[aria-current]').count()).toBe(0);
    await context.close();
  });

  it('on a phone, behind the Menu button', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, CREATE, 390);
    const link = page.locator('#site-nav .nav-pages a');
    expect(await link.isVisible()).toBe(false);
    await page.locator('#nav-toggle').click();
    await link.click();
    await page.waitForURL(/webhooks\.html$/);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('the index links it', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, 'index.html');
    await page.locator('main a[href="webhooks.html"]').click();
    await page.waitForURL(/webhooks\.html$/);
    expect(await page.locator('h1').textContent()).toBe('Handling webhooks');
    await context.close();
  });

  it('an operation page lists the events its object is sent in, each linking to its entry', async () => {
    const context = await portal.browser.newContext();
    const page = await open(context, CREATE);
    const events = page.locator('section[aria-labelledby="webhook-events"] ul.event-links a');
    expect(await events.allTextContents()).toEqual([
      'identity.verification_session.canceled',
      'identity.verification_session.created',
      'identity.verification_session.processing',
      'identity.verification_session.redacted',
      'identity.verification_session.requires_input',
      'identity.verification_session.verified',
    ]);
    expect(await page.locator('nav.toc a[href="#webhook-events"]').textContent()).toBe('Webhook events');
    await events.filter({ hasText: 'identity.verification_session.verified' }).click();
    await page.waitForURL(/webhooks\.html#event-identity\.verification_session\.verified$/);
    const target = page.locator(':target');
    expect(await target.textContent()).toBe('identity.verification_session.verified');
    expect(await target.isVisible()).toBe(true);
    // In view, below the sticky header rather than under it.
    const box = await target.evaluate((el) => ({ top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom, header: document.querySelector('.site-header')!.getBoundingClientRect().bottom, innerHeight }));
    expect(box.top, JSON.stringify(box)).toBeGreaterThanOrEqual(box.header);
    expect(box.bottom, JSON.stringify(box)).toBeLessThanOrEqual(box.innerHeight);
    // A page whose response is no object with events says nothing of them.
    const domains = await open(context, 'GetApplePayDomains.html');
    expect(await domains.locator('#webhook-events').count()).toBe(0);
    expect(await domains.locator('nav.toc a[href="#webhook-events"]').count()).toBe(0);
    await context.close();
  });

  it('threw nothing on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('event types that try to inject script, in a real browser', () => {
  // No dot in the attack, so that the type is still about a `thing`.
  const onThing = 'thing.<img src=x onerror="alert(3)">';
  let hostileDocs: string;

  beforeAll(() => {
    // The hostile spec of the injection test, plus a webhook endpoint whose event types attack.
    const spec = hostileSpec() as { paths: Record<string, unknown> };
    spec.paths['/v1/webhook_endpoints'] = {
      post: {
        operationId: 'PostWebhookEndpoints',
        requestBody: {
          content: {
            'application/x-www-form-urlencoded': {
              schema: { type: 'object', properties: { enabled_events: { type: 'array', items: { type: 'string', enum: ['thing.created', onThing, `${ATTACK}.created`] } } } },
            },
          },
        },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/thing' } } } } },
      },
    };
    const dir = tempDir('webhooks-hostile');
    fs.writeFileSync(path.join(dir, 'hostile.json'), JSON.stringify(spec));
    const generated = sdkgen(['generate', '--spec', path.join(dir, 'hostile.json'), '--all', '--out', path.join(dir, 'out')]);
    expect(generated.status, generated.stderr).toBe(0);
    hostileDocs = path.join(dir, 'out', 'docs');
  });

  it('shows them as text on the webhooks page and on the operation page, runs nothing, and links them', async () => {
    const context = await portal.browser.newContext();
    const dialogs: string[] = [];
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(path.join(hostileDocs, 'PostThings.html')).href);
    const links = page.locator('ul.event-links a');
    // Sorted by type, as the spec's list is.
    expect(await links.allTextContents()).toEqual([onThing, 'thing.created']);
    await links.filter({ hasText: onThing }).click();
    await page.waitForURL(/webhooks\.html#event-thing\._img_src_x_onerror__alert_3___-49d2a247$/);
    expect(await page.locator(':target').textContent()).toBe(onThing);
    expect((await page.locator('.event-list li').allTextContents()).sort()).toEqual([`${ATTACK}.created`, onThing, 'thing.created']);
    expect(await page.locator('.event-operations a', { hasText: ATTACK }).count()).toBe(1);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img, svg, iframe, [onerror]').count()).toBe(0);
    await context.close();
  });
});

describe('the generated files', () => {
  it('the webhooks page loads only the package\'s own assets', () => {
    const html = fs.readFileSync(path.join(portal.docs, PAGE), 'utf8');
    expect(html.match(/<script src="[^"]+"/g)).toEqual(['<script src="assets/nav-data.js"', '<script src="assets/nav.js"', '<script src="assets/webhooks.js"']);
  });
});
