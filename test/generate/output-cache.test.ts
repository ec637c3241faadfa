import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sdkgen, tempDir, treeHashes } from '../support/project.js';

function cacheEntries(cache: string): string[] {
  const dir = path.join(cache, 'output');
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.bin')).map((f) => path.join(dir, f)) : [];
}

describe('the output cache', () => {
  const cache = tempDir('output-cache');
  const run = (out: string) => {
    const result = sdkgen(['generate', '--operations', 'PostIdentityVerificationSessions', '--out', out, '--json'], { env: { SDKGEN_CACHE_DIR: cache } });
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as { cached: boolean };
  };

  it('serves a repeated run from the entry the first one stored, byte for byte', () => {
    const dir = tempDir('output-cache-out');
    expect(run(path.join(dir, 'first')).cached).toBe(false);
    expect(cacheEntries(cache)).toHaveLength(1);
    expect(run(path.join(dir, 'second')).cached).toBe(true);
    expect(treeHashes(path.join(dir, 'second'))).toEqual(treeHashes(path.join(dir, 'first')));
  });

  it('produces a truncated entry again instead of serving it', () => {
    const dir = tempDir('output-cache-cut');
    const [entry] = cacheEntries(cache);
    const bytes = fs.readFileSync(entry!);
    fs.writeFileSync(entry!, bytes.subarray(0, bytes.length - 100));
    expect(run(path.join(dir, 'again')).cached).toBe(false);
    expect(fs.readFileSync(entry!)).toEqual(bytes);
    expect(run(path.join(dir, 'then')).cached).toBe(true);
  });
});
