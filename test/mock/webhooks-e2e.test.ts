import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient, webhooks, type Identity } from '../../generated/src/index.js';
import { listen } from '../../generator/servers/listen.js';
import { createMock } from '../../generator/servers/mock/mock-server.js';
import { MockWebhooks } from '../../generator/servers/mock/webhooks/mock-webhooks.js';
import { spec } from '../support/project.js';

// The whole flow a user tests offline: the package creates a session against `sdkgen mock`, the
// session is moved to `verified`, and the user's endpoint gets a signed event it verifies with the
// package. The mock's store is not wired yet, so this test hands the mock's answer to the webhooks
// module itself, as the store's change listener will.
const KEY = 'sk_test_e2e';
const servers: http.Server[] = [];
let mockUrl: string;
let endpointUrl: string;
let mockWebhooks: MockWebhooks;
const handled: string[] = [];

beforeAll(async () => {
  const loaded = await spec();
  const mock = createMock({ document: loaded.document, specSha256: loaded.sha256 });
  servers.push(mock);
  mockUrl = await listen(mock, '127.0.0.1', 0);
  const endpoint = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const event = webhooks.constructEvent(Buffer.concat(chunks), req.headers['stripe-signature'], mockWebhooks.secret);
        switch (event.type) {
          case 'identity.verification_session.verified': {
            const session: Identity.VerificationSession = event.data.object;
            handled.push(`${event.type} ${session.id} ${session.status}`);
            break;
          }
          default:
            handled.push(event.type);
        }
        res.writeHead(200).end();
      } catch (error) {
        res.writeHead(400).end((error as Error).message);
      }
    });
  });
  servers.push(endpoint);
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/hook`;
  mockWebhooks = new MockWebhooks({ document: loaded.document, endpoints: [endpointUrl] });
});

afterAll(async () => {
  await mockWebhooks?.close();
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

it('create a session with the package, trigger verified, and the endpoint verifies and narrows the delivery', async () => {
  const client = createClient({ apiKey: KEY, baseUrl: mockUrl, maxNetworkRetries: 0 });
  const created = await client.identity.verificationSessions.create({ type: 'document', metadata: { order: '6735' } });
  expect(created.object).toBe('identity.verification_session');
  const object = { ...created, status: 'requires_input' } as unknown as Record<string, unknown>;
  mockWebhooks.onChange({ kind: 'created', apiKey: KEY, object, operationId: 'PostIdentityVerificationSessions' });
  // Deliveries of separate events may land in any order, as Stripe's do; the test takes one at a time.
  await mockWebhooks.idle();
  const plan = mockWebhooks.triggers.plan('identity.verification_session.verified', object);
  mockWebhooks.onChange({ kind: 'updated', apiKey: KEY, object: plan.object, previousAttributes: plan.previousAttributes, operationId: 'trigger' });
  await mockWebhooks.idle();
  expect(handled).toEqual(['identity.verification_session.created', `identity.verification_session.verified ${created.id} verified`]);
  expect(mockWebhooks.deliveries().map((d) => [d.type, d.status, d.delivered])).toEqual([
    ['identity.verification_session.created', 200, true],
    ['identity.verification_session.verified', 200, true],
  ]);
});
