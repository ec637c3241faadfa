import { CommanderError } from 'commander';
import { SdkgenError } from '../errors.js';

/**
 * The exit status for an error out of a command: usage errors keep commander's code, errors a user
 * can act on print without a stack trace and give 1; anything else is a bug and is rethrown.
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode;
  if (error instanceof SdkgenError) {
    process.stderr.write(`${error.format()}\n`);
    return 1;
  }
  throw error;
}
