import path from 'node:path';
import { Option, type Command } from 'commander';
import { SdkgenError } from '../../errors.js';
import { loadSpec } from '../../load/load-spec.js';
import { buildModel } from '../../model/build-model.js';
import { loadConfig } from '../../pipeline/config.js';
import { closeOnSignals, listen } from '../../servers/listen.js';
import { createGateway } from '../../servers/gateway/gateway-server.js';
import { GATEWAY_DEFAULTS } from '../../servers/gateway/gateway-options.js';
import { commaList } from '../options.js';

interface GatewayFlags {
  port: string;
  host: string;
  upstream: string;
  allowOrigin?: string[];
  publicHost?: string[];
  maxBody: string;
  rate: string;
  timeout: string;
  spec?: string;
  operations?: string[];
  resources?: string[];
  all?: boolean;
  config?: string;
}

const HELP = `
The Stripe key comes from STRIPE_SECRET_KEY in the gateway's environment; a browser never sends it.
Only the generated operations (the same selection as \`sdkgen generate\`) are forwarded, to one upstream.

Browser pages: list their origins with --allow-origin. A page opened from disk (file://) sends
"Origin: null", as do sandboxed iframes and data: URLs on any website; so "null" is never allowed
implicitly, and --allow-origin null also needs SDKGEN_GATEWAY_KEY: an access key that the page's user
types in (sent as X-Gateway-Key), which another site's page cannot know.

Example:
  STRIPE_SECRET_KEY=sk_test_... SDKGEN_GATEWAY_KEY=$(openssl rand -hex 16) \\
    sdkgen gateway --allow-origin null --upstream http://127.0.0.1:12111`;

export function registerGateway(program: Command): void {
  program
    .command('gateway')
    .description('forward the docs pages\' Try-it requests to the API, adding the secret key on the server')
    .option('--port <n>', 'port to listen on (0: any free port)', '8787')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--upstream <url>', 'the API origin requests go to (http only to loopback, e.g. `sdkgen mock`)', GATEWAY_DEFAULTS.upstream)
    .option('--allow-origin <origins>', 'browser origins allowed to call, comma-separated (e.g. http://localhost:8080, or null for file:// pages)', commaList)
    .option('--public-host <names>', 'Host header values to accept besides the listening address (host:port), comma-separated', commaList)
    .option('--max-body <bytes>', 'largest request body accepted', String(GATEWAY_DEFAULTS.maxBodyBytes))
    .option('--rate <n>', 'requests per minute per client address', String(GATEWAY_DEFAULTS.rateLimit))
    .option('--timeout <ms>', 'time allowed for each upstream request', String(GATEWAY_DEFAULTS.upstreamTimeoutMs))
    .option('--spec <file|url>', 'OpenAPI 3 spec (default: the pinned spec)')
    .option('--operations <ids>', 'operationIds to forward, comma-separated', commaList)
    .option('--resources <names>', 'resources to forward, e.g. identity.verification_sessions', commaList)
    .addOption(new Option('--all', 'forward every operation of the spec').conflicts(['operations', 'resources']))
    .option('--config <file>', 'config file (default: ./sdkgen.config.json)')
    .addHelpText('after', HELP)
    .action(async (flags: GatewayFlags) => {
      const secretKey = process.env.STRIPE_SECRET_KEY ?? '';
      if (!secretKey) throw new SdkgenError('STRIPE_SECRET_KEY is not set', { hint: 'the gateway reads the Stripe key from its environment, never from a request' });
      const accessKey = process.env.SDKGEN_GATEWAY_KEY || undefined;
      const allowOrigins = (flags.allowOrigin ?? []).map(checkOrigin);
      if (allowOrigins.includes('null') && !accessKey) {
        throw new SdkgenError('--allow-origin null needs SDKGEN_GATEWAY_KEY', {
          hint: '"Origin: null" is also sent by sandboxed iframes on any website; set an access key and type it into the page',
        });
      }
      if (accessKey && accessKey.length < 16) throw new SdkgenError('SDKGEN_GATEWAY_KEY is too short', { hint: 'use 16 characters or more, e.g. `openssl rand -hex 16`' });

      const config = loadConfig(flags.config);
      const selectionGiven = flags.operations || flags.resources || flags.all;
      const spec = await loadSpec({ spec: flags.spec ?? config.spec, pinFile: path.resolve(config.root, config.pin), projectRoot: config.root });
      const model = buildModel(spec.document, {
        specSha256: spec.sha256,
        operations: flags.all ? undefined : selectionGiven ? flags.operations : config.operations,
        resources: flags.all ? undefined : selectionGiven ? flags.resources : config.resources,
      });
      const server = createGateway({
        routes: model.operations.map((op) => ({ id: op.id, method: op.method, path: op.path })),
        upstream: flags.upstream,
        secretKey,
        stripeVersion: model.apiVersion || undefined,
        allowOrigins,
        accessKey,
        publicHosts: flags.publicHost ?? [],
        maxBodyBytes: positive(flags.maxBody, '--max-body'),
        rateLimit: positive(flags.rate, '--rate'),
        rateWindowMs: 60_000,
        upstreamTimeoutMs: positive(flags.timeout, '--timeout'),
        log: (line) => process.stderr.write(`${line}\n`),
      });
      const url = await listen(server, flags.host, positive(flags.port, '--port', true));
      process.stdout.write(`sdkgen gateway listening on ${url} → ${new URL(flags.upstream).origin} (${model.operations.length} operations)\n`);
      if (allowOrigins.length === 0) process.stderr.write('no --allow-origin: browser pages cannot call this gateway, only non-browser clients\n');
      await closeOnSignals(server);
    });
}

/** An exact origin (`scheme://host[:port]`) or `null`; never a wildcard. */
function checkOrigin(origin: string): string {
  if (origin === 'null') return origin;
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.origin !== origin) {
    throw new SdkgenError(`--allow-origin: '${origin}' is not an origin`, { hint: 'write it as scheme://host[:port] with no path or trailing slash, e.g. http://localhost:8080' });
  }
  return origin;
}

function positive(text: string, flag: string, zeroOk = false): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < (zeroOk ? 0 : 1)) throw new SdkgenError(`${flag} must be a ${zeroOk ? 'non-negative' : 'positive'} integer`);
  return value;
}
