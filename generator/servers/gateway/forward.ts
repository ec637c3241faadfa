import http from 'node:http';
import https from 'node:https';

export interface UpstreamAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export class UpstreamFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'unreachable' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

export interface ForwardRequest {
  upstream: URL;
  method: string;
  /** Path and query, already checked: sent as is. */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
  maxResponseBytes: number;
}

/**
 * One request to the upstream, bounded in time and size. node's client follows no redirects: a 3xx
 * comes back as an answer, and the gateway decides what to do with it.
 */
export function forward(request: ForwardRequest): Promise<UpstreamAnswer> {
  const client = request.upstream.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      {
        protocol: request.upstream.protocol,
        hostname: request.upstream.hostname.replace(/^\[|\]$/g, ''),
        port: request.upstream.port || undefined,
        method: request.method,
        path: request.target,
        headers: request.headers,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > request.maxResponseBytes) {
            outgoing.destroy(new UpstreamFailure('too_large', 'The upstream answer is too large.'));
            return;
          }
          chunks.push(chunk);
        });
        incoming.on('end', () => {
          clearTimeout(timer);
          resolve({ status: incoming.statusCode ?? 502, headers: incoming.headers, body: Buffer.concat(chunks) });
        });
        incoming.on('error', (error) => outgoing.destroy(error));
      },
    );
    const timer = setTimeout(() => outgoing.destroy(new UpstreamFailure('timeout', `The upstream did not answer within ${request.timeoutMs} ms.`)), request.timeoutMs);
    outgoing.on('error', (error) => {
      clearTimeout(timer);
      const code = (error as NodeJS.ErrnoException).code;
      reject(error instanceof UpstreamFailure ? error : new UpstreamFailure('unreachable', `The upstream could not be reached${code ? ` (${code})` : ''}.`));
    });
    outgoing.end(request.body);
  });
}
