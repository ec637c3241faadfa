import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sdkgen, tempDir } from '../support/project.js';
import { startServerCommand, type RunningCommand } from './server-command.js';

const running: RunningCommand[] = [];
// One cache for this file's starts: the first builds the model, the others read it back.
const CACHE = process.env.SDKGEN_CACHE_DIR || tempDir('mock-cli-cache');
afterAll(() => Promise.all(running.map((m) => m.stop())));

async function start(args: string[]): Promise<RunningCommand> {
  const mock = await startServerCommand(['mock', '--port', '0', ...args], { SDKGEN_CACHE_DIR: CACHE });
  running.push(mock);
  return mock;
}

async function call(url: string, method: string, target: string, body?: string, extraHeaders: Record<string, string> = {}) {
  const response = await fetch(`${url}${target}`, {
    method,
    body,
    headers: { Authorization: 'Bearer sk_test_cli', ...(body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...extraHeaders },
  });
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), json: (await response.json()) as Record<string, any> };
}

describe('sdkgen mock (the command)', () => {
  it('starts on the pinned spec, prints its URL and answers as Stripe would', async () => {
    const mock = await start([]);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await call(mock.url, 'POST', '/v1/identity/verification_sessions', 'type=document')).status).toBe(200);
    expect((await call(mock.url, 'POST', '/v1/identity/verification_sessions', 'type=nope')).status).toBe(400);
    const stopped = await mock.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain('POST /v1/identity/verification_sessions 200 PostIdentityVerificationSessions');
    expect(stopped.stderr).toContain('POST /v1/identity/verification_sessions 400 PostIdentityVerificationSessions');
    expect(stopped.stderr).not.toContain('sk_test_cli');
  });

  it('--state keeps objects across restarts in a file that holds no API key; --reset clears it', async () => {
    const file = path.join(tempDir('mock-state'), 'state.json');
    const first = await start(['--state', file, '--quiet']);
    const customer = (await call(first.url, 'POST', '/v1/customers', 'name=Kept&metadata[a]=1')).json;
    expect((await first.stop()).code).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain(customer.id);
    expect(text).not.toContain('sk_test_cli');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['state.json']);

    const second = await start(['--state', file, '--quiet']);
    expect((await call(second.url, 'GET', `/v1/customers/${customer.id}`)).json).toEqual(customer);
    await second.stop();

    const third = await start(['--state', file, '--reset', '--quiet']);
    expect((await call(third.url, 'GET', `/v1/customers/${customer.id}`)).status).toBe(404);
    await third.stop();
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).accounts).toEqual({});
  });

  it('--state keeps idempotency keys across restarts: a repeat is replayed, other params are refused; --reset forgets them', async () => {
    const file = path.join(tempDir('mock-state'), 'state.json');
    const key = { 'Idempotency-Key': 'order-4711' };
    const first = await start(['--state', file, '--quiet']);
    const created = await call(first.url, 'POST', '/v1/customers', 'name=Once', key);
    expect(created.status).toBe(200);
    expect(created.replayed).toBeNull();
    expect((await first.stop()).code).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('order-4711');
    expect(text).not.toContain('sk_test_cli');

    const second = await start(['--state', file, '--quiet']);
    const repeated = await call(second.url, 'POST', '/v1/customers', 'name=Once', key);
    expect(repeated.status).toBe(200);
    expect(repeated.replayed).toBe('true');
    expect(repeated.json).toEqual(created.json);
    const other = await call(second.url, 'POST', '/v1/customers', 'name=Twice', key);
    expect(other.status).toBe(400);
    expect(other.json.error.type).toBe('idempotency_error');
    // Replayed, not created again: the key's space holds the one customer.
    expect((await call(second.url, 'GET', '/v1/customers')).json.data.map((c: { id: string }) => c.id)).toEqual([created.json.id]);
    await second.stop();

    const third = await start(['--state', file, '--reset', '--quiet']);
    const fresh = await call(third.url, 'POST', '/v1/customers', 'name=Once', key);
    expect(fresh.replayed).toBeNull();
    expect(fresh.json.id).not.toBe(created.json.id);
    await third.stop();
  });

  it('--resources and --operations choose what is served', async () => {
    const mock = await start(['--resources', 'customers', '--operations', 'PostPaymentIntents', '--quiet']);
    expect((await call(mock.url, 'POST', '/v1/customers', 'name=x')).status).toBe(200);
    expect((await call(mock.url, 'POST', '/v1/payment_intents', 'amount=1&currency=usd')).status).toBe(200);
    expect((await call(mock.url, 'GET', '/v1/payment_intents')).status).toBe(404);
    expect((await call(mock.url, 'POST', '/v1/identity/verification_sessions', 'type=document')).status).toBe(404);
  });

  it('bad flags are one clear line and a non-zero exit', () => {
    const cases: [string[], RegExp][] = [
      [['--faults', 'rate=2'], /--faults: rate must be a number from 0 to 1/],
      [['--faults', 'kinds=500|teapot'], /--faults: unknown kind 'teapot'/],
      [['--seed', 'abc'], /--seed must be an integer/],
      [['--resources', 'custumers'], /unknown resource 'custumers'/],
      [['--state', '/nonexistent-folder/state.json'], /--state: the folder \/nonexistent-folder does not exist/],
    ];
    for (const [args, message] of cases) {
      const result = sdkgen(['mock', '--port', '0', ...args], { env: { SDKGEN_CACHE_DIR: CACHE } });
      expect(result.status, args.join(' ')).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const broken = path.join(tempDir('mock-state'), 'state.json');
    fs.writeFileSync(broken, '{"half":');
    const result = sdkgen(['mock', '--port', '0', '--state', broken], { env: { SDKGEN_CACHE_DIR: CACHE } });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/the state file is not one sdkgen mock wrote/);
  });
});
