import { afterAll, describe, expect, it } from 'vitest';
import { startServerCommand, type RunningCommand } from './server-command.js';

let mock: RunningCommand | undefined;
afterAll(() => mock?.stop());

describe('sdkgen mock (the command)', () => {
  it('starts on the pinned spec, prints its URL and answers as Stripe would', async () => {
    mock = await startServerCommand(['mock', '--port', '0']);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ok = await fetch(`${mock.url}/v1/identity/verification_sessions`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_cli', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'type=document',
    });
    expect(ok.status).toBe(200);
    const bad = await fetch(`${mock.url}/v1/identity/verification_sessions`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_cli', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'type=nope',
    });
    expect(bad.status).toBe(400);
    const stopped = await mock.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain('POST /v1/identity/verification_sessions 200 PostIdentityVerificationSessions');
    expect(stopped.stderr).toContain('POST /v1/identity/verification_sessions 400 PostIdentityVerificationSessions');
    expect(stopped.stderr).not.toContain('sk_test_cli');
  });
});
