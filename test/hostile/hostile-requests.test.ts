import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../generator/servers/gateway/gateway-server.js';
import { listen } from '../../generator/servers/listen.js';
import { startServerCommand, type RunningCommand } from '../mock/server-command.js';
import { ROOT, tempDir } from '../support/project.js';

/**
 * Hostile HTTP, sent byte for byte over raw sockets to real servers on 127.0.0.1: request smuggling
 * and framing tricks against the gateway (nothing may reach the upstream), and huge, deep, badly
 * encoded and prototype-named input against the mock (each gets a 4xx in Stripe's shape, in time,
 * and the server keeps answering others).
 */

interface RawAnswer {
  /** Status codes of every response on the connection, in order. */
  statuses: number[];
  text: string;
}

/** Writes `bytes` on a fresh connection and collects what comes back until the server closes it (or the guard). */
function raw(base: string, bytes: string | Buffer, guardMs = 5_000): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write(bytes));
    const done = () => {
      clearTimeout(guard);
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ statuses: [...text.matchAll(/HTTP\/1\.[01] (\d{3}) /g)].map((m) => Number(m[1])), text });
    };
    const guard = setTimeout(() => socket.destroy(), guardMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', done);
    socket.on('error', () => {});
  });
}

const request = (lines: string[], body = '') => `${lines.join('\r\n')}\r\n\r\n${body}`;

