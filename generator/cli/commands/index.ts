import type { Command } from 'commander';
import { registerDiff } from './diff.js';
import { registerExtract } from './extract.js';
import { registerGenerate } from './generate.js';
import { registerGateway } from './gateway.js';
import { registerMock } from './mock.js';
import { registerUpdate } from './update.js';

/** One line per command; each command lives in its own file. */
export function registerCommands(program: Command): void {
  registerGenerate(program);
  registerExtract(program);
  registerDiff(program);
  registerUpdate(program);
  registerGateway(program);
  registerMock(program);
}
