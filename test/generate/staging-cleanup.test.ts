import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOwnerTag } from '../../generator/output/run-owner.js';
import { ROOT, sdkgen, tempDir } from '../support/project.js';

/** Starts a whole-API generation and SIGKILLs it once its staging folder has files in it. */
async function killedRun(out: string, cache: string): Promise<{ pid: number; staging: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/sdkgen.mjs'), 'generate', '--all', '--out', out], {
    cwd: ROOT,
    env: { ...process.env, SDKGEN_CACHE_DIR: cache },
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const parent = path.dirname(out);
  const guard = Date.now() + 120_000;
  let staging: string | undefined;
  while (!staging && Date.now() < guard) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const found = fs.readdirSync(parent).find((entry) => entry.startsWith(`.${path.basename(out)}.next-`));
    if (found && fs.readdirSync(path.join(parent, found)).length > 0) staging = found;
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(staging, 'the run never staged anything').toBeDefined();
  return { pid: child.pid!, staging: staging! };
}

describe('what killed runs leave behind is removed by the next run, and only that', () => {
  it('a SIGKILLed generation leaves its staging folder; the next run removes it and keeps a live run’s', async () => {
    const parent = tempDir('killed');
    const out = path.join(parent, 'out');
    const cache = tempDir('killed-cache');
    const killed = await killedRun(out, cache);
    expect(fs.existsSync(path.join(parent, killed.staging))).toBe(true);
    expect(fs.existsSync(out)).toBe(false);

    // A staging folder of a run that is still going (this test's own process), and a cache entry
    // being written by it: both must survive. A half-written cache entry of the killed run must not.
    const live = path.join(parent, `.out.next-${runOwnerTag()}-abcdef`);
    fs.mkdirSync(live);
    fs.writeFileSync(path.join(live, 'index.ts'), 'being written');
    const entries = path.join(cache, 'output', 'ab');
    fs.mkdirSync(entries, { recursive: true });
    const deadTemp = path.join(entries, `${'a'.repeat(64)}.bin.${killed.pid}.0.1700000000000.tmp`);
    const liveTemp = path.join(entries, `${'b'.repeat(64)}.bin.${runOwnerTag()}.1700000000000.tmp`);
    fs.writeFileSync(deadTemp, 'half');
    fs.writeFileSync(liveTemp, 'half');

    const again = sdkgen(['generate', '--out', out], { env: { SDKGEN_CACHE_DIR: cache } });
    expect(again.status, again.stderr).toBe(0);
    expect(fs.readdirSync(parent).sort()).toEqual([path.basename(live), 'out'].sort());
    expect(fs.readFileSync(path.join(live, 'index.ts'), 'utf8')).toBe('being written');
    expect(fs.existsSync(deadTemp)).toBe(false);
    expect(fs.existsSync(liveTemp)).toBe(true);
  }, 180_000);
});
