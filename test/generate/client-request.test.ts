import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import stripe, { createClient, createCore, postIdentityVerificationSessions } from '../../generated/src/index.js';
import { ROOT } from '../support/project.js';

const { stringifyRequestData } = createRequire(import.meta.url)(path.join(ROOT, 'node_modules/stripe/cjs/utils.js')) as {
  stringifyRequestData: (data: object) => string;
};

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('the generated client sends a real request to a local server', () => {
  const seen: Seen[] = [];
  let server: http.Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${seen.length}` });
        res.end(JSON.stringify({ id: 'vs_123', object: 'identity.verification_session', status: 'requires_input', type: 'document' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('the official SDK shape: createClient(...).identity.verificationSessions.create', async () => {
    const params = {
      type: 'document' as const,
      metadata: { order_id: '6735', note: 'a b&c' },
      options: { document: { allowed_types: ['passport' as const, 'id_card' as const], require_matching_selfie: true } },
      expand: ['last_verification_report' as const],
      return_url: 'https://example.com/done?x=1',
    };
    const client = createClient({ apiKey: 'sk_test_123', baseUrl });
    const session = await client.identity.verificationSessions.create(params);
    expect(session.id).toBe('vs_123');
    const request = seen.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v1/identity/verification_sessions');
    expect(request.headers.authorization).toBe('Bearer sk_test_123');
    expect(request.headers['stripe-version']).toBe('2023-08-16');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.body).toBe(stringifyRequestData(params));
    expect(request.body).toContain('options[document][allowed_types][0]=passport');
  });

  it("the seed page's shape: the default export, configured from the environment on first use", async () => {
    process.env.STRIPE_BASE_URL = baseUrl;
    delete process.env.STRIPE_SECRET_KEY;
    const session = await stripe.postIdentityVerificationSessions({ type: 'document' });
    expect(session.object).toBe('identity.verification_session');
    const request = seen.at(-1)!;
    expect(request.url).toBe('/v1/identity/verification_sessions');
    expect(request.body).toBe('type=document');
    // Behind a gateway the client sends no credentials of its own.
    expect(request.headers.authorization).toBeUndefined();
  });

  it('the tree-shakable shape: an operation function over createCore', async () => {
    const core = createCore({ apiKey: 'sk_test_fn', baseUrl });
    const session = await postIdentityVerificationSessions(core, { type: 'id_number' });
    expect(session.id).toBe('vs_123');
    const request = seen.at(-1)!;
    expect(request.headers.authorization).toBe('Bearer sk_test_fn');
    expect(request.body).toBe('type=id_number');
  });

  it('path parameters are URI-encoded and GET params go in the query string', async () => {
    const client = createClient({ apiKey: 'sk_test_123', baseUrl });
    await client.identity.verificationSessions.retrieve('vs_1/../x y', { expand: ['last_verification_report'] });
    const request = seen.at(-1)!;
    expect(request.method).toBe('GET');
    expect(request.url).toBe('/v1/identity/verification_sessions/vs_1%2F..%2Fx%20y?expand[0]=last_verification_report');
    expect(request.body).toBe('');
  });

  it('each resource method and each flat method sends its own operation, and they are methods as a class would have', async () => {
    const client = createClient({ apiKey: 'sk_test_123', baseUrl });
    const sessions = client.identity.verificationSessions;
    const calls: Array<[string, () => Promise<unknown>, () => Promise<unknown>, string]> = [
      ['list', () => sessions.list({ limit: 3 }), () => client.getIdentityVerificationSessions({ limit: 3 }), 'GET /v1/identity/verification_sessions?limit=3'],
      ['retrieve', () => sessions.retrieve('vs_1'), () => client.getIdentityVerificationSessionsSession('vs_1'), 'GET /v1/identity/verification_sessions/vs_1'],
      ['create', () => sessions.create({ type: 'document' }), () => client.postIdentityVerificationSessions({ type: 'document' }), 'POST /v1/identity/verification_sessions'],
      ['update', () => sessions.update('vs_1', { type: 'id_number' }), () => client.postIdentityVerificationSessionsSession('vs_1', { type: 'id_number' }), 'POST /v1/identity/verification_sessions/vs_1'],
      ['cancel', () => sessions.cancel('vs_1'), () => client.postIdentityVerificationSessionsSessionCancel('vs_1'), 'POST /v1/identity/verification_sessions/vs_1/cancel'],
      ['redact', () => sessions.redact('vs_1'), () => client.postIdentityVerificationSessionsSessionRedact('vs_1'), 'POST /v1/identity/verification_sessions/vs_1/redact'],
    ];
    for (const [name, viaResource, viaFlat, expected] of calls) {
      for (const call of [viaResource, viaFlat]) {
        await call();
        const request = seen.at(-1)!;
        expect(`${request.method} ${request.url}`, name).toBe(expected);
      }
    }
    // Shared by every instance on the prototype, named, and not enumerable: as class methods are.
    const prototype = Object.getPrototypeOf(sessions) as object;
    expect(sessions.create).toBe(createClient().identity.verificationSessions.create);
    expect(sessions.create.name).toBe('create');
    expect(Object.keys(sessions)).toEqual([]);
    expect(Object.keys(client)).toEqual(['identity']);
    expect(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(prototype), 'redact')).toMatchObject({ enumerable: false, writable: true });
    expect(client.postIdentityVerificationSessions.name).toBe('postIdentityVerificationSessions');
  });
});
