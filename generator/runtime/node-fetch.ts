/**
 * An optional transport for Node: `node:http`/`node:https` with keep-alive agents, answering the
 * `FetchLike` contract. Node's built-in fetch (undici) costs several times more per call than
 * `node:http` for small JSON requests; this closes that gap. The core never imports this file, so
 * browser and edge bundles do not carry it: pass `fetch: nodeFetch()` in the client config.
 */

import type { BlobLike, FetchInit, FetchLike, HeadersLike, ReadableStreamLike, ResponseLike } from './fetch-types.js';

// The little of node:http used here, typed locally so the runtime compiles without @types/node.
type HeaderValues = Record<string, string | string[] | undefined>;
interface IncomingMessage {
  statusCode?: number;
  headers: HeaderValues;
  complete: boolean;
  on(event: 'data', listener: (chunk: NodeBuffer) => void): this;
  on(event: 'end' | 'close', listener: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
}
interface Socket {
  connecting: boolean;
  once(event: 'connect' | 'secureConnect', listener: () => void): this;
}
interface ClientRequest {
  destroy(error?: Error): void;
  on(event: 'error', listener: (error: Error) => void): this;
  once(event: 'socket', listener: (socket: Socket) => void): this;
  end(body?: string): void;
  write(chunk: Uint8Array): boolean;
  once(event: 'drain', listener: () => void): this;
}
type NodeBuffer = Uint8Array & { toString(encoding: 'utf8'): string };
declare const Buffer: { concat(chunks: NodeBuffer[]): NodeBuffer };
interface HttpModule {
  request(url: string, options: object, onResponse: (response: IncomingMessage) => void): ClientRequest;
  Agent: new (options: { keepAlive: boolean }) => unknown;
}

declare function setTimeout(callback: () => void, ms: number): unknown;
declare function clearTimeout(id: unknown): void;

const join = (value: string | string[]) => (Array.isArray(value) ? value.join(', ') : value);

function headersOf(raw: HeaderValues): HeadersLike {
  return {
    get: (name) => {
      const value = raw[name.toLowerCase()];
      return value === undefined ? null : join(value);
    },
    forEach: (callback) => {
      for (const name in raw) if (raw[name] !== undefined) callback(join(raw[name]!), name);
    },
  };
}

function load(name: string): Promise<HttpModule> {
  // A computed specifier, so that bundlers targeting browsers do not try to resolve node:http.
  return import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:' + name);
}

type Transports = Record<string, { module: HttpModule; agent: unknown } | undefined>;

async function writeStream(request: ClientRequest, stream: ReadableStreamLike): Promise<void> {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return request.end();
    if (!request.write(value as Uint8Array)) await new Promise<void>((resolve) => request.once('drain', resolve));
  }
}

/** A `FetchLike` over node:http(s), with one keep-alive agent per protocol for this transport. */
export function nodeFetch(): FetchLike {
  let transports: Promise<Transports> | undefined;
  const setUp = async (): Promise<Transports> => {
    const [http, https] = await Promise.all([load('http'), load('https')]);
    return {
      'http:': { module: http, agent: new http.Agent({ keepAlive: true }) },
      'https:': { module: https, agent: new https.Agent({ keepAlive: true }) },
    };
  };
  const send = async (url: string, init: FetchInit): Promise<ResponseLike> => {
    const transport = (await (transports ??= setUp()))[url.slice(0, url.indexOf(':') + 1)];
    if (!transport) throw new TypeError(`Unsupported URL: ${url}`);
    return new Promise<ResponseLike>((resolve, reject) => {
      let timer: unknown;
      const settle = <T>(fn: (value: T) => void) => (value: T) => {
        clearTimeout(timer);
        init.signal?.removeEventListener('abort', onAbort);
        fn(value);
      };
      const done = settle(resolve);
      const fail = settle(reject);
      const request = transport.module.request(
        url,
        { method: init.method, headers: init.headers, agent: transport.agent },
        (response) => {
          const chunks: NodeBuffer[] = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('error', fail);
          // A connection cut mid-body ends in `close` without `end`.
          response.on('close', () => {
            if (!response.complete) fail(new Error('The connection closed before the response was complete'));
          });
          response.on('end', () => {
            const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
            done({
              status: response.statusCode ?? 0,
              headers: headersOf(response.headers),
              text: async () => body.toString('utf8'),
              arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
            });
          });
        },
      );
      request.on('error', fail);
      // The deadline and a caller's signal, without node:http's AbortSignal plumbing (costly per call).
      function onAbort() {
        request.destroy(init.signal?.reason instanceof Error ? init.signal.reason : new Error('The request was aborted'));
      }
      if (init.signal?.aborted) onAbort();
      else init.signal?.addEventListener('abort', onAbort);
      if (init.timeout !== undefined) {
        timer = setTimeout(() => request.destroy(Object.assign(new Error(`No complete response within ${init.timeout} ms`), { name: 'TimeoutError' })), init.timeout);
      }
      const body = init.body;
      if (body !== undefined && typeof body !== 'string') {
        // An upload: its multipart body is written as it is read, at the pace the socket takes it.
        writeStream(request, 'getReader' in body ? body : (body as BlobLike).stream()).catch((error: Error) => request.destroy(error));
        return;
      }
      // Written once connected, headers and body leave in one write instead of a buffered writev.
      request.once('socket', (socket) => {
        if (socket.connecting) socket.once(url.startsWith('https:') ? 'secureConnect' : 'connect', () => request.end(body));
        else request.end(body);
      });
    });
  };
  return Object.assign(send, { enforcesTimeout: true });
}
