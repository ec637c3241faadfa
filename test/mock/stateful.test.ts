import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../generator/servers/listen.js';
import { FaultInjector, parseFaults, seededRandom } from '../../generator/servers/mock/faults.js';
import { createMock, type MockServer } from '../../generator/servers/mock/mock-server.js';
import { MockStore, REPLAY_TTL_SECONDS, type StoreChange } from '../../generator/servers/mock/object-store.js';
import { spec } from '../support/project.js';

let server: MockServer;
let base: string;
const changes: StoreChange[] = [];

beforeAll(async () => {
  const loaded = await spec();
  server = createMock({ document: loaded.document, specSha256: loaded.sha256 });
  server.store.onChange((change) => changes.push(change));
  base = await listen(server, '127.0.0.1', 0);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let keyCounter = 0;
/** A fresh API key per test: each key has its own objects. */
const freshKey = () => `sk_test_state_${++keyCounter}_${Date.now()}`;

async function call(key: string, method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    body,
    headers: { Authorization: `Bearer ${key}`, ...(body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...headers },
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, any> };
}

describe('the store: create, retrieve, update, delete', () => {
  it('retrieves what was created, merges updates as Stripe does, and 404s after a delete', async () => {
    const key = freshKey();
    const before = Math.floor(Date.now() / 1000);
    const created = await call(key, 'POST', '/v1/customers', 'email=jenny@example.com&name=Jenny&address[city]=Paris&address[country]=FR&metadata[order]=6735&metadata[tier]=gold');
    expect(created.status).toBe(200);
    const customer = created.json;
    expect(customer).toMatchObject({ object: 'customer', email: 'jenny@example.com', name: 'Jenny', livemode: false, address: { city: 'Paris', country: 'FR' }, metadata: { order: '6735', tier: 'gold' } });
    expect(customer.id).toMatch(/^cus_[A-Za-z0-9]{24}$/);
    expect(customer.created).toBeGreaterThanOrEqual(before);
    expect((await call(key, 'GET', `/v1/customers/${customer.id}`)).json).toEqual(customer);

    const updated = await call(key, 'POST', `/v1/customers/${customer.id}`, 'address=&metadata[tier]=&metadata[note]=vip&phone=%2B15550100');
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ id: customer.id, email: 'jenny@example.com', address: null, phone: '+15550100', metadata: { order: '6735', note: 'vip' } });
    expect(updated.json.metadata).not.toHaveProperty('tier');
    expect((await call(key, 'GET', `/v1/customers/${customer.id}`)).json).toEqual(updated.json);
    expect((await call(key, 'POST', `/v1/customers/${customer.id}`, 'metadata=')).json.metadata).toEqual({});

    const deleted = await call(key, 'DELETE', `/v1/customers/${customer.id}`);
    expect(deleted).toMatchObject({ status: 200, json: { id: customer.id, object: 'customer', deleted: true } });
    const gone = await call(key, 'GET', `/v1/customers/${customer.id}`);
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({ error: { type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: `No such customer: '${customer.id}'` } });
    expect((await call(key, 'POST', `/v1/customers/${customer.id}`, 'name=x')).status).toBe(404);
    expect((await call(key, 'DELETE', `/v1/customers/${customer.id}`)).status).toBe(404);
  });

  it('answers unknown ids with 404 resource_missing, and an id of another type as missing too', async () => {
    const key = freshKey();
    expect((await call(key, 'GET', '/v1/customers/cus_x')).json).toEqual({
      error: { type: 'invalid_request_error', code: 'resource_missing', message: "No such customer: 'cus_x'", param: 'id' },
    });
    const session = (await call(key, 'POST', '/v1/identity/verification_sessions', 'type=document')).json;
    expect((await call(key, 'GET', `/v1/payment_intents/${session.id}`)).status).toBe(404);
  });

  it('keeps nested collections under their parent', async () => {
    const key = freshKey();
    const alice = (await call(key, 'POST', '/v1/customers', 'name=Alice')).json;
    const bob = (await call(key, 'POST', '/v1/customers', 'name=Bob')).json;
    const txn = await call(key, 'POST', `/v1/customers/${alice.id}/balance_transactions`, 'amount=-500&currency=usd&description=credit');
    expect(txn.status).toBe(200);
    expect(txn.json).toMatchObject({ object: 'customer_balance_transaction', amount: -500, currency: 'usd', customer: alice.id });
    expect(txn.json.id).toMatch(/^cbtxn_/);
    expect((await call(key, 'GET', `/v1/customers/${alice.id}/balance_transactions/${txn.json.id}`)).json.id).toBe(txn.json.id);
    expect((await call(key, 'GET', `/v1/customers/${bob.id}/balance_transactions/${txn.json.id}`)).status).toBe(404);
    expect((await call(key, 'GET', `/v1/customers/${alice.id}/balance_transactions`)).json.data.map((t: any) => t.id)).toEqual([txn.json.id]);
    expect((await call(key, 'GET', `/v1/customers/${bob.id}/balance_transactions`)).json.data).toEqual([]);
    const orphan = await call(key, 'POST', '/v1/customers/cus_missing/balance_transactions', 'amount=1&currency=usd');
    expect(orphan.status).toBe(404);
    expect(orphan.json.error).toMatchObject({ code: 'resource_missing', param: 'customer', message: "No such customer: 'cus_missing'" });

    const transfer = (await call(key, 'POST', '/v1/transfers', 'amount=1000&currency=usd&destination=acct_1')).json;
    const reversal = await call(key, 'POST', `/v1/transfers/${transfer.id}/reversals`, 'amount=100');
    expect(reversal.json).toMatchObject({ object: 'transfer_reversal', amount: 100, transfer: transfer.id });
    expect((await call(key, 'GET', `/v1/transfers/${transfer.id}/reversals/${reversal.json.id}`)).status).toBe(200);
  });

  it('tells listeners what changed', async () => {
    const key = freshKey();
    changes.length = 0;
    const customer = (await call(key, 'POST', '/v1/customers', 'name=Ann&metadata[a]=1')).json;
    await call(key, 'POST', `/v1/customers/${customer.id}`, 'name=Anne');
    await call(key, 'DELETE', `/v1/customers/${customer.id}`);
    expect(changes.map((c) => [c.kind, c.apiKey, c.object.id, c.operationId])).toEqual([
      ['created', key, customer.id, 'PostCustomers'],
      ['updated', key, customer.id, 'PostCustomersCustomer'],
      ['deleted', key, customer.id, 'DeleteCustomersCustomer'],
    ]);
    expect(changes[1]!.previousAttributes).toEqual({ name: 'Ann' });
    expect(changes[1]!.object.name).toBe('Anne');
  });
});

