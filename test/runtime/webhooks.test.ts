import crypto from 'node:crypto';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { StripeSignatureVerificationError, type SignatureFailure } from '../../generator/runtime/errors.js';
import { Webhooks } from '../../generator/runtime/webhooks.js';

// stripe@13.11.0 is the oracle: what it signs we accept, what we sign it accepts, and what it
// refuses we refuse too.
const stripe = new Stripe('sk_test_oracle', { apiVersion: '2023-08-16' });
const webhooks = new Webhooks<{ id: string; type: string }>();
const secret = 'whsec_test_7c9a1e0d4f';
const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'identity.verification_session.verified', data: { object: { id: 'vs_1', note: 'café ✓' } } }, null, 2);
const now = Math.floor(Date.now() / 1000);

function failure(run: () => unknown): { reason: SignatureFailure; message: string; header: unknown } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StripeSignatureVerificationError);
    const e = error as StripeSignatureVerificationError;
    expect(e.type).toBe('StripeSignatureVerificationError');
    return { reason: e.reason, message: e.message, header: e.header };
  }
  throw new Error('expected a StripeSignatureVerificationError');
}

async function asyncFailure(run: () => Promise<unknown>): Promise<SignatureFailure> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StripeSignatureVerificationError);
  return (error as StripeSignatureVerificationError).reason;
}

function oracleRejects(body: string | Buffer, header: string | undefined, key = secret, tolerance?: number): boolean {
  try {
    stripe.webhooks.constructEvent(body, header as string, key, tolerance);
    return false;
  } catch (error) {
    return (error as { type?: string }).type === 'StripeSignatureVerificationError';
  }
}

describe('signatures made by stripe-node', () => {
  it('verify, sync and async, from a string and from a Buffer', async () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect(webhooks.constructEvent(payload, header, secret)).toEqual(JSON.parse(payload));
    expect(webhooks.constructEvent(Buffer.from(payload), header, secret).type).toBe('identity.verification_session.verified');
    expect(await webhooks.constructEventAsync(payload, header, secret)).toEqual(JSON.parse(payload));
    expect((await webhooks.constructEventAsync(new Uint8Array(Buffer.from(payload)), header, secret)).id).toBe('evt_1');
  });

  it('verify when one of several v1 entries matches, ignoring v0', () => {
    const good = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: now });
    const signature = good.split('v1=')[1]!;
    const other = crypto.createHmac('sha256', 'whsec_old').update(`${now}.${payload}`).digest('hex');
    const header = `t=${now},v1=${other},v1=${signature},v0=${'0'.repeat(64)}`;
    expect(webhooks.constructEvent(payload, header, secret).id).toBe('evt_1');
    expect(oracleRejects(payload, header)).toBe(false);
  });
});

describe('headers made here', () => {
  it('are byte for byte what stripe-node makes, and stripe-node verifies them', async () => {
    for (const timestamp of [now, now - 120, 1_700_000_000]) {
      const ours = webhooks.generateTestHeaderString({ payload, secret, timestamp });
      expect(ours).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }));
      expect(await webhooks.generateTestHeaderStringAsync({ payload, secret, timestamp })).toBe(ours);
    }
    const header = webhooks.generateTestHeaderString({ payload, secret });
    expect(stripe.webhooks.constructEvent(payload, header, secret).id).toBe('evt_1');
    expect(webhooks.generateTestHeaderString({ payload, secret, timestamp: 5, scheme: 'v0', signature: 'abc' })).toBe('t=5,v0=abc');
  });
});

describe('a delivery that fails names what failed, where stripe-node fails too', () => {
  const header = () => stripe.webhooks.generateTestHeaderString({ payload, secret });
  const cases: [string, () => [string | Buffer, string | undefined, string?], SignatureFailure][] = [
    ['no header', () => [payload, undefined], 'no_header'],
    ['an empty header', () => [payload, ''], 'no_header'],
    ['a header without t=', () => [payload, `v1=${'a'.repeat(64)}`], 'bad_header'],
    ['a header that is not key=value pairs', () => [payload, 'garbage'], 'bad_header'],
    ['a header with only v0 signatures', () => [payload, `t=${now},v0=${'a'.repeat(64)}`], 'no_signatures'],
    ['the wrong secret', () => [payload, header(), 'whsec_other'], 'no_match'],
    ['a changed body', () => [payload.replace('evt_1', 'evt_2'), header()], 'no_match'],
    ['a body re-serialised after parsing', () => [JSON.stringify(JSON.parse(payload)), header()], 'no_match'],
    ['an empty body', () => ['', header()], 'no_payload'],
  ];
  for (const [name, make, reason] of cases) {
    it(name, async () => {
      const [body, value, key = secret] = make();
      expect(failure(() => webhooks.constructEvent(body, value, key)).reason).toBe(reason);
      expect(await asyncFailure(() => webhooks.constructEventAsync(body, value, key))).toBe(reason);
      expect(oracleRejects(body, value, key)).toBe(true);
    });
  }

  it('a timestamp outside the tolerance, old or far ahead; tolerance 0 turns the check off', async () => {
    const old = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: now - 301 });
    const failed = failure(() => webhooks.constructEvent(payload, old, secret));
    expect(failed.reason).toBe('timestamp');
    expect(failed.message).toMatch(/tolerance 300 s/);
    expect(failed.header).toBe(old);
    expect(oracleRejects(payload, old)).toBe(true);
    expect(await asyncFailure(() => webhooks.constructEventAsync(payload, old, secret))).toBe('timestamp');
    expect(webhooks.constructEvent(payload, old, secret, 600).id).toBe('evt_1');
    expect(webhooks.constructEvent(payload, old, secret, 0).id).toBe('evt_1');
    const ahead = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: now + 3600 });
    expect(failure(() => webhooks.constructEvent(payload, ahead, secret)).reason).toBe('timestamp');
    // receivedAt (ms) sets "now": a delivery checked later, as a queue worker would.
    expect(webhooks.constructEvent(payload, old, secret, 300, (now - 1) * 1000).id).toBe('evt_1');
  });

  it('a parsed body, and a header given as an array', () => {
    const parsed = JSON.parse(payload) as unknown as string;
    const failed = failure(() => webhooks.constructEvent(parsed, header(), secret));
    expect(failed.reason).toBe('payload_type');
    expect(failed.message).toMatch(/raw request body/);
    expect(oracleRejects(parsed, header())).toBe(true);
    expect(failure(() => webhooks.constructEvent(payload, [header(), header()], secret)).reason).toBe('bad_header');
  });
});

describe('on a runtime with Web Crypto only', () => {
  const process = globalThis.process as { getBuiltinModule?: unknown };
  const original = process.getBuiltinModule;
  afterEach(() => {
    process.getBuiltinModule = original;
  });

  it('the async variants work and the sync ones say to use them', async () => {
    expect(typeof original).toBe('function');
    process.getBuiltinModule = undefined;
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect((await webhooks.constructEventAsync(payload, header, secret)).id).toBe('evt_1');
    const failed = failure(() => webhooks.constructEvent(payload, header, secret));
    expect(failed.reason).toBe('no_crypto');
    expect(failed.message).toMatch(/constructEventAsync/);
    expect(() => webhooks.generateTestHeaderString({ payload, secret })).toThrow(/generateTestHeaderStringAsync/);
    expect(await webhooks.generateTestHeaderStringAsync({ payload, secret, timestamp: now })).toBe(
      stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: now }),
    );
  });
});
