import crypto from 'node:crypto';
import http from 'node:http';
import type { OpenApiDocument } from '../../load/openapi-types.js';
import { BodyTooLarge, readBody } from '../read-body.js';
import { checkRequestTarget } from '../request-target.js';
import { RouteTable } from '../route-table.js';
import { sendError, sendJson } from '../stripe-error.js';
import { fakeResponse } from './fake-object.js';
import { decodeForm, FormDecodeError, type FormObject } from './form-decode.js';
import { OperationModels } from './operation-models.js';
import { specRoutes } from './spec-operations.js';
import { ParamValidator } from './validate-params.js';

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  target: string;
  operationId: string | undefined;
  headers: http.IncomingHttpHeaders;
  /** The raw body, exactly as received. */
  body: string;
}

export interface MockOptions {
  document: OpenApiDocument;
  specSha256: string;
  /** Every request, before it is answered (tests read what the mock received). */
  onRequest?: (request: RecordedRequest) => void;
  log?: (line: string) => void;
}

const MAX_BODY = 1024 * 1024;

/**
 * `sdkgen mock`: a local stand-in for the Stripe API, from the same model as the client. It routes
 * every operation of the spec, wants an API key (any), decodes the form body or query back to
 * nested values and checks them against the operation's params as Stripe does, answering a bad
 * request with Stripe's `400 invalid_request_error` and a good one with an object shaped by the
 * response schema. Nothing is stored: the same request always gets the same answer.
 */
export function createMock(options: MockOptions): http.Server {
  const routes = new RouteTable(specRoutes(options.document));
  const models = new OperationModels(options.document, options.specSha256);
  const log = options.log ?? (() => {});

  return http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    void (async () => {
      let body = '';
      try {
        body = (await readBody(req, MAX_BODY)).toString('utf8');
      } catch (error) {
        const status = error instanceof BodyTooLarge ? 413 : 400;
        return sendError(res, status, { type: 'invalid_request_error', message: 'The request body is too large or unreadable.' }, { Connection: 'close' });
      }
      const target = checkRequestTarget(req.url);
      const match = target.ok ? routes.match(method, target.pathname) : undefined;
      options.onRequest?.({ method, target: req.url ?? '', operationId: match?.route.id, headers: req.headers, body });
      const requestId = `req_${crypto.createHash('sha256').update(`${method} ${req.url}\n${body}`).digest('hex').slice(0, 14)}`;
      const headers: Record<string, string> = { 'Request-Id': requestId };
      if (typeof req.headers['stripe-version'] === 'string') headers['Stripe-Version'] = req.headers['stripe-version'];
      if (typeof req.headers['idempotency-key'] === 'string') headers['Idempotency-Key'] = req.headers['idempotency-key'];
      const answer = (status: number, payload: unknown) => {
        sendJson(res, status, payload, headers);
        log(`${method} ${target.ok ? target.pathname : '(bad target)'} ${status}${match ? ` ${match.route.id}` : ''}`);
      };

      if (!hasApiKey(req.headers.authorization)) {
        return answer(401, {
          error: { type: 'invalid_request_error', message: 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').' },
        });
      }
      if (!target.ok || !match) {
        const shown = target.ok ? target.pathname : req.url;
        return answer(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${shown}).` } });
      }

      const { op, index } = models.get(match.route.id);
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
      const problem = new ParamValidator(index, options.document).validate(op.params?.decl, params);
      if (problem) return answer(400, { error: { type: 'invalid_request_error', ...problem } });

      const pathValues = Object.fromEntries(Object.entries(match.params).map(([k, v]) => [k, safeDecode(v)]));
      answer(200, fakeResponse({ op, index, params, pathValues, seed: `${method} ${target.pathname}\n${body}${target.search}` }));
    })().catch((error: unknown) => {
      log(`${method} ${req.url} 500 ${(error as Error).message}`);
      if (!res.headersSent) sendError(res, 500, { type: 'api_error', message: 'The mock failed on this request.' });
    });
  });
}

/** Stripe takes the key as `Bearer <key>` or as the user of Basic auth (`curl -u sk_test_...:`). */
function hasApiKey(header: string | undefined): boolean {
  if (!header) return false;
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return value.trim() !== '';
  if (scheme?.toLowerCase() === 'basic') return Buffer.from(value, 'base64').toString('utf8').split(':')[0] !== '';
  return false;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
