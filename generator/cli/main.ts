import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { TOOL_ROOT } from '../tool-root.js';
import { exitCodeFor } from './exit-code.js';
import { registerCommands } from './commands/index.js';

/** `sdkgen`: every command is registered from `commands/`; errors a user can act on print without a stack. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('sdkgen')
    .description('Generate a typed TypeScript client and docs from the Stripe OpenAPI spec')
    .version(toolVersion(), '-V, --version', 'print the version of sdkgen')
    // One line says what was wrong; the whole help after it would bury that line.
    .showHelpAfterError('(add --help for usage)')
    // A command's options are its own, so `sdkgen mock trigger --port N` is the trigger's port, not the mock's.
    .enablePositionalOptions()
    .exitOverride();
  registerCommands(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    return exitCodeFor(error);
  }
}

function toolVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(TOOL_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
