import crypto from 'node:crypto';
import fs from 'node:fs';
import { cacheDir, writeCacheFile } from '../load/cache-dir.js';
import { generatorFingerprint } from './fingerprint.js';

/**
 * Output files that are a pure function of `input` (JSON) and the generator itself, reused from the
 * cache when both are unchanged. `produce` runs, and loads its libraries, only on a miss.
 */
export async function cachedFiles(
  name: string,
  input: string,
  produce: () => Map<string, string> | Promise<Map<string, string>>,
  enabled = true,
): Promise<Map<string, string>> {
  if (!enabled) return produce();
  const key = crypto.createHash('sha256').update(generatorFingerprint()).update(name).update(input).digest('hex');
  const file = cacheDir('output', key.slice(0, 2), `${key}.json`);
  if (fs.existsSync(file)) {
    try {
      return new Map(JSON.parse(fs.readFileSync(file, 'utf8')) as [string, string][]);
    } catch {
      // A damaged entry is produced again below.
    }
  }
  const files = await produce();
  writeCacheFile(file, JSON.stringify([...files]));
  return files;
}
