import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { createGateway } from '../../generator/servers/gateway/gateway-server.js';
import { listen } from '../../generator/servers/listen.js';
import { createMock, type RecordedRequest } from '../../generator/servers/mock/mock-server.js';
import { model, ROOT, spec } from '../support/project.js';

export const STRIPE_KEY = 'sk_test_51BrowserTestKeyOnlyTheGatewayHolds00';
export const ACCESS_KEY = 'gateway-access-key-browser-test-0001';

/**
 * This file's connection to the run's one Chromium (started by chromium-setup.ts). Closing it closes
 * the contexts and pages the file opened, and leaves the browser to the other files.
 */
export function connectChromium(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'));
}

export interface Stack {
  mockUrl: string;
  gatewayUrl: string;
  received: RecordedRequest[];
  gatewayLog: string[];
  close(): Promise<void>;
}

/**
 * `sdkgen mock` with `sdkgen gateway` in front, both on 127.0.0.1 with free ports; the gateway
 * allows `Origin: null` (pages opened from disk) and so wants its access key.
 */
export async function startStack(): Promise<Stack> {
  const loaded = await spec();
  const received: RecordedRequest[] = [];
  const gatewayLog: string[] = [];
  const mock = createMock({ document: loaded.document, specSha256: loaded.sha256, onRequest: (r) => received.push(r) });
  const mockUrl = await listen(mock, '127.0.0.1', 0);
  const api = await model({ resources: ['identity.verification_sessions'] });
  const gateway = createGateway({
    routes: api.operations.map((op) => ({ id: op.id, method: op.method, path: op.path })),
    upstream: mockUrl,
    secretKey: STRIPE_KEY,
    stripeVersion: api.apiVersion,
    allowOrigins: ['null'],
    accessKey: ACCESS_KEY,
    publicHosts: [],
    maxBodyBytes: 64 * 1024,
    rateLimit: 1000,
    rateWindowMs: 60_000,
    upstreamTimeoutMs: 10_000,
    log: (line) => gatewayLog.push(line),
  });
  const gatewayUrl = await listen(gateway, '127.0.0.1', 0);
  const close = async () => {
    for (const server of [gateway, mock] as Server[]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  };
  return { mockUrl, gatewayUrl, received, gatewayLog, close };
}

/** axe-core, evaluated in the page (DevTools evaluation is not subject to the page's CSP). */
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ passes: unknown[]; violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run();
    if (result.passes.length === 0) throw new Error('axe-core checked nothing');
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

export async function browserStorage(page: Page): Promise<{ local: Record<string, string>; session: Record<string, string> }> {
  return page.evaluate(() => {
    const dump = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k)!]));
    return { local: dump(localStorage), session: dump(sessionStorage) };
  });
}
