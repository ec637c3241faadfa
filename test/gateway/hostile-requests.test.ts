import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../generator/servers/gateway/gateway-server.js';
import type { GatewayOptions } from '../../generator/servers/gateway/gateway-options.js';
import { listen } from '../../generator/servers/listen.js';
import { model } from '../support/project.js';

const KEY = 'sk_test_51GatewaySecretNeverLeaves00000000';
const ACCESS_KEY = 'access-key-for-tests-0123456789';
const SESSIONS = '/v1/identity/verification_sessions';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A stand-in upstream that records everything it is sent. */
const seen: Seen[] = [];
const upstream = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    if (req.url?.endsWith('/vs_redirect')) {
      res.writeHead(302, { Location: 'http://evil.example/steal' });
      return res.end();
    }
    if (req.url?.endsWith('/vs_slow')) return; // never answers
    const payload = req.url?.endsWith('/vs_echo')
      ? { echoed_authorization: req.headers.authorization }
      : { id: 'vs_1', object: 'identity.verification_session' };
    res.writeHead(200, { 'Content-Type': 'application/json', 'Request-Id': 'req_upstream1', 'Set-Cookie': 'session=upstream', 'X-Internal': 'secret-ish' });
    res.end(JSON.stringify(payload));
  });
});

const servers: http.Server[] = [];
const logs: string[] = [];
let upstreamUrl: string;
let routes: GatewayOptions['routes'];

async function startGateway(overrides: Partial<GatewayOptions> = {}): Promise<string> {
  const server = createGateway({
    routes,
    upstream: upstreamUrl,
    secretKey: KEY,
    stripeVersion: '2023-08-16',
    allowOrigins: ['http://docs.example'],
    publicHosts: [],
    maxBodyBytes: 1024,
    rateLimit: 1000,
    rateWindowMs: 60_000,
    upstreamTimeoutMs: 300,
    log: (line) => logs.push(line),
    ...overrides,
  });
  servers.push(server);
  return listen(server, '127.0.0.1', 0);
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

/** A raw HTTP/1.1 request: any request target and any Host, as a hostile client would send. */
function send(base: string, method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path: target, headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode!, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
let gateway: string;

beforeAll(async () => {
  upstreamUrl = await listen(upstream, '127.0.0.1', 0);
  routes = (await model({ resources: ['identity.verification_sessions'] })).operations.map((op) => ({ id: op.id, method: op.method, path: op.path }));
  gateway = await startGateway();
});

afterAll(async () => {
  for (const server of [...servers, upstream]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  // Whatever happened above, the key is in no log line.
  expect(logs.length).toBeGreaterThan(10);
  expect(logs.join('\n')).not.toContain(KEY);
  expect(logs.join('\n')).not.toContain(ACCESS_KEY);
});

/** Every answer is checked for the key, in its body and its headers. */
function noKey(answer: Answer): Answer {
  expect(answer.text).not.toContain(KEY);
  expect(JSON.stringify(answer.headers)).not.toContain(KEY);
  return answer;
}

async function upstreamSees(action: () => Promise<Answer>): Promise<{ answer: Answer; requests: Seen[] }> {
  const before = seen.length;
  const answer = noKey(await action());
  return { answer, requests: seen.slice(before) };
}

describe('sdkgen gateway: what it forwards', () => {
  it('forwards a generated operation with the key added, and only allow-listed headers', async () => {
    const body = 'type=document&metadata[order_id]=6735';
    const { answer, requests } = await upstreamSees(() =>
      send(gateway, 'POST', SESSIONS, { ...form, Authorization: 'Bearer sk_live_callers_own_key', Cookie: 'sid=victim', 'Idempotency-Key': 'idem-1', 'X-Forwarded-For': '6.6.6.6', 'Stripe-Account': 'acct_other' }, body),
    );
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ id: 'vs_1', object: 'identity.verification_session' });
    expect(answer.headers['request-id']).toBe('req_upstream1');
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.headers['x-internal']).toBeUndefined();
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({ method: 'POST', url: SESSIONS, body });
    expect(request!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request!.headers['stripe-version']).toBe('2023-08-16');
    expect(request!.headers['idempotency-key']).toBe('idem-1');
    for (const header of ['cookie', 'x-forwarded-for', 'stripe-account', 'origin', 'x-gateway-key']) expect(request!.headers[header]).toBeUndefined();
    expect(JSON.stringify(request!.headers)).not.toContain('sk_live_callers_own_key');
  });

  it('forwards path parameters and query strings as received', async () => {
    const { answer, requests } = await upstreamSees(() => send(gateway, 'GET', `${SESSIONS}/vs_123?expand[0]=last_verification_report`));
    expect(answer.status).toBe(200);
    expect(requests.map((r) => r.url)).toEqual([`${SESSIONS}/vs_123?expand[0]=last_verification_report`]);
  });

  it('takes the key out of anything the upstream sends back', async () => {
    const { answer } = await upstreamSees(() => send(gateway, 'GET', `${SESSIONS}/vs_echo`));
    expect(answer.status).toBe(200);
    expect(answer.json.echoed_authorization).toBe('Bearer [redacted]');
  });
});

