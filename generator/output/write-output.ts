import fs from 'node:fs';
import path from 'node:path';
import { SdkgenError } from '../errors.js';
import { checkRelativePath, MANIFEST_FILE, manifestText, readManifest } from './manifest.js';
import { removeAbandonedStaging, stagingPrefix } from './stale-staging.js';

export { MANIFEST_FILE } from './manifest.js';

/** Files written at once: the writes run on libuv's threads, so a thousand small files do not queue one by one. */
const PARALLEL_WRITES = 32;

/**
 * The output folder's next contents, written into a sibling folder first and moved in by `finish`.
 * A failure, or `abandon`, before the move leaves the output as it was. Files can be added while the
 * rest is still being generated, so writing overlaps generation.
 *
 * The output folder is shared with its owner: it may hold a `.git` folder, notes, `node_modules`.
 * Only the files the previous generation wrote (listed in its `MANIFEST_FILE`) are ever replaced or
 * removed; everything else is left where it is. A file of the owner's where a generated file goes
 * stops the run (nothing is written), unless it already holds exactly that content, or the folder is
 * a package sdkgen generated before it wrote manifests.
 */
export class StagedOutput {
  private staging: string | undefined;
  private readonly written = new Map<string, string>();
  private readonly queue: Array<[string, string]> = [];
  private readonly made = new Set<string>();
  private running = 0;
  private failure: unknown;
  private readonly waiting: Array<() => void> = [];
  private readonly outDir: string;

  constructor(outDir: string) {
    this.outDir = path.resolve(outDir);
  }

  /** Starts writing a file of the output; `finish` writes whatever was not added. Throws on a path outside the output. */
  add(relative: string, content: string): void {
    checkRelativePath(relative, this.outDir);
    if (this.failure !== undefined || this.written.has(relative)) return;
    this.written.set(relative, content);
    this.queue.push([relative, content]);
    this.pump();
  }

  /** Writes the rest of `files` and the manifest, waits for every write, and moves them into the output folder. */
  async finish(files: Map<string, string>): Promise<void> {
    try {
      // Every path is checked before anything more is written.
      for (const relative of files.keys()) checkRelativePath(relative, this.outDir);
      const complete = new Map(files);
      complete.set(MANIFEST_FILE, manifestText(files.keys()));
      // A file added early whose final content differs (a package's own CHANGELOG.md replaces the
      // initial one) is written again only once its first write is done, so the last write wins.
      await this.settled();
      for (const [relative, content] of complete) {
        if (this.written.get(relative) !== content) {
          this.written.delete(relative);
          this.add(relative, content);
        }
      }
      await this.settled();
      if (this.failure !== undefined) throw this.failure;
      this.moveIn(complete);
    } catch (error) {
      await this.abandon();
      if (error instanceof SdkgenError) throw error;
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
      const parent = path.dirname(this.outDir);
      fs.mkdirSync(parent, { recursive: true });
      removeAbandonedStaging(this.outDir);
      this.staging = fs.mkdtempSync(path.join(parent, stagingPrefix(this.outDir)));
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

  /**
   * Moves the staged files into the output folder, one rename each. What could stop a rename half
   * way (a folder where a file goes, a symlink on the way out of the folder) is found first, before
   * anything changes. The manifest on disk always covers every generated file present: first the
   * union of the old and new lists, then, once the files are in, the new list.
   */
  private moveIn(files: Map<string, string>): void {
    const staging = this.stagingDir();
    const previous = readManifest(this.outDir);
    const leaving = [...previous].filter((relative) => !files.has(relative));
    const folders = new FolderCheck(this.outDir, new Set(leaving));
    for (const relative of files.keys()) folders.checkTarget(relative);
    if (previous.size > 0 || !generatedBeforeManifests(this.outDir)) refuseToOverwrite(this.outDir, files, previous);
    for (const relative of leaving) folders.checkParents(relative);
    fs.mkdirSync(this.outDir, { recursive: true });
    const manifest = path.join(this.outDir, MANIFEST_FILE);
    writeAtomically(manifest, manifestText(new Set([...previous, ...files.keys()].filter((f) => f !== MANIFEST_FILE))));
    for (const relative of leaving) removeOwned(this.outDir, relative);
    const made = new Set<string>();
    for (const relative of files.keys()) {
      if (relative === MANIFEST_FILE) continue;
      const target = path.join(this.outDir, relative);
      const dir = path.dirname(target);
      if (!made.has(dir)) fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
      fs.renameSync(path.join(staging, relative), target);
    }
    fs.renameSync(path.join(staging, MANIFEST_FILE), manifest);
    fs.rmSync(staging, { recursive: true, force: true });
    this.staging = undefined;
  }
}

/**
 * Checks paths inside the output folder as they are on disk: every folder on the way must be a real
 * folder (a symlink could lead the write out of the output) or not exist yet, and the target must not
 * be a folder. A file on the way that the previous generation wrote and this one drops is fine: it
 * is removed first.
 */
class FolderCheck {
  private readonly checked = new Set<string>();

  constructor(
    private readonly outDir: string,
    private readonly leaving: Set<string>,
  ) {}

  checkTarget(relative: string): void {
    this.checkParents(relative);
    const stat = lstat(path.join(this.outDir, relative));
    if (stat?.isDirectory()) {
      throw new SdkgenError(`refusing to write ${JSON.stringify(relative)}: a folder of that name is in the way`, { where: this.outDir, hint: 'move it away, or choose another --out' });
    }
  }

  checkParents(relative: string): void {
    const parts = relative.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (this.checked.has(folder)) continue;
      const stat = lstat(path.join(this.outDir, folder));
      if (stat?.isSymbolicLink()) {
        throw new SdkgenError(`refusing to write ${JSON.stringify(relative)}: ${JSON.stringify(folder)} is a symbolic link, which could lead outside the output folder`, { where: this.outDir });
      }
      if (stat && !stat.isDirectory() && !this.leaving.has(folder)) {
        throw new SdkgenError(`refusing to write ${JSON.stringify(relative)}: ${JSON.stringify(folder)} is a file that sdkgen did not write`, { where: this.outDir, hint: 'move it away, or choose another --out' });
      }
      this.checked.add(folder);
    }
  }
}

/** A package that sdkgen generated before it kept a manifest: its `package.json` names the spec it was made from. */
function generatedBeforeManifests(outDir: string): boolean {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'package.json'), 'utf8')) as { stripe?: { specSha256?: unknown } };
    return !fs.existsSync(path.join(outDir, MANIFEST_FILE)) && typeof manifest.stripe?.specSha256 === 'string';
  } catch {
    return false;
  }
}

