import http from 'node:http';
import type { OpenApiDocument } from '../../load/openapi-types.js';
import { buildModel } from '../../model/build-model.js';
import { indexDecls } from '../../model/decl-index.js';
import type { Selection } from '../../model/select-operations.js';
import type { ApiModel, Decl } from '../../model/types.js';
import { BodyTooLarge, readBody } from '../read-body.js';
import { checkRequestTarget } from '../request-target.js';
import { RouteTable, type RouteMatch, type RouteSpec } from '../route-table.js';
import { planOperations, type PlannedOperation } from './api-plan.js';
import { canExpand } from './expand.js';
import { faultAnswer, type FaultInjector } from './faults.js';
import { decodeForm, FormDecodeError, type FormObject } from './form-decode.js';
import { randomToken } from './object-builder.js';
import { MockStore } from './object-store.js';
import { StatefulApi } from './stateful-api.js';
import { ParamValidator } from './validate-params.js';
import { connectWebhooks, type WebhookWiring } from './webhooks/wiring.js';
import type { MockWebhooks } from './webhooks/mock-webhooks.js';

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  target: string;
  operationId: string | undefined;
  headers: http.IncomingHttpHeaders;
  /** The raw body, exactly as received. */
  body: string;
}

export type MockOptions = MockSettings & (
  | { /** The model to serve (built once, see mock-model.ts). */ model: ApiModel }
  | { document: OpenApiDocument; specSha256: string; /** What is served (as `generate` and `gateway` select); every operation when absent. */ selection?: Selection }
);

interface MockSettings {
  /** The objects; pass one to listen to its changes (`store.onChange`) or to keep it across servers. */
  store?: MockStore;
  faults?: FaultInjector;
  /** Every request, before it is answered (tests read what the mock received). */
  onRequest?: (request: RecordedRequest) => void;
  log?: (line: string) => void;
  /**
   * Events for the store's changes (`sdkgen mock --webhook`): kept for `GET /v1/events`, delivered
   * signed, and `POST /__mock/trigger` moves an object to a state. The caller closes it.
   */
  webhooks?: MockWebhooks;
}

export interface MockServer extends http.Server {
  store: MockStore;
}

const MAX_BODY = 1024 * 1024;
const STATE_PATH = '/__mock/state';

/**
 * `sdkgen mock`: a local Stripe that keeps state. It routes every operation of the model (built
 * once, at start), wants an API key (each key has its own objects), decodes and checks params as
 * Stripe does, and serves creates, reads, updates, deletes, lists, searches, expansions, lifecycles
 * and idempotent replays from its store; operations that are not about stored objects are answered
 * with an object shaped by the response schema.
 */
