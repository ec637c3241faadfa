import { afterAll, describe, expect, it } from 'vitest';
import { startServerCommand, type RunningCommand } from '../mock/server-command.js';
import { sdkgen } from '../support/project.js';

const KEY = 'sk_test_51CliGatewayKeyStaysInTheEnvironment00';
const running: RunningCommand[] = [];
afterAll(async () => {
  for (const command of running) await command.stop();
});

describe('sdkgen gateway (the command)', () => {
  it('will not start without STRIPE_SECRET_KEY', () => {
    const result = sdkgen(['gateway', '--port', '0'], { env: { STRIPE_SECRET_KEY: '' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('STRIPE_SECRET_KEY is not set');
  });

  it('allows Origin: null only together with an access key', () => {
    const result = sdkgen(['gateway', '--port', '0', '--allow-origin', 'null'], { env: { STRIPE_SECRET_KEY: KEY, SDKGEN_GATEWAY_KEY: '' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--allow-origin null needs SDKGEN_GATEWAY_KEY');
    expect(result.stderr + result.stdout).not.toContain(KEY);
  });

  it('refuses wildcard origins and a plain-http upstream off this machine', () => {
    const wildcard = sdkgen(['gateway', '--port', '0', '--allow-origin', '*'], { env: { STRIPE_SECRET_KEY: KEY } });
    expect(wildcard.status).toBe(1);
    expect(wildcard.stderr).toContain("'*' is not an origin");
    const cleartext = sdkgen(['gateway', '--port', '0', '--upstream', 'http://api.example.com'], { env: { STRIPE_SECRET_KEY: KEY } });
    expect(cleartext.status).toBe(1);
    expect(cleartext.stderr).toContain('plain http is only allowed to a loopback address');
  });

  it('forwards to the mock with the key from its environment, and logs without it', async () => {
    const mock = await startServerCommand(['mock', '--port', '0']);
    running.push(mock);
    const gateway = await startServerCommand(['gateway', '--port', '0', '--upstream', mock.url, '--allow-origin', 'http://localhost:8080'], { STRIPE_SECRET_KEY: KEY });
    running.push(gateway);
    const response = await fetch(`${gateway.url}/v1/identity/verification_sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost:8080' },
      body: 'type=document',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    expect(((await response.json()) as { object: string }).object).toBe('identity.verification_session');
    const refused = await fetch(`${gateway.url}/v1/customers`);
    expect(refused.status).toBe(404);
    const stopped = await gateway.stop();
    expect(stopped.stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ → http:\/\/127\.0\.0\.1:\d+ \(6 operations\)/);
    expect(stopped.stderr).toContain('POST /v1/identity/verification_sessions (PostIdentityVerificationSessions) 200 forwarded');
    expect(stopped.stderr).toContain('GET /v1/customers 404 not-allowed');
    expect(stopped.stdout + stopped.stderr).not.toContain(KEY);
    const mockLog = await mock.stop();
    expect(mockLog.stderr).not.toContain(KEY);
  });
});
