import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Command } from 'commander';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhooks, type Event, type Identity } from '../../generated/src/index.js';
import { SdkgenError } from '../../generator/errors.js';
import type { ApiModel } from '../../generator/model/types.js';
import { addWebhookOptions, startMockWebhooks, triggerOnRunningMock, type WebhookFlags } from '../../generator/servers/mock/webhooks/cli.js';
import { MockWebhooks, newSigningSecret, type TriggerStore } from '../../generator/servers/mock/webhooks/mock-webhooks.js';
import type { StoreChange } from '../../generator/servers/mock/webhooks/event-types.js';
import { model } from '../support/project.js';

// The event types are the spec's whatever is served; one resource keeps the build small.
let served: Promise<ApiModel> | undefined;
const mockModel = () => (served ??= model({ resources: ['identity.verification_sessions'] }));

const oracle = new Stripe('sk_test_oracle', { apiVersion: '2023-08-16' });
const KEY = 'sk_test_mock_a';

/** A webhook endpoint as a user writes one: raw body, the package's constructEvent, 400 on a bad signature. */
function endpoint(secret: string, options: { failFirst?: number } = {}) {
  const received: Event[] = [];
  const verifiedStatus: string[] = [];
  const answers: number[] = [];
  // Fails the first attempts at each event, so retries are counted per event as the mock counts them.
  const failures = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let status = 200;
      try {
        const event = webhooks.constructEvent(body, req.headers['stripe-signature'], secret);
        // stripe-node accepts the same delivery.
        expect(oracle.webhooks.constructEvent(body, req.headers['stripe-signature'] as string, secret).id).toBe(event.id);
        const failed = failures.get(event.id) ?? 0;
        if (failed < (options.failFirst ?? 0)) {
          failures.set(event.id, failed + 1);
          status = 500;
        } else {
          received.push(event);
          switch (event.type) {
            case 'identity.verification_session.verified': {
              const session: Identity.VerificationSession = event.data.object;
              verifiedStatus.push(`${String(event.data.previous_attributes?.status)}→${session.status}`);
              break;
            }
            default:
              break;
          }
        }
      } catch {
        status = 400;
      }
      answers.push(status);
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 200 ? 'ok' : 'no');
    });
  });
  return {
    received,
    verifiedStatus,
    answers,
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: bound, then closed. */
async function deadUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/gone`;
}

const session = (fields: Record<string, unknown> = {}) => ({
  id: 'vs_1NuN8d2eZvKYlo2C',
  object: 'identity.verification_session',
  client_secret: 'vs_1NuN8d2eZvKYlo2C_secret_x',
  created: 1_700_000_000,
  last_error: null,
  last_verification_report: null,
  livemode: false,
  metadata: {},
  redaction: null,
  status: 'requires_input',
  type: 'document',
  url: 'https://verify.stripe.com/start/test_x',
  ...fields,
});

describe('mock webhooks: changes become signed events, delivered with retries and kept for /v1/events', () => {
  let api: ApiModel;
  const secret = newSigningSecret();
  const good = endpoint(secret);
  const flaky = endpoint(secret, { failFirst: 2 });
  const otherSecret = endpoint('whsec_not_the_mock_one');
  let dead: string;
  let goodUrl: string;
  let flakyUrl: string;
  let otherUrl: string;
  let mock: MockWebhooks;
  const lines: string[] = [];

  beforeAll(async () => {
    api = await mockModel();
    dead = await deadUrl();
    [goodUrl, flakyUrl, otherUrl] = [await good.start(), await flaky.start(), await otherSecret.start()];
    mock = new MockWebhooks({
      model: api,
      endpoints: [goodUrl, flakyUrl, otherUrl, dead],
      secret,
      retry: { attempts: 3, firstDelayMs: 10, maxDelayMs: 20, timeoutMs: 5_000 },
      log: (line) => lines.push(line),
    });
  });

  afterAll(async () => {
    await mock?.close();
    await Promise.all([good.close(), flaky.close(), otherSecret.close()]);
  });

  it('create a session, trigger verified: the endpoint verifies both deliveries with the package and narrows the event', async () => {
    expect(secret).toMatch(/^whsec_[0-9a-f]{32}$/);
    const created = mock.onChange({ kind: 'created', apiKey: KEY, object: session(), operationId: 'PostIdentityVerificationSessions', requestId: 'req_1', idempotencyKey: 'k1' });
    expect(created?.type).toBe('identity.verification_session.created');
    expect(created?.request).toEqual({ id: 'req_1', idempotency_key: 'k1' });
    // Deliveries of separate events may land in any order, as Stripe's do; the test takes one at a time.
    await mock.idle();
    const plan = mock.triggers.plan('identity.verification_session.verified', session());
    expect(plan.previousAttributes).toEqual({ status: 'requires_input' });
    const verified = mock.onChange({ kind: 'updated', apiKey: KEY, object: plan.object, previousAttributes: plan.previousAttributes, operationId: 'trigger' });
    expect(verified).toMatchObject({ object: 'event', type: 'identity.verification_session.verified', livemode: false, api_version: '2023-08-16' });
    expect(verified!.id).toMatch(/^evt_[0-9A-Za-z]{24}$/);
    await mock.idle();

    expect(good.received.map((e) => e.type)).toEqual(['identity.verification_session.created', 'identity.verification_session.verified']);
    expect(good.verifiedStatus).toEqual(['requires_input→verified']);
    expect(good.received[1]).toEqual(JSON.parse(JSON.stringify({ ...verified, pending_webhooks: 4 })));
  });

  it('retries a failing endpoint with doubling waits, and gives up after the bound; every attempt is logged', async () => {
    const id = mock.events.list(KEY, { limit: 1 }).data[0]!.id;
    const attempts = mock.deliveries(id);
    const byUrl = (url: string) => attempts.filter((a) => a.url === url).map((a) => [a.attempt, a.status ?? a.error, a.delivered, a.retryInMs]);
    expect(byUrl(goodUrl)).toEqual([[1, 200, true, undefined]]);
    expect(byUrl(flakyUrl)).toEqual([[1, 500, false, 10], [2, 500, false, 20], [3, 200, true, undefined]]);
    // A wrong secret at the endpoint: its handler answers 400, as a real one would.
    expect(byUrl(otherUrl)).toEqual([[1, 400, false, 10], [2, 400, false, 20], [3, 400, false, undefined]]);
    expect(byUrl(dead)).toEqual([[1, 'ECONNREFUSED', false, 10], [2, 'ECONNREFUSED', false, 20], [3, 'ECONNREFUSED', false, undefined]]);
    expect(otherSecret.received).toEqual([]);
    expect(flaky.received.map((e) => e.id)).toEqual(good.received.map((e) => e.id));
    expect(lines).toContain(`webhook ${id} identity.verification_session.verified → ${dead}: attempt 3, ECONNREFUSED, gave up`);
    expect(lines).toContain(`webhook ${id} identity.verification_session.verified → ${flakyUrl}: attempt 1, HTTP 500, retry in 10 ms`);
    // Two of four endpoints took it.
    expect(mock.events.retrieve(KEY, id)!.pending_webhooks).toBe(2);
    expect(mock.handle({ method: 'GET', pathname: '/__mock/webhook_deliveries', query: new URLSearchParams({ event: id }), apiKey: KEY })!.body).toEqual({ object: 'list', data: attempts });
  });

  it('GET /v1/events lists newest first, per API key, with limit, cursors and type filters; GET /v1/events/{id} retrieves', () => {
    const get = (pathname: string, query: Record<string, string> = {}, apiKey = KEY) => mock.handle({ method: 'GET', pathname, query: new URLSearchParams(query), apiKey });
    const all = get('/v1/events')!;
    expect(all.status).toBe(200);
    const list = all.body as { object: string; data: { id: string; type: string }[]; has_more: boolean; url: string };
    expect(list).toMatchObject({ object: 'list', url: '/v1/events', has_more: false });
    expect(list.data.map((e) => e.type)).toEqual(['identity.verification_session.verified', 'identity.verification_session.created']);
    const [newest, oldest] = list.data;
    expect(get('/v1/events', { limit: '1' })!.body).toMatchObject({ has_more: true, data: [{ id: newest!.id }] });
    expect(get('/v1/events', { limit: '1', starting_after: newest!.id })!.body).toMatchObject({ has_more: false, data: [{ id: oldest!.id }] });
    expect(get('/v1/events', { ending_before: oldest!.id })!.body).toMatchObject({ data: [{ id: newest!.id }] });
    expect(get('/v1/events', { type: 'identity.verification_session.created' })!.body).toMatchObject({ data: [{ id: oldest!.id }] });
    expect((get('/v1/events', { type: 'identity.*' })!.body as { data: unknown[] }).data).toHaveLength(2);
    expect(get(`/v1/events/${oldest!.id}`)!.body).toMatchObject({ id: oldest!.id, type: 'identity.verification_session.created' });
    expect(get(`/v1/events/${oldest!.id}`, {}, 'sk_test_other_account')).toMatchObject({ status: 404, body: { error: { code: 'resource_missing', param: 'id' } } });
    expect((get('/v1/events', {}, 'sk_test_other_account')!.body as { data: unknown[] }).data).toEqual([]);
    expect(get('/v1/events', { limit: '0' })).toMatchObject({ status: 400, body: { error: { type: 'invalid_request_error', param: 'limit' } } });
    expect(get('/v1/events', { limit: 'ten' })).toMatchObject({ status: 400, body: { error: { param: 'limit' } } });
    expect(get('/v1/customers')).toBeUndefined();
    expect(mock.handle({ method: 'POST', pathname: '/v1/events', query: new URLSearchParams(), apiKey: KEY })).toBeUndefined();
  });

  it('POST /__mock/trigger moves a stored object to the state and the store reports the change', async () => {
    const objects = new Map<string, Record<string, unknown>>([['vs_2', session({ id: 'vs_2', status: 'processing' })]]);
    const store: TriggerStore = {
      get: (_key, id) => objects.get(id),
      update: (apiKey, id, object, previousAttributes, operationId) => {
        objects.set(id, object);
        mock.onChange({ kind: 'updated', apiKey, object, previousAttributes, operationId });
      },
    };
    const trigger = (body: Record<string, unknown>) => mock.handle({ method: 'POST', pathname: '/__mock/trigger', query: new URLSearchParams(), apiKey: KEY, body }, store)!;
    const answer = trigger({ type: 'identity.verification_session.requires_input', id: 'vs_2' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ object: { id: 'vs_2', status: 'requires_input', last_error: { code: 'document_unverified_other' } }, event: { type: 'identity.verification_session.requires_input', data: { previous_attributes: { status: 'processing', last_error: null } } } });
    await mock.idle();
    expect(trigger({ type: 'identity.verification_session.redacted', id: 'vs_2' }).body).toMatchObject({ object: { redaction: { status: 'redacted' } }, event: { type: 'identity.verification_session.redacted' } });
    expect(trigger({ type: 'payment_intent.succeeded', id: 'vs_2' })).toMatchObject({ status: 400, body: { error: { message: "'payment_intent.succeeded' is about payment_intent, and 'vs_2' is a identity.verification_session" } } });
    expect(trigger({ type: 'identity.verification_session.created', id: 'vs_2' })).toMatchObject({ status: 400, body: { error: { param: 'type' } } });
    expect(trigger({ type: 'no.such.type', id: 'vs_2' })).toMatchObject({ status: 400, body: { error: { message: "'no.such.type' is not an event type of this spec" } } });
    expect(trigger({ type: 'identity.verification_session.verified', id: 'vs_404' })).toMatchObject({ status: 404 });
    expect(trigger({ id: 'vs_2' })).toMatchObject({ status: 400, body: { error: { param: 'type' } } });
    await mock.idle();
    expect(good.received.map((e) => e.type).slice(-2)).toEqual(['identity.verification_session.requires_input', 'identity.verification_session.redacted']);
  });
});

describe('which event a change sends', () => {
  let mock: MockWebhooks;
  beforeAll(async () => {
    mock = new MockWebhooks({ model: await mockModel(), endpoints: [] });
  });
  const change = (kind: StoreChange['kind'], object: Record<string, unknown>, previousAttributes?: Record<string, unknown>): StoreChange => ({ kind, apiKey: KEY, object, previousAttributes, operationId: 'x' });

  it('is chosen from the spec list: created, updated, deleted, state changes, redactions; none when the spec has none', () => {
    const typeOf = (c: StoreChange) => mock.types.forChange(c);
    expect(typeOf(change('created', { object: 'customer' }))).toBe('customer.created');
    expect(typeOf(change('updated', { object: 'customer', email: 'b@x' }, { email: 'a@x' }))).toBe('customer.updated');
    expect(typeOf(change('deleted', { object: 'customer', deleted: true }))).toBe('customer.deleted');
    expect(typeOf(change('created', { object: 'subscription' }))).toBe('customer.subscription.created');
    expect(typeOf(change('updated', { object: 'payment_intent', status: 'succeeded' }, { status: 'processing' }))).toBe('payment_intent.succeeded');
    expect(typeOf(change('updated', { object: 'payment_intent', amount: 5 }, { amount: 4 }))).toBeUndefined();
    expect(typeOf(change('updated', { object: 'identity.verification_session', status: 'canceled' }, { status: 'requires_input' }))).toBe('identity.verification_session.canceled');
    expect(typeOf(change('updated', { object: 'identity.verification_session', metadata: { a: '1' } }, { metadata: {} }))).toBeUndefined();
    expect(typeOf(change('updated', { object: 'identity.verification_session', redaction: { status: 'redacted' } }, { redaction: null }))).toBe('identity.verification_session.redacted');
    expect(typeOf(change('created', { object: 'identity.verification_report' }))).toBeUndefined();
    // Redacting a session that waits for input cancels it too: both events, the state's first.
    const both = change('updated', { object: 'identity.verification_session', status: 'canceled', redaction: { status: 'redacted' } }, { status: 'requires_input', redaction: null });
    expect(mock.types.allForChange(both)).toEqual(['identity.verification_session.canceled', 'identity.verification_session.redacted']);
    expect(mock.types.allForChange(change('updated', { object: 'customer', email: 'b@x' }, { email: 'a@x' }))).toEqual(['customer.updated']);
    expect(mock.types.allForChange(change('updated', { object: 'payment_intent', amount: 5 }, { amount: 4 }))).toEqual([]);
    expect(mock.onChange(change('created', { object: 'identity.verification_report' }))).toBeUndefined();
    expect(mock.events.list(KEY).data).toEqual([]);
  });

  it('refuses a secret or endpoint that cannot be used, in one line', async () => {
    const api = await mockModel();
    expect(() => new MockWebhooks({ model: api, endpoints: [], secret: 'sk_test_x' })).toThrow('--webhook-secret must start with whsec_');
    expect(() => new MockWebhooks({ model: api, endpoints: ['ftp://x'] })).toThrow("--webhook must be an http(s) URL, not 'ftp://x'");
  });
});

describe('the CLI pieces: flags, the secret line, and `mock trigger` over HTTP', () => {
  it('--webhook repeats, --webhook-secret is taken, and the secret is printed', async () => {
    const command = addWebhookOptions(new Command('mock').exitOverride()).action(() => {});
    command.parse(['--webhook', 'http://127.0.0.1:1/a', '--webhook', 'http://127.0.0.1:1/b', '--webhook-secret', 'whsec_given'], { from: 'user' });
    const flags = command.opts<WebhookFlags>();
    expect(flags).toEqual({ webhook: ['http://127.0.0.1:1/a', 'http://127.0.0.1:1/b'], webhookSecret: 'whsec_given' });
    const lines: string[] = [];
    const webhooks = startMockWebhooks(await mockModel(), flags, (line) => lines.push(line));
    expect(webhooks.secret).toBe('whsec_given');
    expect(lines).toEqual(['webhooks: signing secret whsec_given; delivers to http://127.0.0.1:1/a, http://127.0.0.1:1/b']);
    await webhooks.close();
  });

  it('triggers on a running server that mounts the routes, and names a mock that does not answer', async () => {
    const webhooks = new MockWebhooks({ model: await mockModel(), endpoints: [] });
    const objects = new Map<string, Record<string, unknown>>([['vs_3', session({ id: 'vs_3' })]]);
    const store: TriggerStore = {
      get: (_key, id) => objects.get(id),
      update: (apiKey, id, object, previousAttributes, operationId) => {
        objects.set(id, object);
        webhooks.onChange({ kind: 'updated', apiKey, object, previousAttributes, operationId });
      },
    };
    // How the mock server mounts the routes: before its spec routes, with the key and the decoded body.
    const server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        const url = new URL(req.url!, 'http://127.0.0.1');
        const apiKey = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        const answer = webhooks.handle({ method: req.method!, pathname: url.pathname, query: url.searchParams, apiKey, body: Object.fromEntries(new URLSearchParams(text)) }, store);
        res.writeHead(answer?.status ?? 404, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer?.body ?? {}));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const result = await triggerOnRunningMock({ baseUrl, type: 'identity.verification_session.verified', id: 'vs_3', apiKey: KEY });
      expect(result).toMatchObject({ object: { id: 'vs_3', status: 'verified' }, event: { type: 'identity.verification_session.verified' } });
      const listed = (await (await fetch(`${baseUrl}/v1/events?limit=5`, { headers: { Authorization: `Bearer ${KEY}` } })).json()) as { data: { type: string }[] };
      expect(listed.data.map((e) => e.type)).toEqual(['identity.verification_session.verified']);
      await expect(triggerOnRunningMock({ baseUrl, type: 'identity.verification_session.verified', id: 'vs_nope', apiKey: KEY })).rejects.toThrow("the mock refused the trigger: No such object: 'vs_nope'");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const gone = await deadUrl();
    const error = await triggerOnRunningMock({ baseUrl: gone, type: 'x', id: 'y', apiKey: KEY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkgenError);
    expect((error as Error).message).toBe(`no mock answers at ${gone}: ECONNREFUSED`);
  });
});
