import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

/** The user-level cache shared by every project on the machine: downloaded specs and parsed specs. */
export function cacheDir(...parts: string[]): string {
  const base =
    process.env.SDKGEN_CACHE_DIR ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'sdkgen');
  return path.join(base, ...parts);
}

/** Writes a cache entry so that a reader never sees half a file, even with two runs racing. */
export function writeCacheFile(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}
