import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, webhooks, type Event, type Identity } from '../../generated/src/index.js';
import { listen } from '../../generator/servers/listen.js';
import { FaultInjector, seededRandom } from '../../generator/servers/mock/faults.js';
import { createMock, type MockServer } from '../../generator/servers/mock/mock-server.js';
import { MockWebhooks } from '../../generator/servers/mock/webhooks/mock-webhooks.js';
import { model, ROOT, sdkgen, tempDir } from '../support/project.js';
import { startServerCommand, type RunningCommand } from './server-command.js';

// The whole flow a user tests offline: `sdkgen mock --webhook URL` runs, the package creates a
// VerificationSession against it, `sdkgen mock trigger` moves the session to `verified`, and the
// user's endpoint gets each event signed, verifies it with the package and narrows its type.
const KEY = 'sk_test_e2e';
const SECRET = 'whsec_e2e_0123456789abcdef';
const CACHE = process.env.SDKGEN_CACHE_DIR || tempDir('mock-webhooks-cache');
const run = promisify(execFile);

/** A user's webhook endpoint: verifies each delivery with the package, as a handler in an app would. */
class Endpoint {
  readonly events: Event[] = [];
  readonly rejected: string[] = [];
  readonly verifiedSessions: Identity.VerificationSession[] = [];
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const event = webhooks.constructEvent(Buffer.concat(chunks), req.headers['stripe-signature'], this.secret);
        if (event.type === 'identity.verification_session.verified') {
          // Narrowed by `type`: `data.object` is a VerificationSession, with its status enum.
          const session: Identity.VerificationSession = event.data.object;
          if (session.status === 'verified') this.verifiedSessions.push(session);
        }
        this.events.push(event);
        res.writeHead(200).end();
      } catch (error) {
        this.rejected.push((error as Error).message);
        res.writeHead(400).end();
      }
    });
  });

  constructor(private readonly secret: string) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The events of one object, in the order they arrived. */
  typesFor(id: string): string[] {
    return this.events.filter((e) => (e.data.object as { id?: string }).id === id).map((e) => e.type);
  }

  /** Waits until the object's events include `type` (the test's timeout is the hang guard). */
  async received(id: string, type: string): Promise<void> {
    while (!this.typesFor(id).includes(type)) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function listEvents(baseUrl: string, query = ''): Promise<{ id: string; type: string; data: { object: { id: string } }; request: { id: string | null; idempotency_key: string | null } }[]> {
  const response = await fetch(`${baseUrl}/v1/events${query}`, { headers: { Authorization: `Bearer ${KEY}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: never[] }).data;
}

describe('sdkgen mock --webhook, the command, with the generated package', () => {
  const endpoint = new Endpoint(SECRET);
  let mock: RunningCommand;
  let port: string;

  beforeAll(async () => {
    const hook = await endpoint.start();
    mock = await startServerCommand(['mock', '--port', '0', '--resources', 'identity.verification_sessions', '--webhook', hook, '--webhook-secret', SECRET], { SDKGEN_CACHE_DIR: CACHE });
    port = new URL(mock.url).port;
  });

  afterAll(async () => {
    await mock?.stop();
    await endpoint.close();
  });

  const trigger = (type: string, id: string, apiKey = KEY) =>
    run(process.execPath, [path.join(ROOT, 'bin/sdkgen.mjs'), 'mock', 'trigger', type, '--id', id, '--port', port, '--api-key', apiKey], {
      cwd: ROOT,
      env: { ...process.env, SDKGEN_CACHE_DIR: CACHE },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('create a session with the package, `sdkgen mock trigger` it to verified: the endpoint verifies and narrows each signed delivery', async () => {
    const client = createClient({ apiKey: KEY, baseUrl: mock.url, maxNetworkRetries: 0 });
    const created = await client.identity.verificationSessions.create({ type: 'document', metadata: { order: '6735' } });
    expect(created.status).toBe('requires_input');
    await endpoint.received(created.id, 'identity.verification_session.created');

    const triggered = await trigger('identity.verification_session.verified', created.id);
    expect(triggered.stderr).toBe('');
    expect(triggered.code).toBe(0);
    const printed = JSON.parse(triggered.stdout) as { id: string; type: string; data: { previous_attributes: unknown } };
    expect(printed).toMatchObject({ type: 'identity.verification_session.verified', data: { previous_attributes: { status: 'requires_input' } } });
    await endpoint.received(created.id, 'identity.verification_session.verified');

    expect(endpoint.rejected).toEqual([]);
    expect(endpoint.typesFor(created.id)).toEqual(['identity.verification_session.created', 'identity.verification_session.verified']);
    expect(endpoint.verifiedSessions.map((s) => [s.id, s.status, s.metadata])).toEqual([[created.id, 'verified', { order: '6735' }]]);
    // The store moved too: the package reads the session back as verified.
    expect((await client.identity.verificationSessions.retrieve(created.id)).status).toBe('verified');

    // Both are listed by GET /v1/events, newest first, and name the request that made them.
    const listed = (await listEvents(mock.url)).filter((e) => e.data.object.id === created.id);
    expect(listed.map((e) => e.type)).toEqual(['identity.verification_session.verified', 'identity.verification_session.created']);
    expect(listed.map((e) => e.id)).toEqual(endpoint.events.filter((e) => (e.data.object as { id: string }).id === created.id).map((e) => e.id).reverse());
    // The returned object carries its response, not enumerable, as stripe-node's does.
    const response = (created as typeof created & { lastResponse: { requestId?: string; idempotencyKey?: string } }).lastResponse;
    expect(response.requestId).toMatch(/^req_/);
    expect(listed[1]!.request).toEqual({ id: response.requestId, idempotency_key: response.idempotencyKey ?? null });
    const one = await fetch(`${mock.url}/v1/events/${printed.id}`, { headers: { Authorization: `Bearer ${KEY}` } });
    expect(await one.json()).toMatchObject({ id: printed.id, type: 'identity.verification_session.verified' });
    // A malformed escape is no event id, and no failure of the mock either.
    const malformed = await fetch(`${mock.url}/v1/events/evt_%E0`, { headers: { Authorization: `Bearer ${KEY}` } });
    expect([malformed.status, ((await malformed.json()) as { error: { code: string } }).error.code]).toEqual([404, 'resource_missing']);
  });

  it('the lifecycles send their events: cancel → .canceled, redact → .redacted (and .canceled first when it cancels a waiting session)', async () => {
    const client = createClient({ apiKey: KEY, baseUrl: mock.url, maxNetworkRetries: 0 });
    const first = await client.identity.verificationSessions.create({ type: 'document' });
    await endpoint.received(first.id, 'identity.verification_session.created');
    expect((await client.identity.verificationSessions.cancel(first.id)).status).toBe('canceled');
    await endpoint.received(first.id, 'identity.verification_session.canceled');
    expect((await client.identity.verificationSessions.redact(first.id)).redaction).toEqual({ status: 'redacted' });
    await endpoint.received(first.id, 'identity.verification_session.redacted');
    expect(endpoint.typesFor(first.id)).toEqual(['identity.verification_session.created', 'identity.verification_session.canceled', 'identity.verification_session.redacted']);

    const second = await client.identity.verificationSessions.create({ type: 'id_number' });
    await endpoint.received(second.id, 'identity.verification_session.created');
    const redacted = await client.identity.verificationSessions.redact(second.id);
    expect([redacted.status, redacted.redaction]).toEqual(['canceled', { status: 'redacted' }]);
    await endpoint.received(second.id, 'identity.verification_session.redacted');
    await endpoint.received(second.id, 'identity.verification_session.canceled');
    const canceled = endpoint.events.find((e) => e.type === 'identity.verification_session.canceled' && (e.data.object as { id: string }).id === second.id);
    expect(canceled?.data.previous_attributes).toMatchObject({ status: 'requires_input', redaction: null });

    // An update that moves no state is not an event the spec lists for sessions: none is sent.
    await client.identity.verificationSessions.update((await client.identity.verificationSessions.create({ type: 'document' })).id, { metadata: { a: '1' } });
    const types = (await listEvents(mock.url, '?limit=100&type=identity.verification_session.*')).map((e) => e.type);
    expect(types.filter((t) => t.endsWith('.updated'))).toEqual([]);
    expect(endpoint.rejected).toEqual([]);
  });

  it('`sdkgen mock trigger` refuses in one line, with a non-zero exit: unknown type, unknown id, another account, no mock', async () => {
    const client = createClient({ apiKey: KEY, baseUrl: mock.url, maxNetworkRetries: 0 });
    const session = await client.identity.verificationSessions.create({ type: 'document' });
    const cases = [
      [await trigger('identity.verification_session.sent_to_mars', session.id), "error: the mock refused the trigger: 'identity.verification_session.sent_to_mars' is not an event type of this spec"],
      [await trigger('identity.verification_session.verified', 'vs_missing'), "error: the mock refused the trigger: No such object: 'vs_missing'"],
      [await trigger('identity.verification_session.verified', session.id, 'sk_test_another_account'), `error: the mock refused the trigger: No such object: '${session.id}'`],
    ] as const;
    for (const [result, line] of cases) {
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim()).toBe(line);
    }
    // A port that was free a moment ago: no mock answers there.
    const vacated = http.createServer();
    const closedPort = new URL(await listen(vacated, '127.0.0.1', 0)).port;
    await new Promise<void>((resolve) => vacated.close(() => resolve()));
    const none = await run(process.execPath, [path.join(ROOT, 'bin/sdkgen.mjs'), 'mock', 'trigger', 'identity.verification_session.verified', '--id', session.id, '--port', closedPort, '--api-key', KEY], { cwd: ROOT }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect((none as { code: number }).code).toBe(1);
    expect((none as { stderr: string }).stderr.split('\n')[0]).toBe(`error: no mock answers at http://127.0.0.1:${closedPort}: ECONNREFUSED`);
    // Triggering a state the object is already in changes nothing and sends nothing.
    expect((await trigger('identity.verification_session.verified', session.id)).code).toBe(0);
    const again = await trigger('identity.verification_session.verified', session.id);
    expect([again.code, again.stdout, again.stderr.trim()]).toEqual([0, '', `${session.id} is already in the state identity.verification_session.verified names: nothing changed, no event sent`]);
    for (const [flags, line] of [
      [['--webhook', 'ftp://127.0.0.1/hook'], "error: --webhook must be an http(s) URL, not 'ftp://127.0.0.1/hook'"],
      [['--webhook-secret', 'sk_test_not_a_secret'], 'error: --webhook-secret must start with whsec_'],
    ] as const) {
      const refused = sdkgen(['mock', '--port', '0', '--resources', 'identity.verification_sessions', ...flags], { env: { SDKGEN_CACHE_DIR: CACHE } });
      expect([refused.status, refused.stdout, refused.stderr.trim()]).toEqual([1, '', line]);
    }
    const stopped = await mock.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain(`webhooks: signing secret ${SECRET}; delivers to `);
    expect(stopped.stderr).toMatch(/webhook evt_\w+ identity\.verification_session\.verified → http:\/\/127\.0\.0\.1:\d+\/hook: attempt 1, HTTP 200, delivered/);
    expect(stopped.stderr).not.toContain(KEY);
  });
});

describe('sdkgen mock started from its cached model', () => {
  it('reads no spec, parsed or not, and still sends events and moves objects by trigger', async () => {
    const cache = tempDir('mock-warm-start');
    const args = ['mock', '--port', '0', '--resources', 'identity.verification_sessions', '--quiet'];
    // The first start builds the model and caches it, with the parsed spec; the second finds the model.
    await (await startServerCommand(args, { SDKGEN_CACHE_DIR: cache })).stop();
    expect(fs.readdirSync(path.join(cache, 'mock-model')).length).toBe(1);
    fs.rmSync(path.join(cache, 'parsed'), { recursive: true, force: true });
    const warm = await startServerCommand(args, { SDKGEN_CACHE_DIR: cache });
    try {
      const client = createClient({ apiKey: KEY, baseUrl: warm.url, maxNetworkRetries: 0 });
      const session = await client.identity.verificationSessions.create({ type: 'document' });
      const triggered = await fetch(`${warm.url}/__mock/trigger`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ type: 'identity.verification_session.verified', id: session.id }).toString(),
      });
      expect(triggered.status).toBe(200);
      expect(await triggered.json()).toMatchObject({ object: { id: session.id, status: 'verified' }, event: { type: 'identity.verification_session.verified', data: { previous_attributes: { status: 'requires_input' } } } });
      const refused = await fetch(`${warm.url}/__mock/trigger`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ type: 'identity.verification_session.created', id: session.id }).toString(),
      });
      expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("the mock cannot move a identity.verification_session to 'created': it triggers states of the object's status and redactions");
      expect((await listEvents(warm.url)).filter((e) => e.data.object.id === session.id).map((e) => e.type)).toEqual(['identity.verification_session.verified', 'identity.verification_session.created']);
    } finally {
      await warm.stop();
    }
    expect(fs.existsSync(path.join(cache, 'parsed'))).toBe(false);
    fs.rmSync(cache, { recursive: true, force: true });
  });
});

