import fs from 'node:fs';
import path from 'node:path';
import { OWNER_TAG, ownerAlive, runOwnerTag } from './run-owner.js';

/** Staging folders from before they carried their owner: removed once surely abandoned. */
const UNOWNED_AGE_MS = 60 * 60 * 1000;

/** `.<out>.next-<pid>.<start>-`: `mkdtemp` appends six characters. */
export function stagingPrefix(outDir: string): string {
  return `.${path.basename(outDir)}.next-${runOwnerTag()}-`;
}

/**
 * Removes the staging folders that killed runs left beside `outDir` (a whole-API one is 20 MB).
 * A folder is removed only when the run named in it is gone: a concurrent run's folder stays.
 */
export function removeAbandonedStaging(outDir: string): void {
  const parent = path.dirname(path.resolve(outDir));
  const prefix = `.${path.basename(outDir)}.next-`;
  let entries: string[];
  try {
    entries = fs.readdirSync(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const rest = entry.slice(prefix.length);
    const owner = new RegExp(`^${OWNER_TAG.source}-`).exec(rest);
    const folder = path.join(parent, entry);
    if (owner) {
      if (ownerAlive(Number(owner[1]), Number(owner[2]))) continue;
    } else {
      // `.<out>.next-XXXXXX` or its `.old`, from a version of sdkgen that did not name the owner.
      if (!/^[A-Za-z0-9]{6}(\.old)?$/.test(rest)) continue;
      const stat = fs.lstatSync(folder, { throwIfNoEntry: false });
      if (!stat || Date.now() - stat.mtimeMs < UNOWNED_AGE_MS) continue;
    }
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