describe('lists and search', () => {
  it('pages newest first with limit, starting_after, ending_before and has_more', async () => {
    const key = freshKey();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await call(key, 'POST', '/v1/customers', `name=c${i}`)).json.id);
    const newest = [...ids].reverse();
    const first = await call(key, 'GET', '/v1/customers?limit=3');
    expect(first.json).toMatchObject({ object: 'list', has_more: true, url: '/v1/customers' });
    expect(first.json.data.map((c: any) => c.id)).toEqual(newest.slice(0, 3));
    const second = await call(key, 'GET', `/v1/customers?limit=3&starting_after=${newest[2]}`);
    expect(second.json.data.map((c: any) => c.id)).toEqual(newest.slice(3, 6));
    const last = await call(key, 'GET', `/v1/customers?limit=3&starting_after=${newest[5]}`);
    expect(last.json).toMatchObject({ has_more: false });
    expect(last.json.data.map((c: any) => c.id)).toEqual(newest.slice(6));
    const back = await call(key, 'GET', `/v1/customers?limit=2&ending_before=${newest[4]}`);
    expect(back.json.data.map((c: any) => c.id)).toEqual(newest.slice(2, 4));
    expect(back.json.has_more).toBe(true);
    expect((await call(key, 'GET', '/v1/customers')).json.data).toHaveLength(7);
  });

  it('refuses a limit outside 1–100 and an unknown cursor as Stripe does', async () => {
    const key = freshKey();
    for (const limit of ['0', '101']) {
      const { status, json } = await call(key, 'GET', `/v1/customers?limit=${limit}`);
      expect(status).toBe(400);
      expect(json.error).toMatchObject({ type: 'invalid_request_error', param: 'limit' });
    }
    const cursor = await call(key, 'GET', '/v1/customers?starting_after=cus_nope');
    expect(cursor.status).toBe(404);
    expect(cursor.json.error).toMatchObject({ code: 'resource_missing', param: 'starting_after' });
  });

  it('filters by created range and by the fields the list declares', async () => {
    const key = freshKey();
    const a = (await call(key, 'POST', '/v1/customers', 'name=A')).json;
    const b = (await call(key, 'POST', '/v1/customers', 'name=B')).json;
    const pi = (await call(key, 'POST', '/v1/payment_intents', `amount=100&currency=usd&customer=${a.id}`)).json;
    await call(key, 'POST', '/v1/payment_intents', `amount=200&currency=usd&customer=${b.id}`);
    const forA = await call(key, 'GET', `/v1/payment_intents?customer=${a.id}`);
    expect(forA.json.data.map((p: any) => p.id)).toEqual([pi.id]);
    expect((await call(key, 'GET', `/v1/customers?created[gte]=${a.created}`)).json.data).toHaveLength(2);
    expect((await call(key, 'GET', `/v1/customers?created[lt]=${a.created}`)).json.data).toHaveLength(0);
    expect((await call(key, 'GET', `/v1/customers?created[gt]=${b.created + 1000}`)).json.data).toHaveLength(0);
    const vs = (await call(key, 'POST', '/v1/identity/verification_sessions', 'type=document')).json;
    await call(key, 'POST', `/v1/identity/verification_sessions/${vs.id}/cancel`);
    await call(key, 'POST', '/v1/identity/verification_sessions', 'type=id_number');
    const canceled = await call(key, 'GET', '/v1/identity/verification_sessions?status=canceled');
    expect(canceled.json.data.map((s: any) => s.id)).toEqual([vs.id]);
  });

  it('searches with Stripe\'s query language and pages with next_page', async () => {
    const key = freshKey();
    await call(key, 'POST', '/v1/customers', 'email=a@example.com&metadata[plan]=pro');
    const two = (await call(key, 'POST', '/v1/customers', 'email=b@example.com&metadata[plan]=pro')).json;
    await call(key, 'POST', '/v1/customers', 'email=c@example.com&metadata[plan]=free');
    const pro = await call(key, 'GET', `/v1/customers/search?query=${encodeURIComponent("metadata['plan']:'pro'")}&limit=1`);
    expect(pro.json).toMatchObject({ object: 'search_result', has_more: true, url: '/v1/customers/search' });
    expect(pro.json.data.map((c: any) => c.id)).toEqual([two.id]);
    const next = await call(key, 'GET', `/v1/customers/search?query=${encodeURIComponent("metadata['plan']:'pro'")}&limit=1&page=${pro.json.next_page}`);
    expect(next.json).toMatchObject({ has_more: false, next_page: null });
    expect(next.json.data[0].email).toBe('a@example.com');
    const byEmail = await call(key, 'GET', `/v1/customers/search?query=${encodeURIComponent("email:'c@example.com'")}`);
    expect(byEmail.json.data.map((c: any) => c.email)).toEqual(['c@example.com']);
    expect((await call(key, 'GET', `/v1/customers/search?query=${encodeURIComponent('what is this')}`)).status).toBe(400);
  });
});

