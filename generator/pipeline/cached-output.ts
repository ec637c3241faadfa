import crypto from 'node:crypto';
import fs from 'node:fs';
import { cacheDir, writeCacheFile } from '../load/cache-dir.js';
import { generatorFingerprint } from './fingerprint.js';

/**
 * A result that is a pure function of `input` (a string naming every input: the spec's sha256, the
 * selection, the package identity) and of the generator itself, reused from the cache when both are
 * unchanged. `produce` runs, and loads its libraries, only on a miss.
 */
export async function cachedOutput<T>(name: string, input: string, produce: () => Promise<T>, enabled = true): Promise<{ value: T; hit: boolean }> {
  if (!enabled) return { value: await produce(), hit: false };
  const key = crypto.createHash('sha256').update(generatorFingerprint()).update(name).update(input).digest('hex');
  const file = cacheDir('output', key.slice(0, 2), `${key}.json`);
  if (fs.existsSync(file)) {
    try {
      return { value: JSON.parse(fs.readFileSync(file, 'utf8')) as T, hit: true };
    } catch {
      // A damaged entry is produced again below.
    }
  }
  const value = await produce();
  writeCacheFile(file, JSON.stringify(value));
  return { value, hit: false };
}
