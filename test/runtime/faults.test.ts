/** The fault matrix of issue 4: each scripted failure, how many attempts it took, and what came back. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  StripeAbortError,
  StripeAPIError,
  StripeCardError,
  StripeConnectionError,
  StripeError,
  StripeIdempotencyError,
  StripeRateLimitError,
  StripeTimeoutError,
  type ClientConfig,
  type RetryEvent,
} from '../../generator/runtime/core.js';
import {
  hang,
  json,
  ok,
  resetBeforeResponse,
  resetMidResponse,
  script,
  startServer,
  stripeError,
  testClient,
  type FaultServer,
  type Handler,
  TRANSPORTS,
} from './fault-server.js';

describe.each(TRANSPORTS)('over %s', (_, fetch) => {
  let server: FaultServer;
  afterEach(() => server?.close());

  async function create(handler: Handler, config: ClientConfig = {}) {
    server = await startServer(handler);
    const retries: RetryEvent[] = [];
    const client = testClient(server.url, { fetch, hooks: { onRetry: (e) => retries.push(e) }, ...config });
    const outcome = await client
      .request<{ id: string }>({ method: 'POST', path: '/v1/identity/verification_sessions', params: { type: 'document' } })
      .then(
        (value) => ({ value, error: undefined }),
        (error: unknown) => ({ value: undefined, error: error as StripeError }),
      );
    const keys = new Set(server.received.map((r) => r.headers['idempotency-key']));
    return { ...outcome, attempts: server.received.length, keys, retries };
  }

  describe('retries', () => {
    it('500 then 200: retried once, with the same idempotency key', async () => {
      const r = await create(script(stripeError(500, { type: 'api_error', message: 'boom' }), ok()));
      expect(r.value).toEqual({ id: 'obj_1', object: 'thing' });
      expect(r.attempts).toBe(2);
      expect(r.keys.size).toBe(1);
      expect([...r.keys][0]).toBeTruthy();
      expect(r.retries.map((e) => e.error.statusCode)).toEqual([500]);
    });

    it('409 is retried until the limit (default 2 retries)', async () => {
      const r = await create(stripeError(409, { type: 'idempotency_error', message: 'in use' }));
      expect(r.attempts).toBe(3);
      expect(r.keys.size).toBe(1);
      expect(r.error).toBeInstanceOf(StripeIdempotencyError);
      expect(r.error).toMatchObject({ statusCode: 409, message: 'in use', requestId: 'req_409' });
    });

    it('429 with Stripe-Should-Retry: true waits for Retry-After, then succeeds', async () => {
      const r = await create(
        script(stripeError(429, { type: 'rate_limit_error' }, { 'retry-after': '1', 'stripe-should-retry': 'true' }), ok()),
      );
      expect(r.value).toBeDefined();
      expect(r.attempts).toBe(2);
      expect(r.keys.size).toBe(1);
      // The backoff alone is a few ms in these tests; the server's ask wins.
      expect(r.retries[0]!.delayMs).toBeGreaterThanOrEqual(1000);
    });

    it('429 without Stripe-Should-Retry is not retried (other 4xx never are)', async () => {
      const r = await create(stripeError(429, { type: 'rate_limit_error', message: 'slow down', code: 'rate_limit' }));
      expect(r.attempts).toBe(1);
      expect(r.error).toBeInstanceOf(StripeRateLimitError);
      expect(r.error).toMatchObject({ statusCode: 429, code: 'rate_limit', rawType: 'rate_limit_error', type: 'StripeRateLimitError' });
    });

    it('a Retry-After beyond 60 s is ignored rather than obeyed', async () => {
      const r = await create(script(stripeError(503, {}, { 'retry-after': '3600' }), ok()));
      expect(r.attempts).toBe(2);
      expect(r.retries[0]!.delayMs).toBeLessThan(1000);
    });

    it('500 with Stripe-Should-Retry: false is not retried', async () => {
      const r = await create(stripeError(500, { type: 'api_error', message: 'no' }, { 'stripe-should-retry': 'false' }));
      expect(r.attempts).toBe(1);
      expect(r.error).toBeInstanceOf(StripeAPIError);
      expect(r.error).toMatchObject({ statusCode: 500, requestId: 'req_500', message: 'no' });
      expect(r.error!.headers['stripe-should-retry']).toBe('false');
    });

    it('a card error is not retried and carries every field', async () => {
      const raw = { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', param: 'card', message: 'Declined', doc_url: 'https://stripe.com/docs/error-codes/card-declined' };
      const r = await create(stripeError(402, raw));
      expect(r.attempts).toBe(1);
      expect(r.error).toBeInstanceOf(StripeCardError);
      expect(r.error).toBeInstanceOf(StripeError);
      expect(r.error).toBeInstanceOf(Error);
      expect(r.error).toMatchObject({
        name: 'StripeCardError',
        type: 'StripeCardError',
        rawType: 'card_error',
        statusCode: 402,
        requestId: 'req_402',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        param: 'card',
        message: 'Declined',
        doc_url: raw.doc_url,
        raw,
      });
      expect(JSON.parse(r.error!.body!)).toEqual({ error: raw });
    });

    it('a connection reset mid-response is retried with the same key', async () => {
      const r = await create(script(resetMidResponse, ok()));
      expect(r.value).toBeDefined();
      expect(r.attempts).toBe(2);
      expect(r.keys.size).toBe(1);
    });

    it('connection resets on every attempt give up after 1 + maxNetworkRetries attempts', async () => {
      const r = await create(resetBeforeResponse, { maxNetworkRetries: 4 });
      expect(r.attempts).toBe(5);
      expect(r.keys.size).toBe(1);
      expect(r.error).toBeInstanceOf(StripeConnectionError);
      expect(r.error!.message).toContain('retried 4 times');
      expect(r.error!.cause).toBeDefined();
    });

    it('headers that never come time out, and the timeout is retried', async () => {
      // Long enough for a busy machine's server to have read each attempt before the client gives up on it.
      const r = await create(hang, { timeout: 400, maxNetworkRetries: 1 });
      expect(r.attempts).toBe(2);
      expect(r.keys.size).toBe(1);
      expect(r.error).toBeInstanceOf(StripeTimeoutError);
      expect(r.error).toBeInstanceOf(StripeConnectionError);
      expect(r.error!.message).toContain('timeout');
    });

    it('a 200 with invalid JSON is an API error that says so, not retried', async () => {
      const r = await create(json(200, '<html>oops</html>'));
      expect(r.attempts).toBe(1);
      expect(r.error).toBeInstanceOf(StripeAPIError);
      expect(r.error).toMatchObject({ statusCode: 200, body: '<html>oops</html>', requestId: 'req_200' });
      expect(r.error!.message).toMatch(/Invalid JSON/);
    });

    it('a 502 HTML page from a proxy is retried, then reported as invalid JSON', async () => {
      const r = await create(json(502, '<html>Bad Gateway</html>'));
      expect(r.attempts).toBe(3);
      expect(r.error).toBeInstanceOf(StripeAPIError);
      expect(r.error).toMatchObject({ statusCode: 502, body: '<html>Bad Gateway</html>' });
      expect(r.error!.message).toMatch(/Invalid JSON.*502/);
    });

    it('a 10 MB body parses', async () => {
      const big = 'x'.repeat(10 * 1024 * 1024);
      const r = await create(ok({ id: 'obj_big', blob: big }));
      expect(r.attempts).toBe(1);
      expect((r.value as unknown as { blob: string }).blob.length).toBe(big.length);
    });

    it('maxNetworkRetries per request overrides the client', async () => {
      server = await startServer(stripeError(500, {}));
      const client = testClient(server.url, { fetch, maxNetworkRetries: 5 });
      await expect(client.request({ method: 'GET', path: '/v1/x', options: { maxNetworkRetries: 0 } })).rejects.toBeInstanceOf(StripeAPIError);
      expect(server.received).toHaveLength(1);
    });

    it('GETs are retried too, without an idempotency key', async () => {
      server = await startServer(script(stripeError(503, {}), ok()));
      const client = testClient(server.url, { fetch });
      await client.request({ method: 'GET', path: '/v1/x' });
      expect(server.received).toHaveLength(2);
      expect(server.received.every((r) => r.headers['idempotency-key'] === undefined)).toBe(true);
    });

    it("a caller's idempotency key is used on every retry", async () => {
      server = await startServer(script(stripeError(500, {}), stripeError(500, {}), ok()));
      const client = testClient(server.url, { fetch });
      await client.request({ method: 'POST', path: '/v1/x', options: { idempotencyKey: 'order-42' } });
      expect(server.received.map((r) => r.headers['idempotency-key'])).toEqual(['order-42', 'order-42', 'order-42']);
    });
  });

  describe('abort', () => {
    it('aborting an in-flight request rejects at once and is not retried', async () => {
      server = await startServer(hang);
      const client = testClient(server.url, { fetch });
      const controller = new AbortController();
      const pending = client.request({ method: 'POST', path: '/v1/x', options: { signal: controller.signal } });
      while (server.received.length === 0) await new Promise((r) => setTimeout(r, 5));
      controller.abort(new Error('user left'));
      const error = (await pending.then(() => undefined, (e: unknown) => e)) as StripeError;
      expect(error).toBeInstanceOf(StripeAbortError);
      expect((error.cause as Error).message).toBe('user left');
      expect(server.received).toHaveLength(1);
    });

    it('aborting during the backoff stops the retries', async () => {
      server = await startServer(stripeError(500, {}));
      const controller = new AbortController();
      const failures: StripeError[] = [];
      const client = testClient(server.url, {
        fetch,
        initialRetryDelay: 60_000,
        maxRetryDelay: 60_000,
        hooks: { onRetry: () => controller.abort(), onError: (e) => failures.push(e.error) },
      });
      await expect(client.request({ method: 'GET', path: '/v1/x', options: { signal: controller.signal } })).rejects.toBeInstanceOf(StripeAbortError);
      expect(server.received).toHaveLength(1);
      expect(failures).toEqual([expect.any(StripeAbortError)]);
    });

    it('an already-aborted signal sends nothing', async () => {
      server = await startServer(ok());
      const client = testClient(server.url, { fetch });
      await expect(client.request({ method: 'GET', path: '/v1/x', options: { signal: AbortSignal.abort() } })).rejects.toBeInstanceOf(StripeAbortError);
      expect(server.received).toHaveLength(0);
    });
  });
});
