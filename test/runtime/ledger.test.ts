/**
 * Nothing doubled: a server that, like Stripe, replays the first result for a repeated idempotency
 * key, and cuts 30% of connections after it has done the work. Every create call must leave exactly
 * one object, and every success must return that call's own object.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StripeConnectionError } from '../../generator/runtime/core.js';
import { prng } from './prng.js';
import { resetBeforeResponse, resetMidResponse, startServer, testClient, TRANSPORTS, type FaultServer } from './fault-server.js';

let server: FaultServer;
afterEach(() => server?.close());

interface Entry {
  id: string;
  call: string;
  body: string;
  replays: number;
}

describe.each(TRANSPORTS)('over %s', (_, fetch) => {
  it('500 create calls with 30% of connections cut after processing leave exactly one object each', async () => {
    const random = prng(0x1ed9e5);
    const ledger = new Map<string, Entry>();
    let cuts = 0;
    let created = 0;
    server = await startServer((res, r) => {
      const key = r.headers['idempotency-key'] as string;
      let entry = ledger.get(key);
      if (entry) {
        entry.replays++;
        // Stripe refuses a reused key with different parameters; so would we.
        expect(r.body).toBe(entry.body);
      } else {
        const call = new URLSearchParams(r.body).get('metadata[call]')!;
        entry = { id: `cus_${++created}`, call, body: r.body, replays: 0 };
        ledger.set(key, entry);
      }
      if (random() < 0.3) {
        cuts++;
        (random() < 0.5 ? resetBeforeResponse : resetMidResponse)(res, r, 0);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'idempotent-replayed': String(entry.replays > 0) });
      res.end(JSON.stringify({ id: entry.id, object: 'customer', metadata: { call: entry.call } }));
    });

    const client = testClient(server.url, { fetch, maxNetworkRetries: 5 });
    const results: Array<{ id: string; metadata: { call: string } } | StripeConnectionError> = [];
    let next = 0;
    const worker = async () => {
      while (next < 500) {
        const call = next++;
        results[call] = await client
          .request<{ id: string; metadata: { call: string } }>({
            method: 'POST',
            path: '/v1/customers',
            params: { email: `c${call}@example.com`, metadata: { call: String(call) } },
          })
          .catch((e: unknown) => {
            // Six cuts in a row can happen; the caller then sees a connection error, never a duplicate.
            expect(e).toBeInstanceOf(StripeConnectionError);
            return e as StripeConnectionError;
          });
      }
    };
    await Promise.all(Array.from({ length: 25 }, worker));

    expect(cuts).toBeGreaterThan(100);
    expect(created).toBe(500);
    expect(ledger.size).toBe(500);
    const byCall = new Map([...ledger.values()].map((e) => [e.call, e]));
    expect(byCall.size).toBe(500);
    const successIds = new Set<string>();
    results.forEach((result, call) => {
      const entry = byCall.get(String(call))!;
      if (result instanceof StripeConnectionError) return;
      expect(result.id).toBe(entry.id);
      expect(result.metadata.call).toBe(String(call));
      successIds.add(result.id);
    });
    const failures = results.filter((r) => r instanceof StripeConnectionError).length;
    expect(successIds.size).toBe(500 - failures);
    expect(failures).toBeLessThan(5);
  });
});
