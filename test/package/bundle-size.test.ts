import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPackage, generateInto, ROOT, SESSION, startServer, tempDir } from './support.js';

interface BundleResult {
  operation: string;
  minified: number;
  gzipped: number;
  target: number;
  code: string;
  inputs: Record<string, number>;
}

interface BundleSizeModule {
  bundleSize(options: { packageDir?: string; operation?: string; build?: boolean }): Promise<BundleResult>;
  formatBundleSize(result: BundleResult): string;
  TARGET_GZIP_BYTES: number;
}

// bench/bundle-size.mjs measures what a bundler keeps for one call; here its bundle must also work.
describe('a bundle of one create call', () => {
  let work: string;
  let result: BundleResult;
  let bench: BundleSizeModule;

  beforeAll(async () => {
    work = tempDir('bundle-size');
    const pkgDir = path.join(work, 'pkg');
    // Several resources: the bundle must not grow with the package.
    generateInto(pkgDir, ['--resources', 'identity.verification_sessions,identity.verification_reports,customers']);
    buildPackage(pkgDir);
    const url = pathToFileURL(path.join(ROOT, 'bench', 'bundle-size.mjs')).href;
    bench = (await import(url)) as BundleSizeModule;
    result = await bench.bundleSize({ packageDir: pkgDir, build: false });
    console.info(bench.formatBundleSize(result));
  });

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('is within 4 KB gzipped', () => {
    expect(bench.TARGET_GZIP_BYTES).toBe(4096);
    expect(result.gzipped).toBeGreaterThan(0);
    expect(result.gzipped).toBeLessThanOrEqual(4096);
    expect(result.minified).toBeGreaterThan(result.gzipped);
  });

  test('keeps only the runtime and the one operation', () => {
    expect(result.code).toContain('/v1/identity/verification_sessions');
    expect(result.code).not.toContain('/cancel');
    expect(result.code).not.toContain('/v1/customers');
    expect(result.code).not.toContain('verification_reports');
    expect(Object.keys(result.inputs).filter((file) => result.inputs[file]! > 0 && file.startsWith('dist/esm/types/'))).toEqual([]);
    // Webhook verification and the Event union are exported beside the call, and dropped when unused.
    expect(Object.keys(result.inputs).filter((file) => result.inputs[file]! > 0 && file.includes('webhooks'))).toEqual([]);
    expect(result.code).not.toContain('Stripe-Signature');
  });

  test('works: the bundled call reaches the server with the right method, path and body', async () => {
    const server = await startServer();
    try {
      const file = path.join(work, 'bundle.mjs');
      fs.writeFileSync(file, result.code);
      const bundle = (await import(pathToFileURL(file).href)) as { call(config: object, params: object): Promise<unknown> };
      const session = await bundle.call({ apiKey: 'sk_test_bundle', baseUrl: server.url }, { type: 'document', metadata: { order_id: '6735' } });
      expect(session).toEqual(SESSION);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/v1/identity/verification_sessions', body: 'type=document&metadata[order_id]=6735' });
      expect(server.requests[0]!.headers.authorization).toBe('Bearer sk_test_bundle');
    } finally {
      await server.close();
    }
  });
});
