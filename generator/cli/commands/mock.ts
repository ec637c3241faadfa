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
import { addWebhookOptions, startMockWebhooks, triggerOnRunningMock, type WebhookFlags } from '../../servers/mock/webhooks/cli.js';
import { commaList } from '../options.js';

interface MockFlags extends WebhookFlags {
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
Every change makes the event Stripe would send: listed by GET /v1/events, and POSTed, signed, to
each --webhook URL. \`sdkgen mock trigger TYPE --id ID\` moves an object to a state and sends its event.

Examples:
  sdkgen mock --state .mock-state.json
  sdkgen mock --resources customers,payment_intents --faults 'rate=0.05,kinds=500|409|reset' --seed 7
  sdkgen mock --webhook http://localhost:3000/webhook --webhook-secret whsec_test
  sdkgen mock trigger identity.verification_session.verified --id vs_...`;

const TRIGGER_HELP = `
Asks the mock running on --port to move the object to the state the event type names (its status,
or a redaction) and to send that event. The object must belong to --api-key, the key it was created with.

Example:
  sdkgen mock trigger identity.verification_session.verified --id vs_1Nv0FGQ9RKHgCVdCJ8zkRYZf`;

interface TriggerFlags {
  id: string;
  port: string;
  host: string;
  apiKey?: string;
}

export function registerMock(program: Command): void {
  const mock = program
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
    .option('--quiet', 'log no request lines');
  addWebhookOptions(mock)
    .enablePositionalOptions()
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
      // Said once the mock listens, so that a start that fails (a port in use) says only why.
      const early: string[] = [];
      let listening = false;
      const webhooks = startMockWebhooks(spec.model, flags, (line) => (listening ? process.stderr.write(`${line}\n`) : early.push(line)));
      const server = createMock({
        model: spec.model,
        store,
        faults,
        webhooks,
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
      listening = true;
      for (const line of early) process.stderr.write(`${line}\n`);
      await closeOnSignals(server, () => writer?.flush());
      await webhooks.close();
    });

  mock
    .command('trigger')
    .description('move an object of the running mock to a state and send its event')
    .argument('<type>', 'event type, e.g. identity.verification_session.verified')
    .requiredOption('--id <id>', 'the object to move, e.g. vs_...')
    .option('--port <n>', 'port of the running mock', '12111')
    .option('--host <address>', 'address of the running mock', '127.0.0.1')
    .option('--api-key <key>', 'the API key the object was created with (default: $STRIPE_SECRET_KEY)')
    .addHelpText('after', TRIGGER_HELP)
    .action(async (type: string, flags: TriggerFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new SdkgenError('--port must be an integer from 1 to 65535');
      const host = flags.host.includes(':') ? `[${flags.host}]` : flags.host;
      const apiKey = flags.apiKey ?? process.env.STRIPE_SECRET_KEY;
      if (!apiKey) throw new SdkgenError('sdkgen mock trigger needs the API key the object was created with', { hint: 'pass --api-key sk_test_... or set STRIPE_SECRET_KEY' });
      const { event } = await triggerOnRunningMock({ baseUrl: `http://${host}:${port}`, type, id: flags.id, apiKey });
      if (event === null) process.stderr.write(`${flags.id} is already in the state ${type} names: nothing changed, no event sent\n`);
      else process.stdout.write(`${JSON.stringify(event, null, 2)}\n`);
    });
}
