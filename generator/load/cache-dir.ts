import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { ownerAlive, runOwnerTag } from '../output/run-owner.js';

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
  removeAbandonedTemps(path.dirname(file), 0);
  const tmp = cacheTempName(file);
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/** A temporary name beside a cache entry, naming the run that writes it (see `removeAbandonedCacheTemps`). */
export function cacheTempName(file: string): string {
  return `${file}.${runOwnerTag()}.${Date.now()}.tmp`;
}

/**
 * Removes the temporary files that killed runs left in the cache (a whole-API output entry is
 * 20 MB), down to `depth` folders below `cacheDir(...parts)`. Only files whose run is gone: `.<pid>.<start>.<ms>.tmp`,
 * or `.<pid>.<ms>.tmp` as earlier versions named them.
 */
export function removeAbandonedCacheTemps(parts: string[], depth: number): void {
  removeAbandonedTemps(cacheDir(...parts), depth);
}

function removeAbandonedTemps(folder: string, depth: number): void {
  const visit = (dir: string, left: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (left > 0) visit(path.join(dir, entry.name), left - 1);
        continue;
      }
      const owned = /\.(\d+)\.(\d+)\.\d+\.tmp$/.exec(entry.name) ?? /\.(\d+)()\.\d+\.tmp$/.exec(entry.name);
      if (owned && !ownerAlive(Number(owned[1]), Number(owned[2] || 0))) fs.rmSync(path.join(dir, entry.name), { force: true });
    }
  };
  visit(folder, depth);
}
