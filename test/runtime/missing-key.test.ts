import { afterEach, describe, expect, it } from 'vitest';
import { ClientCore, StripeAuthenticationError, type ClientConfig, type FetchLike } from '../../generator/runtime/core.js';
import { ok, startServer, type FaultServer } from './fault-server.js';

// Without a key, Stripe can only answer 401; offline, the user would get a retried connection error
// that never mentions the key. So the client says so itself, before anything is sent, when it talks
// to Stripe; a mock or a gateway that adds the key itself works without one.
const defaults = { apiVersion: '2023-10-16', packageName: 'sdkgen-test', packageVersion: '0.0.0' };

/** A transport that records each call and fails it: no call may get this far. */
function recordingFetch() {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    throw new TypeError('fetch failed');
  };
  return { calls, fetch };
}

let server: FaultServer | undefined;
afterEach(() => server?.close());

describe('a client with no API key', () => {
  it.each([
    ['the default base URL', {}],
    ['api.stripe.com given explicitly', { baseUrl: 'https://api.stripe.com' }],
    ['files.stripe.com', { baseUrl: 'https://files.stripe.com/' }],
    ['connect.stripe.com', { baseUrl: 'https://connect.stripe.com' }],
  ] satisfies Array<[string, ClientConfig]>)('to %s: throws StripeAuthenticationError before any network call, naming the two ways to give one', async (_, config) => {
    const { calls, fetch } = recordingFetch();
    const retries: unknown[] = [];
    const core = new ClientCore({ ...config, fetch, maxNetworkRetries: 3, hooks: { onRetry: (e) => retries.push(e) } }, defaults);
    const error = await core.request({ method: 'POST', path: '/v1/identity/verification_sessions', params: { type: 'document' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeAuthenticationError);
    const { message, type } = error as StripeAuthenticationError;
    expect(type).toBe('StripeAuthenticationError');
    expect(message).toContain('STRIPE_SECRET_KEY');
    expect(message).toContain('createClient({ apiKey })');
    expect(calls).toEqual([]);
    expect(retries).toEqual([]);
  });

  it('a key given per request, or an Authorization header of the caller, is enough', async () => {
    const calls: Array<Record<string, string>> = [];
    const fetch: FetchLike = async (_, init) => {
      calls.push(init.headers);
      return new Response('{"id":"vs_1"}', { status: 200 }) as never;
    };
    const core = new ClientCore({ fetch }, defaults);
    await core.request({ method: 'GET', path: '/v1/identity/verification_sessions', options: { apiKey: 'sk_test_per_request' } });
    await core.request({ method: 'GET', path: '/v1/identity/verification_sessions', options: { headers: { Authorization: 'Bearer sk_test_header' } } });
    expect(calls.map((h) => h.authorization)).toEqual(['Bearer sk_test_per_request', 'Bearer sk_test_header']);
  });

  it('to a base URL of its own (a mock, a gateway that adds the key): sends without a key', async () => {
    server = await startServer(ok({ id: 'vs_1', object: 'identity.verification_session' }));
    const core = new ClientCore({ baseUrl: `${server.url}/stripe` }, defaults);
    const result = await core.request<{ id: string }>({ method: 'POST', path: '/v1/identity/verification_sessions', params: { type: 'document' } });
    expect(result.id).toBe('vs_1');
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.headers.authorization).toBeUndefined();
  });

  it('a host that only looks like Stripe\'s is not Stripe: no key needed', async () => {
    const { calls, fetch } = recordingFetch();
    for (const baseUrl of ['https://stripe.com.example.net', 'https://notstripe.com', 'https://api.stripe.community']) {
      const core = new ClientCore({ baseUrl, fetch, maxNetworkRetries: 0 }, defaults);
      const error = await core.request({ method: 'GET', path: '/v1/x' }).catch((e: unknown) => e);
      expect(error, baseUrl).not.toBeInstanceOf(StripeAuthenticationError);
    }
    expect(calls).toHaveLength(3);
  });
});