describe('sdkgen gateway: hostile requests', () => {
  const refusals: [string, () => Promise<Answer>, number, string][] = [
    ['a path outside the allow-list', () => send(gateway, 'POST', '/v1/customers', form, 'name=x'), 404, 'gateway_route_not_allowed'],
    ['a known path with a method not generated', () => send(gateway, 'DELETE', `${SESSIONS}/vs_1`), 405, 'gateway_method_not_allowed'],
    ['.. segments', () => send(gateway, 'POST', `${SESSIONS}/../../v1/customers`, form, 'name=x'), 400, 'gateway_bad_request_target'],
    ['an encoded slash', () => send(gateway, 'POST', `${SESSIONS}/vs_1%2Fcancel`, form, ''), 400, 'gateway_bad_request_target'],
    ['encoded dots', () => send(gateway, 'GET', `${SESSIONS}/%2e%2e`), 400, 'gateway_bad_request_target'],
    ['an absolute-URI request target', () => send(gateway, 'GET', `http://evil.example${SESSIONS}`), 400, 'gateway_bad_request_target'],
    ['an absolute-URI target naming the real API', () => send(gateway, 'GET', `https://api.stripe.com${SESSIONS}`), 400, 'gateway_bad_request_target'],
    ['a Host header for another server', () => send(gateway, 'GET', SESSIONS, { Host: 'evil.example' }), 421, 'gateway_host_not_allowed'],
    ['a Host header for another port', () => send(gateway, 'GET', SESSIONS, { Host: '127.0.0.1:1' }), 421, 'gateway_host_not_allowed'],
    ['a body over the limit', () => send(gateway, 'POST', SESSIONS, form, `type=document&return_url=${'x'.repeat(2000)}`), 413, 'gateway_body_too_large'],
    ['a JSON body', () => send(gateway, 'POST', SESSIONS, { 'Content-Type': 'application/json' }, '{"type":"document"}'), 415, 'gateway_content_type'],
    ['a body on a GET', () => send(gateway, 'GET', SESSIONS, { ...form, 'Content-Length': '7' }, 'limit=1'), 400, 'gateway_unexpected_body'],
    ['a chunked body on a GET', () => send(gateway, 'GET', SESSIONS, { ...form, 'Transfer-Encoding': 'chunked' }, 'limit=1'), 400, 'gateway_unexpected_body'],
    ['a foreign origin', () => send(gateway, 'POST', SESSIONS, { ...form, Origin: 'https://evil.example' }, 'type=document'), 403, 'gateway_origin_not_allowed'],
    ['Origin: null when null is not allowed', () => send(gateway, 'POST', SESSIONS, { ...form, Origin: 'null' }, 'type=document'), 403, 'gateway_origin_not_allowed'],
    ['a cross-site request with no Origin', () => send(gateway, 'GET', SESSIONS, { 'Sec-Fetch-Site': 'cross-site' }), 403, 'gateway_origin_not_allowed'],
  ];
  for (const [name, action, status, code] of refusals) {
    it(`refuses ${name} (${status}) and forwards nothing`, async () => {
      const { answer, requests } = await upstreamSees(action);
      expect(answer.status).toBe(status);
      expect(answer.json.error).toMatchObject({ type: 'invalid_request_error', code, message: expect.any(String) });
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(requests).toEqual([]);
    });
  }

  it('answers a CORS preflight only for listed origins', async () => {
    const preflight = (origin: string) =>
      send(gateway, 'OPTIONS', SESSIONS, { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' });
    const { answer: foreign, requests } = await upstreamSees(() => preflight('https://evil.example'));
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await preflight('http://docs.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://docs.example');
    expect(allowed.headers['access-control-allow-methods']).toBe('GET, POST');
    expect(allowed.headers['access-control-allow-headers']).toContain('X-Gateway-Key');
    expect(requests).toEqual([]);
    const real = await send(gateway, 'POST', SESSIONS, { ...form, Origin: 'http://docs.example' }, 'type=document');
    expect(real.status).toBe(200);
    expect(real.headers['access-control-allow-origin']).toBe('http://docs.example');
    expect(real.headers['access-control-expose-headers']).toContain('Request-Id');
  });

  it('follows no redirect from the upstream', async () => {
    const { answer, requests } = await upstreamSees(() => send(gateway, 'GET', `${SESSIONS}/vs_redirect`));
    expect(answer.status).toBe(502);
    expect(answer.json.error).toMatchObject({ type: 'api_error', code: 'gateway_upstream_redirect' });
    expect(answer.headers.location).toBeUndefined();
    expect(requests.map((r) => r.url)).toEqual([`${SESSIONS}/vs_redirect`]);
  });

  it('gives up on a slow upstream', async () => {
    const { answer } = await upstreamSees(() => send(gateway, 'GET', `${SESSIONS}/vs_slow`));
    expect(answer.status).toBe(504);
    expect(answer.json.error).toMatchObject({ type: 'api_error', code: 'gateway_upstream_timeout' });
  });

  it('stops a flood from one client at the rate limit', async () => {
    const limited = await startGateway({ rateLimit: 5 });
    const { answer: last, requests } = await upstreamSees(async () => {
      const answers: Answer[] = [];
      for (let i = 0; i < 8; i++) answers.push(noKey(await send(limited, 'GET', `${SESSIONS}/vs_${i}`)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      return answers[7]!;
    });
    expect(last.json.error).toMatchObject({ code: 'rate_limit' });
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(requests).toHaveLength(5);
  });

  it('with an access key, wants it on every request and never forwards it', async () => {
    const keyed = await startGateway({ accessKey: ACCESS_KEY, allowOrigins: ['null'] });
    const { answer: without, requests: none } = await upstreamSees(() => send(keyed, 'POST', SESSIONS, { ...form, Origin: 'null' }, 'type=document'));
    expect(without.status).toBe(401);
    expect(without.json.error).toMatchObject({ type: 'authentication_error', code: 'gateway_access_key' });
    expect(none).toEqual([]);
    const wrong = await send(keyed, 'POST', SESSIONS, { ...form, Origin: 'null', 'X-Gateway-Key': 'guess' }, 'type=document');
    expect(wrong.status).toBe(401);
    const { answer: right, requests } = await upstreamSees(() =>
      send(keyed, 'POST', SESSIONS, { ...form, Origin: 'null', 'X-Gateway-Key': ACCESS_KEY }, 'type=document'),
    );
    expect(right.status).toBe(200);
    expect(right.headers['access-control-allow-origin']).toBe('null');
    expect(right.text).not.toContain(ACCESS_KEY);
    expect(requests).toHaveLength(1);
    expect(JSON.stringify(requests[0]!.headers)).not.toContain(ACCESS_KEY);
  });
});
