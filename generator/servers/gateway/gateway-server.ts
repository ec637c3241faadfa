import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLarge, readBody } from '../read-body.js';
import { checkRequestFraming } from '../request-framing.js';
import { checkRequestTarget } from '../request-target.js';
import { RouteTable } from '../route-table.js';
import { sendError, type StripeError } from '../stripe-error.js';
import { forward, UpstreamFailure } from './forward.js';
import { GATEWAY_DEFAULTS, type GatewayOptions } from './gateway-options.js';
import { ALLOWED_REQUEST_HEADERS, corsHeaders, judgeOrigin } from './origin-policy.js';
import { RateLimiter } from './rate-limit.js';
import { Redactor } from './redact.js';
import { isLoopback, parseUpstream } from './upstream-url.js';

/** Upstream answer headers passed back to the caller; everything else (cookies first) is dropped. */
const PASSED_BACK = ['content-type', 'request-id', 'idempotency-key', 'stripe-version', 'stripe-should-retry'];

/**
 * `sdkgen gateway`: lets the docs pages (or curl) call the API without ever holding the secret key.
 * Each request passes, in order: the framing check (one Host, HTTP/1.x), the request-target check, the Host check, the origin policy, the
 * rate limit, the access key, the route allow-list and the body checks; only then is a new request
 * built for the upstream, from a short allow-list of headers plus the key. Refusals use Stripe's
 * error shape, and nothing the gateway writes (answers or log lines) can hold the key.
 */
