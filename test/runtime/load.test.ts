/**
 * Load: 1,000 concurrent calls through one client all complete, and afterwards nothing (sockets,
 * timers) keeps the process alive. Run in a child process, whose exiting on its own is the proof.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'sdkgen-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runtime = (file: string) => JSON.stringify(fileURLToPath(new URL(`../../generator/runtime/${file}`, import.meta.url)));

it.each(['global fetch', 'nodeFetch'])('over %s: 1,000 concurrent calls complete and the process then exits by itself', async (transport) => {
  const bundle = join(dir, `runtime-${transport.replace(' ', '-')}.mjs`);
  await build({
    stdin: {
      contents: `export { ClientCore } from ${runtime('core.ts')}; export { nodeFetch } from ${runtime('node-fetch.ts')};`,
      resolveDir: dir,
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile: bundle,
    logLevel: 'silent',
  });
  const child = spawn(process.execPath, [fileURLToPath(new URL('./load-child.mjs', import.meta.url)), bundle, transport], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c));
  child.stderr.on('data', (c: Buffer) => (err += c));
  // A leaked socket or timer shows up as a child that never exits; the test timeout bounds that.
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(err).toBe('');
  expect(code).toBe(0);
  expect(JSON.parse(out)).toEqual({ fulfilled: 1000, distinct: 1000, served: 1000, errors: [] });
});
