import fs from 'node:fs';
import path from 'node:path';
import { SdkgenError } from '../../errors.js';
import type { MockStore, StoreSnapshot } from './object-store.js';

/** Reads a state file written by `--state`; none yet is an empty store, a damaged one is an error. */
export function readStateFile(file: string): StoreSnapshot | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SdkgenError(`cannot read the state file: ${(error as Error).message}`, { where: file });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const snapshot = parsed as StoreSnapshot | undefined;
  if (!snapshot || snapshot.version !== 1 || typeof snapshot.seq !== 'number' || typeof snapshot.accounts !== 'object' || snapshot.accounts === null) {
    throw new SdkgenError('the state file is not one sdkgen mock wrote', { where: file, hint: 'start with --reset to replace it, or point --state at another file' });
  }
  return snapshot;
}

/**
 * Keeps the state file in step with the store: a change schedules a write a little later (many
 * changes, one write; at least four times as long as a write takes), and each write goes to a temporary file renamed over the old one, so a crash
 * never leaves half a file.
 */
export class StateFileWriter {
  private timer: NodeJS.Timeout | undefined;
  /** How long the last write took: a big store is written less often, so writing never dominates. */
  private lastWriteMs = 0;

  constructor(
    private readonly file: string,
    private readonly store: MockStore,
    /** A write that fails (a full disk) is reported here and tried again on the next change. */
    private readonly onError: (message: string) => void = () => {},
    private readonly delayMs = 200,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.write();
      } catch (error) {
        this.onError(`cannot write the state file ${this.file}: ${(error as Error).message}`);
      }
    }, Math.max(this.delayMs, this.lastWriteMs * 4));
    this.timer.unref();
  }

  /** Writes now if a write is pending (at shut-down). */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.write();
  }

  write(): void {
    const started = performance.now();
    const temp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${process.pid}.tmp`);
    fs.writeFileSync(temp, JSON.stringify(this.store.snapshot()));
    fs.renameSync(temp, this.file);
    this.lastWriteMs = performance.now() - started;
  }
}
