import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../generator/servers/listen.js';
import { FaultInjector, seededRandom } from '../../generator/servers/mock/faults.js';
import { createMock, type MockServer } from '../../generator/servers/mock/mock-server.js';
import { sdkgen, spec, tempDir } from '../support/project.js';

// The client a user would generate for these resources, driving the real mock over HTTP.
const RESOURCES = 'customers,payment_intents,identity.verification_sessions';

// The package is generated at run time, so its types are not known to this file.
let stripe: any;
let createClient: (config: Record<string, unknown>) => any;
let mock: MockServer;
let faulty: MockServer;
let base: string;
let faultyBase: string;

beforeAll(async () => {
  const out = tempDir('mock-client');
  const generated = sdkgen(['generate', '--out', out, '--resources', RESOURCES], { env: { SDKGEN_CACHE_DIR: tempDir('mock-client-cache') } });
  expect(generated.status, generated.stderr).toBe(0);
  ({ createClient } = (await import(pathToFileURL(path.join(out, 'src/index.ts')).href)) as { createClient: typeof createClient });
  const loaded = await spec();
  mock = createMock({ document: loaded.document, specSha256: loaded.sha256 });
  base = await listen(mock, '127.0.0.1', 0);
  faulty = createMock({
    document: loaded.document,
    specSha256: loaded.sha256,
    faults: new FaultInjector({ rate: 0.3, kinds: ['500', '409', 'reset'] }, seededRandom(7)),
  });
  faultyBase = await listen(faulty, '127.0.0.1', 0);
  stripe = createClient({ apiKey: 'sk_test_generated_client', baseUrl: base, maxNetworkRetries: 0 });
}, 120_000);

afterAll(async () => {
  await Promise.all([mock, faulty].map((s) => s && new Promise<void>((resolve) => s.close(() => resolve()))));
});

