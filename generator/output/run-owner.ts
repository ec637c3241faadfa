import fs from 'node:fs';
import os from 'node:os';

/**
 * Who made a temporary file or folder, written into its name, so that a later run can tell the
 * leftovers of a killed run from the work of a run that is still going: `<pid>.<start>`, where
 * `<start>` is the process's start time as the kernel counts it (so a reused pid does not pass for
 * the dead run's), or `0` where that is not known.
 */
export function runOwnerTag(): string {
  return `${process.pid}.${processStart(process.pid) ?? 0}`;
}

/** The tag's pattern inside a name: `(pid).(start)`. */
export const OWNER_TAG = /(\d+)\.(\d+)/;

/**
 * Whether the run that wrote `pid.start` may still be running. When in doubt (another user's
 * process, a pid whose start time cannot be read), it is taken as alive: a leftover that stays is
 * harmless, removing a live run's files is not.
 */
export function ownerAlive(pid: number, start: number): boolean {
  if (pid === process.pid) return start === 0 || String(start) === (processStart(pid) ?? '0');
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (start === 0) return true;
  const now = processStart(pid);
  return now === undefined || now === String(start);
}

/** Field 22 of `/proc/<pid>/stat` (start time in clock ticks since boot), on Linux. */
function processStart(pid: number): string | undefined {
  if (os.platform() !== 'linux') return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from its end.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
