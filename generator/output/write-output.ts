import fs from 'node:fs';
import path from 'node:path';
import { SdkgenError } from '../errors.js';

/** Entries of the output folder that generation does not own and carries over untouched. */
const CARRIED_OVER = new Set(['node_modules', 'dist']);

/** Files written at once: the writes run on libuv's threads, so a thousand small files do not queue one by one. */
const PARALLEL_WRITES = 32;

/**
 * Replaces the output folder with exactly `files`, all or nothing: everything is written to a
 * sibling folder first, then swapped in with renames. A failure before the swap leaves the old
 * output as it was.
 */
export async function writeOutput(outDir: string, files: Map<string, string>): Promise<void> {
  const parent = path.dirname(path.resolve(outDir));
  const base = path.basename(outDir);
  fs.mkdirSync(parent, { recursive: true });
  const staging = fs.mkdtempSync(path.join(parent, `.${base}.next-`));
  try {
    const entries = [...files];
    for (const dir of new Set(entries.map(([relative]) => path.dirname(path.join(staging, relative))))) fs.mkdirSync(dir, { recursive: true });
    let next = 0;
    let failure: unknown;
    // Each writer stops at the first failure; all have settled before the staging folder is removed.
    const writer = async () => {
      while (failure === undefined && next < entries.length) {
        const [relative, content] = entries[next++]!;
        await fs.promises.writeFile(path.join(staging, relative), content).catch((error: unknown) => (failure ??= error));
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, entries.length) }, writer));
    if (failure !== undefined) throw failure;
    if (fs.existsSync(outDir)) {
      for (const entry of CARRIED_OVER) {
        const from = path.join(outDir, entry);
        if (fs.existsSync(from)) fs.renameSync(from, path.join(staging, entry));
      }
      const retired = `${staging}.old`;
      fs.renameSync(outDir, retired);
      fs.renameSync(staging, outDir);
      await fs.promises.rm(retired, { recursive: true, force: true });
    } else {
      fs.renameSync(staging, outDir);
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new SdkgenError(`could not write the output: ${(error as Error).message}`, { where: outDir, cause: error });
  }
}

export interface OutputDifference {
  file: string;
  change: 'added' | 'removed' | 'changed';
}

/** What `writeOutput` would change, for `--check`. */
export function diffOutput(outDir: string, files: Map<string, string>): OutputDifference[] {
  const differences: OutputDifference[] = [];
  const onDisk = new Set(listFiles(outDir));
  for (const [file, content] of files) {
    if (!onDisk.has(file)) differences.push({ file, change: 'added' });
    else if (fs.readFileSync(path.join(outDir, file), 'utf8') !== content) differences.push({ file, change: 'changed' });
    onDisk.delete(file);
  }
  for (const file of onDisk) differences.push({ file, change: 'removed' });
  return differences.sort((a, b) => (a.file < b.file ? -1 : 1));
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!prefix && CARRIED_OVER.has(entry.name)) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), relative));
    else out.push(relative);
  }
  return out;
}