describe('expand', () => {
  it('replaces an id with the stored object, on objects and under data. on lists', async () => {
    const key = freshKey();
    const customer = (await call(key, 'POST', '/v1/customers', 'name=Exp')).json;
    const pi = (await call(key, 'POST', '/v1/payment_intents', `amount=500&currency=eur&customer=${customer.id}&expand[0]=customer`)).json;
    expect(pi.customer).toEqual(customer);
    const retrieved = (await call(key, 'GET', `/v1/payment_intents/${pi.id}`)).json;
    expect(retrieved.customer).toBe(customer.id);
    expect((await call(key, 'GET', `/v1/payment_intents/${pi.id}?expand[]=customer`)).json.customer).toEqual(customer);
    const list = await call(key, 'GET', `/v1/payment_intents?expand[]=data.customer`);
    expect(list.json.data[0].customer).toEqual(customer);
  });

  it('refuses paths the spec does not mark expandable', async () => {
    const key = freshKey();
    const customer = (await call(key, 'POST', '/v1/customers', 'name=Exp')).json;
    for (const path of [`/v1/customers/${customer.id}?expand[]=name`, '/v1/customers?expand[]=default_source', `/v1/customers/${customer.id}?expand[]=nothing_here`]) {
      const { status, json } = await call(key, 'GET', path);
      expect(status, path).toBe(400);
      expect(json.error).toMatchObject({ type: 'invalid_request_error', param: 'expand', message: expect.stringMatching(/^This property cannot be expanded/) });
    }
    expect((await call(key, 'GET', '/v1/customers?expand[]=data.default_source')).status).toBe(200);
  });
});

