import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sdkgen, tempDir } from '../support/project.js';
import { ACCESS_KEY, axeViolations, browserStorage, connectChromium, STRIPE_KEY, startStack, type Stack } from './harness.js';

const SCREENSHOT = path.join(ROOT, 'docs/screenshots/verification-session-create.png');

let docs: string;
let stack: Stack;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const out = tempDir('browser');
  const generated = sdkgen(['generate', '--out', out]);
  expect(generated.status, generated.stderr).toBe(0);
  docs = path.join(out, 'docs');
  stack = await startStack();
  browser = await connectChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(pathToFileURL(path.join(docs, 'PostIdentityVerificationSessions.html')).href);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const field = (wire: string) => page.locator(`[data-field="${wire}"]`);
const text = async (selector: string) => (await page.locator(selector).textContent()) ?? '';

async function waitForStatus(status: string): Promise<void> {
  await page.waitForFunction((want) => document.getElementById('response-status')?.textContent === want, status);
}

describe('the operation page in Chromium, through sdkgen gateway to sdkgen mock', () => {
  it('starts with nothing in browser storage and sending off', async () => {
    expect(await browserStorage(page)).toEqual({ local: {}, session: {} });
    expect(await page.locator('#send').isDisabled()).toBe(true);
    expect(await text('#send-hint')).toBe('Enter a gateway URL above to enable sending.');
  });

  it('labels every input with its field name and description', async () => {
    const label = page.locator('label[for]', { has: page.locator('code', { hasText: /^type$/ }) });
    await expect.poll(() => label.count()).toBe(1);
    const select = field('type').locator('select');
    const described = await select.getAttribute('aria-describedby');
    expect(await page.locator(`#${described}`).textContent()).toContain('The type of verification check to be performed.');
    expect(await field('type').locator('.badge.required').textContent()).toBe('required');
  });

  it('updates the TypeScript and curl snippets as the form is filled', async () => {
    await field('type').locator('select').selectOption({ label: 'document' });
    await field('metadata').locator('button.add').click();
    await field('metadata').locator('input[data-role="key"]').fill('order_id');
    await field('metadata').locator('input[data-role="value"]').fill('6735');
    await field('options').locator(':scope > details > summary').click();
    await field('options[document]').locator(':scope > details > summary').click();
    await field('options[document][allowed_types]').locator('button.add').click();
    await field('options[document][allowed_types][0]').locator('select').selectOption({ label: 'passport' });

    expect(await text('#snippet-ts')).toBe(
      [
        "import stripe from '@utdk/stripe';",
        '',
        'const verificationSession = await stripe.postIdentityVerificationSessions({',
        "  type: 'document',",
        '  metadata: {',
        "    order_id: '6735',",
        '  },',
        '  options: {',
        '    document: {',
        '      allowed_types: [',
        "        'passport',",
        '      ],',
        '    },',
        '  },',
        '});',
      ].join('\n'),
    );
    expect(await text('#snippet-curl')).toBe(
      [
        'curl https://api.stripe.com/v1/identity/verification_sessions \\',
        '  -u sk_test_...: \\',
        '  -d type=document \\',
        '  -d "metadata[order_id]=6735" \\',
        '  -d "options[document][allowed_types][0]=passport"',
      ].join('\n'),
    );
  });

  it('copies a snippet with its copy button', async () => {
    await page.evaluate(() => {
      const copied: string[] = ((window as unknown as { copied: string[] }).copied = []);
      navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    });
    await page.locator('button[data-copy="snippet-curl"]').click();
    await expect.poll(() => text('#copy-status')).toBe('Copied the curl snippet.');
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([await text('#snippet-curl')]);
  });

  it('sends through the gateway and shows the answer; the mock gets exactly the snippet\'s body', async () => {
    await page.locator('#gateway-key').fill(ACCESS_KEY);
    await page.locator('#gateway-url').fill(stack.gatewayUrl);
    expect(await page.locator('#send').isEnabled()).toBe(true);
    const before = stack.received.length;
    await page.locator('#send').click();
    await waitForStatus('200 OK');

    const body = 'type=document&metadata[order_id]=6735&options[document][allowed_types][0]=passport';
    const received = stack.received.slice(before);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'POST', target: '/v1/identity/verification_sessions', body });
    expect(received[0]!.headers.authorization).toBe(`Bearer ${STRIPE_KEY}`);
    expect(received[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(received[0]!.headers['x-gateway-key']).toBeUndefined();

    // The answer shown is the mock's: the session it stored for the gateway's key, with the mock's request id.
    expect(await text('#response-request-id')).toMatch(/^req_[A-Za-z0-9]{14}$/);
    const shown = JSON.parse(await text('#response-body')) as Record<string, unknown>;
    const stored = await fetch(`${stack.mockUrl}/v1/identity/verification_sessions/${String(shown.id)}`, { headers: { Authorization: `Bearer ${STRIPE_KEY}` } });
    expect(shown).toEqual(await stored.json());
    expect(shown).toMatchObject({ object: 'identity.verification_session', type: 'document', metadata: { order_id: '6735' }, options: { document: { allowed_types: ['passport'] } } });
    expect(await page.locator('#response-error').isHidden()).toBe(true);

    // The committed screenshot is rewritten only on request (or when missing), so a test run leaves the tree clean.
    const update = process.env.SDKGEN_UPDATE_SCREENSHOTS === '1' || !fs.existsSync(SCREENSHOT);
    const target = update ? SCREENSHOT : path.join(path.dirname(docs), 'verification-session-create.png');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await page.screenshot({ path: target, fullPage: true });
    expect(fs.statSync(target).size).toBeGreaterThan(10_000);
  });

  it('shows an invalid request\'s error in Stripe\'s shape', async () => {
    await field('type').locator('select').selectOption({ label: '(not set)' });
    await page.locator('#send').click();
    await waitForStatus('400 Bad Request');
    expect(await text('#response-error [data-error="type"]')).toBe('invalid_request_error');
    expect(await text('#response-error [data-error="code"]')).toBe('parameter_missing');
    expect(await text('#response-error [data-error="param"]')).toBe('type');
    expect(await text('#response-error [data-error="message"]')).toBe('Missing required param: type.');
    expect(stack.received.at(-1)!.body).toBe('metadata[order_id]=6735&options[document][allowed_types][0]=passport');
  });

  it('keeps the access key for the tab only, and no Stripe key anywhere', async () => {
    // The form's values are kept per operation; the access key only in the tab's session storage.
    const form = { 'sdkgen.form.PostIdentityVerificationSessions': JSON.stringify({ params: { metadata: { order_id: '6735' }, options: { document: { allowed_types: ['passport'] } } }, path: {} }) };
    const storage = await browserStorage(page);
    expect(storage).toEqual({ local: { 'sdkgen.gatewayUrl': stack.gatewayUrl, ...form }, session: { 'sdkgen.gatewayAccessKey': ACCESS_KEY } });
    expect(JSON.stringify(storage)).not.toMatch(/sk_(test|live)_/);
    await page.locator('#remember-key').check();
    expect((await browserStorage(page)).local['sdkgen.gatewayAccessKey']).toBe(ACCESS_KEY);
    await page.locator('#remember-key').uncheck();
    expect(await browserStorage(page)).toEqual({ local: { 'sdkgen.gatewayUrl': stack.gatewayUrl, ...form }, session: { 'sdkgen.gatewayAccessKey': ACCESS_KEY } });
  });

  it('will not store or send a Stripe secret key typed into the page', async () => {
    await page.locator('#gateway-key').fill('sk_test_pasted_by_mistake');
    expect(await page.locator('#gateway-key-warning').isVisible()).toBe(true);
    expect(await page.locator('#send').isDisabled()).toBe(true);
    expect(JSON.stringify(await browserStorage(page))).not.toContain('sk_test_pasted_by_mistake');
    await page.locator('#gateway-key').fill(ACCESS_KEY);
    expect(await page.locator('#send').isEnabled()).toBe(true);
  });

  it('works from the keyboard: add and remove array items', async () => {
    const add = field('expand').locator('button.add');
    await add.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('expand[0]');
    await page.keyboard.type('last_verification_report');
    expect(await text('#snippet-ts')).toContain("expand: [\n    'last_verification_report',\n  ],");
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove expand[0]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add an item to expand');
    expect(await text('#snippet-ts')).not.toContain('expand');
  });

  it('has no accessibility violations (axe-core), in light and dark mode', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 19, 32)');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('ran no dialog and threw nothing; the gateway logged no key', () => {
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(stack.gatewayLog.join('\n')).not.toContain(STRIPE_KEY);
    expect(stack.gatewayLog.join('\n')).not.toContain(ACCESS_KEY);
  });
});

describe('the index page in Chromium', () => {
  it('filters operations as you type, keeps the query in the address, and passes axe', async () => {
    const index = await browser.newPage();
    const url = pathToFileURL(path.join(docs, 'index.html')).href;
    await index.goto(url);
    const visible = () => index.locator('#operations li[data-search]:visible a').allTextContents();
    expect(await visible()).toHaveLength(6);
    await index.locator('#search').fill('cancel');
    expect(await visible()).toEqual(['Cancel a VerificationSession']);
    expect(new URL(index.url()).hash).toBe('#q=cancel');
    expect(await index.locator('#search-count').textContent()).toBe('1 of 6 operations match.');
    await index.goto(`${url}#q=redact`);
    await index.reload();
    expect(await visible()).toEqual(['Redact a VerificationSession']);
    await index.locator('#search').fill('');
    await index.locator('#operations a', { hasText: 'Create a VerificationSession' }).click();
    await index.waitForURL(/PostIdentityVerificationSessions\.html$/);
    await index.goBack();
    expect(await axeViolations(index)).toEqual([]);
    await index.close();
  });
});
