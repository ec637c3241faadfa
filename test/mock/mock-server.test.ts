import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../generator/servers/listen.js';
import { createMock, type RecordedRequest } from '../../generator/servers/mock/mock-server.js';
import { spec } from '../support/project.js';

let server: Server;
let base: string;
const received: RecordedRequest[] = [];

beforeAll(async () => {
  const loaded = await spec();
  server = createMock({ document: loaded.document, specSha256: loaded.sha256, onRequest: (r) => received.push(r) });
  base = await listen(server, '127.0.0.1', 0);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function call(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    body,
    headers: { Authorization: 'Bearer sk_test_mock', ...(body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...headers },
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, any> };
}

const SESSIONS = '/v1/identity/verification_sessions';

describe('sdkgen mock: valid requests', () => {
  it('answers a create with an object shaped by the response schema, with the request applied', async () => {
    const body = 'type=document&metadata[order_id]=6735&options[document][allowed_types][0]=passport&options[document][require_live_capture]=true';
    const { status, json, headers } = await call('POST', SESSIONS, body);
    expect(status).toBe(200);
    expect(json.object).toBe('identity.verification_session');
    expect(json.id).toMatch(/^vs_[A-Za-z0-9]{24}$/);
    expect(json.type).toBe('document');
    expect(json.metadata).toEqual({ order_id: '6735' });
    expect(json.options).toEqual({ document: { allowed_types: ['passport'], require_live_capture: true } });
    expect(json.livemode).toBe(false);
    expect(json.client_secret).toMatch(new RegExp(`^${json.id}_secret_`));
    expect(headers.get('request-id')).toMatch(/^req_/);
    expect(received.at(-1)).toMatchObject({ method: 'POST', operationId: 'PostIdentityVerificationSessions', body });
  });
});

describe('sdkgen mock: invalid requests, as Stripe answers them', () => {
  const cases: [string, string, string, string, string?][] = [
    ['unknown parameter', 'type=document&colour=red', 'parameter_unknown', 'colour'],
    ['unknown nested parameter', 'type=document&options[document][colour]=red', 'parameter_unknown', 'options[document][colour]'],
    ['missing required', 'return_url=https://example.com', 'parameter_missing', 'type'],
    ['enum value', 'type=passport', 'parameter_invalid_string', 'type'],
    ['nested enum in an array', 'type=document&options[document][allowed_types][0]=library_card', 'parameter_invalid_string', 'options[document][allowed_types][0]'],
    ['boolean', 'type=document&options[document][require_id_number]=yes', 'parameter_invalid_boolean', 'options[document][require_id_number]'],
    ['a hash where a string goes', 'type[x]=document', 'parameter_invalid_string', 'type'],
    ['a string where a hash goes', 'type=document&options=abc', 'parameter_invalid_hash', 'options'],
    ['empty string for a field that cannot be unset', 'type=', 'parameter_invalid_empty', 'type'],
  ];
  for (const [name, body, code, param] of cases) {
    it(name, async () => {
      const { status, json } = await call('POST', SESSIONS, body);
      expect(status).toBe(400);
      expect(json).toEqual({ error: { type: 'invalid_request_error', code, param, message: expect.any(String) } });
    });
  }

  it('words messages as Stripe does', async () => {
    expect((await call('POST', SESSIONS, 'type=passport')).json.error.message).toBe('Invalid type: must be one of document or id_number (got "passport")');
    expect((await call('POST', SESSIONS, 'type=document&foo=1')).json.error.message).toBe('Received unknown parameter: foo');
    expect((await call('POST', SESSIONS, '')).json.error.message).toBe('Missing required param: type.');
  });

  it('an integer query parameter', async () => {
    const { status, json } = await call('GET', `${SESSIONS}?limit=ten`);
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: 'parameter_invalid_integer', param: 'limit', message: 'Invalid integer: ten' });
  });

  it('wants an API key, and knows only the spec\'s routes', async () => {
    const anonymous = await fetch(`${base}${SESSIONS}`, { method: 'POST', body: 'type=document', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).error.type).toBe('invalid_request_error');
    const basic = await call('POST', SESSIONS, 'type=document', { Authorization: `Basic ${Buffer.from('sk_test_x:').toString('base64')}` });
    expect(basic.status).toBe(200);
    const missing = await call('POST', '/v1/not_a_thing', 'a=1');
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toBe('Unrecognized request URL (POST: /v1/not_a_thing).');
  });
});
