import { Command } from 'commander';
import { exitCodeFor } from './exit-code.js';
import { registerCommands } from './commands/index.js';

/** `sdkgen`: every command is registered from `commands/`; errors a user can act on print without a stack. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('sdkgen')
    .description('Generate a typed TypeScript client and docs from the Stripe OpenAPI spec')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    return exitCodeFor(error);
  }
}
