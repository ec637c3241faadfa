import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexDecls } from '../../generator/model/decl-index.js';
import type { ApiModel, Operation } from '../../generator/model/types.js';
import { model, sdkgen, tempDir } from '../support/project.js';
import { ParamsSampler } from '../support/sample-params.js';
import { endpointKey, stripeNodeMethods, type StripeNodeMethod } from '../support/stripe-node-endpoints.js';
import { prng } from '../runtime/prng.js';

/** What goes over the wire for one call, normalised where the two clients may differ without meaning. */
interface Recorded {
  method: string;
  host: string;
  path: string;
  query: string;
  stripeVersion: string | null;
  idempotencyKey: boolean;
  /** For a request with a body: its media type, without a multipart boundary. */
  contentType: string | null;
  /** Form bodies as sent; multipart bodies as their parts, in order. */
  body: string | Array<[string, string]>;
}

/**
 * Differences between the two clients that are deliberate, each with its reason, keyed by endpoint.
 * Kept to what cannot be made the same; the test fails if one of them stops differing.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {};

/** Sampled params per endpoint. */
const SAMPLES = 3;

const LIST_BODY = JSON.stringify({ object: 'list', data: [], has_more: false, url: '/v1/x' });

/** A `fetch` that answers every request at once and keeps what it was sent. */
function recordingFetch(log: Recorded[]) {
  return async (url: string | URL, init: { method?: string; headers?: HeadersInit; body?: unknown } = {}): Promise<Response> => {
    const target = new URL(String(url));
    const headers = new Headers(init.headers);
    const contentType = headers.get('content-type');
    const hasBody = init.body !== undefined && init.body !== '' && (init.method ?? 'GET') === 'POST';
    let body: Recorded['body'] = '';
    if (hasBody && contentType?.startsWith('multipart/form-data')) {
      const form = await new Response(init.body as BodyInit, { headers: { 'content-type': contentType } }).formData();
      body = [];
      const entries: Array<[string, FormDataEntryValue]> = [];
      form.forEach((value, name) => entries.push([name, value]));
      for (const [name, value] of entries) {
        body.push([name, typeof value === 'string' ? value : `file ${value.name} ${value.type} ${await value.text()}`]);
      }
    } else if (hasBody) {
      body = typeof init.body === 'string' ? init.body : new TextDecoder().decode(init.body as Uint8Array);
    }
    log.push({
      method: init.method ?? 'GET',
      host: target.host,
      path: target.pathname,
      query: target.search.replace(/^\?/, ''),
      stripeVersion: headers.get('stripe-version'),
      idempotencyKey: headers.has('idempotency-key'),
      contentType: (init.method ?? 'GET') === 'POST' ? (contentType?.replace(/;\s*boundary=.*$/, '') ?? null) : null,
      body,
    });
    return new Response(LIST_BODY, { status: 200, headers: { 'content-type': 'application/json', 'request-id': 'req_1' } });
  };
}

