import { afterEach, expect, it } from 'vitest';
import type { ClientHooks } from '../../generator/runtime/core.js';
import { ok, script, startServer, stripeError, testClient, type FaultServer } from './fault-server.js';

let server: FaultServer;
afterEach(() => server?.close());

it('reports requests, responses, retries and failures, never the API key', async () => {
  server = await startServer(script(stripeError(500, {}), ok(), stripeError(400, { type: 'invalid_request_error' })));
  const events: Array<[string, unknown]> = [];
  const hooks: ClientHooks = {
    onRequest: (e) => events.push(['request', e]),
    onResponse: (e) => events.push(['response', e]),
    onRetry: (e) => events.push(['retry', e]),
    onError: (e) => events.push(['error', e]),
  };
  const client = testClient(server.url, { apiKey: 'sk_test_secret', hooks, headers: { 'X-Key-Copy': 'sk_test_secret' } });
  await client.request({ method: 'POST', path: '/v1/things', params: { name: 'n' } });
  await client.request({ method: 'GET', path: '/v1/things/t_1' }).catch(() => {});

  expect(events.map(([kind]) => kind)).toEqual(['request', 'response', 'retry', 'request', 'response', 'request', 'response', 'error']);
  expect(events[0]![1]).toMatchObject({
    method: 'POST',
    url: `${server.url}/v1/things`,
    attempt: 1,
    idempotencyKey: expect.any(String),
    headers: expect.objectContaining({ authorization: '[redacted]', 'x-key-copy': '[redacted]', 'stripe-version': '2023-10-16' }),
  });
  expect(events[1]![1]).toMatchObject({ status: 500, attempt: 1, requestId: 'req_500', elapsedMs: expect.any(Number) });
  expect(events[2]![1]).toMatchObject({ attempt: 1, delayMs: expect.any(Number), error: expect.objectContaining({ statusCode: 500 }) });
  expect(events[3]![1]).toMatchObject({ attempt: 2 });
  expect(events[7]![1]).toMatchObject({ attempts: 1, error: expect.objectContaining({ statusCode: 400 }) });
  expect(JSON.stringify(events)).not.toContain('sk_test_secret');
});

it('a hook that throws does not fail the request', async () => {
  server = await startServer(ok());
  const client = testClient(server.url, {
    hooks: {
      onRequest() {
        throw new Error('logger down');
      },
    },
  });
  await expect(client.request({ method: 'GET', path: '/v1/x' })).resolves.toBeDefined();
});
