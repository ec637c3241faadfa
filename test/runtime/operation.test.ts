import { afterEach, describe, expect, it } from 'vitest';
import { operation } from '../../generator/runtime/operation.js';
import { clientBase, resourceBase } from '../../generator/runtime/operation-methods.js';
import { ok, script, startServer, testClient, type FaultServer } from './fault-server.js';

let server: FaultServer;
afterEach(() => server?.close());

/** The runtime half of every generated operation: `(core, ...pathParams, params?, options?)`. */
describe('operation functions made from their endpoints', () => {
  it('takes the path parameters in the order the path names them, and encodes each', async () => {
    server = await startServer(ok({ id: 'mn_1' }));
    const core = testClient(server.url);
    // As stripe-node: the source first, then the notification.
    const retrieve = operation('GET', '/v1/sources/{source}/mandate_notifications/{mandate_notification}', 'object', true);
    await retrieve(core, 'src 2', 'mn/1', { expand: ['source'] }, { stripeAccount: 'acct_1' });
    const [r] = server.received;
    expect(r!.url).toBe('/v1/sources/src%202/mandate_notifications/mn%2F1?expand[0]=source');
    expect(r!.headers['stripe-account']).toBe('acct_1');
  });

  it('takes options right after the path parameters when the operation has no params', async () => {
    server = await startServer(ok({ id: 'cus_1', deleted: true }));
    const core = testClient(server.url);
    const del = operation('DELETE', '/v1/customers/{customer}', 'object', false);
    expect(await del(core, 'cus_1', { apiKey: 'sk_test_other' })).toMatchObject({ deleted: true });
    const [r] = server.received;
    expect(r).toMatchObject({ method: 'DELETE', url: '/v1/customers/cus_1', body: '' });
    expect(r!.headers.authorization).toBe('Bearer sk_test_other');
  });

  it('sends POST params as the body, and refuses an empty path parameter before sending', async () => {
    server = await startServer(ok({ id: 'vs_1' }));
    const core = testClient(server.url);
    const cancel = operation('POST', '/v1/identity/verification_sessions/{session}/cancel', 'object', true);
    await cancel(core, 'vs_1', { metadata: { a: 'b' } });
    expect(server.received[0]).toMatchObject({ method: 'POST', url: '/v1/identity/verification_sessions/vs_1/cancel', body: 'metadata[a]=b' });
    expect(() => cancel(core, '', {})).toThrow(TypeError);
    expect(server.received).toHaveLength(1);
  });

  it('makes a list call iterable across pages, and leaves a search a single page', async () => {
    const pages = [
      { object: 'list', data: [{ id: 'a' }, { id: 'b' }], has_more: true, url: '/v1/things' },
      { object: 'list', data: [{ id: 'c' }], has_more: false, url: '/v1/things' },
    ];
    const searchPage = { object: 'search_result', data: [{ id: 'd' }], has_more: true, next_page: 'p2', url: '/v1/things/search' };
    server = await startServer(script(ok(pages[0]), ok(pages[1]), ok(searchPage)));
    const core = testClient(server.url);
    const list = operation('GET', '/v1/things', 'list', true);
    const ids: string[] = [];
    for await (const item of list(core, { limit: 2 })) ids.push((item as { id: string }).id);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(server.received.map((r) => r.url)).toEqual(['/v1/things?limit=2', '/v1/things?limit=2&starting_after=b']);
    const search = operation('GET', '/v1/things/search', 'search', true);
    const result = search(core, { query: 'x' });
    expect(Symbol.asyncIterator in result).toBe(false);
    expect(await result).toMatchObject({ object: 'search_result', next_page: 'p2' });
  });

  it('as a resource or client method, uses the instance\'s transport, or one given first as the standalone signature allows', async () => {
    server = await startServer(ok({ id: 'vs_1' }));
    const other = await startServer(ok({ id: 'vs_2' }));
    try {
      const create = operation('POST', '/v1/identity/verification_sessions', 'object', true);
      const client = new (class extends clientBase({ postIdentityVerificationSessions: create }) {
        readonly core = testClient(server.url);
      })();
      const sessions = new (resourceBase({ create }))(client);
      await sessions.create({ type: 'document' });
      await client.postIdentityVerificationSessions({ type: 'id_number' });
      await sessions.create(testClient(other.url), { type: 'document' });
      expect(server.received.map((r) => r.body)).toEqual(['type=document', 'type=id_number']);
      expect(other.received.map((r) => r.body)).toEqual(['type=document']);
    } finally {
      other.close();
    }
  });
});
