import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cachedFileSet } from '../../generator/pipeline/cached-output.js';
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

describe('an output cache entry', () => {
  it('holds many files over several write slices, multibyte text split anywhere, and serves them back as they were', async () => {
    const cache = tempDir('output-cache-big');
    vi.stubEnv('SDKGEN_CACHE_DIR', cache);
    try {
      // About 2 M UTF-16 units and more bytes than that: the entry is written in more than one slice.
      const files: [string, string][] = Array.from({ length: 40 }, (_, i) => [`docs/page-${i}.html`, `<p>${'é€😀 '.repeat(10_000 + i)}</p>\n`]);
      let produced = 0;
      const produce = async () => {
        produced++;
        return { meta: { count: files.length }, files };
      };
      expect((await cachedFileSet('test', 'input', produce)).hit).toBe(false);
      // Stored beside the caller's work: wait for the entry to be renamed into place.
      for (let waited = 0; cacheEntries(cache).length === 0 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      const [entry] = cacheEntries(cache);
      expect(fs.statSync(entry!).size).toBeGreaterThan(2 << 20);
      const again = await cachedFileSet('test', 'input', produce);
      expect(again.hit).toBe(true);
      expect(again.meta).toEqual({ count: 40 });
      expect(again.files).toEqual(files);
      expect(produced).toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