export function createGateway(options: GatewayOptions): http.Server {
  const upstream = parseUpstream(options.upstream);
  const routes = new RouteTable(options.routes);
  const limiter = new RateLimiter(options.rateLimit, options.rateWindowMs);
  const redact = new Redactor([options.secretKey, options.accessKey]);
  const accessDigest = options.accessKey ? digest(options.accessKey) : undefined;

  const server = http.createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 60_000 }, (req, res) => {
    const started = performance.now();
    const client = req.socket.remoteAddress ?? 'unknown';
    const method = req.method ?? 'GET';
    let logged = req.url?.startsWith('/') ? req.url.split('?')[0]! : '(refused target)';
    let cors: Record<string, string> = {};

    const finish = (status: number, note: string) => {
      const ms = Math.round(performance.now() - started);
      options.log(redact.text(`${method} ${logged} ${status} ${note} ${ms}ms client=${client}`));
    };
    const refuse = (status: number, error: StripeError, note: string, headers: Record<string, string> = {}) => {
      sendError(res, status, { ...error, message: redact.text(error.message) }, { ...cors, ...headers });
      finish(status, note);
    };

    const framing = checkRequestFraming(req);
    if (framing) return refuse(400, { type: 'invalid_request_error', code: 'gateway_bad_request', message: framing }, 'bad-framing', { Connection: 'close' });
    const target = checkRequestTarget(req.url);
    if (!target.ok) return refuse(400, { type: 'invalid_request_error', code: 'gateway_bad_request_target', message: target.message }, 'bad-target', { Connection: 'close' });
    if (!hostAllowed(req.headers.host, server, options.publicHosts)) {
      return refuse(421, { type: 'invalid_request_error', code: 'gateway_host_not_allowed', message: 'The Host header names a server this gateway does not answer for.' }, 'foreign-host');
    }
    const origin = judgeOrigin(req.headers, options.allowOrigins);
    if (!origin.allowed) return refuse(403, { type: 'invalid_request_error', code: 'gateway_origin_not_allowed', message: origin.reason }, 'origin');
    cors = corsHeaders(origin.corsOrigin);

    if (method === 'OPTIONS') {
      const methods = routes.methodsAt(target.pathname);
      if (methods.length === 0) return refuse(404, notFound(method, target.pathname), 'preflight-no-route');
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': methods.join(', '),
        'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS.join(', '),
        'Access-Control-Max-Age': '600',
        ...(req.headers['access-control-request-private-network'] === 'true' && origin.corsOrigin ? { 'Access-Control-Allow-Private-Network': 'true' } : {}),
      });
      res.end();
      return finish(204, 'preflight');
    }

    const rate = limiter.take(client);
    if (!rate.allowed) {
      return refuse(429, { type: 'invalid_request_error', code: 'rate_limit', message: `Too many requests from this client; try again in ${rate.retryAfterSeconds} s.` }, 'rate-limited', {
        'Retry-After': String(rate.retryAfterSeconds),
      });
    }
    if (accessDigest && !sameSecret(accessDigest, req.headers['x-gateway-key'])) {
      return refuse(401, { type: 'authentication_error', code: 'gateway_access_key', message: 'This gateway needs its access key in the X-Gateway-Key header.' }, 'access-key');
    }

    const match = routes.match(method, target.pathname);
    if (!match) {
      const methods = routes.methodsAt(target.pathname);
      if (methods.length > 0) {
        return refuse(405, { type: 'invalid_request_error', code: 'gateway_method_not_allowed', message: `${method} is not one of the generated operations at this path.` }, 'method', { Allow: methods.join(', ') });
      }
      return refuse(404, notFound(method, target.pathname), 'not-allowed');
    }
    logged = `${target.pathname} (${match.route.id})`;

    const hasBody = method !== 'GET' && method !== 'DELETE';
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!hasBody && (Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'])) {
      return refuse(400, { type: 'invalid_request_error', code: 'gateway_unexpected_body', message: `${method} requests carry their parameters in the query string.` }, 'body-on-get', { Connection: 'close' });
    }
    if (hasBody && contentType !== '' && contentType !== 'application/x-www-form-urlencoded') {
      return refuse(415, { type: 'invalid_request_error', code: 'gateway_content_type', message: 'Send the parameters form-encoded (application/x-www-form-urlencoded), as Stripe expects.' }, 'content-type');
    }

    void (async () => {
      let body: Buffer | undefined;
      if (hasBody) {
        try {
          body = await readBody(req, options.maxBodyBytes);
        } catch (error) {
          if (error instanceof BodyTooLarge) {
            return refuse(413, { type: 'invalid_request_error', code: 'gateway_body_too_large', message: `The request body is over the gateway's limit of ${error.limit} bytes.` }, 'too-large', { Connection: 'close' });
          }
          return refuse(400, { type: 'invalid_request_error', code: 'gateway_body_unreadable', message: 'The request body could not be read.' }, 'body-error');
        }
      }
      const headers: Record<string, string> = {
        Authorization: `Bearer ${options.secretKey}`,
        Accept: 'application/json',
        'User-Agent': 'sdkgen-gateway',
      };
      if (options.stripeVersion) headers['Stripe-Version'] = options.stripeVersion;
      const idempotencyKey = req.headers['idempotency-key'];
      if (typeof idempotencyKey === 'string' && /^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) headers['Idempotency-Key'] = idempotencyKey;
      if (body !== undefined) {
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
        headers['Content-Length'] = String(body.length);
      }
      try {
        const answer = await forward({
          upstream,
          method,
          target: target.pathname + target.search,
          headers,
          body,
          timeoutMs: options.upstreamTimeoutMs,
          maxResponseBytes: GATEWAY_DEFAULTS.maxResponseBytes,
        });
        if (answer.status >= 300 && answer.status < 400) {
          return refuse(502, { type: 'api_error', code: 'gateway_upstream_redirect', message: 'The upstream answered with a redirect; the gateway follows none.' }, 'upstream-redirect');
        }
        const passed: Record<string, string> = {};
        for (const name of PASSED_BACK) {
          const value = answer.headers[name];
          if (typeof value === 'string') passed[name] = redact.text(value);
        }
        const out = redact.buffer(answer.body);
        res.writeHead(answer.status, { ...passed, ...cors, 'Content-Length': String(out.length), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
        res.end(out);
        finish(answer.status, 'forwarded');
      } catch (error) {
        const failure = error instanceof UpstreamFailure ? error : new UpstreamFailure('unreachable', 'The upstream request failed.');
        const status = failure.kind === 'timeout' ? 504 : 502;
        refuse(status, { type: 'api_error', code: `gateway_upstream_${failure.kind}`, message: failure.message }, `upstream-${failure.kind}`);
      }
    })();
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  // CONNECT (an authority-form target) would open a tunnel: answered, never followed.
  server.on('connect', (_req, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  return server;
}

function notFound(method: string, pathname: string): StripeError {
  return {
    type: 'invalid_request_error',
    code: 'gateway_route_not_allowed',
    message: `Unrecognized request URL (${method}: ${pathname}). The gateway forwards only the generated operations.`,
  };
}

/** Host names this server answers to: its own address (and localhost names on loopback), plus `--public-host`. */
function hostAllowed(host: string | undefined, server: http.Server, publicHosts: string[]): boolean {
  if (!host) return false;
  const address = server.address() as AddressInfo | null;
  if (!address) return false;
  const wanted = host.toLowerCase();
  const port = address.port;
  const names = new Set(publicHosts.map((h) => h.toLowerCase()));
  const own = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  names.add(`${own}:${port}`);
  if (isLoopback(address.address) || address.address === '0.0.0.0' || address.address === '::') {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) names.add(`${name}:${port}`);
  }
  return names.has(wanted);
}

function digest(text: string): Buffer {
  return crypto.createHash('sha256').update(text).digest();
}

function sameSecret(expected: Buffer, given: string | string[] | undefined): boolean {
  return typeof given === 'string' && crypto.timingSafeEqual(expected, digest(given));
}
