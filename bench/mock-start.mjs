// How long `sdkgen mock` takes to start on the full default (pinned) spec, and to answer its first
// requests. Run: `node scripts/build.mjs && node bench/mock-start.mjs [runs]`. Prints medians in ms.
// "warm": the cache holds the mock's model of this spec (the usual case: every start after the
// first); "cold": an empty cache dir, so the 4 MB YAML spec is parsed and the whole model built
// first. The whole model is built before listening, so an operation's first answer costs what its
// later ones do. The goal is under 1 s; Prism did not start on this spec in 9 minutes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const runs = Number(process.argv[2] ?? 5);

function startMock(env) {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/sdkgen.mjs'), 'mock', '--port', '0', '--quiet'], { cwd: root, env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1], startMs: performance.now() - started });
    });
    child.on('exit', (code) => reject(new Error(`mock exited with ${code}`)));
  });
}

async function timed(url, method, target, body) {
  const t = performance.now();
  const response = await fetch(`${url}${target}`, {
    method,
    body,
    headers: { Authorization: 'Bearer sk_test_bench', ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
  });
  await response.text();
  return performance.now() - t;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median start-up and first-answer times, in ms, with a filled and an empty parsed-spec cache. */
export async function benchMockStart({ rounds = runs, log = console.log } = {}) {
  const result = {};
  // The warm rounds share one cache dir, filled by a first start that is not counted.
  const warmCache = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-bench-cache-'));
  // It also makes this process's first fetch, so no measured answer pays for the HTTP client's start.
  const first = await startMock({ SDKGEN_CACHE_DIR: warmCache });
  await timed(first.url, 'GET', '/v1/balance');
  first.child.kill('SIGTERM');
  for (const mode of ['warm', 'cold']) {
    const rows = { start: [], firstVerificationSession: [], firstAccount: [], repeatVerificationSession: [] };
    for (let i = 0; i < rounds; i++) {
      const cache = mode === 'cold' ? fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-bench-cache-')) : undefined;
      const { child, url, startMs } = await startMock({ SDKGEN_CACHE_DIR: cache ?? warmCache });
      rows.start.push(startMs);
      rows.firstVerificationSession.push(await timed(url, 'POST', '/v1/identity/verification_sessions', 'type=document'));
      rows.repeatVerificationSession.push(await timed(url, 'POST', '/v1/identity/verification_sessions', 'type=id_number'));
      rows.firstAccount.push(await timed(url, 'POST', '/v1/accounts', 'type=custom'));
      child.kill('SIGTERM');
      if (cache) fs.rmSync(cache, { recursive: true, force: true });
    }
    result[mode] = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, Math.round(median(v))]));
    log(`sdkgen mock on the full spec, ${mode} cache (median ms): start ${result[mode].start} (target < 1000), first answer ${result[mode].firstVerificationSession}, another operation's first ${result[mode].firstAccount}, repeat ${result[mode].repeatVerificationSession}`);
  }
  fs.rmSync(warmCache, { recursive: true, force: true });
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchMockStart();
