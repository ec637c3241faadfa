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

/**
 * Each endpoint of the spec called twice in a row, on one mock: the first call of an endpoint should
 * cost what the second does (nothing is built on first use), and the mock's memory should not grow
 * with the number of endpoints touched. The paths come from the parsed spec the first start cached.
 */
async function everyEndpoint({ child, url }, cache, log) {
  const parsedDir = path.join(cache, 'parsed');
  const document = JSON.parse(fs.readFileSync(path.join(parsedDir, fs.readdirSync(parsedDir).find((f) => f.endsWith('.json'))), 'utf8'));
  const rss = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024);
  const before = rss();
  const firsts = [];
  const seconds = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const verb of ['get', 'post', 'delete']) {
      if (!item[verb]) continue;
      const target = template.replace(/\{([^}]+)\}/g, (_, name) => `${name}_1`);
      firsts.push(await timed(url, verb.toUpperCase(), target, verb === 'post' ? '' : undefined));
      seconds.push(await timed(url, verb.toUpperCase(), target, verb === 'post' ? '' : undefined));
    }
  }
  const p95 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)];
  const out = { endpoints: firsts.length, firstMedian: median(firsts), firstP95: p95(firsts), secondMedian: median(seconds), secondP95: p95(seconds), rssBefore: before, rssAfter: rss() };
  log(`sdkgen mock, every endpoint (${out.endpoints}) called twice: first call median ${out.firstMedian.toFixed(1)} ms, p95 ${out.firstP95.toFixed(1)}; second call median ${out.secondMedian.toFixed(1)}, p95 ${out.secondP95.toFixed(1)} (target: first < 20 ms, as fast as the second); RSS ${out.rssBefore} MB before, ${out.rssAfter} MB after`);
  return out;
}

/** Median start-up and first-answer times, in ms, with a filled and an empty parsed-spec cache. */
export async function benchMockStart({ rounds = runs, log = console.log } = {}) {
  const result = {};
  // The warm rounds share one cache dir, filled by a first start that is not counted.
  const warmCache = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-bench-cache-'));
  // It also makes this process's first fetch, so no measured answer pays for the HTTP client's start.
  const first = await startMock({ SDKGEN_CACHE_DIR: warmCache });
  await timed(first.url, 'GET', '/v1/balance');
  result.everyEndpoint = await everyEndpoint(first, warmCache, log);
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
