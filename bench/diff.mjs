// Diff speed: `sdkgen diff` of two whole Stripe specs (v514 → v524), end to end as a user runs it.
// Cold: an empty cache, so both YAML specs are parsed; warm: the parsed specs come from the cache.
// A script, not a test: it prints figures measured in one run on this machine.
//
//   node bench/diff.mjs [--rounds 3]        (run `npm run build` first; `npm run bench` does)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPECS = path.resolve(ROOT, '../shared/stripe-openapi');
const CLI = path.join(ROOT, 'bin/sdkgen.mjs');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const tmp = (name) => fs.mkdtempSync(path.join(os.tmpdir(), `sdkgen-bench-${name}-`));

function diff(before, after, cacheDir) {
  const started = performance.now();
  const args = [CLI, 'diff', path.join(SPECS, before), path.join(SPECS, after), '--format', 'json'];
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, SDKGEN_CACHE_DIR: cacheDir }, encoding: 'utf8', maxBuffer: 256 << 20 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`sdkgen diff ${before} ${after} failed:\n${result.stderr}`);
  const report = JSON.parse(result.stdout);
  return { seconds, changes: report.changes.length, bump: report.bump };
}

/** Times `sdkgen diff` on v514 → v524 (and v298 → v301), cold and warm; returns the medians in seconds. */
export async function benchDiff({ rounds = 3, log = console.log } = {}) {
  const results = {};
  for (const [before, after] of [['spec3.v514.yaml', 'spec3.v524.yaml'], ['spec3.v298.yaml', 'spec3.v301.yaml']]) {
    const cold = [];
    const warm = [];
    let last;
    for (let i = 0; i < rounds; i++) cold.push((last = diff(before, after, tmp('diff-cold'))).seconds);
    const cache = tmp('diff-warm');
    diff(before, after, cache);
    for (let i = 0; i < rounds; i++) warm.push(diff(before, after, cache).seconds);
    const name = `${before.replace(/^spec3\.|\.yaml$/g, '')} → ${after.replace(/^spec3\.|\.yaml$/g, '')}`;
    results[name] = { cold: median(cold), warm: median(warm), changes: last.changes, bump: last.bump };
    log(`sdkgen diff ${name} (whole API, ${last.changes} changes, ${last.bump}): cold ${median(cold).toFixed(2)} s, warm ${median(warm).toFixed(2)} s (target < 3 s)`);
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 3;
  await benchDiff({ rounds });
}
