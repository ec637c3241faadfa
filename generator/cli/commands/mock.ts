import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { SdkgenError } from '../../errors.js';
import { loadConfig } from '../../pipeline/config.js';
import { closeOnSignals, listen } from '../../servers/listen.js';
import { FaultInjector, parseFaults, seededRandom } from '../../servers/mock/faults.js';
import { createMock } from '../../servers/mock/mock-server.js';
import { loadMockModel } from '../../servers/mock/mock-model.js';
import { MockStore } from '../../servers/mock/object-store.js';
import { readStateFile, StateFileWriter } from '../../servers/mock/state-file.js';
import { commaList } from '../options.js';

interface MockFlags {
  port: string;
  host: string;
  spec?: string;
  config?: string;
  quiet?: boolean;
  state?: string;
  reset?: boolean;
  faults?: string;
  seed?: string;
  operations?: string[];
  resources?: string[];
}

const HELP = `
Each API key (Authorization: Bearer sk_test_..., or curl -u sk_test_...:) has its own objects.
State lives in memory unless --state names a file; DELETE /__mock/state clears it.

Examples:
  sdkgen mock --state .mock-state.json
  sdkgen mock --resources customers,payment_intents --faults 'rate=0.05,kinds=500|409|reset' --seed 7`;

export function registerMock(program: Command): void {
  program
    .command('mock')
    .description('run a local Stripe that keeps state: creates, lists, expands and lifecycles, with Stripe\'s errors')
    .option('--port <n>', 'port to listen on (0: any free port)', '12111')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--spec <file|url>', 'OpenAPI 3 spec (default: the pinned spec)')
    .option('--config <file>', 'config file (default: ./sdkgen.config.json)')
    .option('--operations <ids>', 'operationIds to serve, comma-separated (default: every operation)', commaList)
    .option('--resources <names>', 'resources to serve, e.g. customers,identity.verification_sessions', commaList)
    .option('--state <file>', 'keep the objects in this file across restarts (default: in memory)')
    .option('--reset', 'start with no objects (clears the --state file)')
    .option('--faults <spec>', "fail some requests on purpose: 'rate=0.05,kinds=500|409|429|reset'")
    .option('--seed <n>', 'seed of the fault injector, for repeatable runs')
    .option('--quiet', 'log no request lines')
    .addHelpText('after', HELP)
    .action(async (flags: MockFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0) throw new SdkgenError('--port must be a non-negative integer');
      const seed = flags.seed === undefined ? Date.now() : Number(flags.seed);
      if (!Number.isInteger(seed)) throw new SdkgenError('--seed must be an integer');
      const faults = flags.faults === undefined ? undefined : new FaultInjector(parseFaults(flags.faults), seededRandom(seed));
      const store = new MockStore();
      const stateFile = flags.state ? path.resolve(flags.state) : undefined;
      if (stateFile && !fs.existsSync(path.dirname(stateFile))) throw new SdkgenError(`--state: the folder ${path.dirname(stateFile)} does not exist`);
      const snapshot = stateFile && !flags.reset ? readStateFile(stateFile) : undefined;
      if (snapshot) store.restore(snapshot);
      const config = loadConfig(flags.config);
      const spec = await loadMockModel({
        spec: flags.spec ?? config.spec,
        pinFile: path.resolve(config.root, config.pin),
        projectRoot: config.root,
        selection: { operations: flags.operations, resources: flags.resources },
      });
      const server = createMock({
        model: spec.model,
        store,
        faults,
        log: flags.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
      });
      const writer = stateFile ? new StateFileWriter(stateFile, store, (message) => process.stderr.write(`${message}\n`)) : undefined;
      if (writer) {
        store.onDirty = () => writer.schedule();
        if (flags.reset) writer.write();
      }
      const url = await listen(server, flags.host, port);
      const stored = store.size > 0 ? `, ${store.size} objects from ${flags.state}` : '';
      process.stdout.write(`sdkgen mock listening on ${url} (${spec.origin}${stored})\n`);
      await closeOnSignals(server, () => writer?.flush());
    });
}
