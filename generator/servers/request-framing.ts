import type { IncomingMessage } from 'node:http';

/**
 * Checks how a request is framed, before anything else reads it. Node's parser already refuses
 * duplicate or malformed Content-Length, Content-Length with Transfer-Encoding, obs-fold and bare LF
 * (those never reach a handler); it lets through what is checked here: a request line with no HTTP
 * version (HTTP/0.9) or another major version, several Host headers (it keeps the first and drops
 * the rest, so the Host check would judge only one of them), and a Transfer-Encoding other than
 * plain `chunked`, which a server behind may read differently.
 */
export function checkRequestFraming(req: IncomingMessage): string | undefined {
  if (req.httpVersionMajor !== 1) {
    return req.httpVersion === '0.9' ? 'The request line has no HTTP version; only HTTP/1.x requests are accepted.' : `HTTP/${req.httpVersion} is not accepted here; use HTTP/1.1.`;
  }
  const counts = new Map<string, number>();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  for (const name of ['host', 'content-length', 'transfer-encoding']) {
    if ((counts.get(name) ?? 0) > 1) return `The request has more than one ${displayName(name)} header.`;
  }
  const encoding = req.headers['transfer-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'chunked') {
    return 'Transfer-Encoding other than chunked is not accepted.';
  }
  return undefined;
}

function displayName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash}${c.toUpperCase()}`);
}
