import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir } from '../../generator/load/cache-dir.js';
import { ROOT, sdkgen, tempDir } from './project.js';

// The suite never reads or writes the user's cache: the global set-up gives the run a temporary one,
// which every worker, and every CLI a test spawns, inherits.
describe("the suite's cache", () => {
  it('is a temporary folder for this run, not ~/.cache/sdkgen', () => {
    const dir = process.env.SDKGEN_CACHE_DIR;
    expect(dir).toBeDefined();
    expect(path.dirname(dir!)).toBe(os.tmpdir());
    expect(path.basename(dir!)).toMatch(/^sdkgen-test-cache-/);
    expect(cacheDir()).toBe(dir);
    expect(cacheDir()).not.toBe(path.join(os.homedir(), '.cache', 'sdkgen'));
  });

  it('holds the pinned spec parsed by the global set-up, and is what a spawned CLI writes to', () => {
    const pin = JSON.parse(fs.readFileSync(path.join(ROOT, 'spec/pin.json'), 'utf8')) as { sha256: string };
    expect(fs.existsSync(cacheDir('parsed', `${pin.sha256}.json`))).toBe(true);
    const out = tempDir('cache-isolation');
    const result = sdkgen(['generate', '--json', '--operations', 'GetIdentityVerificationSessionsSession', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const entries = fs.readdirSync(cacheDir('output'), { recursive: true }).filter((name) => String(name).endsWith('.bin'));
    expect(entries.length).toBeGreaterThan(0);
  });
});
