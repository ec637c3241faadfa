import { afterEach, describe, expect, it } from 'vitest';
import { startServer, testClient, type FaultServer } from './fault-server.js';

let server: FaultServer;
afterEach(() => server?.close());

/** A list endpoint over ids it_1..it_n, newest first as Stripe lists are, honouring limit and cursors. */
async function listServer(n: number) {
  const all = Array.from({ length: n }, (_, i) => ({ id: `it_${n - i}` }));
  server = await startServer((res, r) => {
    const q = new URL(r.url, 'http://x').searchParams;
    const limit = Number(q.get('limit') ?? 10);
    let page: typeof all;
    let hasMore: boolean;
    if (q.get('ending_before')) {
      const end = all.findIndex((x) => x.id === q.get('ending_before'));
      page = all.slice(Math.max(0, end - limit), end);
      hasMore = end - limit > 0;
    } else {
      const start = q.get('starting_after') ? all.findIndex((x) => x.id === q.get('starting_after')) + 1 : 0;
      page = all.slice(start, start + limit);
      hasMore = start + limit < all.length;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data: page, has_more: hasMore, url: '/v1/items' }));
  });
  return testClient(server.url);
}

describe('lists', () => {
  it('awaiting gives one page with its lastResponse', async () => {
    const client = await listServer(7);
    const page = await client.requestList<{ id: string }>({ method: 'GET', path: '/v1/items', params: { limit: 3 } });
    expect(page).toMatchObject({ object: 'list', has_more: true, data: [{ id: 'it_7' }, { id: 'it_6' }, { id: 'it_5' }] });
    expect((page as unknown as { lastResponse: { statusCode: number } }).lastResponse.statusCode).toBe(200);
    expect(server.received.map((r) => r.url)).toEqual(['/v1/items?limit=3']);
  });

  it('for await walks every page with starting_after = last id, keeping the other params', async () => {
    const client = await listServer(7);
    const ids: string[] = [];
    for await (const item of client.requestList<{ id: string }>({ method: 'GET', path: '/v1/items', params: { limit: 3, expand: ['data.x'] } })) {
      ids.push(item.id);
    }
    expect(ids).toEqual(['it_7', 'it_6', 'it_5', 'it_4', 'it_3', 'it_2', 'it_1']);
    expect(server.received.map((r) => r.url)).toEqual([
      '/v1/items?limit=3&expand[0]=data.x',
      '/v1/items?limit=3&expand[0]=data.x&starting_after=it_5',
      '/v1/items?limit=3&expand[0]=data.x&starting_after=it_2',
    ]);
  });

  it('with ending_before, paginates backwards, each page in reverse, as stripe-node does', async () => {
    const client = await listServer(7);
    const ids: string[] = [];
    for await (const item of client.requestList<{ id: string }>({ method: 'GET', path: '/v1/items', params: { limit: 2, ending_before: 'it_2' } })) {
      ids.push(item.id);
    }
    expect(ids).toEqual(['it_3', 'it_4', 'it_5', 'it_6', 'it_7']);
    expect(server.received.map((r) => new URL(r.url, 'http://x').searchParams.get('ending_before'))).toEqual(['it_2', 'it_4', 'it_6']);
  });

  it('autoPagingToArray stops at the limit without fetching further pages', async () => {
    const client = await listServer(25);
    const items = await client.requestList<{ id: string }>({ method: 'GET', path: '/v1/items', params: { limit: 10 } }).autoPagingToArray({ limit: 12 });
    expect(items.map((i) => i.id)).toEqual(Array.from({ length: 12 }, (_, i) => `it_${25 - i}`));
    expect(server.received).toHaveLength(2);
  });

  it('autoPagingToArray refuses more than 10,000 items, and needs a limit', async () => {
    const client = await listServer(1);
    const list = client.requestList({ method: 'GET', path: '/v1/items' });
    expect(() => list.autoPagingToArray({ limit: 10_001 })).toThrow(/10000/);
    expect(() => list.autoPagingToArray({} as { limit: number })).toThrow(/limit/);
    await list;
  });

  it('autoPagingEach stops when the callback returns false', async () => {
    const client = await listServer(30);
    const seen: string[] = [];
    await client.requestList<{ id: string }>({ method: 'GET', path: '/v1/items', params: { limit: 10 } }).autoPagingEach(async (item) => {
      seen.push(item.id);
      return seen.length < 15;
    });
    expect(seen).toHaveLength(15);
    expect(server.received).toHaveLength(2);
  });

  it('an empty list iterates nothing', async () => {
    const client = await listServer(0);
    expect(await client.requestList({ method: 'GET', path: '/v1/items' }).autoPagingToArray({ limit: 5 })).toEqual([]);
  });
});