describe('the generated client against sdkgen mock', () => {
  it('Customers: create, paginate every page, expand, update, delete, and idempotent replays', async () => {
    const created: string[] = [];
    for (let i = 0; i < 23; i++) created.push((await stripe.customers.create({ email: `c${i}@example.com`, metadata: { n: String(i) } })).id);
    const firstPage = await stripe.customers.list({ limit: 5 });
    expect(firstPage.data).toHaveLength(5);
    expect(firstPage.has_more).toBe(true);
    const walked: string[] = [];
    for await (const customer of stripe.customers.list({ limit: 5 })) walked.push(customer.id);
    expect(walked).toEqual([...created].reverse());
    expect((await stripe.customers.list({ limit: 100 }).autoPagingToArray({ limit: 1000 })).map((c: any) => c.id)).toEqual(walked);

    const id = created[0]!;
    const updated = await stripe.customers.update(id, { name: 'First', metadata: { n: '', vip: 'yes' } });
    expect(updated).toMatchObject({ id, name: 'First', metadata: { vip: 'yes' } });
    expect((await stripe.customers.retrieve(id)).metadata).toEqual({ vip: 'yes' });

    const again = await stripe.customers.create({ email: 'once@example.com' }, { idempotencyKey: 'generated-once' });
    const replayed = await stripe.customers.create({ email: 'once@example.com' }, { idempotencyKey: 'generated-once' });
    expect(replayed.id).toBe(again.id);
    await expect(stripe.customers.create({ email: 'twice@example.com' }, { idempotencyKey: 'generated-once' })).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      statusCode: 400,
    });

    expect(await stripe.customers.del(id)).toEqual({ id, object: 'customer', deleted: true });
    await expect(stripe.customers.retrieve(id)).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing', param: 'id' });
  });

  it('PaymentIntents: lifecycle, expand of the customer, filters and Stripe\'s state errors', async () => {
    const customer = await stripe.customers.create({ name: 'Payer' });
    const intent = await stripe.paymentIntents.create({ amount: 4200, currency: 'usd', customer: customer.id, expand: ['customer'] });
    expect(intent.status).toBe('requires_payment_method');
    expect(intent.customer).toEqual(customer);
    const ready = await stripe.paymentIntents.update(intent.id, { payment_method: 'pm_card_visa' });
    expect(ready.payment_method).toBe('pm_card_visa');
    expect((await stripe.paymentIntents.confirm(intent.id)).status).toBe('succeeded');
    await expect(stripe.paymentIntents.cancel(intent.id)).rejects.toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });

    const held = await stripe.paymentIntents.create({ amount: 900, currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa', customer: customer.id, confirm: true });
    expect(held.status).toBe('requires_capture');
    expect((await stripe.paymentIntents.capture(held.id, { amount_to_capture: 600 })).amount_received).toBe(600);

    const mine = await stripe.paymentIntents.list({ customer: customer.id, expand: ['data.customer'] });
    expect(mine.data.map((p: any) => p.id)).toEqual([held.id, intent.id]);
    expect(mine.data[0].customer.id).toBe(customer.id);
  });

  it('VerificationSessions: requires_input, canceled, redacted; listed by status', async () => {
    const session = await stripe.identity.verificationSessions.create({ type: 'document', metadata: { user: '42' } });
    expect(session).toMatchObject({ status: 'requires_input', type: 'document', metadata: { user: '42' } });
    expect((await stripe.identity.verificationSessions.retrieve(session.id)).id).toBe(session.id);
    expect((await stripe.identity.verificationSessions.cancel(session.id)).status).toBe('canceled');
    await expect(stripe.identity.verificationSessions.cancel(session.id)).rejects.toMatchObject({ statusCode: 400 });
    expect((await stripe.identity.verificationSessions.redact(session.id)).redaction).toEqual({ status: 'redacted' });
    const open = await stripe.identity.verificationSessions.create({ type: 'id_number' });
    const canceled = await stripe.identity.verificationSessions.list({ status: 'canceled' });
    expect(canceled.data.map((s: any) => s.id)).toEqual([session.id]);
    expect((await stripe.identity.verificationSessions.list()).data.map((s: any) => s.id)).toEqual([open.id, session.id]);
  });

  it('the client\'s retries ride out injected 500s, 409 lock timeouts and dropped connections', async () => {
    const retrying = createClient({ apiKey: 'sk_test_faults', baseUrl: faultyBase, maxNetworkRetries: 12, initialRetryDelay: 1, maxRetryDelay: 4 });
    const retried: number[] = [];
    const hooked = createClient({
      apiKey: 'sk_test_faults',
      baseUrl: faultyBase,
      maxNetworkRetries: 12,
      initialRetryDelay: 1,
      maxRetryDelay: 4,
      hooks: { onRetry: (event: { attempt?: number }) => retried.push(event.attempt ?? 1) },
    });
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await hooked.customers.create({ name: `r${i}` })).id);
    expect(ids.size).toBe(20);
    expect(retried.length).toBeGreaterThan(0);
    const all = await retrying.customers.list({ limit: 100 });
    expect(all.data).toHaveLength(20);
    // Without retries the same faults reach the caller, with Stripe-Should-Retry set as Stripe sets it.
    const bare = createClient({ apiKey: 'sk_test_faults', baseUrl: faultyBase, maxNetworkRetries: 0 });
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, () => bare.customers.list({ limit: 1 })));
    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures.filter((f) => f.statusCode)) expect(failure.headers['stripe-should-retry']).toBe('true');
  });

  it('an injected 429 rate limit is not retried, by the client as by stripe-node: one request, one StripeRateLimitError', async () => {
    const loaded = await spec();
    let requests = 0;
    const limited = createMock({
      document: loaded.document,
      specSha256: loaded.sha256,
      faults: new FaultInjector({ rate: 1, kinds: ['429'] }, seededRandom(1)),
      onRequest: () => requests++,
    });
    const url = new URL(await listen(limited, '127.0.0.1', 0));
    try {
      const retried: unknown[] = [];
      const client = createClient({ apiKey: 'sk_test_limited', baseUrl: url.origin, maxNetworkRetries: 5, initialRetryDelay: 1, maxRetryDelay: 4, hooks: { onRetry: (event: unknown) => retried.push(event) } });
      const failure = await client.customers.create({ name: 'Limited' }).catch((error: any) => error);
      expect(failure).toMatchObject({ name: 'StripeRateLimitError', statusCode: 429, code: 'rate_limit' });
      expect(failure.headers['stripe-should-retry']).toBe('false');
      expect(retried).toEqual([]);
      expect(requests).toBe(1);

      const oracle = new Stripe('sk_test_limited', { apiVersion: '2023-08-16', host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 5 });
      const oracleFailure = await oracle.customers.create({ name: 'Limited' }).catch((error: any) => error);
      expect(oracleFailure).toMatchObject({ type: 'StripeRateLimitError', statusCode: 429, code: 'rate_limit' });
      expect(requests).toBe(2);
    } finally {
      await new Promise<void>((resolve) => limited.close(() => resolve()));
    }
  });
});
