// Generation speed and memory against openapi-typescript, and type-check time against stripe@13.11.0.
// A script, not a test: it prints figures and ratios measured in one run on this machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RSS = path.join(ROOT, 'bench/report-rss.mjs');

function run(args, env = {}, { probe = true } = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...(probe ? ['--import', RSS] : []), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 << 20 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr}`);
  const rss = Number(/@@maxrss (\d+)/.exec(result.stderr)?.[1] ?? 0) / 1024;
  return { seconds, rssMb: rss };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const tmp = (name) => fs.mkdtempSync(path.join(os.tmpdir(), `sdkgen-bench-${name}-`));

/** Finds the pinned spec's bytes the way the generator does, for the peer to read the same file. */
function pinnedSpecPath() {
  const out = spawnSync(process.execPath, [path.join(ROOT, 'bin/sdkgen.mjs'), 'generate', '--operations', 'PostIdentityVerificationSessions', '--out', tmp('locate'), '--json'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.stdout).spec;
}

/** Median of the pairwise ratios (each pair ran back to back), and their range: robust to a machine whose speed drifts. */
function pairedRatio(ours, theirs) {
  const ratios = ours.map((value, i) => value / theirs[i]).sort((a, b) => a - b);
  return `${median(ratios).toFixed(2)} (pairs ${ratios[0].toFixed(2)}–${ratios.at(-1).toFixed(2)})`;
}

export async function benchGeneration({ rounds = 5, log = console.log } = {}) {
  const spec = pinnedSpecPath();
  const cli = path.join(ROOT, 'bin/sdkgen.mjs');
  const peer = path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
  const ours = [];
  const theirs = [];
  // One pair first, not counted: it brings both tools' files into the page cache.
  run([cli, 'generate', '--all', '--spec', spec, '--out', tmp('all')], { SDKGEN_CACHE_DIR: tmp('cache') });
  run([peer, spec, '-o', path.join(tmp('oats'), 'types.ts')]);
  for (let i = 0; i < rounds; i++) {
    // Cold: an empty cache, so nothing printed before is reused; the parsed-spec cache is empty too.
    ours.push(run([cli, 'generate', '--all', '--spec', spec, '--out', tmp('all')], { SDKGEN_CACHE_DIR: tmp('cache') }));
    theirs.push(run([peer, spec, '-o', path.join(tmp('oats'), 'types.ts')]));
  }
  const oursS = median(ours.map((r) => r.seconds));
  const theirsS = median(theirs.map((r) => r.seconds));
  const peakMb = Math.max(...ours.map((r) => r.rssMb));
  log(`whole API (468 ops: client + types + docs), cold cache: ${oursS.toFixed(2)} s, peak ${peakMb.toFixed(0)} MB (target < 400 MB)`);
  log(`openapi-typescript ${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/openapi-typescript/package.json'), 'utf8')).version} types only: ${theirsS.toFixed(2)} s`);
  log(`  ratio ours/openapi-typescript: ${pairedRatio(ours.map((r) => r.seconds), theirs.map((r) => r.seconds))} (target <= 1.0)`);

  const cache = tmp('single');
  const cold = [];
  const warm = [];
  for (let i = 0; i < rounds; i++) {
    const fresh = tmp('single-cache');
    cold.push(run([cli, 'generate', '--operations', 'PostIdentityVerificationSessions', '--spec', spec, '--out', tmp('one')], { SDKGEN_CACHE_DIR: fresh }).seconds);
  }
  run([cli, 'generate', '--operations', 'PostIdentityVerificationSessions', '--spec', spec, '--out', tmp('one')], { SDKGEN_CACHE_DIR: cache });
  for (let i = 0; i < rounds; i++) {
    warm.push(run([cli, 'generate', '--operations', 'PostIdentityVerificationSessions', '--spec', spec, '--out', tmp('one')], { SDKGEN_CACHE_DIR: cache }).seconds);
  }
  log(`single operation, cold: ${median(cold).toFixed(2)} s (target < 2 s); warm: ${median(warm).toFixed(2)} s (target < 0.5 s)`);

  const whole = tmp('tsc-ours');
  run([cli, 'generate', '--all', '--spec', spec, '--out', whole]);
  const stripeProject = tmp('tsc-stripe');
  fs.writeFileSync(path.join(stripeProject, 'use.ts'), "import type Stripe from 'stripe';\nexport type C = Stripe.Customer;\n");
  fs.writeFileSync(
    path.join(stripeProject, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', types: [], typeRoots: [], baseUrl: '.', paths: { stripe: [path.join(ROOT, 'node_modules/stripe/types/index.d.ts')] } }, files: ['use.ts'] }),
  );
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  // What a user's type-check pays: the built package's declarations, as stripe ships its typings.
  spawnSync(process.execPath, [path.join(whole, 'build.mjs'), '--typescript', path.join(ROOT, 'node_modules/typescript')], { cwd: whole, stdio: 'ignore' });
  const consumer = tmp('tsc-consumer');
  fs.writeFileSync(path.join(consumer, 'use.ts'), "import type { Customer } from '@utdk/stripe';\nexport type C = Customer;\n");
  fs.writeFileSync(
    path.join(consumer, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', types: [], typeRoots: [], baseUrl: '.', paths: { '@utdk/stripe': [path.join(whole, 'dist/esm/index.d.ts')] } }, files: ['use.ts'] }),
  );
  const tscOurs = [];
  const tscTheirs = [];
  const tscDeclarations = [];
  // More pairs than above: each run is short, and the ratio's target is close. Plain node: no memory probe.
  const plain = (args) => run(args, {}, { probe: false }).seconds;
  for (let i = 0; i < 2 * rounds - 1; i++) {
    tscOurs.push(plain([tsc, '-p', path.join(whole, 'tsconfig.json'), '--noEmit']));
    tscTheirs.push(plain([tsc, '-p', path.join(stripeProject, 'tsconfig.json')]));
    tscDeclarations.push(plain([tsc, '-p', path.join(consumer, 'tsconfig.json')]));
  }
  log(`tsc --noEmit, our whole-API sources: ${median(tscOurs).toFixed(2)} s; stripe@13.11.0 typings: ${median(tscTheirs).toFixed(2)} s`);
  log(`  ratio ours/stripe: ${pairedRatio(tscOurs, tscTheirs)} (target <= 0.5)`);
  log(`tsc --noEmit of a user file against our built whole-API package (its .d.ts, skipLibCheck off): ${median(tscDeclarations).toFixed(2)} s`);
  log(`  ratio ours/stripe: ${pairedRatio(tscDeclarations, tscTheirs)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchGeneration();