/** Stops before a generated file would replace one of the owner's (`generate --out .` beside a README.md of their own). */
function refuseToOverwrite(outDir: string, files: Map<string, string>, previous: Set<string>): void {
  const theirs: string[] = [];
  for (const [relative, content] of files) {
    // Most targets do not exist yet; a failed read is a thrown error, which costs more than a look.
    if (relative === MANIFEST_FILE || previous.has(relative) || !fs.existsSync(path.join(outDir, relative))) continue;
    let onDisk: string;
    try {
      onDisk = fs.readFileSync(path.join(outDir, relative), 'utf8');
    } catch {
      continue;
    }
    if (onDisk !== content) theirs.push(relative);
  }
  if (theirs.length === 0) return;
  const named = theirs.slice(0, 5).join(', ') + (theirs.length > 5 ? ` and ${theirs.length - 5} more` : '');
  throw new SdkgenError(`refusing to overwrite ${named}: sdkgen did not write ${theirs.length === 1 ? 'it' : 'them'} (${MANIFEST_FILE} does not list ${theirs.length === 1 ? 'it' : 'them'}); move ${theirs.length === 1 ? 'it' : 'them'} away or choose another --out`, { where: outDir });
}

function lstat(file: string): fs.Stats | undefined {
  try {
    // Nothing there is the common case (a new output): an answer, not a thrown error.
    return fs.lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Removes a file the previous generation wrote, and the folders it leaves empty. */
function removeOwned(outDir: string, relative: string): void {
  // A folder there now is the owner's, made after the generation that wrote the file.
  if (lstat(path.join(outDir, relative))?.isDirectory()) return;
  fs.rmSync(path.join(outDir, relative), { force: true });
  const parts = relative.split('/');
  for (let i = parts.length - 1; i > 0; i--) {
    try {
      fs.rmdirSync(path.join(outDir, ...parts.slice(0, i)));
    } catch {
      return;
    }
  }
}

function writeAtomically(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

/** Writes `files` into the output folder, all or nothing (see `StagedOutput`). */
export async function writeOutput(outDir: string, files: Map<string, string>): Promise<void> {
  await new StagedOutput(outDir).finish(files);
}

export interface OutputDifference {
  file: string;
  change: 'added' | 'removed' | 'changed';
}

/**
 * What `writeOutput` would change, for `--check` and `update --dry-run`: files added or changed, the
 * manifest among them, and the files of the previous generation that this one drops. Files that
 * no generation wrote are not the generator's and are never listed.
 */
export function diffOutput(outDir: string, files: Map<string, string>): OutputDifference[] {
  const differences: OutputDifference[] = [];
  const complete = new Map(files).set(MANIFEST_FILE, manifestText(files.keys()));
  for (const [file, content] of complete) {
    let onDisk: string | undefined;
    try {
      onDisk = fs.readFileSync(path.join(outDir, file), 'utf8');
    } catch {
      onDisk = undefined;
    }
    if (onDisk === undefined) differences.push({ file, change: 'added' });
    else if (onDisk !== content) differences.push({ file, change: 'changed' });
  }
  for (const file of readManifest(outDir)) {
    if (!complete.has(file) && fs.existsSync(path.join(outDir, file))) differences.push({ file, change: 'removed' });
  }
  return differences.sort((a, b) => (a.file < b.file ? -1 : 1));
}
