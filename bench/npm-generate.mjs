// `npm run generate` on a built tree, the newcomer's main job: sdkgen's build is skipped when its
// sources have not changed, so the run costs about what the generation alone costs. Both are timed
// back to back with the same warm output cache, written to a temporary folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function wall(command, args, env) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return (performance.now() - started) / 1000;
}

export async function benchNpmGenerate({ rounds = 5, log = console.log } = {}) {
  const env = { SDKGEN_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-bench-npm-cache-')) };
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-bench-npm-out-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const viaNpm = () => wall(npm, ['run', '--silent', 'generate', '--', '--out', out], env);
  const alone = () => wall(process.execPath, [path.join(ROOT, 'bin/sdkgen.mjs'), 'generate', '--out', out], env);
  // Not counted: builds if the tree is not built yet, and fills the output cache.
  viaNpm();
  alone();
  const ours = [];
  const peer = [];
  for (let i = 0; i < rounds; i++) {
    ours.push(viaNpm());
    peer.push(alone());
  }
  const ratios = ours.map((value, i) => value / peer[i]).sort((a, b) => a - b);
  log(`npm run generate, built tree, warm cache: ${median(ours).toFixed(2)} s wall (target < 1.5 s); node bin/sdkgen.mjs generate alone: ${median(peer).toFixed(2)} s`);
  log(`  ratio npm run generate / generate alone: ${median(ratios).toFixed(2)} (pairs ${ratios[0].toFixed(2)}–${ratios.at(-1).toFixed(2)}; the rest is npm's own start and the build's input check)`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(env.SDKGEN_CACHE_DIR, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchNpmGenerate();
