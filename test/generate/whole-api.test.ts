import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { model, overlongLines, ROOT, sdkgen, tempDir } from '../support/project.js';

describe('the whole API', () => {
  it('generates every operation of the default spec, split per resource, compiles under tsc --strict, isolatedModules and verbatimModuleSyntax, and calls each endpoint', async () => {
    const out = path.join(tempDir('all'), 'pkg');
    const result = sdkgen(['generate', '--all', '--out', out, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { operations: number; resources: number; files: number };
    expect(summary.operations).toBe(468);
    const resources = fs.readdirSync(path.join(out, 'src/resources'), { recursive: true }).filter((f) => String(f).endsWith('.ts'));
    expect(resources.length).toBe(summary.resources);
    // Split so editors stay fast: no resource module holds more than a small share of the code.
    const sizes = resources.map((f) => fs.statSync(path.join(out, 'src/resources', String(f))).size);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(Math.max(...sizes) / total).toBeLessThan(0.1);
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(out, 'tsconfig.json'), '--noEmit', '--strict', '--isolatedModules', '--verbatimModuleSyntax'], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    expect(overlongLines(path.join(out, 'src'))).toEqual([]);
    await callsEveryOperation(out);
  }, 60_000);

  it('the committed package has no line over 120 columns either', () => {
    expect(overlongLines(path.join(ROOT, 'generated/src'))).toEqual([]);
    // The check sees long lines: the runtime's compiled declarations, which it leaves out, have some.
    const runtime = path.join(ROOT, 'generated/src/runtime');
    expect(fs.readdirSync(runtime).some((f) => fs.readFileSync(path.join(runtime, f), 'utf8').split('\n').some((l) => l.length > 120))).toBe(true);
  });

  it('a one-operation build stays small: the error schema does not drag the API in', () => {
    const out = path.join(tempDir('one'), 'pkg');
    const result = sdkgen(['generate', '--operations', 'PostIdentityVerificationSessions', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const types = fs.readdirSync(path.join(out, 'src/types'), { recursive: true }).filter((f) => String(f).endsWith('.ts')).sort();
    expect(types).toEqual(['Address.ts', path.join('Identity', 'VerificationReport.ts'), path.join('Identity', 'VerificationSession.ts')]);
    const index = fs.readFileSync(path.join(out, 'src/index.ts'), 'utf8');
    expect(index).not.toMatch(/PaymentIntent|SetupIntent|Charge/);
  });
});

/**
 * Calls every operation function of the package, with a distinct value for each path parameter,
 * and checks the request that arrives: its method, and its path as the spec writes it with those
 * values in place, whatever order the function takes them in.
 */
async function callsEveryOperation(out: string): Promise<void> {
  const api = await model({});
  const pkg = (await import(pathToFileURL(path.join(out, 'src/index.ts')).href)) as Record<string, unknown> & { createCore(config: object): unknown };
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"object":"list","data":[],"has_more":false,"url":"/"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const core = pkg.createCore({ apiKey: 'sk_test_1', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, maxNetworkRetries: 0 });
    for (const op of api.operations) {
      const fn = pkg[op.names.flat] as (...args: unknown[]) => Promise<unknown>;
      expect(typeof fn, op.id).toBe('function');
      const values = op.pathParams.map((p, i) => `v${i}_${p.name}`);
      await fn(core, ...values, ...(op.params ? [undefined] : []), { idempotencyKey: 'k' });
      const expected = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => values[op.pathParams.findIndex((p) => p.name === name)]!);
      expect(received.pop(), op.id).toBe(`${op.method} ${expected}`);
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
