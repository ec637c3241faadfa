import fs from 'node:fs';
import path from 'node:path';
import { SdkgenError } from '../errors.js';

/** Entries of the output folder that generation does not own and carries over untouched. */
const CARRIED_OVER = new Set(['node_modules', 'dist']);

/** Files written at once: the writes run on libuv's threads, so a thousand small files do not queue one by one. */
const PARALLEL_WRITES = 32;

/**
 * The output folder's next contents, written into a sibling folder and swapped in whole by `finish`:
 * a failure, or `abandon`, leaves the old output as it was. Files can be added while the rest is
 * still being generated, so writing overlaps generation.
 */
export class StagedOutput {
  private staging: string | undefined;
  private readonly written = new Map<string, string>();
  private readonly queue: Array<[string, string]> = [];
  private readonly made = new Set<string>();
  private running = 0;
  private failure: unknown;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly outDir: string) {}

  /** Starts writing a file of the output; `finish` writes whatever was not added. */
  add(relative: string, content: string): void {
    if (this.failure !== undefined || this.written.has(relative)) return;
    this.written.set(relative, content);
    this.queue.push([relative, content]);
    this.pump();
  }

  /** Writes the rest of `files`, waits for every write, and swaps the folder in. */
  async finish(files: Map<string, string>): Promise<void> {
    try {
      // A file added early whose final content differs (a package's own CHANGELOG.md replaces the
      // initial one) is written again only once its first write is done, so the last write wins.
      await this.settled();
      for (const [relative, content] of files) {
        if (this.written.get(relative) !== content) {
          this.written.delete(relative);
          this.add(relative, content);
        }
      }
      await this.settled();
      if (this.failure !== undefined) throw this.failure;
      for (const relative of this.written.keys()) if (!files.has(relative)) fs.rmSync(path.join(this.stagingDir(), relative));
      this.swap();
    } catch (error) {
      await this.abandon();
      throw new SdkgenError(`could not write the output: ${(error as Error).message}`, { where: this.outDir, cause: error });
    }
  }

  /** Drops what was written; the output folder stays as it was. */
  async abandon(): Promise<void> {
    this.failure ??= new Error('abandoned');
    await this.settled();
    if (this.staging) fs.rmSync(this.staging, { recursive: true, force: true });
    this.staging = undefined;
  }

  private stagingDir(): string {
    if (!this.staging) {
      const parent = path.dirname(path.resolve(this.outDir));
      fs.mkdirSync(parent, { recursive: true });
      this.staging = fs.mkdtempSync(path.join(parent, `.${path.basename(this.outDir)}.next-`));
    }
    return this.staging;
  }

  private pump(): void {
    while (this.running < PARALLEL_WRITES && this.queue.length > 0 && this.failure === undefined) {
      const [relative, content] = this.queue.shift()!;
      let target: string;
      try {
        target = path.join(this.stagingDir(), relative);
        const dir = path.dirname(target);
        if (!this.made.has(dir)) fs.mkdirSync(dir, { recursive: true });
        this.made.add(dir);
      } catch (error) {
        // Reported by `finish`, like a failed write.
        this.failure ??= error;
        return;
      }
      this.running++;
      fs.promises
        .writeFile(target, content)
        .catch((error: unknown) => (this.failure ??= error))
        .finally(() => {
          this.running--;
          this.pump();
          if (this.running === 0) this.waiting.splice(0).forEach((resolve) => resolve());
        });
    }
  }

  private settled(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private swap(): void {
    const staging = this.stagingDir();
    if (fs.existsSync(this.outDir)) {
      for (const entry of CARRIED_OVER) {
        const from = path.join(this.outDir, entry);
        if (fs.existsSync(from)) fs.renameSync(from, path.join(staging, entry));
      }
      const retired = `${staging}.old`;
      fs.renameSync(this.outDir, retired);
      fs.renameSync(staging, this.outDir);
      fs.rmSync(retired, { recursive: true, force: true });
    } else {
      fs.renameSync(staging, this.outDir);
    }
    this.staging = undefined;
  }
}

/** Replaces the output folder with exactly `files`, all or nothing (see `StagedOutput`). */
export async function writeOutput(outDir: string, files: Map<string, string>): Promise<void> {
  await new StagedOutput(outDir).finish(files);
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
