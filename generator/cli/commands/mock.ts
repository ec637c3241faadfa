import path from 'node:path';
import type { Command } from 'commander';
import { SdkgenError } from '../../errors.js';
import { loadSpec } from '../../load/load-spec.js';
import { loadConfig } from '../../pipeline/config.js';
import { closeOnSignals, listen } from '../../servers/listen.js';
import { createMock } from '../../servers/mock/mock-server.js';

interface MockFlags {
  port: string;
  host: string;
  spec?: string;
  config?: string;
  quiet?: boolean;
}

export function registerMock(program: Command): void {
  program
    .command('mock')
    .description('run a local stand-in for the Stripe API: validates params as Stripe does, answers with objects shaped by the spec')
    .option('--port <n>', 'port to listen on (0: any free port)', '12111')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--spec <file|url>', 'OpenAPI 3 spec (default: the pinned spec)')
    .option('--config <file>', 'config file (default: ./sdkgen.config.json)')
    .option('--quiet', 'log no request lines')
    .action(async (flags: MockFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0) throw new SdkgenError('--port must be a non-negative integer');
      const config = loadConfig(flags.config);
      const spec = await loadSpec({ spec: flags.spec ?? config.spec, pinFile: path.resolve(config.root, config.pin), projectRoot: config.root });
      const server = createMock({
        document: spec.document,
        specSha256: spec.sha256,
        log: flags.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
      });
      const url = await listen(server, flags.host, port);
      process.stdout.write(`sdkgen mock listening on ${url} (${spec.origin})\n`);
      await closeOnSignals(server);
    });
}
