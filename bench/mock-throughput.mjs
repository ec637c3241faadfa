// `sdkgen mock` under load: creates and retrieves per second with 16 concurrent clients (keep-alive
// connections, as an SDK's agent keeps them), and the mock's memory with 100,000 stored objects.
// Run: `node scripts/build.mjs && node bench/mock-throughput.mjs [--creates 6000] [--retrieves 12000] [--objects 100000]`.
// Targets on a 2-core machine: >= 3,000 creates/s and >= 5,000 retrieves/s. Figures are printed, not asserted.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const CONCURRENCY = 16;
const ROUNDS = 3;
const medianOf = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const AUTH = `Basic ${Buffer.from('sk_test_bench:').toString('base64')}`;

function startMock() {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-bench-mock-'));
  const child = spawn(process.execPath, [...(process.env.MOCK_NODE_FLAGS ? process.env.MOCK_NODE_FLAGS.split(' ') : []), path.join(root, 'bin/sdkgen.mjs'), 'mock', '--port', '0', '--quiet'], { cwd: root, env: { ...process.env, SDKGEN_CACHE_DIR: cache } });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on http:\/\/([\d.]+):(\d+)/.exec(out);
      if (match) resolve({ child, host: match[1], port: Number(match[2]), cache });
    });
    child.on('exit', (code) => reject(new Error(`mock exited with ${code}`)));
  });
}

function request(agent, host, port, method, target, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host, port, method, path: target, headers: { Authorization: AUTH, ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${method} ${target}: ${res.statusCode} ${text.slice(0, 200)}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `count` calls of `make(i)` with 16 in flight; resolves to calls per second. */
async function rate(count, make) {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) await make(next++);
  }));
  return count / ((performance.now() - started) / 1000);
}

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
}

export async function benchMockThroughput({ creates = arg('creates', 6000), retrieves = arg('retrieves', 12000), objects = arg('objects', 100000), log = console.log } = {}) {
  const { child, host, port, cache } = await startMock();
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const ids = [];
    const body = (i) => `email=user${i}%40example.com&name=User+${i}&metadata[order]=${i}`;
    // A short warm-up, so the figures are of a running server, not of its first calls.
    await rate(1000, async () => ids.push(JSON.parse(await request(agent, host, port, 'POST', '/v1/customers', body(ids.length))).id));
    await rate(1000, (i) => request(agent, host, port, 'GET', `/v1/customers/${ids[i % ids.length]}`));
    // Three rounds, alternating, each figure the median: a shared machine's speed drifts.
    const createRates = [];
    const retrieveRates = [];
    const listRates = [];
    for (let round = 0; round < ROUNDS; round++) {
      createRates.push(await rate(Math.ceil(creates / ROUNDS), async () => ids.push(JSON.parse(await request(agent, host, port, 'POST', '/v1/customers', body(ids.length))).id)));
      retrieveRates.push(await rate(Math.ceil(retrieves / ROUNDS), (i) => request(agent, host, port, 'GET', `/v1/customers/${ids[i % ids.length]}`)));
      listRates.push(await rate(700, () => request(agent, host, port, 'GET', '/v1/customers?limit=10')));
    }
    const [createRate, retrieveRate, listRate] = [createRates, retrieveRates, listRates].map(medianOf);
    const range = (values) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;
    const rssBefore = rssMb(child.pid);
    const stored = ids.length;
    if (objects > stored) await rate(objects - stored, (i) => request(agent, host, port, 'POST', '/v1/customers', body(stored + i)));
    const rssFull = rssMb(child.pid);
    const result = {
      createsPerSecond: Math.round(createRate),
      retrievesPerSecond: Math.round(retrieveRate),
      listsPerSecond: Math.round(listRate),
      rssMbAt: { [stored]: rssBefore, [Math.max(objects, stored)]: rssFull },
      cpus: os.cpus().length,
      loadAverage: os.loadavg()[0].toFixed(1),
    };
    log(`sdkgen mock, ${CONCURRENCY} concurrent clients (${result.cpus} CPUs, load average ${result.loadAverage}), median of ${ROUNDS} rounds: ${result.createsPerSecond} creates/s (${range(createRates)}; target >= 3000), ${result.retrievesPerSecond} retrieves/s (${range(retrieveRates)}; target >= 5000), ${result.listsPerSecond} lists of 10/s`);
    log(`sdkgen mock memory (RSS): ${rssBefore} MB with ${stored} customers, ${rssFull} MB with ${Math.max(objects, stored)}`);
    return result;
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    fs.rmSync(cache, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchMockThroughput();