describe('lifecycles', () => {
  it('a VerificationSession: requires_input, then canceled; redact sets redaction.status', async () => {
    const key = freshKey();
    const vs = (await call(key, 'POST', '/v1/identity/verification_sessions', 'type=document')).json;
    expect(vs.status).toBe('requires_input');
    expect(vs.url).toMatch(/^https:\/\/verify\.stripe\.com\//);
    const canceled = await call(key, 'POST', `/v1/identity/verification_sessions/${vs.id}/cancel`);
    expect(canceled.json.status).toBe('canceled');
    expect((await call(key, 'GET', `/v1/identity/verification_sessions/${vs.id}`)).json.status).toBe('canceled');
    expect((await call(key, 'POST', `/v1/identity/verification_sessions/${vs.id}/cancel`)).status).toBe(400);
    const redacted = await call(key, 'POST', `/v1/identity/verification_sessions/${vs.id}/redact`);
    expect(redacted.json.redaction).toEqual({ status: 'redacted' });
  });

  it('a PaymentIntent: requires_payment_method → requires_confirmation → succeeded, or requires_capture → succeeded', async () => {
    const key = freshKey();
    const pi = (await call(key, 'POST', '/v1/payment_intents', 'amount=2000&currency=usd')).json;
    expect(pi).toMatchObject({ status: 'requires_payment_method', amount: 2000, currency: 'usd', capture_method: 'automatic' });
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
    const missing = await call(key, 'POST', `/v1/payment_intents/${pi.id}/confirm`);
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe('payment_intent_unexpected_state');
    const attached = await call(key, 'POST', `/v1/payment_intents/${pi.id}`, 'payment_method=pm_card_visa');
    expect(attached.json.payment_method).toBe('pm_card_visa');
    const confirmed = (await call(key, 'POST', `/v1/payment_intents/${pi.id}/confirm`)).json;
    expect(confirmed).toMatchObject({ status: 'succeeded', amount_received: 2000 });
    const late = await call(key, 'POST', `/v1/payment_intents/${pi.id}/cancel`);
    expect(late.status).toBe(400);
    expect(late.json.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'payment_intent_unexpected_state',
      message: expect.stringContaining('because it has a status of succeeded'),
      payment_intent: { id: pi.id, status: 'succeeded' },
    });

    const manual = (await call(key, 'POST', '/v1/payment_intents', 'amount=700&currency=usd&capture_method=manual&payment_method=pm_card_visa')).json;
    expect(manual.status).toBe('requires_confirmation');
    expect((await call(key, 'POST', `/v1/payment_intents/${manual.id}/capture`)).status).toBe(400);
    expect((await call(key, 'POST', `/v1/payment_intents/${manual.id}/confirm`)).json).toMatchObject({ status: 'requires_capture', amount_capturable: 700 });
    expect((await call(key, 'POST', `/v1/payment_intents/${manual.id}/capture`, 'amount_to_capture=500')).json).toMatchObject({ status: 'succeeded', amount_received: 500 });

    const dropped = (await call(key, 'POST', '/v1/payment_intents', 'amount=100&currency=usd')).json;
    const canceled = (await call(key, 'POST', `/v1/payment_intents/${dropped.id}/cancel`, 'cancellation_reason=abandoned')).json;
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect(canceled.canceled_at).toBeGreaterThan(0);
    const direct = (await call(key, 'POST', '/v1/payment_intents', 'amount=100&currency=usd&payment_method=pm_card_visa&confirm=true')).json;
    expect(direct.status).toBe('succeeded');
  });

  it('Stripe\'s test payment methods exist, and attach to and detach from a customer', async () => {
    const key = freshKey();
    const visa = await call(key, 'GET', '/v1/payment_methods/pm_card_visa');
    expect(visa.status).toBe(200);
    expect(visa.json).toMatchObject({ id: 'pm_card_visa', object: 'payment_method', type: 'card', customer: null, card: { brand: 'visa', last4: '4242' } });
    const customer = (await call(key, 'POST', '/v1/customers', 'name=Card+holder')).json;
    expect((await call(key, 'POST', '/v1/payment_methods/pm_card_mastercard/attach', `customer=${customer.id}`)).json).toMatchObject({ customer: customer.id, card: { brand: 'mastercard' } });
    const mine = await call(key, 'GET', `/v1/payment_methods?customer=${customer.id}&type=card`);
    expect(mine.json.data.map((p: any) => p.id)).toEqual(['pm_card_mastercard']);
    expect((await call(key, 'POST', '/v1/payment_methods/pm_card_mastercard/detach')).json.customer).toBeNull();
    expect((await call(key, 'POST', '/v1/payment_methods/pm_card_mastercard/detach')).status).toBe(400);
    expect((await call(key, 'GET', '/v1/payment_methods/pm_nope')).status).toBe(404);
  });

  it('objects without a modelled lifecycle start in the state a create implies; a Checkout Session has a url', async () => {
    const key = freshKey();
    const session = (await call(key, 'POST', '/v1/checkout/sessions', 'mode=payment&success_url=https://example.com/ok&line_items[0][price]=price_1&line_items[0][quantity]=1')).json;
    expect(session).toMatchObject({ status: 'open', mode: 'payment' });
    expect(session.url).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_/);
    expect((await call(key, 'POST', `/v1/checkout/sessions/${session.id}/expire`)).json).toMatchObject({ status: 'expired', url: null });
    const sub = (await call(key, 'POST', '/v1/subscriptions', 'customer=cus_1&items[0][price]=price_1')).json;
    expect(sub.status).toBe('active');
    const setup = (await call(key, 'POST', '/v1/setup_intents', '')).json;
    expect(setup.status).toBe('requires_payment_method');
  });
});

