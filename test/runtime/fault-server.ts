/**
 * A local HTTP server for the runtime tests: each request is recorded, then answered by a scripted
 * handler that may misbehave (reset the connection, never answer, send garbage).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClientCore, type ClientConfig, type FetchLike } from '../../generator/runtime/core.js';
import { nodeFetch } from '../../generator/runtime/node-fetch.js';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers the `attempt`-th request (0-based) the server has received. */
export type Handler = (res: ServerResponse, received: Received, attempt: number) => void;

export interface FaultServer {
  url: string;
  received: Received[];
  /** Closes the server and every connection; safe to call twice. */
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<FaultServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() };
      received.push(r);
      handler(res, r, received.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // Requests left hanging on purpose (timeouts) would otherwise keep the server open.
        server.closeAllConnections();
      })),
  };
}

/** Plays the steps in order, repeating the last one. */
export function script(...steps: Handler[]): Handler {
  return (res, r, attempt) => steps[Math.min(attempt, steps.length - 1)]!(res, r, attempt);
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${status}`, ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}

export const ok = (body: unknown = { id: 'obj_1', object: 'thing' }) => json(200, body);

export function stripeError(status: number, error: Record<string, unknown>, headers: Record<string, string> = {}): Handler {
  return json(status, { error }, headers);
}

/** Sends the status line, headers and half a body, then cuts the connection. */
export const resetMidResponse: Handler = (res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
  res.write('{"id":"obj_');
  // Let the partial body leave before cutting, so the client sees a cut body, not a refused request.
  setTimeout(() => res.socket?.destroy(), 5);
};

/** Cuts the connection without answering. */
export const resetBeforeResponse: Handler = (res) => {
  res.socket?.destroy();
};

/** Never answers: for timeouts. */
export const hang: Handler = () => {};

export function testClient(url: string, config: ClientConfig = {}): ClientCore {
  return new ClientCore(
    { apiKey: 'sk_test_123', baseUrl: url, initialRetryDelay: 1, maxRetryDelay: 4, ...config },
    { apiVersion: '2023-10-16', packageName: 'sdkgen-test', packageVersion: '0.0.0' },
  );
}

/** Every behaviour is checked over both transports: the platform fetch and the node:http one. */
export const TRANSPORTS: Array<[name: string, fetch: FetchLike | undefined]> = [
  ['global fetch', undefined],
  ['nodeFetch', nodeFetch()],
];