describe('every stripe-node method, through both clients', () => {
  let api: ApiModel;
  let pkg: Record<string, unknown> & { createCore(config: object): unknown };

  beforeAll(async () => {
    const out = path.join(tempDir('wire'), 'pkg');
    const result = sdkgen(['generate', '--all', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    api = await model({});
    pkg = (await import(pathToFileURL(path.join(out, 'src/index.ts')).href)) as typeof pkg;
  }, 120_000);

  it('sends the same method, host, path, query, headers and body as stripe@13.11.0 for sampled params', async () => {
    const Stripe = createRequire(import.meta.url)('stripe') as StripeConstructor;
    const theirs: Recorded[] = [];
    const ours: Recorded[] = [];
    // Both retry, so both send an Idempotency-Key on a POST (stripe-node only does when it may retry).
    const stripe = new Stripe('sk_test_wire', { httpClient: Stripe.createFetchHttpClient(recordingFetch(theirs)), maxNetworkRetries: 1 });
    const core = pkg.createCore({ apiKey: 'sk_test_wire', fetch: recordingFetch(ours), maxNetworkRetries: 1 });
    const index = indexDecls(api);
    const byEndpoint = new Map(api.operations.map((op) => [endpointKey(op.method, op.path), op]));
    const methods = stripeNodeMethods();
    const disagreements = new Map<string, string>();
    let compared = 0;
    const samples = new Map<string, Recorded | undefined>();
    const unmatched: string[] = [];
    for (const [i, method] of methods.entries()) {
      const key = endpointKey(method.method, method.fullPath);
      const op = byEndpoint.get(key);
      if (!op) {
        unmatched.push(`${[...method.resource, method.name].join('.')} (${key})`);
        continue;
      }
      compared++;
      // A few samples per endpoint: each takes its required fields and a different half of the optional ones.
      for (let round = 0; round < SAMPLES && !disagreements.has(key); round++) {
        const sampler = new ParamsSampler(index, prng(1000 * round + i));
        const params = op.params ? sampler.params(op.params.decl) : undefined;
        // Values that need escaping, to compare how each client encodes a path.
        const ids = op.pathParams.map((p, n) => `${p.name}_${n} /x`);
        // stripe-node refuses to make an ephemeral key without an explicit API version.
        const options = method.resource[0] === 'ephemeralKeys' ? { apiVersion: '2023-08-16' } : undefined;
        await callStripeNode(stripe, method, ids, params, options);
        await callOurs(pkg, core, op, ids, params, options);
        // Exactly one request each: a call that sent nothing, or twice, is a difference too.
        const [a, b] = [theirs.splice(0), ours.splice(0)];
        if (round === 0) samples.set(key, a[0]);
        try {
          expect(b, `${key} (ours)`).toEqual(a);
          expect(a).toHaveLength(1);
        } catch (e) {
          disagreements.set(key, (e as Error).message.split('\n').slice(0, 12).join('\n'));
        }
      }
    }
    const agree = compared - disagreements.size;
    console.log(
      `${api.operations.length} operations in the spec, ${methods.length} stripe-node methods, ${compared} with an endpoint in the spec, ` +
        `${agree} agree on the wire over ${SAMPLES} sampled calls each, ${disagreements.size} differ (${Object.keys(KNOWN_DIFFERENCES).length} known)`,
    );
    console.log(`stripe-node methods whose endpoint the spec lacks: ${unmatched.join(', ')}`);
    for (const [key, message] of disagreements) if (!(key in KNOWN_DIFFERENCES)) console.log(message);
    expect([...disagreements.keys()].filter((key) => !(key in KNOWN_DIFFERENCES))).toEqual([]);
    // A known difference that no longer shows is taken off the list.
    expect(Object.keys(KNOWN_DIFFERENCES).filter((key) => !disagreements.has(key))).toEqual([]);
    expect(compared).toBeGreaterThan(400);
    // The samples reach what this test is about: uploads, downloads, DELETE params, ordered path ids.
    expect(samples.get('POST /v1/files')).toMatchObject({ host: 'files.stripe.com', contentType: 'multipart/form-data' });
    expect((samples.get('POST /v1/files')!.body as string[][]).find(([name]) => name === 'file')).toEqual(['file', 'file evidence.pdf application/pdf %PDF-1.4 sample']);
    expect(samples.get('GET /v1/quotes/{}/pdf')).toMatchObject({ host: 'files.stripe.com', path: '/v1/quotes/quote_0%20%2Fx/pdf' });
    expect(samples.get('DELETE /v1/subscriptions/{}')?.query).not.toBe('');
    expect(samples.get('GET /v1/transfers/{}/reversals/{}')?.path).toBe('/v1/transfers/transfer_0%20%2Fx/reversals/id_1%20%2Fx');
    const withQuery = [...samples.values()].filter((r) => r && r.query !== '').length;
    const withBody = [...samples.values()].filter((r) => r && r.body !== '' && r.body.length > 0).length;
    console.log(`${withQuery} calls sent a query string, ${withBody} a body`);
  }, 120_000);
});

type StripeConstructor = (new (key: string, config: object) => Record<string, unknown>) & {
  createFetchHttpClient(fetch: unknown): unknown;
};

async function callStripeNode(stripe: Record<string, unknown>, method: StripeNodeMethod, ids: string[], params: object | undefined, options: object | undefined): Promise<void> {
  let resource: Record<string, unknown> = stripe;
  for (const name of method.resource) resource = resource[name] as Record<string, unknown>;
  const fn = resource[method.name] as (...args: unknown[]) => Promise<unknown>;
  await fn.call(resource, ...ids, params ?? {}, ...(options ? [options] : []));
}

async function callOurs(pkg: Record<string, unknown>, core: unknown, op: Operation, ids: string[], params: object | undefined, options: object | undefined): Promise<void> {
  const fn = pkg[op.names.flat] as (...args: unknown[]) => Promise<unknown>;
  await fn(core, ...ids, ...(op.params ? [params] : []), options);
}