export function createMock(options: MockOptions): MockServer {
  const model = 'model' in options ? options.model : buildModel(options.document, { specSha256: options.specSha256, ...options.selection });
  const index = indexDecls(model);
  const plans = planOperations(model.operations, index);
  const routes = new MockRoutes(plans);
  const store = options.store ?? new MockStore();
  const api = new StatefulApi(plans, index, store);
  const validator = new ParamValidator(index);
  const log = options.log ?? (() => {});
  const webhooks: WebhookWiring | undefined = options.webhooks ? connectWebhooks(options.webhooks, store) : undefined;

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    void (async () => {
      let body = '';
      try {
        body = (await readBody(req, MAX_BODY)).toString('utf8');
      } catch (error) {
        const status = error instanceof BodyTooLarge ? 413 : 400;
        return send(res, status, errorBody({ type: 'invalid_request_error', message: 'The request body is too large or unreadable.' }), { Connection: 'close' });
      }
      const target = checkRequestTarget(req.url);
      const match = target.ok ? routes.match(method, target.pathname) : undefined;
      options.onRequest?.({ method, target: req.url ?? '', operationId: match?.route.id, headers: req.headers, body });
      const headers: Record<string, string> = { 'Request-Id': `req_${randomToken(14)}` };
      if (typeof req.headers['stripe-version'] === 'string') headers['Stripe-Version'] = req.headers['stripe-version'];
      const idempotencyKey = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
      if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
      const answer = (status: number, payload: unknown) => {
        if (status >= 400) headers['Stripe-Should-Retry'] = status === 409 || status >= 500 ? 'true' : 'false';
        const text = send(res, status, payload, headers);
        log(`${method} ${target.ok ? target.pathname : '(bad target)'} ${status}${match ? ` ${match.route.id}` : ''}`);
        return text;
      };

      if (target.ok && target.pathname === STATE_PATH && method === 'DELETE') {
        store.clear();
        webhooks?.clear();
        return answer(200, { object: 'mock_state', deleted: true });
      }
      const apiKey = apiKeyOf(req.headers.authorization);
      if (!apiKey) {
        return answer(401, {
          error: { type: 'invalid_request_error', message: 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').' },
        });
      }
      // Events and the webhooks' controls; the controls (trigger, delivery log) are not the API, so injected faults spare them.
      const control = target.ok && target.pathname.startsWith('/__mock/');
      const eventsRoute = () =>
        webhooks && target.ok
          ? webhooks.answer({ method, pathname: target.pathname, search: target.search, apiKey, body, contentType: req.headers['content-type'], requestId: headers['Request-Id']!, idempotencyKey })
          : undefined;
      const controlAnswer = control ? eventsRoute() : undefined;
      if (controlAnswer) return answer(controlAnswer.status, controlAnswer.body);
      const fault = options.faults?.next();
      if (fault === 'reset') {
        log(`${method} ${target.ok ? target.pathname : '(bad target)'} reset (fault)`);
        return req.socket.destroy();
      }
      if (fault) {
        const injected = faultAnswer(fault);
        headers['Stripe-Should-Retry'] = String(injected.shouldRetry);
        return send(res, injected.status, { error: injected.error }, headers);
      }
      const eventsAnswer = control ? undefined : eventsRoute();
      if (eventsAnswer) return answer(eventsAnswer.status, eventsAnswer.body);
      if (!target.ok || !match) {
        const shown = target.ok ? target.pathname : req.url;
        return answer(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${shown}).` } });
      }

      const plan = match.route.plan;
      let params: FormObject;
      try {
        const hasBody = method !== 'GET' && method !== 'DELETE';
        if (hasBody && body && !/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) {
          return answer(400, { error: { type: 'invalid_request_error', message: 'Stripe takes form-encoded bodies (application/x-www-form-urlencoded).' } });
        }
        params = decodeForm(hasBody ? body : target.search.slice(1));
      } catch (error) {
        if (!(error instanceof FormDecodeError)) throw error;
        return answer(400, { error: { type: 'invalid_request_error', message: error.message } });
      }

      const fingerprint = idempotencyKey && method === 'POST' ? `${method} ${target.pathname}\n${body}` : undefined;
      if (fingerprint) {
        const replay = store.replay(apiKey, idempotencyKey!);
        if (replay && MockStore.sameRequest(replay, fingerprint)) {
          headers['Idempotent-Replayed'] = 'true';
          log(`${method} ${target.pathname} ${replay.status} ${plan.op.id} (replayed)`);
          return sendText(res, replay.status, replay.body, headers);
        }
        if (replay) {
          return answer(400, {
            error: {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          });
        }
      }

      const expand = takeExpand(plan, params, index);
      if (typeof expand === 'string') return answer(400, { error: { type: 'invalid_request_error', param: 'expand', message: `This property cannot be expanded (${expand}).` } });
      const problem = validator.validate(plan.op.params?.decl, params);
      if (problem) return answer(400, { error: { type: 'invalid_request_error', ...problem } });

      const pathValues = Object.fromEntries(Object.entries(match.params).map(([k, v]) => [k, safeDecode(v)]));
      const request = { plan, apiKey, params, expand, pathValues, pathname: target.pathname, seed: `${method} ${target.pathname}\n${body}${target.search}` };
      // The store reports changes synchronously, so the events they make name this request.
      const result = webhooks ? webhooks.during({ requestId: headers['Request-Id']!, idempotencyKey }, () => api.handle(request)) : api.handle(request);
      const text = answer(result.status, result.body);
      if (fingerprint) store.remember(apiKey, idempotencyKey!, { request: fingerprint, status: result.status, body: text });
    })().catch((error: unknown) => {
      log(`${method} ${req.url} 500 ${(error as Error).message}`);
      if (!res.headersSent) send(res, 500, errorBody({ type: 'api_error', message: 'The mock failed on this request.' }), { 'Stripe-Should-Retry': 'false' });
    });
  });
  if (webhooks) server.on('close', webhooks.disconnect);
  return Object.assign(server, { store });
}

/** The route table split by method and segment count, so a request is matched against a handful of templates, not all. */
class MockRoutes {
  private readonly tables = new Map<string, RouteTable<RouteSpec & { plan: PlannedOperation }>>();

  constructor(plans: PlannedOperation[]) {
    const groups = new Map<string, (RouteSpec & { plan: PlannedOperation })[]>();
    for (const plan of plans) {
      const key = `${plan.op.method} ${plan.op.path.split('/').length}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push({ id: plan.op.id, method: plan.op.method, path: plan.op.path, plan });
    }
    for (const [key, group] of groups) this.tables.set(key, new RouteTable(group));
  }

  match(method: string, pathname: string): RouteMatch<RouteSpec & { plan: PlannedOperation }> | undefined {
    return this.tables.get(`${method} ${pathname.split('/').length}`)?.match(method, pathname);
  }
}

/**
 * Takes `expand` out of the params and checks each path against the spec's expandable fields (for a
 * list, under `data.`); returns the first path that cannot be expanded. An operation that takes no
 * `expand` leaves it in the params, where the validator reports it as unknown.
 */
function takeExpand(plan: PlannedOperation, params: FormObject, index: Map<string, Decl>): string[] | string {
  const raw = params.expand;
  const takes = plan.op.params?.decl.body.kind === 'interface' && plan.op.params.decl.body.properties.some((p) => p.name === 'expand');
  if (raw === undefined || !takes) return [];
  delete params.expand;
  const paths = typeof raw === 'string' ? [raw] : Object.keys(raw).sort((a, b) => Number(a) - Number(b)).map((k) => raw[k]!);
  const out: string[] = [];
  const isList = plan.role === 'list' || plan.role === 'search' || plan.op.response.kind !== 'object';
  for (const path of paths) {
    if (typeof path !== 'string') return 'expand';
    const inner = isList ? (path.startsWith('data.') ? path.slice(5) : undefined) : path;
    if (inner === undefined || !plan.decl || !canExpand(inner, plan.decl, index)) return path;
    out.push(path);
  }
  return out;
}

function errorBody(error: Record<string, string>): unknown {
  return { error };
}

function send(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string>): string {
  const text = `${JSON.stringify(payload, null, 2)}\n`;
  sendText(res, status, text, headers);
  return text;
}

function sendText(res: http.ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Stripe takes the key as `Bearer <key>` or as the user of Basic auth (`curl -u sk_test_...:`). */
function apiKeyOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return value.trim() || undefined;
  if (scheme?.toLowerCase() === 'basic') return Buffer.from(value, 'base64').toString('utf8').split(':')[0] || undefined;
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
