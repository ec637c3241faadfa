import { afterEach, describe, expect, it } from 'vitest';
import { ClientCore, encodePathParam } from '../../generator/runtime/core.js';
import { json, ok, startServer, testClient, TRANSPORTS, type FaultServer } from './fault-server.js';

let server: FaultServer;
afterEach(() => server?.close());

describe.each(TRANSPORTS)('what goes on the wire, over %s', (_, fetch) => {
  it('a POST carries its form body and Stripe headers', async () => {
    server = await startServer(ok({ id: 'vs_1', object: 'identity.verification_session' }));
    const client = testClient(server.url, { fetch });
    const result = await client.request<{ id: string }>({
      method: 'POST',
      path: '/v1/identity/verification_sessions',
      params: { type: 'document', metadata: { order: '42' }, options: { document: { allowed_types: ['passport'] } } },
    });
    expect(result).toEqual({ id: 'vs_1', object: 'identity.verification_session' });

    const [r] = server.received;
    expect(r!.method).toBe('POST');
    expect(r!.url).toBe('/v1/identity/verification_sessions');
    expect(r!.body).toBe('type=document&metadata[order]=42&options[document][allowed_types][0]=passport');
    expect(r!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(r!.headers.authorization).toBe('Bearer sk_test_123');
    expect(r!.headers['stripe-version']).toBe('2023-10-16');
    expect(r!.headers.accept).toBe('application/json');
    expect(r!.headers['user-agent']).toBe('sdkgen-test/0.0.0');
    expect(r!.headers['idempotency-key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r!.headers['stripe-account']).toBeUndefined();
    expect(r!.headers['content-length']).toBe(String(Buffer.byteLength(r!.body)));
  });

  it('GET and DELETE put parameters in the query string and send no body or idempotency key', async () => {
    server = await startServer(ok());
    const client = testClient(server.url, { fetch });
    await client.request({ method: 'GET', path: '/v1/things', params: { limit: 3, created: { gte: 10 }, expand: ['data.x'] } });
    await client.request({ method: 'DELETE', path: '/v1/things/t_1', params: { reason: 'a b' } });
    await client.request({ method: 'GET', path: '/v1/things/t_2' });
    const [get, del, bare] = server.received;
    expect(get).toMatchObject({ method: 'GET', url: '/v1/things?limit=3&created[gte]=10&expand[0]=data.x', body: '' });
    expect(del).toMatchObject({ method: 'DELETE', url: '/v1/things/t_1?reason=a%20b', body: '' });
    expect(bare!.url).toBe('/v1/things/t_2');
    for (const r of [get, del, bare]) {
      expect(r!.headers['idempotency-key']).toBeUndefined();
      expect(r!.headers['content-type']).toBeUndefined();
    }
  });

  it('per-request options override the client, and extra headers are merged', async () => {
    server = await startServer(ok());
    const client = testClient(server.url, { fetch, stripeAccount: 'acct_client', headers: { 'X-Team': 'payments' } });
    await client.request({
      method: 'POST',
      path: '/v1/things',
      options: {
        apiKey: 'sk_test_other',
        stripeAccount: 'acct_request',
        apiVersion: '2024-01-01',
        idempotencyKey: 'my-key',
        headers: { 'X-Trace': 't1' },
      },
    });
    await client.request({ method: 'GET', path: '/v1/things' });
    const [overridden, plain] = server.received;
    expect(overridden!.headers).toMatchObject({
      authorization: 'Bearer sk_test_other',
      'stripe-account': 'acct_request',
      'stripe-version': '2024-01-01',
      'idempotency-key': 'my-key',
      'x-team': 'payments',
      'x-trace': 't1',
    });
    expect(plain!.headers).toMatchObject({ authorization: 'Bearer sk_test_123', 'stripe-account': 'acct_client' });
    expect(plain!.headers['x-trace']).toBeUndefined();
  });

  it('a client without a key sends no Authorization, and a base URL keeps its path prefix', async () => {
    server = await startServer(ok());
    const client = new ClientCore(
      { baseUrl: `${server.url}/stripe/`, fetch },
      { apiVersion: '2023-10-16', packageName: 'p', packageVersion: '1' },
    );
    await client.request({ method: 'GET', path: '/v1/things', params: { a: 1 } });
    expect(server.received[0]!.url).toBe('/stripe/v1/things?a=1');
    expect(server.received[0]!.headers.authorization).toBeUndefined();
  });

  it('exposes the last response without changing the returned object', async () => {
    server = await startServer(json(200, { id: 'obj_1' }, { 'request-id': 'req_abc', 'stripe-version': '2023-10-16' }));
    const client = testClient(server.url, { fetch });
    const result = await client.request<{ id: string; lastResponse?: unknown }>({ method: 'POST', path: '/v1/things' });
    expect(Object.keys(result)).toEqual(['id']);
    expect(JSON.stringify(result)).toBe('{"id":"obj_1"}');
    expect(result.lastResponse).toMatchObject({
      statusCode: 200,
      requestId: 'req_abc',
      apiVersion: '2023-10-16',
      headers: expect.objectContaining({ 'request-id': 'req_abc' }),
    });
    expect(client.lastResponse).toBe(result.lastResponse);
  });
});

describe('custom fetch', () => {
  it('uses an injected fetch', async () => {
    const calls: Array<[string, unknown]> = [];
    const client = new ClientCore(
      {
        apiKey: 'sk_test_x',
        fetch: async (url, init) => {
          calls.push([url, init.body]);
          return { status: 200, headers: new Headers({ 'request-id': 'req_f' }), text: async () => '{"ok":true}' };
        },
      },
      { apiVersion: 'v', packageName: 'p', packageVersion: '1' },
    );
    expect(await client.request({ method: 'POST', path: '/v1/x', params: { a: 1 } })).toEqual({ ok: true });
    expect(calls).toEqual([['https://api.stripe.com/v1/x', 'a=1']]);
  });
});

describe('encodePathParam', () => {
  it('escapes everything that could change the path', () => {
    expect(encodePathParam('vs_123')).toBe('vs_123');
    expect(encodePathParam('a/b?c#d e')).toBe('a%2Fb%3Fc%23d%20e');
    expect(encodePathParam('..')).toBe('..');
  });
  it('rejects an empty value, which would address the collection instead', () => {
    expect(() => encodePathParam('')).toThrow(TypeError);
  });
});
