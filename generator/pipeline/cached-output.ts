import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, cacheTempName, removeAbandonedCacheTemps } from '../load/cache-dir.js';
import { generatorFingerprint } from './fingerprint.js';

export interface FileSet<M> {
  meta: M;
  /** Relative path → content, in output order. */
  files: [string, string][];
}

/**
 * Files that are a pure function of `input` (a string naming every input: the spec's sha256, the
 * selection, the package identity) and of the generator itself, reused from the cache when both are
 * unchanged. `produce` runs, and loads its libraries, only on a miss.
 *
 * An entry is a one-line JSON header (meta, then each file's path and byte length) followed by the
 * files' bytes: a whole-API package (20 MB) is written and read without one giant JSON string.
 */
export async function cachedFileSet<M>(name: string, input: string, produce: () => Promise<FileSet<M>>, enabled = true): Promise<FileSet<M> & { hit: boolean }> {
  if (!enabled) return { ...(await produce()), hit: false };
  const key = crypto.createHash('sha256').update(generatorFingerprint()).update(name).update(input).digest('hex');
  const file = cacheDir('output', key.slice(0, 2), `${key}.bin`);
  if (fs.existsSync(file)) {
    const read = readEntry<M>(file);
    if (read) return { ...read, hit: true };
  }
  const produced = await produce();
  // A miss is about to write an entry: the time to clear what killed runs left half-written.
  removeAbandonedCacheTemps(['output'], 1);
  // Stored while the caller writes the output. The cache only saves time: an entry that cannot be
  // stored (a full disk) is produced again next time, and a partial one is never renamed into place.
  writeEntry(file, produced).catch(() => {});
  return { ...produced, hit: false };
}

const WRITE_SLICE = 1 << 20;

async function writeEntry<M>(file: string, set: FileSet<M>): Promise<void> {
  const header = JSON.stringify({ meta: set.meta, files: set.files.map(([name, content]) => [name, Buffer.byteLength(content, 'utf8')]) });
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = cacheTempName(file);
  // In slices of about a megabyte: the entry (20 MB for the whole API) is never held as buffers at
  // once, and its 1,200 files are not 1,200 writes, whose overhead cost more than the bytes.
  const handle = await fs.promises.open(tmp, 'w');
  try {
    await handle.write(`${header}\n`);
    let slice: string[] = [];
    let length = 0;
    for (const [, content] of set.files) {
      slice.push(content);
      length += content.length;
      if (length < WRITE_SLICE) continue;
      await handle.write(slice.join(''));
      slice = [];
      length = 0;
    }
    if (slice.length > 0) await handle.write(slice.join(''));
    await handle.close();
    await fs.promises.rename(tmp, file);
  } catch (error) {
    await handle.close().catch(() => {});
    await fs.promises.rm(tmp, { force: true });
    throw error;
  }
}

function readEntry<M>(file: string): FileSet<M> | undefined {
  try {
    const data = fs.readFileSync(file);
    const newline = data.indexOf(10);
    const header = JSON.parse(data.subarray(0, newline).toString('utf8')) as { meta: M; files: [string, number][] };
    let offset = newline + 1;
    const files = header.files.map(([name, length]): [string, string] => {
      const content = data.subarray(offset, offset + length).toString('utf8');
      offset += length;
      return [name, content];
    });
    // A truncated entry (a full disk, a killed run) is produced again.
    return offset === data.length ? { meta: header.meta, files } : undefined;
  } catch {
    return undefined;
  }
}
