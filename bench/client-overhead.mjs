// Client overhead: calls per second of our ClientCore against stripe@13.11.0, both talking to the
// same local server in the same run, in alternating rounds so that neither gets a warmer machine.
// (The size of a one-call bundle is measured by bundle-size.mjs.)
//
//   node bench/client-overhead.mjs [--rounds 10] [--calls 1000] [--concurrency 1]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import Stripe from 'stripe';

const RUNTIME = fileURLToPath(new URL('../generator/runtime/core.ts', import.meta.url));
const NODE_FETCH = fileURLToPath(new URL('../generator/runtime/node-fetch.ts', import.meta.url));
const PATH = '/v1/identity/verification_sessions';
const PARAMS = {
  type: 'document',
  metadata: { user_id: 'user_123', order: 'A-42' },
  options: { document: { allowed_types: ['passport', 'id_card'], require_live_capture: true } },
  return_url: 'https://example.com/return?session=1',
};

// A VerificationSession as the API returns it.
const SESSION = JSON.stringify({
  id: 'vs_1NuN4zLkdIwHu7ixleE6HvkI',
  object: 'identity.verification_session',
  client_secret: 'vs_1NuN4zLkdIwHu7ixleE6HvkI_secret_test_YWNjdF8xTTJKVGtMa2RJd0h1N2l4LF9PZ',
  created: 1695900985,
  last_error: null,
  last_verification_report: null,
  livemode: false,
  metadata: { user_id: 'user_123', order: 'A-42' },
  options: { document: { allowed_types: ['passport', 'id_card'], require_live_capture: true } },
  redaction: null,
  status: 'requires_input',
  type: 'document',
  url: 'https://verify.stripe.com/start/test_YWNjdF8xTTJKVGtMa2RJd0h1N2l4LF9PZ',
});

// The server runs in a child process, so that its work is counted against neither client and
// process.cpuUsage() measures the client alone.
const SERVER = `
  const body = process.env.BENCH_BODY;
  const server = require('node:http').createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'request-id': 'req_bench',
        'stripe-version': '2023-10-16',
      });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
  process.on('disconnect', () => process.exit(0));
`;

async function startServer() {
  const child = spawn(process.execPath, ['-e', SERVER], {
    env: { ...process.env, BENCH_BODY: SESSION },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [port] = await once(child, 'message');
  return {
    port,
    close: async () => {
      child.disconnect();
      await once(child, 'exit');
    },
  };
}

async function buildRuntime(dir) {
  const outfile = join(dir, 'runtime.mjs');
  await build({
    stdin: {
      contents: `export { ClientCore } from ${JSON.stringify(RUNTIME)}; export { nodeFetch } from ${JSON.stringify(NODE_FETCH)};`,
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile,
    logLevel: 'silent',
  });
  return import(pathToFileURL(outfile).href);
}

/** One round: wall-clock calls per second, and client CPU microseconds per call. */
async function timeRound(call, calls, concurrency) {
  let next = 0;
  const worker = async () => {
    while (next++ < calls) await call();
  };
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { rate: calls / seconds, cpuPerCall: (used.user + used.system) / calls };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the comparison; returns calls/s for each client (median of rounds) and their ratio. The bundle size is bundle-size.mjs's. */
export async function benchClientOverhead({ rounds = 10, calls = 1000, concurrency = 1, log = console.log } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bench-'));
  const server = await startServer();
  try {
    const { port } = server;
    const { ClientCore, nodeFetch } = await buildRuntime(dir);
    const core = (fetch) =>
      new ClientCore(
        { apiKey: 'sk_test_x', baseUrl: `http://127.0.0.1:${port}`, fetch },
        { apiVersion: '2023-10-16', packageName: 'sdkgen', packageVersion: '0.1.0' },
      );
    const oursFetch = core(undefined);
    const oursNode = core(nodeFetch());
    const theirs = new Stripe('sk_test_x', { host: '127.0.0.1', port, protocol: 'http', apiVersion: '2023-10-16' });
    const clients = {
      'ours, node:http': () => oursNode.request({ method: 'POST', path: PATH, params: PARAMS }),
      'ours, fetch': () => oursFetch.request({ method: 'POST', path: PATH, params: PARAMS }),
      'stripe@13.11.0': () => theirs.identity.verificationSessions.create(PARAMS),
    };
    // Both must get the same answer before their speed means anything.
    const answers = await Promise.all(Object.values(clients).map((call) => call()));
    if (new Set(answers.map((a) => a.id)).size !== 1) throw new Error('the clients disagree');
    for (const call of Object.values(clients)) await timeRound(call, Math.min(calls, 500), concurrency); // warm-up

    const samples = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 ? Object.keys(clients).reverse() : Object.keys(clients);
      for (const name of order) samples[name].push(await timeRound(clients[name], calls, concurrency));
    }
    const rates = Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, median(xs.map((x) => x.rate))]));
    const cpu = Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, median(xs.map((x) => x.cpuPerCall))]));
    const theirs13 = rates['stripe@13.11.0'];
    const result = {
      concurrency,
      calls,
      rounds,
      callsPerSecond: rates,
      cpuMicrosPerCall: cpu,
      ratio: rates['ours, node:http'] / theirs13,
      ratioFetch: rates['ours, fetch'] / theirs13,
    };
    log(`client overhead (POST ${PATH}, ${calls} calls x ${rounds} rounds, concurrency ${concurrency}, median):`);
    for (const [name, rate] of Object.entries(rates)) {
      log(`  ${name.padEnd(16)} ${rate.toFixed(0).padStart(7)} calls/s  ${cpu[name].toFixed(0).padStart(5)} µs client CPU per call`);
    }
    log(`  ratio ours/theirs: ${result.ratio.toFixed(2)} with node:http (the generated client's default on Node), ${result.ratioFetch.toFixed(2)} with Node's fetch (target >= 1.0)`);
    log(`  client CPU per call, theirs/ours: ${(cpu['stripe@13.11.0'] / cpu['ours, node:http']).toFixed(2)} with node:http (above 1: ours spends less)`);
    return result;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  await benchClientOverhead({ rounds: arg('rounds', 10), calls: arg('calls', 1000), concurrency: arg('concurrency', 1) });
}