describe('sdkgen gateway: framing and smuggling', () => {
  const forwarded: string[] = [];
  const upstream = http.createServer((req, res) => {
    forwarded.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"id":"thing_1","object":"thing"}');
    });
  });
  let gateway: http.Server;
  let base: string;
  let host: string;

  beforeAll(async () => {
    const upstreamUrl = await listen(upstream, '127.0.0.1', 0);
    gateway = createGateway({
      routes: [
        { id: 'GetThings', method: 'GET', path: '/v1/things' },
        { id: 'PostThings', method: 'POST', path: '/v1/things' },
      ],
      upstream: upstreamUrl,
      secretKey: 'sk_test_gateway_hostile_0000',
      allowOrigins: [],
      publicHosts: [],
      maxBodyBytes: 4096,
      rateLimit: 10_000,
      rateWindowMs: 60_000,
      upstreamTimeoutMs: 2_000,
      log: () => {},
    });
    base = await listen(gateway, '127.0.0.1', 0);
    host = new URL(base).host;
  });

  afterAll(async () => {
    for (const server of [gateway, upstream]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('forwards a well-formed request (the probes below would fail for nothing otherwise)', async () => {
    forwarded.length = 0;
    const answer = await raw(base, request(['GET /v1/things HTTP/1.1', `Host: ${host}`, 'Connection: close']));
    expect(answer.statuses).toEqual([200]);
    expect(forwarded).toEqual(['GET /v1/things']);
  });

  const probes: [string, () => string][] = [
    ['two Host headers, the good one first', () => request(['GET /v1/things HTTP/1.1', `Host: ${host}`, 'Host: evil.example'])],
    ['two Host headers, the good one last', () => request(['GET /v1/things HTTP/1.1', 'Host: evil.example', `Host: ${host}`])],
    ['two Host headers, both good', () => request(['GET /v1/things HTTP/1.1', `Host: ${host}`, `host: ${host}`])],
    ['a request line with no HTTP version', () => 'GET /v1/things\r\n\r\n'],
    ['HTTP/2.0 on the request line', () => request(['GET /v1/things HTTP/2.0', `Host: ${host}`])],
    ['two equal Content-Length headers', () => request(['POST /v1/things HTTP/1.1', `Host: ${host}`, 'Content-Type: application/x-www-form-urlencoded', 'Content-Length: 3', 'Content-Length: 3'], 'a=1')],
    ['two different Content-Length headers', () => request(['POST /v1/things HTTP/1.1', `Host: ${host}`, 'Content-Length: 3', 'Content-Length: 40'], 'a=1')],
    ['Transfer-Encoding with Content-Length', () => request(['POST /v1/things HTTP/1.1', `Host: ${host}`, 'Content-Length: 4', 'Transfer-Encoding: chunked'], '3\r\na=1\r\n0\r\n\r\n')],
    ['Transfer-Encoding: gzip, chunked', () => request(['POST /v1/things HTTP/1.1', `Host: ${host}`, 'Transfer-Encoding: gzip, chunked'], '3\r\na=1\r\n0\r\n\r\n')],
    ['two Transfer-Encoding headers', () => request(['POST /v1/things HTTP/1.1', `Host: ${host}`, 'Transfer-Encoding: chunked', 'Transfer-Encoding: identity'], '3\r\na=1\r\n0\r\n\r\n')],
    ['a folded header (obs-fold)', () => request(['GET /v1/things HTTP/1.1', `Host: ${host}`, 'X-Folded: a', ' b'])],
    ['a space before the colon', () => request(['GET /v1/things HTTP/1.1', `Host : ${host}`])],
    ['bare LF line ends', () => `GET /v1/things HTTP/1.1\nHost: ${host}\n\n`],
    ['a NUL in a header value', () => request(['GET /v1/things HTTP/1.1', `Host: ${host}`, 'X-A: b\0c'])],
    ['an absolute-form target naming another host', () => request(['GET http://evil.example/v1/things HTTP/1.1', `Host: ${host}`])],
    ['an absolute-form target naming this host', () => request([`GET http://${host}/v1/things HTTP/1.1`, `Host: ${host}`])],
    ['an authority-form target', () => request([`CONNECT evil.example:443 HTTP/1.1`, `Host: ${host}`])],
    ['a 20 KB header', () => request(['GET /v1/things HTTP/1.1', `Host: ${host}`, `X-Big: ${'a'.repeat(20_000)}`])],
  ];
  for (const [name, bytes] of probes) {
    it(`refuses ${name} with a 4xx and forwards nothing`, async () => {
      forwarded.length = 0;
      const answer = await raw(base, bytes());
      expect(answer.statuses.length).toBeGreaterThan(0);
      expect(answer.statuses.every((status) => status >= 400 && status < 500)).toBe(true);
      expect(forwarded).toEqual([]);
    });
  }

  it('answers the version-less and duplicate-Host requests with a 400 that names the problem', async () => {
    const noVersion = await raw(base, 'GET /v1/things\r\n\r\n');
    expect(noVersion.statuses).toEqual([400]);
    expect(noVersion.text).toContain('no HTTP version');
    const twoHosts = await raw(base, request(['GET /v1/things HTTP/1.1', `Host: ${host}`, 'Host: evil.example']));
    expect(twoHosts.statuses).toEqual([400]);
    expect(twoHosts.text).toContain('more than one Host header');
  });

  it('does not let a body smuggle a second request past the checks', async () => {
    forwarded.length = 0;
    const smuggled = request(['GET /v1/customers HTTP/1.1', `Host: ${host}`, 'Connection: close']);
    const answer = await raw(
      base,
      request(['POST /v1/things HTTP/1.1', `Host: ${host}`, 'Content-Type: application/x-www-form-urlencoded', `Content-Length: 3`], 'a=1') + smuggled,
    );
    // The pipelined request is judged on its own: the POST goes through, the hidden GET is refused.
    expect(answer.statuses).toEqual([200, 404]);
    expect(forwarded).toEqual(['POST /v1/things']);
  });
});

describe('sdkgen mock: hostile requests', () => {
  let mock: RunningCommand;
  const auth = 'Authorization: Bearer sk_test_hostile';

  beforeAll(async () => {
    mock = await startServerCommand(['mock', '--port', '0', '--quiet', '--spec', path.join(ROOT, 'test/hostile/specs/proto-names.yaml')], {
      SDKGEN_CACHE_DIR: tempDir('hostile-mock-cache'),
    });
  });

  afterAll(async () => {
    const { stderr } = await mock.stop();
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  const post = (body: string | Buffer, headers: string[] = ['Content-Type: application/x-www-form-urlencoded']) =>
    Buffer.concat([
      Buffer.from(request(['POST /v1/things/a/b/c HTTP/1.1', `Host: ${new URL(mock.url).host}`, auth, 'Connection: close', ...headers, `Content-Length: ${Buffer.byteLength(body)}`])),
      Buffer.isBuffer(body) ? body : Buffer.from(body),
    ]);

  /** The one response on a connection: status and Stripe error (when there is one). */
  async function send(bytes: string | Buffer): Promise<{ status: number; error?: { type: string; message: string } }> {
    const answer = await raw(mock.url, bytes, 10_000);
    expect(answer.statuses).toHaveLength(1);
    const json = JSON.parse(answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4)) as { error?: { type: string; message: string } };
    return { status: answer.statuses[0]!, error: json.error };
  }

  it('routes paths and reads params named after Object.prototype members', async () => {
    expect((await send(post('__proto__=x&constructor=y&metadata[__proto__]=z&toString[hasOwnProperty]=q'))).status).toBe(200);
    const missing = await send(post('constructor=y'));
    expect(missing).toMatchObject({ status: 400, error: { type: 'invalid_request_error', message: expect.stringContaining('__proto__') } });
  });

  it('decodes a 1 MB body of 45,000 [] items and answers other requests meanwhile', async () => {
    const big = `__proto__=x&${Array(45_000).fill('hasOwnProperty[]=then').join('&')}`;
    expect(big.length).toBeGreaterThan(900_000);
    const small = `GET /v1/widgets/__proto__ HTTP/1.1\r\nHost: ${new URL(mock.url).host}\r\n${auth}\r\nConnection: close\r\n\r\n`;
    const [bigAnswer, smallAnswer] = await Promise.all([send(post(big)), send(small)]);
    // Whether Stripe would take a list there or not, the answer is Stripe's 200 or 400, never a 500.
    expect([200, 400]).toContain(bigAnswer.status);
    expect(smallAnswer.status).toBe(200);
  }, 20_000);

  const refusals: [string, () => Buffer | string, number, RegExp][] = [
    ['a body over the size limit', () => post(`__proto__=${'x'.repeat(1_100_000)}`), 413, /too large/],
    ['a name nested 1,000 deep', () => post(`__proto__=x&metadata${'[a]'.repeat(1_000)}=1`), 400, /nested more than 32 levels deep/],
    ['200,000 parameters', () => post(Array(200_000).fill('a=1').join('&')), 400, /more than 100000 parameters/],
    ['a malformed percent escape', () => post('__proto__=%E0%A4%A'), 400, /malformed percent escape/],
    ['bytes that are not UTF-8, percent-encoded', () => post('__proto__=%FF%FE'), 400, /malformed percent escape/],
    ['a JSON body with __proto__', () => post('{"__proto__":{"polluted":true}}', ['Content-Type: application/json']), 400, /form-encoded/],
    ['brackets that cannot be read back', () => post('__proto__]=1'), 400, /Invalid parameter name/],
    ['an unknown __proto__ sub-key', () => post('__proto__=x&hasOwnProperty[__proto__]=1'), 400, /./],
  ];
  for (const [name, bytes, status, message] of refusals) {
    it(`answers ${name} with ${status} in Stripe's shape`, async () => {
      const answer = await send(bytes());
      expect(answer.status).toBe(status);
      expect(answer.error?.type).toBe('invalid_request_error');
      expect(answer.error?.message).toMatch(message);
    }, 20_000);
  }

  it('takes raw bytes that are not UTF-8 and duplicate headers without failing, and keeps answering', async () => {
    const latin = await send(post(Buffer.from([0x5f, 0x5f, 0x70, 0x72, 0x6f, 0x74, 0x6f, 0x5f, 0x5f, 0x3d, 0xff, 0xfe, 0xc3])));
    expect(latin.status).toBeLessThan(500);
    const twice = await send(post('__proto__=x', ['Content-Type: application/x-www-form-urlencoded', 'Content-Type: application/json', 'Authorization: Bearer other']));
    expect(twice.status).toBeLessThan(500);
    const query = await send(`GET /v1/widgets/__proto__?__proto__[polluted]=1&constructor=2&valueOf=true HTTP/1.1\r\nHost: ${new URL(mock.url).host}\r\n${auth}\r\nConnection: close\r\n\r\n`);
    expect(query.status).toBeLessThan(500);
    expect((await send(post('__proto__=still-here'))).status).toBe(200);
  });
});