describe('createMock({ webhooks }): the same wiring in process', () => {
  let mock: MockServer;
  let webhooksOfMock: MockWebhooks;
  let url: string;

  beforeAll(async () => {
    const served = await model({ resources: ['identity.verification_sessions'] });
    webhooksOfMock = new MockWebhooks({ model: served, endpoints: [] });
    // Every API request fails: the mock's controls and its events are still answered.
    const faults = new FaultInjector({ rate: 1, kinds: ['500'] }, seededRandom(1));
    mock = createMock({ model: served, webhooks: webhooksOfMock, faults });
    url = await listen(mock, '127.0.0.1', 0);
  });

  afterAll(async () => {
    await webhooksOfMock?.close();
    if (mock?.listening) await new Promise<void>((resolve) => mock.close(() => resolve()));
  });

  it('a trigger in JSON or a form moves a stored object; faults spare the trigger; clearing the state clears the events; a closed server stops listening to its store', async () => {
    const stored = mock.store.create(KEY, '/v1/identity/verification_sessions', { id: 'vs_inproc', object: 'identity.verification_session', status: 'requires_input', last_error: null, redaction: null }, 'PostIdentityVerificationSessions');
    expect(webhooksOfMock.events.list(KEY).data.map((e) => e.type)).toEqual(['identity.verification_session.created']);
    const post = (body: string, contentType: string) => fetch(`${url}/__mock/trigger`, { method: 'POST', body, headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': contentType } });
    const json = await post(JSON.stringify({ type: 'identity.verification_session.processing', id: 'vs_inproc' }), 'application/json');
    expect(json.status).toBe(200);
    const answered = (await json.json()) as { event: { type: string; request: { id: string } } };
    expect(answered.event.type).toBe('identity.verification_session.processing');
    expect(answered.event.request.id).toBe(json.headers.get('request-id'));
    expect(mock.store.get(KEY, 'vs_inproc')?.object.status).toBe('processing');
    expect((await post('type=identity.verification_session.verified&id=vs_inproc', 'application/x-www-form-urlencoded')).status).toBe(200);
    expect(stored.object.status).toBe('verified');
    expect((await post('{', 'application/json')).status).toBe(400);
    expect((await post('[1]', 'application/json')).status).toBe(400);
    expect((await post('type[x]=1&id=vs_inproc', 'application/x-www-form-urlencoded')).status).toBe(400);

    const cleared = await fetch(`${url}/__mock/state`, { method: 'DELETE' });
    expect(cleared.status).toBe(200);
    expect(webhooksOfMock.events.list(KEY).data).toEqual([]);
    // The API itself fails, as the injector says.
    expect((await fetch(`${url}/v1/identity/verification_sessions`, { headers: { Authorization: `Bearer ${KEY}` } })).status).toBe(500);

    await new Promise<void>((resolve) => mock.close(() => resolve()));
    mock.store.create(KEY, '/v1/identity/verification_sessions', { id: 'vs_after', object: 'identity.verification_session', status: 'requires_input' }, 'PostIdentityVerificationSessions');
    expect(webhooksOfMock.events.list(KEY).data).toEqual([]);
  });
});
