import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultTransport } from '../../generator/runtime/default-transport.js';

describe('defaultTransport', () => {
  afterEach(() => {
    delete (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime;
  });

  it('is node:http on Node, and it answers a real request', async () => {
    const server = http.createServer((req, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'request-id': 'req_1' });
      res.end(JSON.stringify({ method: req.method, url: req.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const transport = defaultTransport();
      expect(transport).toBeTypeOf('function');
      const response = await transport!(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/x`, { method: 'POST', headers: {}, body: 'a=1' });
      expect(response.status).toBe(201);
      expect(response.headers.get('request-id')).toBe('req_1');
      expect(JSON.parse(await response.text())).toEqual({ method: 'POST', url: '/v1/x' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('leaves edge runtimes to their own fetch', () => {
    (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime = 'vercel';
    expect(defaultTransport()).toBeUndefined();
  });
});