describe('idempotency', () => {
  it('replays the first answer for the same key and params, and refuses other params', async () => {
    const key = freshKey();
    const first = await call(key, 'POST', '/v1/customers', 'name=Once', { 'Idempotency-Key': 'k-1' });
    const again = await call(key, 'POST', '/v1/customers', 'name=Once', { 'Idempotency-Key': 'k-1' });
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect((await call(key, 'GET', '/v1/customers')).json.data).toHaveLength(1);
    const other = await call(key, 'POST', '/v1/customers', 'name=Twice', { 'Idempotency-Key': 'k-1' });
    expect(other.status).toBe(400);
    expect(other.json.error).toMatchObject({ type: 'idempotency_error', message: expect.stringContaining("other than 'k-1'") });
    // Keys are per API key: another account's k-1 is its own.
    const elsewhere = await call(freshKey(), 'POST', '/v1/customers', 'name=Twice', { 'Idempotency-Key': 'k-1' });
    expect(elsewhere.status).toBe(200);
  });
});

describe('idempotency keys expire after 24 hours, by the mock\'s clock', () => {
  it('replays within the 24 hours, answers anew after them, and neither keeps nor restores an expired key; DELETE /__mock/state forgets keys', async () => {
    let clock = 1_700_000_000;
    const store = new MockStore({ now: () => clock });
    const loaded = await spec();
    const timed = createMock({ document: loaded.document, specSha256: loaded.sha256, store });
    const url = await listen(timed, '127.0.0.1', 0);
    const post = async (body: string) => {
      const response = await fetch(`${url}/v1/customers`, {
        method: 'POST',
        body,
        headers: { Authorization: 'Bearer sk_test_clock', 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': 'day-1' },
      });
      return { replayed: response.headers.get('idempotent-replayed'), json: (await response.json()) as Record<string, any> };
    };
    try {
      const first = await post('name=Day');
      clock += REPLAY_TTL_SECONDS - 1;
      expect(await post('name=Day')).toEqual({ replayed: 'true', json: first.json });
      const kept = store.snapshot();
      expect(Object.values(kept.accounts)[0]!.replays).toHaveLength(1);

      clock += 1;
      expect(Object.values(store.snapshot().accounts)[0]!.replays).toBeUndefined();
      const restored = new MockStore({ now: () => clock });
      restored.restore(kept);
      expect(restored.replay('sk_test_clock', 'day-1')).toBeUndefined();
      const later = await post('name=Day');
      expect(later.replayed).toBeNull();
      expect(later.json.id).not.toBe(first.json.id);

      expect((await post('name=Day')).replayed).toBe('true');
      expect((await fetch(`${url}/__mock/state`, { method: 'DELETE' })).status).toBe(200);
      expect((await post('name=Day')).replayed).toBeNull();
    } finally {
      await new Promise<void>((resolve) => timed.close(() => resolve()));
    }
  });
});

describe('state per API key', () => {
  it('never shows one key\'s objects to another; DELETE /__mock/state clears everything', async () => {
    const alice = freshKey();
    const bob = freshKey();
    const customer = (await call(alice, 'POST', '/v1/customers', 'name=Private')).json;
    expect((await call(bob, 'GET', `/v1/customers/${customer.id}`)).status).toBe(404);
    expect((await call(bob, 'GET', '/v1/customers')).json.data).toEqual([]);
    const basic = await fetch(`${base}/v1/customers/${customer.id}`, { headers: { Authorization: `Basic ${Buffer.from(`${alice}:`).toString('base64')}` } });
    expect(basic.status).toBe(200);
    const cleared = await fetch(`${base}/__mock/state`, { method: 'DELETE' });
    expect(cleared.status).toBe(200);
    expect((await call(alice, 'GET', `/v1/customers/${customer.id}`)).status).toBe(404);
  });
});

describe('fault injection', () => {
  async function statuses(seed: number, count: number) {
    const loaded = await spec();
    const faulty = createMock({ document: loaded.document, specSha256: loaded.sha256, faults: new FaultInjector(parseFaults('rate=0.5,kinds=500|409|429'), seededRandom(seed)) });
    const url = await listen(faulty, '127.0.0.1', 0);
    const seen: [number, string | null][] = [];
    try {
      for (let i = 0; i < count; i++) {
        const response = await fetch(`${url}/v1/customers?limit=1`, { headers: { Authorization: 'Bearer sk_test_faults' } });
        await response.text();
        seen.push([response.status, response.headers.get('stripe-should-retry')]);
      }
    } finally {
      await new Promise<void>((resolve) => faulty.close(() => resolve()));
    }
    return seen;
  }

  it('fails the share of requests asked for, the same ones for the same seed, with Stripe-Should-Retry as Stripe sends it', async () => {
    const first = await statuses(42, 40);
    expect(await statuses(42, 40)).toEqual(first);
    expect(await statuses(43, 40)).not.toEqual(first);
    const byStatus = new Map(first.map(([status, retry]) => [status, retry]));
    expect([...byStatus.keys()].sort()).toEqual([200, 409, 429, 500]);
    expect(byStatus.get(200)).toBeNull();
    expect(byStatus.get(409)).toBe('true');
    expect(byStatus.get(500)).toBe('true');
    // A rate limit is not to be retried (Stripe's libraries retry only lock timeouts among 429s).
    expect(byStatus.get(429)).toBe('false');
    const key = freshKey();
    const bad = await call(key, 'POST', '/v1/customers', 'colour=red');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('stripe-should-retry')).toBe('false');
  });
});

describe('hostile requests', () => {
  it('keeps odd metadata keys as data and survives prototype-named params', async () => {
    const key = freshKey();
    const customer = await call(key, 'POST', '/v1/customers', 'metadata[__proto__]=x&metadata[constructor]=y');
    expect(customer.status).toBe(200);
    expect(Object.keys(customer.json.metadata).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect((await call(key, 'GET', '/v1/customers?created[constructor]=1')).status).toBe(400);
    expect((await call(key, 'POST', `/v1/customers/${customer.json.id}/constructor`)).status).toBe(404);
    const search = await call(key, 'GET', `/v1/customers/search?query=${encodeURIComponent("constructor:'x'")}`);
    expect(search.json.data).toEqual([]);
  });
});
